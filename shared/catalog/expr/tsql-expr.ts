/**
 * Default and check expressions are carried as ASE source text. Full function conversion (§5) is
 * the translator's job; here only what DDL-21 states for defaults is done, so that the text stays
 * byte-for-byte what the user wrote otherwise.
 */
import { scanExpr, type Piece } from './scan';

/**
 * `user` as a whole default expression → `USER_NAME()` (DDL-21); double-quoted strings made
 * single-quoted (DDL-35); everything else unchanged.
 */
export function defaultExprToTsql(text: string, quotedIdentifier = false): string {
  const t = text.trim();
  if (/^user$/i.test(t)) return 'USER_NAME()';
  return doubleQuotesToTsql(stripOuterParens(t), quotedIdentifier);
}

/** Removes redundant outer parentheses so that `DEFAULT ((0))` is not doubled when we add ours. */
export function stripOuterParens(text: string): string {
  let t = text.trim();
  while (t.startsWith('(') && t.endsWith(')') && closesAtEnd(t)) t = t.slice(1, -1).trim();
  return t;
}

function closesAtEnd(t: string): boolean {
  let depth = 0;
  let pos = 0;
  for (const piece of scanExpr(t)) {
    if (piece.kind !== 'code') {
      pos += piece.text.length;
      continue;
    }
    for (let i = 0; i < piece.text.length; i++) {
      const ch = piece.text[i];
      if (ch === '(') depth++;
      else if (ch === ')') {
        depth--;
        if (depth === 0 && pos < t.length - 1) return false;
      }
      pos++;
    }
  }
  return depth === 0;
}

const NON_DETERMINISTIC =
  /\b(getdate|getutcdate|current_timestamp|current_date|current_time|sysdatetime|newid|rand|user|user_name|suser_name|host_name|db_name)\b/i;

/** DDL-20: expressions whose value cannot be persisted by SQL Server. */
export function isNonDeterministic(text: string): boolean {
  return scanExpr(text).some((p) => p.kind === 'code' && NON_DETERMINISTIC.test(p.text));
}

/** True when the expression is only a current-date/time call (DDL-20 → datetime column + DEFAULT). */
export function isCurrentTimeCall(text: string): boolean {
  return /^\s*(getdate\s*\(\s*\)|current_timestamp)\s*$/i.test(stripOuterParens(text));
}

/**
 * DDL-35 / LEX-01: with ASE's default `quoted_identifier off`, `"abc"` is a string literal; the
 * target runs with QUOTED_IDENTIFIER ON (§0.3), where it would be a column name. Double-quoted
 * pieces become `'abc'` (or `[abc]` when the script had quoted_identifier on).
 */
export function doubleQuotesToTsql(text: string, quotedIdentifier = false): string {
  const pieces = scanExpr(text);
  return pieces
    .map((p, i) => {
      if (p.kind !== 'quoted') return p.text;
      let literal: string;
      if (p.text.startsWith("'")) literal = p.text;
      else if (p.text.startsWith('"')) {
        const closed = p.text.length > 1 && p.text.endsWith('"');
        const inner = p.text.slice(1, closed ? -1 : undefined).replace(/""/g, '"');
        if (quotedIdentifier) return `[${inner.replace(/]/g, ']]')}]`;
        literal = `'${inner.replace(/'/g, "''")}'`;
      } else return p.text;
      return nationalPrefix(literal, pieces[i - 1]) + literal;
    })
    .join('');
}

/**
 * COL-06 / M22: a default or check literal holding a non-ASCII character gets the `N` prefix, else
 * SQL Server stores it through the database code page and loses what the page lacks (emoji, or
 * accents under a non-Latin collation). Nothing is added when the text already reads `N'...'`.
 */
function nationalPrefix(literal: string, before: Piece | undefined): string {
  if (!/\P{ASCII}/u.test(literal)) return '';
  const already =
    before !== undefined && before.kind === 'code' && /(^|[^A-Za-z0-9_@#$])N$/i.test(before.text);
  return already ? '' : 'N';
}
