/**
 * T-SQL that recomputes row-hash.ts on the target: per column, the expression that turns the
 * loaded value back into the canonical string, the row-hash expression, the key-range predicate
 * and the chunk-hash queries. NOT YET RUN AGAINST A REAL SQL SERVER (none is reachable where this
 * was written): the CONVERT styles are the documented ones; docs/ARCHITECTURE.md §6 says so too.
 */
import type { Column } from '../../catalog/model';
import { AsemigError } from '../../errors';
import { quoteIdent } from '../../translator/dialects/tsql/quote';
import { PipelineCodes } from '../codes';
import type { CanonicalValue, ChunkHashMethod, KeyRange } from '../contracts';
import { KEY_ORDER_GROUP_BYTES } from './row-hash';
import { valueKindOf } from '../stage/value-kind';

/** nvarchar(max) expression giving the canonical text of a non-NULL value of `column` on the target. */
export function canonicalExpr(column: Column): string {
  const c = quoteIdent(column.name);
  const t = column.target?.type;
  const base = (t?.base ?? column.source.type.base).toLowerCase();
  const kind = valueKindOf(column);
  if (kind === 'binary') return `CONVERT(nvarchar(max), CONVERT(varbinary(max), ${c}), 2)`;
  if (kind === 'float64') return `CONVERT(nvarchar(16), CONVERT(varbinary(8), CONVERT(float(53), ${c})), 2)`;
  if (kind === 'float32') return `CONVERT(nvarchar(8), CONVERT(varbinary(4), CONVERT(real, ${c})), 2)`;
  switch (base) {
    case 'bit':
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'numeric':
    case 'decimal':
      // decimal → text keeps exactly the column's scale, `-` sign only, no exponent.
      return `CONVERT(nvarchar(60), ${c})`;
    case 'money':
    case 'smallmoney':
      // Style 2: four fraction digits, no thousands separators (canonical money has scale 4).
      return `CONVERT(nvarchar(60), ${c}, 2)`;
    case 'date':
      return `CONVERT(nvarchar(10), ${c}, 23)`;
    case 'datetime':
    case 'smalldatetime':
      // Style 121 = yyyy-mm-dd hh:mi:ss.mmm (smalldatetime prints :00.000 seconds).
      return `CONVERT(nvarchar(23), ${c}, 121)`;
    case 'datetime2': {
      const digits = canonicalFractionDigits(column);
      return `CONVERT(nvarchar(${20 + digits}), CONVERT(datetime2(${digits}), ${c}), 121)`;
    }
    case 'time': {
      const digits = canonicalFractionDigits(column);
      return `CONVERT(nvarchar(${9 + digits}), CONVERT(time(${digits}), ${c}), 121)`;
    }
    default:
      // Character types (and anything else) are compared as their text; varchar is widened to
      // nvarchar so the bytes hashed are UTF-16LE like the canonical side.
      return `CONVERT(nvarchar(max), ${c})`;
  }
}

/** Fraction digits of the canonical form: bigtime/bigdatetime 6, the rest 3 (contracts.ts). */
function canonicalFractionDigits(column: Column): number {
  const src = column.source.type.base.toLowerCase();
  return src === 'bigtime' || src === 'bigdatetime' ? 6 : 3;
}

/** Expression of the row string of row-hash.ts for the staged columns, in file order. */
export function rowStringExpr(columns: readonly Column[]): string {
  const parts = columns.map((col) => {
    const c = quoteIdent(col.name);
    const v = canonicalExpr(col);
    // DATALENGTH/2 counts UTF-16 code units like JS .length (LEN would drop trailing spaces).
    return `CASE WHEN ${c} IS NULL THEN N'N;' ELSE N'V' + CONVERT(nvarchar(20), DATALENGTH(${v}) / 2) + N':' + ${v} + N';' END`;
  });
  return ["CONVERT(nvarchar(max), N'')", ...parts].join('\n    + ');
}

export function rowHashExpr(columns: readonly Column[]): string {
  return `HASHBYTES('SHA2_256', ${rowStringExpr(columns)})`;
}

