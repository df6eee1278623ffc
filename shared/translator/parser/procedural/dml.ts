/** insert (with or without `into`), `update ... from`, `delete [from] t from ...`, truncate (§4.8). */
import type { ColumnRef, Expression, Variable } from '../../ast/expressions';
import type { Assignment, Delete, Insert, Truncate, Update } from '../../ast/queries';
import { Cursor, identValue, isIdentifier } from '../cursor';
import { parseQualifiedName } from '../names';
import { parseExpression, parseList } from './expression';
import { parseExec } from './exec';
import { parseAlias, parseSelect, parseSources, parseTop } from './select';

export function parseInsert(c: Cursor, from: number): Insert {
  c.expectWord('insert');
  c.accept('into');
  const table = parseQualifiedName(c, 'insert table');
  const columns: string[] = [];
  if (c.isPunct('(') && c.word(1) !== 'select') {
    c.next();
    do {
      const t = c.next();
      if (!isIdentifier(t)) c.fail('expected a column name');
      columns.push(identValue(t));
    } while (c.acceptPunct(','));
    c.expectPunct(')');
  }
  let source: Insert['source'];
  if (c.accept('values')) {
    const rows: Expression[][] = [];
    do {
      c.expectPunct('(');
      rows.push(c.isPunct(')') ? [] : parseList(c));
      c.expectPunct(')');
    } while (c.acceptPunct(','));
    source = { kind: 'values', rows };
  } else if (c.accept('default', 'values')) source = { kind: 'default' };
  else if (c.isWord('select')) source = { kind: 'select', query: parseSelect(c) };
  else if (c.isPunct('(') && c.word(1) === 'select') {
    c.next();
    source = { kind: 'select', query: parseSelect(c) };
    c.expectPunct(')');
  } else if (c.isWord('exec', 'execute')) source = { kind: 'exec', exec: parseExec(c, c.pos) };
  else return c.fail('expected values, select or exec after insert');
  return { kind: 'Insert', table, columns, source, span: c.spanFrom(from), comments: [] };
}

export function parseUpdate(c: Cursor, from: number): Update {
  c.expectWord('update');
  const top = parseTop(c);
  const table = parseQualifiedName(c, 'update table');
  const alias = c.isWord('set') ? undefined : parseAlias(c, false);
  c.expectWord('set');
  const set: Assignment[] = [];
  do {
    const start = c.pos;
    const t = c.peek();
    let column: ColumnRef | Variable;
    if (t?.kind === 'variable') {
      c.next();
      column = { kind: 'Variable', name: t.text, span: t.span };
    } else {
      const parts: string[] = [];
      do {
        const p = c.next();
        if (!isIdentifier(p)) c.fail('expected a column name in set');
        parts.push(identValue(p));
      } while (c.acceptPunct('.'));
      column = { kind: 'ColumnRef', parts, span: c.spanFrom(start) };
    }
    if (!c.isOp('=')) c.fail("expected '=' in set");
    c.next();
    set.push({ column, expr: parseExpression(c) });
  } while (c.acceptPunct(','));
  const sources = c.accept('from') ? parseSources(c) : [];
  const { where, currentOf } = parseWhere(c);
  return {
    kind: 'Update',
    ...(top !== undefined ? { top } : {}),
    table,
    ...(alias !== undefined ? { alias } : {}),
    set,
    from: sources,
    ...(where !== undefined ? { where } : {}),
    ...(currentOf !== undefined ? { currentOf } : {}),
    span: c.spanFrom(from),
    comments: [],
  };
}

export function parseDelete(c: Cursor, from: number): Delete {
  c.expectWord('delete');
  const top = parseTop(c);
  c.accept('from');
  const table = parseQualifiedName(c, 'delete table');
  const sources = c.accept('from') ? parseSources(c) : [];
  const { where, currentOf } = parseWhere(c);
  return {
    kind: 'Delete',
    ...(top !== undefined ? { top } : {}),
    table,
    from: sources,
    ...(where !== undefined ? { where } : {}),
    ...(currentOf !== undefined ? { currentOf } : {}),
    span: c.spanFrom(from),
    comments: [],
  };
}

function parseWhere(c: Cursor): { where?: Expression; currentOf?: string } {
  if (!c.accept('where')) return {};
  if (c.accept('current', 'of')) {
    const t = c.next();
    if (!isIdentifier(t)) c.fail('expected a cursor name');
    return { currentOf: identValue(t) };
  }
  return { where: parseExpression(c) };
}

export function parseTruncate(c: Cursor, from: number): Truncate {
  c.expectWord('truncate');
  c.expectWord('table');
  const table = parseQualifiedName(c, 'truncate table');
  return { kind: 'Truncate', table, span: c.spanFrom(from), comments: [] };
}
