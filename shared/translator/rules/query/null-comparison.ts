/**
 * QRY-07: `x = NULL` → `x IS NULL`, `x != NULL` / `x <> NULL` → `x IS NOT NULL`. ASE (ansinull
 * off) makes `= NULL` true for NULL values; SQL Server with ANSI_NULLS ON never does. Comparisons
 * with a variable that may hold NULL need the catalog's nullability (not done here).
 */
import type { Expression } from '../../ast/expressions';
import type { RuleContext } from '../rule';

const isNullLiteral = (e: Expression): boolean => e.kind === 'Literal' && e.type === 'null';

export function nullComparison(e: Expression, rc: RuleContext): Expression {
  if (e.kind !== 'Binary' || !['=', '!=', '<>'].includes(e.op)) return e;
  const other = isNullLiteral(e.right) ? e.left : isNullLiteral(e.left) ? e.right : undefined;
  if (other === undefined || isNullLiteral(other)) return e;
  const negated = e.op !== '=';
  rc.report('nullComparison', e.span, `${e.op} NULL → IS ${negated ? 'NOT ' : ''}NULL (QRY-07)`);
  return { kind: 'IsNull', expr: other, negated, span: e.span };
}
