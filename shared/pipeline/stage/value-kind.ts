/**
 * How a staged column's canonical value is written to CSV and fed to the row hash. Derived from the
 * target type (the side both the CSV loader and the validation query see):
 *  - `binary`: bytes, written as upper-case hex (BCP-07), hashed as that hex;
 *  - `float64` / `float32`: decimal text in CSV, hashed as the IEEE-754 bits so T-SQL can
 *    reproduce it with CONVERT(varbinary(8|4), c) (no T-SQL function prints JS's shortest form);
 *  - `text`: everything else, written and hashed as the canonical string.
 */
import type { Column } from '../../catalog/model';

export type ValueKind = 'text' | 'binary' | 'float64' | 'float32';

const BINARY_BASES = new Set(['binary', 'varbinary', 'image', 'timestamp', 'rowversion']);

export function valueKindOf(column: Column): ValueKind {
  const target = column.target?.type;
  const base = (target?.base ?? column.source.type.base).toLowerCase();
  if (BINARY_BASES.has(base)) return 'binary';
  if (base === 'real') return 'float32';
  if (base === 'float' || base === 'double precision') {
    // float(n) with n <= 24 is a 4-byte real in SQL Server; ASE float(p) likewise maps by precision.
    const p = target?.precision ?? column.source.type.precision;
    return p !== undefined && p <= 24 ? 'float32' : 'float64';
  }
  return 'text';
}
