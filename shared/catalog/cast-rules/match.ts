/** Evaluation of a declarative CastMatch against one column (first-match-wins is in apply.ts). */
import type { TranslateOptions } from '../../translator/statement-translator';
import type { SourceType } from '../model';
import type { CastMatch } from './types';

export interface MatchSubject {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  readonly type: SourceType;
  readonly nullable: boolean;
  readonly identity: boolean;
}

export function matches(m: CastMatch, s: MatchSubject, options: TranslateOptions): boolean {
  const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  if (m.base !== undefined) {
    const bases = typeof m.base === 'string' ? [m.base] : m.base;
    if (!bases.some((b) => eq(b, s.type.base))) return false;
  }
  if (m.nullable !== undefined && m.nullable !== s.nullable) return false;
  if (m.identity !== undefined && m.identity !== s.identity) return false;
  if (!inRange(s.type.length, m.lengthMin, m.lengthMax)) return false;
  if (!inRange(s.type.precision, m.precisionMin, m.precisionMax)) return false;
  if (m.hasPrecision !== undefined && m.hasPrecision !== (s.type.precision !== undefined)) return false;
  if (m.userType !== undefined && (s.type.userType === undefined || !eq(m.userType, s.type.userType)))
    return false;
  if (m.table !== undefined) {
    const wanted = m.table.includes('.') ? `${s.schema}.${s.table}` : s.table;
    if (!eq(m.table, wanted)) return false;
  }
  if (m.column !== undefined && !eq(m.column, s.column)) return false;
  if (
    m.options?.keepNullableChar !== undefined &&
    m.options.keepNullableChar !== (options.keepNullableChar ?? false)
  )
    return false;
  if (
    m.options?.datetimeAsDatetime2 !== undefined &&
    m.options.datetimeAsDatetime2 !== (options.datetimeAsDatetime2 ?? false)
  )
    return false;
  return true;
}

/** A bound that is present requires a value: `lengthMin: 8001` never matches a type without length. */
function inRange(v: number | undefined, min: number | undefined, max: number | undefined): boolean {
  if (min === undefined && max === undefined) return true;
  if (v === undefined) return false;
  return (min === undefined || v >= min) && (max === undefined || v <= max);
}
