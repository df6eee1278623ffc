/**
 * Default and check expressions are carried as ASE source text. Full function conversion (§5) is
 * the translator's job; here only what DDL-21 states for defaults is done, so that the text stays
 * byte-for-byte what the user wrote otherwise.
 */
import { scanExpr } from './scan';

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
  return scanExpr(text)
    .map((p) => {
      if (p.kind !== 'quoted' || !p.text.startsWith('"')) return p.text;
      const closed = p.text.length > 1 && p.text.endsWith('"');
      const inner = p.text.slice(1, closed ? -1 : undefined).replace(/""/g, '"');
      return quotedIdentifier ? `[${inner.replace(/]/g, ']]')}]` : `'${inner.replace(/'/g, "''")}'`;
    })
    .join('');
}
