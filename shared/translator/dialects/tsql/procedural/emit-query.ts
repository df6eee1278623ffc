/**
 * select / insert / update / delete / truncate → T-SQL lines, one clause per line
 * (`SELECT ...`, `FROM ...`, `WHERE ...`). Table hints are written `WITH (...)` (the deprecated
 * form without WITH is never emitted); ASE-only hints must have been mapped by the LOCK rules.
 */
import type { QualifiedName } from '../../../ast/nodes';
import type { Exec } from '../../../ast/procedural';
import type { Delete, Insert, Select, TableRef, TableSource, Update } from '../../../ast/queries';
import { tsqlName } from '../names';
import { quoteIdent } from '../quote';
import { emitExpression } from './emit-expression';
import type { Gen } from './gen';
import { INDENT } from './gen';

/** Hints T-SQL accepts in `WITH (...)`, upper-cased. */
const TSQL_HINTS = new Set([
  'HOLDLOCK',
  'NOLOCK',
  'READUNCOMMITTED',
  'READCOMMITTED',
  'READCOMMITTEDLOCK',
  'REPEATABLEREAD',
  'SERIALIZABLE',
  'READPAST',
  'UPDLOCK',
  'ROWLOCK',
  'TABLOCK',
  'TABLOCKX',
  'XLOCK',
  'INDEX',
]);

/** Trigger pseudo-tables are never schema-qualified (TRG-03). */
const PSEUDO_TABLES = new Set(['inserted', 'deleted']);

export function tableName(q: QualifiedName, g: Gen): string {
  if (q.owner === undefined && q.database === undefined && PSEUDO_TABLES.has(q.name.toLowerCase()))
    return quoteIdent(q.name);
  return tsqlName(q, g.ctx);
}

function tableRef(t: TableRef, g: Gen): string {
  let s = tableName(t.name, g);
  if (t.alias !== undefined) s += ` AS ${quoteIdent(t.alias)}`;
  if (t.hints.length > 0) {
    const hints = t.hints.map((h) => {
      const name = h.name.toUpperCase();
      if (!TSQL_HINTS.has(name))
        throw new Error(`table hint '${h.name}' has no T-SQL form (LOCK rules did not map it)`);
      return name === 'INDEX' ? `INDEX(${quoteIdent(h.value ?? '')})` : name;
    });
    s += ` WITH (${hints.join(', ')})`;
  }
  return s;
}

/** A table source as lines: a join continues on its own indented line. */
function source(s: TableSource, g: Gen): string[] {
  switch (s.kind) {
    case 'TableRef':
      return [tableRef(s, g)];
    case 'DerivedTable':
      return [`(${emitSelectInline(s.query, g)}) AS ${quoteIdent(s.alias)}`];
    case 'Join': {
      const kw = {
        inner: 'INNER JOIN',
        left: 'LEFT OUTER JOIN',
        right: 'RIGHT OUTER JOIN',
        full: 'FULL OUTER JOIN',
        cross: 'CROSS JOIN',
      }[s.type];
      const inner = source(s.right, g).join(' ');
      const right = s.right.kind === 'Join' ? `(${inner})` : inner;
      const on = s.on !== undefined ? ` ON ${emitExpression(s.on, g)}` : '';
      return [...source(s.left, g), `${INDENT}${kw} ${right}${on}`];
    }
  }
}

function fromLines(sources: readonly TableSource[], g: Gen): string[] {
  const lines: string[] = [];
  for (const s of sources) {
    const [first = '', ...rest] = source(s, g);
    if (lines.length === 0) lines.push(`FROM ${first}`);
    else lines[lines.length - 1] += `, ${first}`;
    lines.push(...rest);
  }
  return lines;
}

