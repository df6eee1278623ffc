/**
 * Orders canonical values by their typed value (keys are compared as the target compares them,
 * never as text: `10` > `9`, `-1.50` < `-1.5`... are decided on the number).
 */
import type { CanonicalValue, Row } from '../contracts';
import { compareBytes } from './binary';
import { compareStrings } from './character';
import { compareDecimal } from './exact-numeric';
import type { TypeKind } from './type-kind';

export function compareCanonical(kind: TypeKind, a: CanonicalValue, b: CanonicalValue): number {
  // NULL sorts first, as in SQL Server; key columns are NOT NULL, so this is only for safety.
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return compareBytes(a as Uint8Array, b as Uint8Array);
  }
  switch (kind.family) {
    case 'integer':
    case 'exact':
    case 'money':
      return compareDecimal(a, b);
    case 'float':
    case 'bit': {
      const x = Number(a);
      const y = Number(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'character':
      return compareStrings(a, b);
    default:
      // Canonical temporal strings are fixed-width, so text order is time order.
      return a < b ? -1 : a > b ? 1 : 0;
  }
}

/** Lexicographic comparison of two key tuples. */
export function compareKeys(kinds: readonly TypeKind[], a: Row, b: Row): number {
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    if (!kind) break;
    const d = compareCanonical(kind, a[i] ?? null, b[i] ?? null);
    if (d !== 0) return d;
  }
  return 0;
}
