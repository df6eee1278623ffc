/**
 * STR-01 / STR-02: `'abc' + @v` concatenates NULL as '' in ASE but yields NULL in SQL Server. A `+`
 * chain with a string literal operand is a concatenation (ASE does not convert a string to a number
 * for `+`), so when another operand can be NULL (a column, variable or function result) the chain
 * becomes `CONCAT(...)`; an empty literal `''` there is one space in ASE and is written `' '`. A
 * chain of columns and variables only is left as written: its type is not known here.
 */
import type { Expression } from '../../ast/expressions';
import { call, str } from '../build';
import type { RuleContext } from '../rule';

function operands(e: Expression): Expression[] {
  return e.kind === 'Binary' && e.op === '+' ? [...operands(e.left), ...operands(e.right)] : [e];
}

const isString = (e: Expression): boolean => e.kind === 'Literal' && e.type === 'string';
const isLiteral = (e: Expression): boolean => e.kind === 'Literal';

export function concatenation(e: Expression, rc: RuleContext): Expression {
  if (e.kind !== 'Binary' || e.op !== '+') return e;
  const parts = operands(e);
  if (!parts.some(isString) || parts.every(isLiteral)) return e;
  rc.report(
    'concatNull',
    e.span,
    "string concatenation with a nullable operand → CONCAT (NULL is '' in ASE) (STR-01)",
  );
  const args = parts.map((p) => {
    if (p.kind !== 'Literal' || p.type !== 'string' || p.value !== '') return p;
    rc.report('emptyStringSpace', p.span, "'' in a concatenation is one space in ASE → ' ' (STR-02)");
    return str(' ', p.span, p.national === true);
  });
  return call('concat', args, e.span);
}
