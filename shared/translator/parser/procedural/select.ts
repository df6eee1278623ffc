/**
 * `select` with the ASE clauses (§4.6, §4.8): distinct, top, `alias = expr`, `@v = expr`, into,
 * old-style comma joins and ANSI joins, lock hints, group by [all], having, order by, compute,
 * union, for read only/update, at isolation, plan.
 */
import type { Expression } from '../../ast/expressions';
import type { OrderItem, Select, SelectItem, TableHint, TableSource } from '../../ast/queries';
import { Cursor, identValue, isIdentifier } from '../cursor';
import { parseQualifiedName } from '../names';
import { startsStatement } from '../boundaries';
import { parseExpression, parseList } from './expression';
import { RESERVED } from './reserved';

export function parseSelect(c: Cursor): Select {
  const from = c.pos;
  c.expectWord('select');
  let distinct = false;
  if (c.accept('distinct')) distinct = true;
  else c.accept('all');
  const top = parseTop(c);
  const items = parseSelectItems(c);
  const into = c.accept('into') ? parseQualifiedName(c, 'select into table') : undefined;
  const sources = c.accept('from') ? parseSources(c) : [];
  const where = c.accept('where') ? parseExpression(c) : undefined;
  let groupBy: Select['groupBy'];
  if (c.accept('group', 'by')) {
    const all = c.accept('all');
    groupBy = { all, exprs: parseList(c) };
  }
  const having = c.accept('having') ? parseExpression(c) : undefined;
  let union: Select['union'];
  if (c.accept('union')) {
    const all = c.accept('all');
    union = { all, query: parseSelect(c) };
  }
  const orderBy = union === undefined && c.accept('order', 'by') ? parseOrderBy(c) : [];
  if (c.isWord('compute')) c.aseOnly('compute');
  const compute = union === undefined && c.isWord('compute') ? parseCompute(c) : undefined;
  let forClause: Select['forClause'];
  if (c.isWord('for') && ['read', 'update', 'browse'].includes(c.word(1) ?? '')) {
    c.next();
    if (c.accept('read', 'only')) forClause = { mode: 'read only', columns: [] };
    else {
      c.expectWord('update');
      const columns: string[] = [];
      if (c.accept('of')) {
        do columns.push(identValue(c.next()));
        while (c.acceptPunct(','));
      }
      forClause = { mode: 'update', columns };
    }
  }
  let isolation: string | undefined;
  if (c.isWord('at') && c.word(1) === 'isolation') c.aseOnly('at isolation');
  if (c.accept('at', 'isolation')) {
    const words: string[] = [];
    while (
      c.peek()?.kind === 'number' ||
      c.isWord('read', 'uncommitted', 'committed', 'repeatable', 'serializable')
    )
      words.push(c.next().text.toLowerCase());
    isolation = words.join(' ');
  }
  let plan: string | undefined;
  if (c.isWord('plan') && c.peek(1)?.kind === 'string') {
    c.aseOnly('plan clause');
    c.next();
    plan = c.next().value;
  }
  return {
    kind: 'Select',
    distinct,
    ...(top !== undefined ? { top } : {}),
    items,
    ...(into !== undefined ? { into } : {}),
    from: sources,
    ...(where !== undefined ? { where } : {}),
    ...(groupBy !== undefined ? { groupBy } : {}),
    ...(having !== undefined ? { having } : {}),
    orderBy,
    ...(compute !== undefined ? { compute } : {}),
    ...(union !== undefined ? { union } : {}),
    ...(forClause !== undefined ? { forClause } : {}),
    ...(isolation !== undefined ? { isolation } : {}),
    ...(plan !== undefined ? { plan } : {}),
    span: c.spanFrom(from),
    comments: [],
  };
}

