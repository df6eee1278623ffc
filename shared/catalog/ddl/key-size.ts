/** IDX-13: the largest byte size an index key can reach on SQL Server (900 clustered, 1700 nonclustered). */
import type { TargetType } from '../model';

const FIXED: Readonly<Record<string, number>> = {
  bigint: 8,
  int: 4,
  smallint: 2,
  tinyint: 1,
  bit: 1,
  money: 8,
  smallmoney: 4,
  float: 8,
  real: 4,
  date: 3,
  time: 5,
  datetime: 8,
  datetime2: 8,
  datetimeoffset: 10,
  smalldatetime: 4,
  rowversion: 8,
  uniqueidentifier: 16,
  sysname: 256,
};

/** Bytes, or Infinity for max types (which cannot be index keys at all). */
export function maxBytes(t: TargetType): number {
  if (t.length === 'max') return Infinity;
  if (t.base === 'numeric' || t.base === 'decimal') {
    const p = t.precision ?? 18;
    return p <= 9 ? 5 : p <= 19 ? 9 : p <= 28 ? 13 : 17;
  }
  if (t.length !== undefined) return t.base === 'nchar' || t.base === 'nvarchar' ? 2 * t.length : t.length;
  return FIXED[t.base] ?? 0;
}

export const KEY_LIMIT = { clustered: 900, nonclustered: 1700 } as const;
