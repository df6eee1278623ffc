/**
 * `grant` / `revoke` (§7.2 SEC-10 … SEC-23): object permissions with optional column lists
 * (before or after `on`), statement permissions (`grant create table to u`), `with grant option`,
 * `revoke grant option for ... cascade`.
 */
import type { Grant, QualifiedName } from '../ast/nodes';
import { Cursor, identValue, isIdentifier } from './cursor';
import { parseColumnList } from './constraints';
import { parseQualifiedName } from './names';

/** Cursor is after `grant` / `revoke`. */
export function parseGrant(c: Cursor, from: number, kind: 'Grant' | 'Revoke'): Grant {
  const grantOptionFor = kind === 'Revoke' && c.accept('grant', 'option', 'for');
  const privileges: string[] = [];
  let columns: string[] = [];
  do {
    const words: string[] = [];
    while (c.peek()?.kind === 'word' && !c.isWord('on', 'to', 'from'))
      words.push((c.next().text as string).toLowerCase());
    if (words.length === 0) c.fail('expected a privilege');
    if (words[0] === 'all' && words[1] === 'privileges') words.splice(1, 1);
    privileges.push(words.join(' '));
    if (c.isPunct('(')) columns = columns.concat(parseColumnList(c));
  } while (c.acceptPunct(','));
  let object: QualifiedName | undefined;
  if (c.accept('on')) {
    object = parseQualifiedName(c, 'object name');
    if (c.isPunct('(')) columns = columns.concat(parseColumnList(c));
  }
  if (kind === 'Grant') c.expectWord('to');
  else c.expectWord('from', 'to');
  const principals: string[] = [];
  do {
    if (!isIdentifier(c.peek()) && c.peek()?.kind !== 'string') c.fail('expected a user, group or role');
    const t = c.next();
    principals.push(t.kind === 'string' ? t.value : identValue(t));
  } while (c.acceptPunct(','));
  const withGrantOption = c.accept('with', 'grant', 'option');
  const cascade = c.accept('cascade');
  return {
    kind,
    privileges,
    ...(object !== undefined ? { object } : {}),
    columns,
    principals,
    withGrantOption,
    grantOptionFor,
    cascade,
    span: c.spanFrom(from),
    comments: [],
  };
}
