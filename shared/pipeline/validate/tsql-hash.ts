/**
 * T-SQL that recomputes row-hash.ts on the target: per column, the expression that turns the
 * loaded value back into the canonical string, the row-hash expression, the key-range predicate
 * and the chunk-hash query. NOT YET RUN AGAINST A REAL SQL SERVER (none is reachable where this
 * was written): the CONVERT styles are the documented ones; docs/ARCHITECTURE.md §6 says so too.
 */
import type { Column } from '../../catalog/model';
import { quoteIdent } from '../../translator/dialects/tsql/quote';
import type { CanonicalValue, KeyRange } from '../contracts';
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

/** A canonical key value as a T-SQL literal of the column's kind. */
export function keyLiteral(value: CanonicalValue): string {
  if (value === null) return 'NULL';
  if (typeof value !== 'string') return '0x' + Buffer.from(value).toString('hex').toUpperCase();
  return `N'${value.replace(/'/g, "''")}'`;
}

/**
 * WHERE predicate for a key range: `after` exclusive, `upTo` inclusive, lexicographic over the key
 * columns. Returns `1 = 1` for an open range. NULL key parts cannot be compared and are refused by
 * the planner (keys are NOT NULL); here they become `IS NULL` equality for safety.
 */
export function rangePredicate(range: KeyRange | undefined): string {
  if (!range) return '1 = 1';
  const terms: string[] = [];
  if (range.after) terms.push(lexCompare(range.keyColumns, range.after, '>'));
  if (range.upTo) terms.push(lexCompare(range.keyColumns, range.upTo, '<='));
  return terms.length ? terms.join(' AND ') : '1 = 1';
}

function lexCompare(keys: readonly string[], values: readonly CanonicalValue[], op: '>' | '<='): string {
  // (k1 op' v1) OR (k1 = v1 AND k2 op' v2) ... with the last comparison using op itself.
  const strict = op === '>' ? '>' : '<';
  const ors: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) ands.push(eq(keys[j] as string, values[j] ?? null));
    const last = i === keys.length - 1 ? op : strict;
    ands.push(`${quoteIdent(keys[i] as string)} ${last} ${keyLiteral(values[i] ?? null)}`);
    ors.push(ands.length > 1 ? `(${ands.join(' AND ')})` : (ands[0] as string));
  }
  return ors.length > 1 ? `(${ors.join(' OR ')})` : (ors[0] as string);
}

function eq(key: string, value: CanonicalValue): string {
  return value === null ? `${quoteIdent(key)} IS NULL` : `${quoteIdent(key)} = ${keyLiteral(value)}`;
}

/**
 * SELECT returning (n bigint, h char(64) upper-case hex) for the rows of `from` matching `where`:
 * the chunk hash of row-hash.ts. Zero rows hash the empty input, like ChunkHasher.
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
