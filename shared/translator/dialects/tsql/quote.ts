/**
 * T-SQL quoting helpers. Every identifier the tool emits goes through
 * quoteIdent so that a name containing `]` cannot break out of its brackets,
 * and every literal goes through sqlString so a value cannot break out of N'...'.
 */

/** `name` → `[name]`, with `]` doubled. An already-bracketed name is not re-quoted twice: callers pass raw names. */
export function quoteIdent(name: string): string {
  return `[${name.replace(/]/g, ']]')}]`;
}

/** `schema`, `name` → `[schema].[name]`. */
export function quoteQualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** Quote each part of a multi-part name that is present: `['db', undefined, 't']` → `[db]..[t]`. */
export function quoteParts(parts: readonly (string | undefined)[]): string {
  return parts.map((p) => (p === undefined || p === '' ? '' : quoteIdent(p))).join('.');
}

/** Unicode string literal with `'` doubled: `O'Brien` → `N'O''Brien'`. */
export function sqlString(value: string): string {
  return `N'${value.replace(/'/g, "''")}'`;
}
