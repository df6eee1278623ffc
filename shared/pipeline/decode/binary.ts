/**
 * binary/varbinary/image/timestamp: bcp -c writes 2 hex characters per byte (BCP-07, BCP-10),
 * with or without a `0x` prefix. Decoded straight from the file bytes (hex is ASCII in every
 * supported charset), so no text decoding is spent on LOBs.
 */
import { DecodeError } from './decode-error';

function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

export function decodeHex(bytes: Uint8Array): Uint8Array {
  let start = 0;
  if (bytes.length >= 2 && bytes[0] === 48 && (bytes[1] === 120 || bytes[1] === 88)) start = 2;
  const digits = bytes.length - start;
  if (digits % 2 !== 0) {
    throw new DecodeError('ASM-BCP-010', `hex value has an odd number of digits (${digits})`);
  }
  const out = new Uint8Array(digits / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = nibble(bytes[start + 2 * i] ?? 0);
    const lo = nibble(bytes[start + 2 * i + 1] ?? 0);
    if (hi < 0 || lo < 0) {
      throw new DecodeError(
        'ASM-BCP-010',
        `invalid hex digit at position ${start + 2 * i + (hi < 0 ? 1 : 2)}`,
      );
    }
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** Byte order for keys: unsigned lexicographic, shorter first on a common prefix. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