/**
 * The binary collation string keys are compared under on the target. The chunk planner orders
 * string keys by UTF-16 code unit with trailing blanks ignored (decode/character.ts); BIN2 on
 * nvarchar orders the same way, while the target's own (often case-insensitive) collation does
 * not: under it `k <= N'B'` also takes 'a', a row of the previous chunk, and a reload's DELETE
 * would remove it (data loss). varchar is converted to nvarchar first so the order is by code
 * unit, not by code-page byte.
 */
export const KEY_COLLATION = 'Latin1_General_100_BIN2';

type KeyClass =
  'integer' | 'exact' | 'float64' | 'float32' | 'datetime' | 'date' | 'time' | 'binary' | 'string';

const UNICODE_BASES = new Set(['nchar', 'nvarchar', 'ntext', 'unichar', 'univarchar', 'unitext']);
const STRING_BASES = new Set([
  ...UNICODE_BASES,
  'char',
  'varchar',
  'text',
  'sysname',
  'longsysname',
  'nchar varying',
  'char varying',
]);
const INTEGER_BASES = new Set(['bit', 'tinyint', 'smallint', 'int', 'integer', 'bigint']);
const EXACT_BASES = new Set(['numeric', 'decimal', 'money', 'smallmoney']);

function baseOf(column: Column): string {
  return (column.target?.type.base ?? column.source.type.base).toLowerCase();
}

/** How a key column's values are compared and written as literals; undefined = unknown type. */
function keyClass(column: Column): KeyClass | undefined {
  const kind = valueKindOf(column);
  if (kind !== 'text') return kind;
  const base = baseOf(column).replace(/^unsigned /, '');
  if (INTEGER_BASES.has(base)) return 'integer';
  if (EXACT_BASES.has(base)) return 'exact';
  if (['datetime', 'smalldatetime', 'datetime2', 'bigdatetime'].includes(base)) return 'datetime';
  if (base === 'date') return 'date';
  if (base === 'time' || base === 'bigtime') return 'time';
  if (STRING_BASES.has(base)) return 'string';
  return undefined;
}

/** The T-SQL type to CONVERT a temporal literal to: the target's own, so `=` is exact. */
function temporalType(column: Column, cls: 'datetime' | 'date' | 'time'): string {
  const sql = column.target?.type.sql;
  if (sql && /^(datetime|smalldatetime|datetime2|date|time)(\(\d\))?$/i.test(sql)) return sql;
  const six = canonicalFractionDigits(column) === 6;
  if (cls === 'date') return 'date';
  if (cls === 'time') return six ? 'time(6)' : 'time(3)';
  return six ? 'datetime2(6)' : 'datetime';
}

function badKey(column: Column, value: CanonicalValue, expected: string): AsemigError {
  const shown = typeof value === 'string' ? `'${value}'` : 'bytes';
  return new AsemigError(PipelineCodes.stageBadValue, `key value ${shown} is not ${expected}`, {
    field: column.name,
  });
}

/**
 * A canonical key value as a T-SQL literal typed for `column`'s target type, so no comparison
 * depends on implicit conversion or on the session's DATEFORMAT/LANGUAGE:
 *  - integers, numerics, money: unquoted (`-1.50`), checked to be plain decimals;
 *  - float/real: an E-notation float literal (`CONVERT(real, …)` for real, so `=` is exact);
 *  - datetime family: `CONVERT(<target type>, 'YYYY-MM-DDThh:mm:ss.fff', 126)` — ISO 8601 with
 *    `T` reads the same under every DATEFORMAT (`'2024-02-03 …'` reads as 2 March under `dmy`
 *    for datetime), and converting to the column's own type keeps `=` exact (datetime vs
 *    datetime2 compares .997 as .9966667);
 *  - date: style 23; time: `CONVERT(time(n), 'hh:mm:ss.fff')`;
 *  - binary: `0x…`; strings and unknown types: `N'…'` with `'` doubled.
 * Without `column` (older callers) every string is `N'…'`.
 */