export function selectLines(q: Select, g: Gen): string[] {
  if (q.compute !== undefined || q.plan !== undefined || q.isolation !== undefined)
    throw new Error('compute/plan/at isolation left on a select (rules did not convert it)');
  let head = 'SELECT ';
  if (q.distinct) head += 'DISTINCT ';
  if (q.top !== undefined) head += `TOP (${emitExpression(q.top, g)}) `;
  const items = q.items.map((i) => {
    if (i.assign !== undefined) return `${i.assign.name} = ${emitExpression(i.expr, g)}`;
    const e = emitExpression(i.expr, g);
    return i.alias !== undefined ? `${e} AS ${quoteIdent(i.alias)}` : e;
  });
  const lines = [head + items.join(', ')];
  if (q.into !== undefined) lines.push(`INTO ${tableName(q.into, g)}`);
  lines.push(...fromLines(q.from, g));
  if (q.where !== undefined) lines.push(`WHERE ${emitExpression(q.where, g)}`);
  if (q.groupBy !== undefined)
    lines.push(
      `GROUP BY ${q.groupBy.all ? 'ALL ' : ''}${q.groupBy.exprs.map((e) => emitExpression(e, g)).join(', ')}`,
    );
  if (q.having !== undefined) lines.push(`HAVING ${emitExpression(q.having, g)}`);
  if (q.union !== undefined)
    lines.push(q.union.all ? 'UNION ALL' : 'UNION', ...selectLines(q.union.query, g));
  if (q.orderBy.length > 0)
    lines.push(
      `ORDER BY ${q.orderBy.map((o) => emitExpression(o.expr, g) + (o.direction !== undefined ? ` ${o.direction.toUpperCase()}` : '')).join(', ')}`,
    );
  if (q.forClause !== undefined)
    lines.push(
      q.forClause.mode === 'read only'
        ? 'FOR READ ONLY'
        : `FOR UPDATE${q.forClause.columns.length > 0 ? ` OF ${q.forClause.columns.map(quoteIdent).join(', ')}` : ''}`,
    );
  return lines;
}

export function emitSelectInline(q: Select, g: Gen): string {
  return selectLines(q, g)
    .map((l) => l.trimStart())
    .join(' ');
}

/** `update t set ... from t a, u` where `t` is an alias of the from list: the target stays the alias. */
function target(q: QualifiedName, from: readonly TableSource[], g: Gen): string {
  if (q.owner === undefined && q.database === undefined) {
    const aliases: string[] = [];
    const walk = (s: TableSource): void => {
      if (s.kind === 'Join') {
        walk(s.left);
        walk(s.right);
      } else if (s.alias !== undefined) aliases.push(s.alias.toLowerCase());
    };
    from.forEach(walk);
    if (aliases.includes(q.name.toLowerCase())) return quoteIdent(q.name);
  }
  return tableName(q, g);
}

export function insertLines(s: Insert, g: Gen): string[] {
  const cols = s.columns.length > 0 ? ` (${s.columns.map(quoteIdent).join(', ')})` : '';
  const head = `INSERT INTO ${tableName(s.table, g)}${cols}`;
  switch (s.source.kind) {
    case 'values':
      return [
        head,
        `VALUES ${s.source.rows.map((r) => `(${r.map((e) => emitExpression(e, g)).join(', ')})`).join(', ')}`,
      ];
    case 'default':
      return [`${head} DEFAULT VALUES`];
    case 'select':
      return [head, ...selectLines(s.source.query, g)];
    case 'exec':
      return [head, ...execLine(s.source.exec, g)];
  }
}

/** Provided by emit-statement (exec is a statement too); set there to avoid an import cycle at load time. */
export const execHook: { emit?: (e: Exec, g: Gen) => string[] } = {};

function execLine(e: Exec, g: Gen): string[] {
  if (execHook.emit === undefined) throw new Error('exec emitter not registered');
  return execHook.emit(e, g);
}

export function updateLines(s: Update, g: Gen): string[] {
  const top = s.top !== undefined ? `TOP (${emitExpression(s.top, g)}) ` : '';
  const sets = s.set.map((a) => `${emitExpression(a.column, g)} = ${emitExpression(a.expr, g)}`);
  const lines = [
    `UPDATE ${top}${target(s.table, s.from, g)}`,
    `SET ${sets.join(', ')}`,
    ...fromLines(s.from, g),
  ];
  if (s.currentOf !== undefined) lines.push(`WHERE CURRENT OF ${quoteIdent(s.currentOf)}`);
  else if (s.where !== undefined) lines.push(`WHERE ${emitExpression(s.where, g)}`);
  return lines;
}

export function deleteLines(s: Delete, g: Gen): string[] {
  const top = s.top !== undefined ? `TOP (${emitExpression(s.top, g)}) ` : '';
  const lines = [`DELETE ${top}FROM ${target(s.table, s.from, g)}`, ...fromLines(s.from, g)];
  if (s.currentOf !== undefined) lines.push(`WHERE CURRENT OF ${quoteIdent(s.currentOf)}`);
  else if (s.where !== undefined) lines.push(`WHERE ${emitExpression(s.where, g)}`);
  return lines;
}
