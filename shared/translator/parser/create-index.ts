/** `create [unique] [clustered|nonclustered] index` (§2.4 IDX rules). */
import type { CreateIndex, IndexColumn, IndexOption } from '../ast/nodes';
import { Cursor, identValue, isIdentifier } from './cursor';
import { parseQualifiedName } from './names';
import { parseSegment, parseWithOptions } from './options';

/** Cursor is after `create`; `unique`/`clustered`/`nonclustered`/`index` follow. */
export function parseCreateIndex(c: Cursor, from: number): CreateIndex {
  const unique = c.accept('unique');
  let clustered: boolean | undefined;
  if (c.accept('clustered')) clustered = true;
  else if (c.accept('nonclustered')) clustered = false;
  c.expectWord('index');
  const nameTok = c.peek();
  if (!isIdentifier(nameTok)) c.fail('expected an index name');
  const name = identValue(c.next());
  c.expectWord('on');
  const table = parseQualifiedName(c, 'table name');
  c.expectPunct('(');
  const columns: IndexColumn[] = [];
  do columns.push(parseKey(c));
  while (c.acceptPunct(','));
  c.expectPunct(')');
  let options: IndexOption[] = [];
  let segment: string | undefined;
  let local = false;
  for (;;) {
    if (c.accept('with')) options = options.concat(parseWithOptions(c));
    else if (c.accept('on')) segment = parseSegment(c);
    else if (c.accept('local', 'index')) {
      // IDX local index partitions: `local index p1 [on seg], p2 ...` (SQL Server aligns automatically)
      local = true;
      while (isIdentifier(c.peek()) && !c.isWord('with', 'on')) {
        c.next();
        if (c.accept('on')) parseSegment(c);
        if (!c.acceptPunct(',')) break;
      }
    } else break;
  }
  return {
    kind: 'CreateIndex',
    name,
    table,
    unique,
    ...(clustered !== undefined ? { clustered } : {}),
    columns,
    options,
    ...(segment !== undefined ? { segment } : {}),
    local,
    span: c.spanFrom(from),
    comments: [],
  };
}

/** A key: `col [asc|desc]`, or an expression (function-based index, IDX-12). */
function parseKey(c: Cursor): IndexColumn {
  const t = c.peek();
  const after = c.peek(1);
  const simple =
    isIdentifier(t) &&
    (after?.text === ',' || after?.text === ')' || ['asc', 'desc'].includes(after?.text.toLowerCase() ?? ''));
  if (simple) {
    const name = identValue(c.next());
    const order = c.accept('asc') ? 'asc' : c.accept('desc') ? 'desc' : undefined;
    return { name, ...(order !== undefined ? { order } : {}) };
  }
  const from = c.pos;
  let depth = 0;
  while (!c.atEnd()) {
    if (depth === 0 && (c.isPunct(',') || c.isPunct(')') || c.isWord('asc', 'desc'))) break;
    if (c.isPunct('(')) depth++;
    if (c.isPunct(')')) depth--;
    c.next();
  }
  if (c.pos === from) c.fail('expected an index key');
  const expr = c.exprOf(from);
  const order = c.accept('asc') ? 'asc' : c.accept('desc') ? 'desc' : undefined;
  return { expr, ...(order !== undefined ? { order } : {}) };
}