/** `top n` (ASE 12.5.3+) or `TOP (n)` (T-SQL). */
export function parseTop(c: Cursor): Expression | undefined {
  if (!c.accept('top')) return undefined;
  if (c.isPunct('(')) {
    c.next();
    const e = parseExpression(c);
    c.expectPunct(')');
    return e;
  }
  const t = c.next();
  if (t.kind === 'number') return { kind: 'Literal', type: 'number', value: t.text, span: t.span };
  if (t.kind === 'variable') return { kind: 'Variable', name: t.text, span: t.span };
  return c.fail('expected a number after top');
}

function parseSelectItems(c: Cursor): SelectItem[] {
  const items: SelectItem[] = [];
  do items.push(parseSelectItem(c));
  while (c.acceptPunct(','));
  return items;
}

/** A select-list value cannot be a condition (`select a = b = 1`): T-SQL and ASE reject it. */
function value(c: Cursor): Expression {
  const from = c.pos;
  const e = parseExpression(c);
  const condition =
    (e.kind === 'Binary' && !['+', '-', '*', '/', '%', '&', '|', '^'].includes(e.op)) ||
    ['Between', 'InList', 'InQuery', 'Like', 'IsNull', 'Exists'].includes(e.kind) ||
    (e.kind === 'Unary' && e.op === 'not');
  if (condition) {
    c.pos = from;
    c.fail('a condition is not a select-list value');
  }
  return e;
}

function parseSelectItem(c: Cursor): SelectItem {
  const t = c.peek();
  if (t?.kind === 'variable' && c.isOp('=', 1)) {
    c.pos += 2;
    return { assign: { kind: 'Variable', name: t.text, span: t.span }, expr: value(c) };
  }
  // `alias = expr`: a name or string followed by `=` (comparisons cannot stand in a select list)
  if (t !== undefined && (isAliasToken(c, 0) || t.kind === 'string') && c.isOp('=', 1)) {
    c.pos += 2;
    return { alias: t.kind === 'word' ? t.text : t.value, expr: value(c) };
  }
  const expr = value(c);
  const alias = parseAlias(c);
  return { expr, ...(alias !== undefined ? { alias } : {}) };
}

function isAliasToken(c: Cursor, k: number): boolean {
  const t = c.peek(k);
  if (t === undefined) return false;
  if (t.kind === 'quoted') return true;
  return t.kind === 'word' && !RESERVED.has(t.text.toLowerCase());
}

/** `[as] alias` where alias is a non-reserved word, a quoted name or (select lists) a string. */
export function parseAlias(c: Cursor, allowString = true): string | undefined {
  if (c.isWord('as')) {
    c.next();
    const t = c.next();
    if (t.kind === 'string' && allowString) return t.value;
    if (!isIdentifier(t)) c.fail('expected an alias after as');
    return identValue(t);
  }
  if (isAliasToken(c, 0)) return identValue(c.next());
  if (allowString && c.peek()?.kind === 'string' && !startsStatement(c, 'select')) return c.next().value;
  return undefined;
}

export function parseSources(c: Cursor): TableSource[] {
  const sources: TableSource[] = [];
  do sources.push(parseJoined(c));
  while (c.acceptPunct(','));
  return sources;
}

function parseJoined(c: Cursor): TableSource {
  const from = c.pos;
  let left = parseSource(c);
  for (;;) {
    let type: 'inner' | 'left' | 'right' | 'full' | 'cross' | undefined;
    if (c.accept('join') || c.accept('inner', 'join')) type = 'inner';
    else if (c.accept('left', 'outer', 'join') || c.accept('left', 'join')) type = 'left';
    else if (c.accept('right', 'outer', 'join') || c.accept('right', 'join')) type = 'right';
    else if (c.accept('full', 'outer', 'join') || c.accept('full', 'join')) type = 'full';
    else if (c.accept('cross', 'join')) type = 'cross';
    if (type === undefined) return left;
    const right = parseSource(c);
    let on: Expression | undefined;
    if (type !== 'cross') {
      c.expectWord('on');
      on = parseExpression(c);
    }
    left = { kind: 'Join', type, left, right, ...(on !== undefined ? { on } : {}), span: c.spanFrom(from) };
  }
}

