/** Object names: `name`, `owner.name`, `db.owner.name`, `db..name` (LEX-10), quoted or not. */
import type { QualifiedName } from '../ast/nodes';
import { tokenize } from '../tokens/tokenize';
import { Cursor, identValue, isIdentifier } from './cursor';

/** Parts of a dotted name; an empty part stands for `db..name`'s missing owner. */
export function parseNameParts(c: Cursor, what: string): string[] {
  const parts: string[] = [];
  const first = c.peek();
  if (!isIdentifier(first)) c.fail(`expected ${what}`);
  parts.push(identValue(c.next()));
  while (c.isPunct('.')) {
    c.next();
    if (c.isPunct('.')) {
      parts.push('');
      continue;
    }
    const t = c.peek();
    if (!isIdentifier(t)) c.fail(`expected a name part after '.' in ${what}`);
    parts.push(identValue(c.next()));
  }
  return parts;
}

export function toQualified(parts: readonly string[], what: string, c: Cursor): QualifiedName {
  const nonEmpty = (s: string | undefined): string | undefined =>
    s === undefined || s === '' ? undefined : s;
  switch (parts.length) {
    case 1:
      return { name: parts[0] as string };
    case 2:
      return { ...opt('owner', nonEmpty(parts[0])), name: parts[1] as string };
    case 3:
      return {
        ...opt('database', nonEmpty(parts[0])),
        ...opt('owner', nonEmpty(parts[1])),
        name: parts[2] as string,
      };
    default:
      return c.fail(`${what} has ${parts.length} parts (at most database.owner.name)`);
  }
}

export function parseQualifiedName(c: Cursor, what: string): QualifiedName {
  return toQualified(parseNameParts(c, what), what, c);
}

/** A name given as a string argument (`sp_bindrule r, 'dbo.t.c'`): tokenized as identifiers. */
export function namePartsFromString(value: string): string[] | undefined {
  const { tokens, lines } = tokenize(value, { quotedIdentifier: true });
  const c = new Cursor(tokens, value, lines);
  try {
    const parts = parseNameParts(c, 'name');
    return c.atEnd() ? parts : undefined;
  } catch {
    return undefined;
  }
}

function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** `dbo.t` style display name for diagnostics and reports. */
export function displayName(q: QualifiedName): string {
  return [q.database, q.owner, q.name].filter((p) => p !== undefined).join('.');
}