export function keyLiteral(value: CanonicalValue, column?: Column): string {
  if (value === null) return 'NULL';
  const cls = column ? keyClass(column) : undefined;
  if (typeof value !== 'string') {
    if (column && cls !== 'binary' && cls !== undefined) throw badKey(column, value, `a ${cls} value`);
    return '0x' + Buffer.from(value).toString('hex').toUpperCase();
  }
  if (!column || cls === undefined || cls === 'string') return `N'${value.replace(/'/g, "''")}'`;
  switch (cls) {
    case 'binary':
      throw badKey(column, value, 'bytes');
    case 'integer':
    case 'exact':
      if (!/^-?\d+(\.\d+)?$/.test(value)) throw badKey(column, value, 'a decimal number');
      return value;
    case 'float64':
    case 'float32': {
      if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value)) throw badKey(column, value, 'a finite float');
      const literal = /e/i.test(value) ? value.toUpperCase() : `${value}E0`;
      return cls === 'float32' ? `CONVERT(real, ${literal})` : literal;
    }
    case 'datetime': {
      if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,7})?$/.test(value)) {
        throw badKey(column, value, 'a canonical datetime (YYYY-MM-DD hh:mm:ss.fff)');
      }
      return `CONVERT(${temporalType(column, cls)}, '${value.replace(' ', 'T')}', 126)`;
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw badKey(column, value, 'a canonical date (YYYY-MM-DD)');
      return `CONVERT(${temporalType(column, cls)}, '${value}', 23)`;
    case 'time':
      if (!/^\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/.test(value)) throw badKey(column, value, 'a canonical time');
      return `CONVERT(${temporalType(column, cls)}, '${value}')`;
  }
}

/**
 * A key column as the range predicates and the key-order hash compare it: string columns under
 * KEY_COLLATION (varchar/char converted to nvarchar of the same length first), others as they are.
 */
export function keyExpr(name: string, column?: Column): string {
  const c = quoteIdent(name);
  if (!column || keyClass(column) !== 'string') return c;
  if (UNICODE_BASES.has(baseOf(column))) return `${c} COLLATE ${KEY_COLLATION}`;
  const len = column.target?.type.length ?? column.source.type.length ?? 'max';
  return `CONVERT(nvarchar(${len === 'max' || len > 4000 ? 'max' : len}), ${c}) COLLATE ${KEY_COLLATION}`;
}

/** Key columns of `range` looked up in `columns` by name (target names); refuses a missing one. */
function keyColumnsOf(range: KeyRange, columns: readonly Column[] | undefined): (Column | undefined)[] {
  return range.keyColumns.map((k) => {
    if (!columns) return undefined;
    const c = columns.find((x) => x.name === k);
    if (!c) {
      throw new AsemigError(PipelineCodes.stageBadManifest, `key column ${k} is not a column of the table`, {
        field: k,
      });
    }
    return c;
  });
}

/**
 * WHERE predicate for a key range: `after` exclusive, `upTo` inclusive, lexicographic over the key
 * columns. Returns `1 = 1` for an open range. NULL key parts cannot be compared and are refused by
 * the planner (keys are NOT NULL); here they become `IS NULL` equality for safety.
 * `columns` (the table's columns under the names the range uses) types the literals and puts
 * string keys under KEY_COLLATION; without it the old untyped `N'…'` form is written.
 */
export function rangePredicate(range: KeyRange | undefined, columns?: readonly Column[]): string {
  if (!range) return '1 = 1';
  const keys = keyColumnsOf(range, columns);
  const terms: string[] = [];
  if (range.after) terms.push(lexCompare(range.keyColumns, keys, range.after, '>'));
  if (range.upTo) terms.push(lexCompare(range.keyColumns, keys, range.upTo, '<='));
  return terms.length ? terms.join(' AND ') : '1 = 1';
}

function lexCompare(
  names: readonly string[],
  keys: readonly (Column | undefined)[],
  values: readonly CanonicalValue[],
  op: '>' | '<=',
): string {
  // (k1 op' v1) OR (k1 = v1 AND k2 op' v2) ... with the last comparison using op itself.
  const strict = op === '>' ? '>' : '<';
  const ors: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) ands.push(eq(names[j] as string, keys[j], values[j] ?? null));
    const last = i === names.length - 1 ? op : strict;
    const key = keys[i];
    ands.push(`${keyExpr(names[i] as string, key)} ${last} ${keyLiteral(values[i] ?? null, key)}`);
    ors.push(ands.length > 1 ? `(${ands.join(' AND ')})` : (ands[0] as string));
  }
  return ors.length > 1 ? `(${ors.join(' OR ')})` : (ors[0] as string);
}

