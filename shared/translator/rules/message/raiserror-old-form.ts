/**
 * MSG-02 / MSG-03: ASE `raiserror 20001 "Bad value %1!", @v` → `RAISERROR(...)` with severity 16
 * (ASE user errors are 16) and state 1, execution continuing as in ASE. The message is built like
 * print's (MSG-01) into a variable first, since RAISERROR takes a literal or variable; `%` is
 * doubled so RAISERROR does not read it as a format. The error number is lost (@@ERROR = 50000):
 * WARN; the ASE number is kept at the start of the text (`[20001] Bad value ...`) for callers that
 * parse it. A number alone (text from sysusermessages), a variable number or `with errordata` are
 * carried for a person (MANUAL).
 */
import type { Expression } from '../../ast/expressions';
import type { ProcStatement, RaiseError } from '../../ast/procedural';
import { translatorCodes } from '../../codes';
import { call, intValue, num, str } from '../build';
import type { RuleContext } from '../rule';
import { manualStatement } from '../rule';
import { formatMessage } from './print-placeholders';

/** The T-SQL statements of one ASE raiserror, or undefined when it must be carried (reported). */
export function raiserrorStatements(s: RaiseError, rc: RuleContext): ProcStatement[] | undefined {
  const number = s.number !== undefined ? intValue(s.number) : undefined;
  const why =
    s.message === undefined
      ? 'raiserror with a number only takes its text from sysusermessages: register the message (sp_addmessage / message table, AZ-06) and raise it (MSG-02)'
      : number === undefined
        ? 'raiserror with a variable error number: keep the number where callers read it and raise the text (MSG-02)'
        : s.with.some((w) => w.startsWith('errordata'))
          ? 'raiserror with errordata has no SQL Server form (MSG-02)'
          : undefined;
  if (why !== undefined || s.message === undefined || number === undefined) {
    rc.report('raiserrorManual', s.span, why ?? 'raiserror form not converted');
    return undefined;
  }
  rc.report(
    'raiserrorOld',
    s.span,
    `raiserror ${number} → RAISERROR(..., 16, 1): @@ERROR is 50000 instead of ${number}; update callers that test the number (MSG-02/03)`,
  );
  const span = s.span;
  const text = formatMessage(s.message, s.args);
  const withs = s.with.filter((w) => w !== 'seterror');
  const base = { comments: s.comments, span };
  // a literal without placeholders needs no variable: `%` doubled in the literal itself
  if (text.kind === 'Literal' && text.type === 'string')
    return [
      {
        kind: 'RaiseError',
        form: 'tsql',
        message: str(`[${number}] ${text.value}`.replace(/%/g, '%%'), span, true),
        severity: num(16, span),
        state: num(1, span),
        args: [],
        with: withs,
        ase: { number, text },
        ...base,
      },
    ];
  const variable = `@syb2ms_msg_${s.span.line}_${s.span.column}`;
  const parts = text.kind === 'FunctionCall' && text.name[0] === 'concat' ? text.args : [text];
  const escaped: Expression = call(
    'replace',
    [
      call('concat', [str(`[${number}] `, span, true), ...parts], span),
      str('%', span, true),
      str('%%', span, true),
    ],
    span,
  );
  return [
    {
      kind: 'Declare',
      variables: [{ name: variable, type: { name: 'nvarchar', args: [2048], span } }],
      ...base,
      comments: s.comments,
    },
    {
      kind: 'SetVariable',
      variable: { kind: 'Variable', name: variable, span },
      expr: escaped,
      span,
      comments: [],
    },
    {
      kind: 'RaiseError',
      form: 'tsql',
      message: { kind: 'Variable', name: variable, span },
      severity: num(16, span),
      state: num(1, span),
      args: [],
      with: withs,
      ase: { number, text },
      span,
      comments: [],
    },
  ];
}

export function raiserrorOldForm(
  s: ProcStatement,
  rc: RuleContext,
): ProcStatement | readonly ProcStatement[] {
  if (s.kind !== 'RaiseError' || s.form !== 'ase') return s;
  const out = raiserrorStatements(s, rc);
  if (out === undefined) {
    return manualStatement(rc, s, 'raiserrorManual', translatorCodes.raiserrorManual.summary);
  }
  return out.length === 1 ? (out[0] as ProcStatement) : out;
}
