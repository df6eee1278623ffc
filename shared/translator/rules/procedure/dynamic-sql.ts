/**
 * PROC-07: the text of `exec (...)` is ASE dialect built at run time; it is kept and flagged (WARN).
 * EXEC accepts only literals and variables joined with `+`, and in ASE a NULL part counts as ''
 * (STR-01): a text built from several parts is first assigned with CONCAT to a variable of its own.
 */
import type { Expression } from '../../ast/expressions';
import type { ProcStatement } from '../../ast/procedural';
import { call, mark } from '../build';
import type { RuleContext } from '../rule';

function operands(e: Expression): Expression[] {
  return e.kind === 'Binary' && e.op === '+' ? [...operands(e.left), ...operands(e.right)] : [e];
}

export function dynamicSql(s: ProcStatement, rc: RuleContext): ProcStatement | readonly ProcStatement[] {
  if (s.kind !== 'ExecDynamic') return s;
  rc.report(
    'dynamicSql',
    s.span,
    'exec(...) runs ASE text built at run time: check the generated statements against SQL Server (PROC-07)',
  );
  const parts = s.parts.flatMap(operands);
  if (parts.length < 2) return s;
  const span = s.span;
  const variable = { kind: 'Variable' as const, name: `@syb2ms_sql_${span.line}_${span.column}`, span };
  return [
    {
      kind: 'Declare',
      variables: [{ name: variable.name, type: { name: 'nvarchar', args: ['max'], span } }],
      span,
      comments: s.comments,
    },
    { kind: 'SetVariable', variable, expr: call('concat', parts, span), span, comments: [] },
    // already T-SQL: not given to this rule again
    mark<ProcStatement>({ kind: 'ExecDynamic', parts: [variable], span, comments: [] }),
  ];
}
