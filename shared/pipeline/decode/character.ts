/**
 * Character values are carried exactly as written: trailing blanks stay (BCP-05 padding of NOT
 * NULL char columns included; DT-03 decides the target type, not the data). Only the length is
 * checked, so a field shifted by a stray terminator is caught instead of loaded.
 */
import { DecodeError } from './decode-error';
import type { TypeKind } from './type-kind';

type CharKind = Extract<TypeKind, { family: 'character' }>;

/** Code points (surrogate pairs count once). */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * `byteLength` is the field's size in the file. ASE char(n) counts bytes of the server charset,
 * which the file may not share (bcp -J converts), so the sure check is "more characters than n
 * bytes could hold": characters > n. unichar counts UTF-16 code units (§1.1).
 */
export function checkCharacterLength(value: string, kind: CharKind): void {
  if (kind.length === undefined) return;
  const size = kind.unit === 'units' ? value.length : codePoints(value);
  if (size > kind.length) {
    const unit = kind.unit === 'units' ? 'UTF-16 code units' : 'characters';
    throw new DecodeError('ASM-BCP-011', `value has ${size} ${unit}; the column holds ${kind.length}`);
  }
}

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * UTF-16 code-unit order with trailing blanks ignored, as `=` compares strings in ASE and SQL
 * Server (STR-08). This is the order of the target's Latin1_General_100_BIN2 on nvarchar, under
 * which the load and validation scripts compare string keys (validate/tsql-hash.ts), so chunk
 * boundaries and the key-order chunk hash agree on both sides. For BMP characters it is
 * code-point order; the one difference is that a supplementary character (a surrogate pair,
 * 0xD800–0xDFFF) sorts before U+E000–U+FFFF, where code-point order puts it after.
 */
export function compareStrings(a: string, b: string): number {
  const x = a.replace(/ +$/, '');
  const y = b.replace(/ +$/, '');
  return x < y ? -1 : x > y ? 1 : 0;
}
