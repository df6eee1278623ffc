/** `create table` / `create existing table` with every clause of §2 (DDL rules). */
import type { ColumnDef, CreateTable, IndexOption, PartitionSpec, TableConstraint } from '../ast/nodes';
import { parseColumnDef } from './column-def';
import { CONSTRAINT_START, parseConstraint } from './constraints';
import { Cursor, identValue, isIdentifier } from './cursor';
import { parseQualifiedName } from './names';
import { parseSegment, parseWithOptions } from './options';

/** Cursor is after `create [existing] table`. */
export function parseCreateTable(c: Cursor, from: number, existing: boolean): CreateTable {
  const name = parseQualifiedName(c, 'table name');
  const columns: ColumnDef[] = [];
  const constraints: TableConstraint[] = [];
  c.expectPunct('(');
  do {
    // ASE accepts a trailing comma before the closing parenthesis
    if (c.isPunct(')') && columns.length + constraints.length > 0) break;
    if (
      c.isWord(...CONSTRAINT_START.filter((w) => w !== 'references')) &&
      !(c.isWord('constraint') && c.word(2) === 'default')
    ) {
      constraints.push(parseConstraint(c));
    } else columns.push(parseColumnDef(c));
  } while (c.acceptPunct(','));
  c.expectPunct(')');

  let lockScheme: string | undefined;
  let options: IndexOption[] = [];
  let segment: string | undefined;
  let partition: PartitionSpec | undefined;
  let proxy: { location?: string } | undefined = existing ? {} : undefined;
  for (;;) {
    if (c.accept('lock')) lockScheme = c.expectWord('allpages', 'datapages', 'datarows');
    else if (c.accept('with')) options = options.concat(parseWithOptions(c));
    else if (c.accept('on')) segment = parseSegment(c);
    else if (c.isWord('partition') && c.word(1) === 'by') partition = parsePartition(c);
    else if (c.accept('external')) {
      // DDL-14 proxy tables: `external table|procedure|file at 'server.db.owner.t'`
      if (c.isWord('table', 'procedure', 'file', 'directory')) c.next();
      c.expectWord('at');
      proxy = { location: stringValue(c) };
    } else if (c.accept('at')) proxy = { location: stringValue(c) };
    else break;
  }
  return {
    kind: 'CreateTable',
    name,
    columns,
    constraints,
    ...(lockScheme !== undefined ? { lockScheme } : {}),
    options,
    ...(segment !== undefined ? { segment } : {}),
    ...(partition !== undefined ? { partition } : {}),
    ...(proxy !== undefined ? { proxy } : {}),
    span: c.spanFrom(from),
    comments: [],
  };
}

function stringValue(c: Cursor): string {
  const t = c.next();
  if (t.kind !== 'string' && t.kind !== 'quoted') c.fail('expected a quoted location');
  return t.value;
}

/**
 * `partition by range (c) (p1 values <= (10) on s1, p2 values <= (MAX))`,
 * `partition by hash (c) (p1, p2)` / `partition by hash (c) 4 [on (s1, s2)]`,
 * `partition by list (c) (p1 values (1, 2))`, `partition by roundrobin 3 | (p1 on s1, ...)`.
 */
export function parsePartition(c: Cursor): PartitionSpec {
  const from = c.pos;
  c.expectWord('partition');
  c.expectWord('by');
  const method = c.expectWord('range', 'hash', 'list', 'roundrobin') as PartitionSpec['method'];
  const columns: string[] = [];
  if (method !== 'roundrobin') {
    c.expectPunct('(');
    do {
      const t = c.peek();
      if (!isIdentifier(t)) c.fail('expected a partition column');
      columns.push(identValue(c.next()));
    } while (c.acceptPunct(','));
    c.expectPunct(')');
  }
  const partitions: { name?: string; values: string[]; segment?: string }[] = [];
  let count: number | undefined;
  if (c.peek()?.kind === 'number') {
    count = Number(c.next().text);
    if (c.accept('on')) {
      // segments for n generated partitions: one entry per segment, names absent
      c.expectPunct('(');
      do partitions.push({ values: [], segment: parseSegment(c) });
      while (c.acceptPunct(','));
      c.expectPunct(')');
    }
  } else {
    c.expectPunct('(');
    do {
      const p: { name?: string; values: string[]; segment?: string } = { values: [] };
      if (isIdentifier(c.peek()) && !c.isWord('values', 'on')) p.name = identValue(c.next());
      if (c.accept('values')) {
        if (c.isOp('<=')) c.next();
        c.expectPunct('(');
        do {
          const vFrom = c.pos;
          let depth = 0;
          while (!c.atEnd() && !(depth === 0 && (c.isPunct(',') || c.isPunct(')')))) {
            if (c.isPunct('(')) depth++;
            if (c.isPunct(')')) depth--;
            c.next();
          }
          if (c.pos === vFrom) c.fail('expected a partition bound');
          p.values.push(c.exprOf(vFrom).text);
        } while (c.acceptPunct(','));
        c.expectPunct(')');
      }
      if (c.accept('on')) p.segment = parseSegment(c);
      partitions.push(p);
    } while (c.acceptPunct(','));
    c.expectPunct(')');
  }
  return { method, columns, partitions, ...(count !== undefined ? { count } : {}), span: c.spanFrom(from) };
}