function eq(name: string, column: Column | undefined, value: CanonicalValue): string {
  return value === null
    ? `${quoteIdent(name)} IS NULL`
    : `${keyExpr(name, column)} = ${keyLiteral(value, column)}`;
}

/**
 * sorted-rows-v1: SELECT returning (n bigint, h char(64) upper-case hex) for the rows of `from`
 * matching `where`: the chunk hash of row-hash.ts ChunkHasher. Zero rows hash the empty input.
 */
export function chunkHashSelect(fromTable: string, columns: readonly Column[], where: string): string {
  return [
    `SELECT COUNT_BIG(*) AS n,`,
    `  CONVERT(char(64), HASHBYTES('SHA2_256', ISNULL(CONVERT(varbinary(max),`,
    `    STRING_AGG(CONVERT(varchar(max), CONVERT(char(64), r.h, 2)), '') WITHIN GROUP (ORDER BY r.h), 2), 0x)), 2) AS h`,
    `FROM (SELECT ${rowHashExpr(columns)} AS h`,
    `  FROM ${fromTable} WHERE ${where}) AS r`,
  ].join('\n');
}

/**
 * key-order-v1: the same (n, h) SELECT for row-hash.ts KeyOrderHasher. Rows are ordered by the key
 * (keyExpr: strings under BIN2) and then by the row string (rows with equal keys, dirty data);
 * a running SUM of DATALENGTH puts each row in its 64 MiB group; each group is one HASHBYTES over
 * its STRING_AGG, and the chunk hash is SHA-256 of the group digests in group order. Zero rows:
 * no group, STRING_AGG is NULL, and the hash is SHA-256 of 0x, like the JS side.
 * `keyColumns`: the key columns (target names) in key order.
 */
export function keyOrderChunkHashSelect(
  fromTable: string,
  columns: readonly Column[],
  keyColumns: readonly Column[],
  where: string,
): string {
  const keys = keyColumns.map((c, i) => ({ alias: `[k${i + 1}]`, expr: keyExpr(c.name, c), c }));
  const order = (t: string): string =>
    [
      ...keys.map((k) => `${t}.${k.alias}${keyClass(k.c) === 'string' ? ` COLLATE ${KEY_COLLATION}` : ''}`),
      `${t}.[s] COLLATE ${KEY_COLLATION}`,
    ].join(', ');
  return [
    `SELECT ISNULL(SUM(g.n), 0) AS n,`,
    `  CONVERT(char(64), HASHBYTES('SHA2_256', ISNULL(CONVERT(varbinary(max),`,
    `    STRING_AGG(CONVERT(varchar(max), CONVERT(char(64), g.d, 2)), '') WITHIN GROUP (ORDER BY g.grp), 2), 0x)), 2) AS h`,
    `FROM (SELECT o.grp, COUNT_BIG(*) AS n,`,
    `    HASHBYTES('SHA2_256', STRING_AGG(o.[s], N'') WITHIN GROUP (ORDER BY ${order('o')})) AS d`,
    `  FROM (SELECT r.*, (SUM(DATALENGTH(r.[s])) OVER (ORDER BY ${order('r')} ROWS UNBOUNDED PRECEDING)`,
    `      - DATALENGTH(r.[s])) / ${KEY_ORDER_GROUP_BYTES} AS grp`,
    `    FROM (SELECT ${rowStringExpr(columns)} AS [s],`,
    `      ${keys.map((k) => `${k.expr} AS ${k.alias}`).join(', ')}`,
    `      FROM ${fromTable} WHERE ${where}) AS r) AS o`,
    `  GROUP BY o.grp) AS g`,
  ].join('\n');
}

/** The chunk-hash SELECT for a manifest's `hashMethod` (absent = sorted-rows-v1). */
export function chunkHashSelectFor(
  method: ChunkHashMethod | undefined,
  fromTable: string,
  columns: readonly Column[],
  keyColumns: readonly Column[],
  where: string,
): string {
  if (method === 'key-order-v1') return keyOrderChunkHashSelect(fromTable, columns, keyColumns, where);
  return chunkHashSelect(fromTable, columns, where);
}
