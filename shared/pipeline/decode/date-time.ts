/**
 * Date and time values in the text forms ASE bcp -c writes (BCP-06) and the ISO-like forms of an
 * export view, to the canonical strings of contracts.ts. Accepted forms (spaces may repeat):
 *   `Aug  1 2002  1:59:49:500AM`  month name (English, any case, 3 letters or full), 12-hour clock,
 *                                  colon before the fraction = milliseconds (DT-07b)
 *   `Aug 1 2002 1:59PM`           no seconds (smalldatetime)
 *   `Aug  1 2002  1:59:49.123456PM` period before the fraction = decimal fraction (bigdatetime)
 *   `2002-08-01 13:59:49.500`, `2002/08/01 13:59:49`, `2002-08-01T13:59:49`, `20020801`
 *   time-only forms of the above for time/bigtime columns.
 */
import { DecodeError } from './decode-error';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:([:.])(\d{1,9}))?)?\s*([AaPp][Mm])?`;
const NAMED = new RegExp(String.raw`^([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})(?:\s+${TIME})?$`);
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:\s+|T)${TIME})?$`);
const COMPACT = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})(?:\s+${TIME})?$`);
const TIME_ONLY = new RegExp(String.raw`^${TIME}$`);

/** A parsed value; `micros` is the fraction of the second in microseconds. */
export interface DateTimeParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly micros: number;
  /** False for a time-only text (then the date is 1900-01-01, DT-07c). */
  readonly hasDate: boolean;
  readonly hasTime: boolean;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function bad(text: string, why: string): DecodeError {
  return new DecodeError('ASM-BCP-006', `'${text}' is not a valid date/time: ${why}`);
}

function parseTime(
  text: string,
  g: readonly (string | undefined)[],
): Omit<DateTimeParts, 'year' | 'month' | 'day' | 'hasDate'> {
  const [h, mi, s, sep, frac, ampm] = g;
  if (h === undefined || mi === undefined)
    return { hour: 0, minute: 0, second: 0, micros: 0, hasTime: false };
  let hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (ampm) {
    if (hour < 1 || hour > 12) throw bad(text, 'hour must be 1-12 with AM/PM');
    const pm = ampm.toLowerCase() === 'pm';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) throw bad(text, 'time out of range');
  let micros = 0;
  if (frac !== undefined) {
    if (sep === ':' && frac.length <= 3) {
      // DT-07b: `hh:mm:ss:mmm` — the digits after a colon count milliseconds (`:5` = 5 ms).
      micros = Number(frac) * 1000;
    } else {
      if (/[^0]/.test(frac.slice(6)))
        throw new DecodeError('ASM-BCP-008', `'${text}' has more than 6 fraction digits`);
      micros = Number(frac.slice(0, 6).padEnd(6, '0'));
    }
  }
  return { hour, minute, second, micros, hasTime: true };
}

/** `Jan`..`Dec` as the three lower-cased letters' char codes packed, for the fast path. */
const MONTH_KEYS = new Map(MONTHS.map((m, i) => [packMonth(m, 0), i + 1]));

function packMonth(s: string, at: number): number {
  return ((s.charCodeAt(at) | 32) << 16) | ((s.charCodeAt(at + 1) | 32) << 8) | (s.charCodeAt(at + 2) | 32);
}

/** Digits text[from, to) as a number, or -1 when one is not a digit. */
function digits(t: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The one form ASE bcp -c writes for datetime (BCP-06), parsed without a regex or intermediate
 * arrays: `Mon dd yyyy hh:mm:ss:mmmAM` with `dd` and `hh` space-padded to two characters, as in
 * `Aug  1 2002  1:59:49:500AM`. Returns undefined for anything else, which then takes the general
 * path, so every accepted text gets exactly the general path's result. Measured: the regex path
 * with its objects was ~10% of full staging (docs/ARCHITECTURE.md §6).
 */
function parseBcpDatetime(t: string): DateTimeParts | undefined {
  if (t.length !== 26 || t.charCodeAt(3) !== 32 || t.charCodeAt(6) !== 32 || t.charCodeAt(11) !== 32)
    return undefined;
  const month = MONTH_KEYS.get(packMonth(t, 0));
  if (
    month === undefined ||
    (t.charCodeAt(0) | 32) < 97 ||
    (t.charCodeAt(1) | 32) < 97 ||
    (t.charCodeAt(2) | 32) < 97
  )
    return undefined;
  const day = digits(t, t.charCodeAt(4) === 32 ? 5 : 4, 6);
  const year = digits(t, 7, 11);
  const h = digits(t, t.charCodeAt(12) === 32 ? 13 : 12, 14);
  if (t.charCodeAt(14) !== 58 || t.charCodeAt(17) !== 58 || t.charCodeAt(20) !== 58) return undefined;
  const minute = digits(t, 15, 17);
  const second = digits(t, 18, 20);
  const ms = digits(t, 21, 24);
  const a = t.charCodeAt(24) | 32;
  if ((a !== 97 && a !== 112) || (t.charCodeAt(25) | 32) !== 109) return undefined;
  if (
    day < 1 ||
    year < 1 ||
    h < 1 ||
    h > 12 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    ms < 0
  )
    return undefined;
  if (day > daysIn(year, month)) return undefined;
  const hour = (h % 12) + (a === 112 ? 12 : 0);
  return { year, month, day, hour, minute, second, micros: ms * 1000, hasDate: true, hasTime: true };
}

export function parseDateTime(text: string): DateTimeParts {
  const t = text.trim();
  const fast = parseBcpDatetime(t);
  if (fast) return fast;
  let m = NAMED.exec(t);
  let year: number, month: number, day: number, rest: (string | undefined)[];
  if (m) {
    const name = (m[1] ?? '').toLowerCase();
    const idx = name.length === 3 ? MONTHS.indexOf(name) : FULL.indexOf(name);
    if (idx < 0)
      throw bad(text, `unknown month '${m[1]}' (English month names only: export with us_english, BCP-06)`);
    month = idx + 1;
    day = Number(m[2]);
    year = Number(m[3]);
    rest = m.slice(4);
  } else if ((m = ISO.exec(t) ?? COMPACT.exec(t))) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
    rest = m.slice(4);
  } else if ((m = TIME_ONLY.exec(t))) {
    return { year: 1900, month: 1, day: 1, hasDate: false, ...parseTime(text, m.slice(1)) };
  } else {
    throw bad(text, 'unrecognised format');
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
    throw bad(text, 'no such day');
  return { year, month, day, hasDate: true, ...parseTime(text, rest) };
}

const p2 = (n: number): string => String(n).padStart(2, '0');
const p4 = (n: number): string => String(n).padStart(4, '0');
const dateText = (d: { year: number; month: number; day: number }): string =>
  `${p4(d.year)}-${p2(d.month)}-${p2(d.day)}`;

export function decodeDate(text: string): string {
  const d = parseDateTime(text);
  if (!d.hasDate) throw bad(text, 'a date is required');
  if (d.hour || d.minute || d.second || d.micros) {
    throw new DecodeError('ASM-BCP-008', `'${text}' has a time part; a date column would drop it`);
  }
  return dateText(d);
}

/** ASE datetime/time keep 1/300 s ticks (DT-07); the tick in ms as SQL Server shows it. */
export interface TickResult {
  readonly millis: number;
  /** The written fraction was not the display of any 1/300 s tick: it was moved to the nearest. */
  readonly offTick: boolean;
  /** Rounding to the tick carried into the next second. */
  readonly carry: boolean;
}

export function toTick(micros: number): TickResult {
  if (micros % 1000 !== 0) {
    throw new DecodeError(
      'ASM-BCP-008',
      'fraction has more than millisecond precision (datetime/time keep 1/300 s)',
    );
  }
  const ms = micros / 1000;
  // ASE shows tick k truncated (.006), SQL Server rounded (.007); round(ms*0.3) inverts both.
  const k = Math.round((ms * 3) / 10);
  const millis = Math.round((k * 10) / 3);
  const offTick = ms !== millis && ms !== Math.floor((k * 10) / 3);
  return { millis: millis % 1000, offTick, carry: millis >= 1000 };
}

function addSecond(d: DateTimeParts): DateTimeParts {
  let { year, month, day, hour, minute, second } = d;
  second++;
  if (second === 60) [second, minute] = [0, minute + 1];
  if (minute === 60) [minute, hour] = [0, hour + 1];
  if (hour === 24) [hour, day] = [0, day + 1];
  if (day > daysIn(year, month)) [day, month] = [1, month + 1];
  if (month === 13) [month, year] = [1, year + 1];
  return { ...d, year, month, day, hour, minute, second };
}

export interface DecodedTemporal {
  readonly value: string;
  readonly offTick: boolean;
  readonly year: number;
}

function clock(d: DateTimeParts): string {
  return `${p2(d.hour)}:${p2(d.minute)}:${p2(d.second)}`;
}

function inRange(text: string, value: string, min: string, max: string, type: string): void {
  if (value < min || value > max) {
    throw new DecodeError('ASM-BCP-007', `'${text}' is outside the range of ${type} (${min} to ${max})`);
  }
}

export function decodeDatetime(text: string): DecodedTemporal {
  let d = parseDateTime(text);
  if (!d.hasDate) throw bad(text, 'a date is required');
  const tick = toTick(d.micros);
  if (tick.carry) d = addSecond(d);
  if (d.year > 9999) throw new DecodeError('ASM-BCP-007', `'${text}' rounds past 9999-12-31 23:59:59.997`);
  const value = `${dateText(d)} ${clock(d)}.${String(tick.millis).padStart(3, '0')}`;
  inRange(text, value, '1753-01-01 00:00:00.000', '9999-12-31 23:59:59.997', 'datetime');
  return { value, offTick: tick.offTick, year: d.year };
}

export function decodeSmallDatetime(text: string): DecodedTemporal {
  const d = parseDateTime(text);
  if (!d.hasDate) throw bad(text, 'a date is required');
  if (d.second || d.micros) {
    throw new DecodeError('ASM-BCP-008', `'${text}' has seconds; smalldatetime keeps minutes`);
  }
  const value = `${dateText(d)} ${clock(d)}.000`;
  inRange(text, value, '1900-01-01 00:00:00.000', '2079-06-06 23:59:00.000', 'smalldatetime');
  return { value, offTick: false, year: d.year };
}

export function decodeBigDatetime(text: string): DecodedTemporal {
  const d = parseDateTime(text);
  if (!d.hasDate) throw bad(text, 'a date is required');
  return {
    value: `${dateText(d)} ${clock(d)}.${String(d.micros).padStart(6, '0')}`,
    offTick: false,
    year: d.year,
  };
}

export function decodeTime(text: string, big: boolean): DecodedTemporal {
  const d = parseDateTime(text);
  if (d.hasDate && (d.year !== 1900 || d.month !== 1 || d.day !== 1)) {
    throw new DecodeError('ASM-BCP-008', `'${text}' has a date part; a time column would drop it`);
  }
  if (big) return { value: `${clock(d)}.${String(d.micros).padStart(6, '0')}`, offTick: false, year: 1900 };
  const tick = toTick(d.micros);
  if (tick.carry) {
    const next = addSecond(d);
    if (next.day !== d.day) throw new DecodeError('ASM-BCP-007', `'${text}' rounds past 23:59:59.997`);
    return { value: `${clock(next)}.000`, offTick: tick.offTick, year: 1900 };
  }
  return { value: `${clock(d)}.${String(tick.millis).padStart(3, '0')}`, offTick: tick.offTick, year: 1900 };
}
