/**
 * Integers, numeric/decimal and money as exact decimal strings (contracts.ts canonical form).
 * Never through a JS number: a numeric(38,10) or an unsigned bigint does not fit in a double.
 */
import { DecodeError } from './decode-error';

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

interface Parsed {
  readonly negative: boolean;
  readonly intDigits: string;
  readonly fracDigits: string;
}

function parseDecimal(text: string, what: string): Parsed {
  const m = DECIMAL.exec(text);
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) {
    throw new DecodeError('ASM-BCP-006', `'${text}' is not a valid ${what}`);
  }
  const intDigits = (m[2] ?? '').replace(/^0+(?=\d)/, '');
  return { negative: m[1] === '-', intDigits: intDigits === '' ? '0' : intDigits, fracDigits: m[3] ?? '' };
}

/**
 * Fraction digits beyond `scale` are accepted only when they are zeros (nothing is lost); a
 * non-zero digit there is an error, never a rounding (ERR-06: ASE truncates, SQL Server rounds).
 */
function fixScale(p: Parsed, scale: number, text: string): string {
  const extra = p.fracDigits.slice(scale);
  if (/[^0]/.test(extra)) {
    throw new DecodeError(
      'ASM-BCP-008',
      `'${text}' has ${p.fracDigits.length} fraction digits; the column keeps ${scale} (would be rounded)`,
    );
  }
  return p.fracDigits.slice(0, scale).padEnd(scale, '0');
}

function render(negative: boolean, intDigits: string, frac: string): string {
  const zero = /^0*$/.test(intDigits + frac);
  const body = frac.length ? `${intDigits}.${frac}` : intDigits;
  return negative && !zero ? `-${body}` : body;
}

/** Integer types incl. unsigned (DT-06): range checked with BigInt. */
export function decodeInteger(text: string, min: bigint, max: bigint, typeName: string): string {
  const p = parseDecimal(text, typeName);
  fixScale(p, 0, text);
  const canonical = render(p.negative, p.intDigits, '');
  const v = BigInt(canonical);
  if (v < min || v > max) {
    throw new DecodeError(
      'ASM-BCP-007',
      `${canonical} is outside the range of ${typeName} (${min} to ${max})`,
    );
  }
  return canonical;
}

/** numeric(p,s)/decimal(p,s): exactly s fraction digits; at most p-s integer digits. */
export function decodeExact(text: string, precision: number, scale: number): string {
  const p = parseDecimal(text, `numeric(${precision},${scale})`);
  const frac = fixScale(p, scale, text);
  const intDigits = p.intDigits === '0' ? '' : p.intDigits;
  if (intDigits.length > precision - scale) {
    throw new DecodeError(
      'ASM-BCP-007',
      `'${text}' has ${intDigits.length} integer digits; numeric(${precision},${scale}) holds ${precision - scale}`,
    );
  }
  return render(p.negative, p.intDigits, frac);
}

/** money/smallmoney: 4 decimals; range checked in 1/10000 units. */
export function decodeMoney(text: string, min: bigint, max: bigint, typeName: string): string {
  const p = parseDecimal(text.replace(/^\$/, ''), typeName);
  const frac = fixScale(p, 4, text);
  const canonical = render(p.negative, p.intDigits, frac);
  const units = BigInt(canonical.replace('.', ''));
  if (units < min || units > max) {
    throw new DecodeError('ASM-BCP-007', `${canonical} is outside the range of ${typeName}`);
  }
  return canonical;
}

/**
 * Compares two canonical decimal strings exactly (for key order), on the digits: canonical
 * strings have no leading zeros, so a longer integer part is the larger magnitude.
 */
export function compareDecimal(a: string, b: string): number {
  const an = a.startsWith('-');
  const bn = b.startsWith('-');
  if (an !== bn) return an ? -1 : 1;
  const r = compareMagnitude(an ? a.slice(1) : a, bn ? b.slice(1) : b);
  return an ? -r : r;
}

function compareMagnitude(x: string, y: string): number {
  const xd = x.indexOf('.');
  const yd = y.indexOf('.');
  const xl = xd < 0 ? x.length : xd;
  const yl = yd < 0 ? y.length : yd;
  if (xl !== yl) return xl < yl ? -1 : 1;
  for (let i = 0; i < xl; i++) {
    const d = x.charCodeAt(i) - y.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const xf = xd < 0 ? '' : x.slice(xd + 1);
  const yf = yd < 0 ? '' : y.slice(yd + 1);
  const n = Math.max(xf.length, yf.length);
  for (let i = 0; i < n; i++) {
    const d = (xf.charCodeAt(i) || 48) - (yf.charCodeAt(i) || 48);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
