/**
 * float/real/double precision and bit. Canonical float = JS String(n) of the double (contracts.ts);
 * single-precision columns are rounded to float32 first, because that is the value the column holds
 * and what the target `real` column gives back (BCP-13: the text precision of -c files is unverified).
 */
import { DecodeError } from './decode-error';

const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function decodeFloat(text: string, single: boolean): string {
  const t = text.trim();
  if (!FLOAT.test(t)) throw new DecodeError('ASM-BCP-006', `'${text}' is not a valid float`);
  let n = Number(t);
  if (single) n = Math.fround(n);
  if (!Number.isFinite(n)) {
    throw new DecodeError('ASM-BCP-007', `'${text}' is outside the range of ${single ? 'real' : 'float'}`);
  }
  if (Object.is(n, -0)) n = 0;
  return String(n);
}

/** DT-05: bit is 0 or 1 (never NULL in ASE). */
export function decodeBit(text: string): string {
  if (text === '0' || text === '1') return text;
  throw new DecodeError('ASM-BCP-006', `'${text}' is not a valid bit (0 or 1)`);
}