function parseSource(c: Cursor): TableSource {
  const from = c.pos;
  if (c.isPunct('(') && c.word(1) === 'select') {
    c.next();
    const query = parseSelect(c);
    c.expectPunct(')');
    const alias = parseAlias(c, false);
    if (alias === undefined) c.fail('expected an alias for the derived table');
    return { kind: 'DerivedTable', query, alias, span: c.spanFrom(from) };
  }
  if (c.isPunct('(')) {
    c.next();
    const inner = parseJoined(c);
    c.expectPunct(')');
    return inner;
  }
  const w = c.word();
  if (w !== undefined && RESERVED.has(w)) c.fail('expected a table name');
  const name = parseQualifiedName(c, 'table name');
  const alias = parseAlias(c, false);
  const hints = parseHints(c);
  return { kind: 'TableRef', name, ...(alias !== undefined ? { alias } : {}), hints, span: c.spanFrom(from) };
}

const HINT_WORDS = new Set(['holdlock', 'noholdlock', 'readpast', 'shared', 'nolock']);
const PAREN_HINTS = new Set([
  'index',
  'prefetch',
  'lru',
  'mru',
  'parallel',
  'nolock',
  'holdlock',
  'readpast',
  'updlock',
  'rowlock',
  'tablock',
  'tablockx',
  'xlock',
  'readcommitted',
  'readuncommitted',
  'repeatableread',
  'serializable',
  'readcommittedlock',
]);

/** `holdlock`, `(index i prefetch 16 mru)`, `with (nolock)` (T-SQL) ... */
function parseHints(c: Cursor): TableHint[] {
  const hints: TableHint[] = [];
  for (;;) {
    const w = c.word();
    if (w !== undefined && HINT_WORDS.has(w)) {
      c.aseOnly(`table hint ${w} without WITH`);
      c.next();
      hints.push({ name: w });
      continue;
    }
    const withParen = c.isWord('with') && c.isPunct('(', 1);
    const open = withParen ? 1 : 0;
    if (c.isPunct('(', open) && PAREN_HINTS.has(c.word(open + 1) ?? '')) {
      if (!withParen) c.aseOnly('table hint without WITH');
      c.pos += open + 1;
      while (!c.isPunct(')')) {
        const h = c.expectWord(...PAREN_HINTS);
        if (h === 'index' && c.isPunct('(')) {
          // T-SQL INDEX([ix])
          c.next();
          const ix = c.next();
          if (!isIdentifier(ix) && ix.kind !== 'number') c.fail('expected an index name');
          c.expectPunct(')');
          hints.push({ name: h, value: ix.kind === 'quoted' ? ix.value : ix.text });
          c.acceptPunct(',');
          continue;
        }
        const v = c.peek();
        if (
          (h === 'index' || h === 'prefetch' || h === 'parallel') &&
          v !== undefined &&
          (isIdentifier(v) || v.kind === 'number')
        ) {
          c.next();
          hints.push({ name: h, value: v.kind === 'quoted' ? v.value : v.text });
        } else hints.push({ name: h });
        c.acceptPunct(',');
      }
      c.next();
      continue;
    }
    return hints;
  }
}

function parseOrderBy(c: Cursor): OrderItem[] {
  const items: OrderItem[] = [];
  do {
    const expr = parseExpression(c);
    const w = c.word();
    if (w === 'asc' || w === 'desc') {
      c.next();
      items.push({ expr, direction: w });
    } else items.push({ expr });
  } while (c.acceptPunct(','));
  return items;
}

/** `compute sum(x) [, ...] [by a, b]`: kept as text (no SQL Server form; flagged by a rule). */
function parseCompute(c: Cursor): Select['compute'] {
  const from = c.pos;
  while (c.isWord('compute')) {
    c.next();
    parseList(c);
    if (c.accept('by')) parseList(c);
  }
  return { text: c.sourceText(from), span: c.spanFrom(from) };
}
