/**
 * COL-06 / M22: a string literal without the `N` prefix is converted to the database code page by
 * SQL Server, so characters outside it (accents under a non-Latin collation, every emoji) become
 * `?`. ASE kept them in the server character set (utf8 servers in particular). Any literal holding
 * a character outside ASCII is therefore emitted as `N'...'`; pure ASCII literals are left as
 * they are because every code page holds them.
 */
import type { Expression } from '../../ast/expressions';
import type { RuleContext } from '../rule';

/** Any character outside 7-bit ASCII. */
export const NON_ASCII = /\P{ASCII}/u;

export function unicodeLiteral(e: Expression, rc: RuleContext): Expression {
  if (e.kind !== 'Literal' || e.type !== 'string' || e.national === true || !NON_ASCII.test(e.value))
    return e;
  rc.report(
    'unicodeLiteral',
    e.span,
    "string literal with non-ASCII characters → N'...' so no character is lost to the code page (COL-06)",
  );
  return { ...e, national: true };
}
