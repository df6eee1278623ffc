/**
 * Values written the way ASE `bcp -c` writes them (BCP-06 default datetime text with month names
 * and space padding, colon before milliseconds; hex for binary, BCP-07), so the sample exercises
 * the same decoding as a real extract.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface Stamp {
  readonly y: number;
  readonly mo: number;
  readonly d: number;
  readonly h?: number;
  readonly mi?: number;
  readonly s?: number;
  /** Microseconds of the second. */
  readonly us?: number;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

function clock12(t: Stamp, seconds: boolean, fraction: string): string {
  const h = t.h ?? 0;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const base = `${String(h12).padStart(2, ' ')}:${p2(t.mi ?? 0)}`;
  return `${base}${seconds ? `:${p2(t.s ?? 0)}${fraction}` : ''}${h < 12 ? 'AM' : 'PM'}`;
}

function day(t: Stamp): string {
  return `${MONTHS[t.mo - 1] ?? '???'} ${String(t.d).padStart(2, ' ')} ${String(t.y).padStart(4, '0')}`;
}

/** `Aug  1 2002  1:59:49:500AM` — the milliseconds ASE shows for a 1/300 s tick (truncated). */
export function aseDatetime(t: Stamp): string {
  const ms = Math.floor((t.us ?? 0) / 1000);
  return `${day(t)} ${clock12(t, true, `:${String(ms).padStart(3, '0')}`)}`;
}

/** The displayed milliseconds of 1/300 s tick k (ASE truncates: tick 2 → .006). */
export function tickMillis(k: number): number {
  return Math.floor((k * 10) / 3);
}

export function aseSmalldatetime(t: Stamp): string {
  return `${day(t)} ${clock12(t, false, '')}`;
}

export function aseDate(t: Stamp): string {
  return day(t);
}

export function aseTime(t: Stamp): string {
  return clock12(t, true, `:${String(Math.floor((t.us ?? 0) / 1000)).padStart(3, '0')}`).trimStart();
}

export function aseBigdatetime(t: Stamp): string {
  return `${day(t)} ${clock12(t, true, `.${String(t.us ?? 0).padStart(6, '0')}`)}`;
}

export function aseBigtime(t: Stamp): string {
  return clock12(t, true, `.${String(t.us ?? 0).padStart(6, '0')}`).trimStart();
}

/** ISO-like form of an export view (BCP-06 recommendation). */
export function isoDatetime(t: Stamp, digits: number): string {
  const frac =
    digits > 0
      ? `.${String(t.us ?? 0)
          .padStart(6, '0')
          .slice(0, digits)}`
      : '';
  return `${String(t.y).padStart(4, '0')}-${p2(t.mo)}-${p2(t.d)} ${p2(t.h ?? 0)}:${p2(t.mi ?? 0)}:${p2(t.s ?? 0)}${frac}`;
}

export function isoDate(t: Stamp): string {
  return `${String(t.y).padStart(4, '0')}-${p2(t.mo)}-${p2(t.d)}`;
}

export function hex(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Float text as bcp writes a double (17 significant digits), which must round-trip (BCP-13). */
export function aseFloat(n: number): string {
  return n.toPrecision(17);
}

export function aseReal(n: number): string {
  return Math.fround(n).toPrecision(9);
}

/** Money with its 4 decimals. */
export function money(units: bigint): string {
  const neg = units < 0n;
  const abs = (neg ? -units : units).toString().padStart(5, '0');
  return `${neg ? '-' : ''}${abs.slice(0, -4)}.${abs.slice(-4)}`;
}
