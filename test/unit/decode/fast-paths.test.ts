/**
 * The decode fast paths (bcp datetime form, canonical integers and decimals) must give exactly
 * what the general path gives. Each case is decoded twice: as written (fast path) and in an
 * equivalent spelling that the fast path does not take (extra blank, leading zero), so the
 * general path is the oracle; explicit expectations pin the values themselves.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceType } from '../../../shared/catalog/model';
import type { CanonicalValue } from '../../../shared/pipeline/contracts';
import { DecodeError } from '../../../shared/pipeline/decode/decode-error';
import { decodeValue, type DecodeNotes } from '../../../shared/pipeline/decode/decode-value';
import { typeKind } from '../../../shared/pipeline/decode/type-kind';

function decode(type: SourceType, text: string): CanonicalValue | string {
  const notes: DecodeNotes = { offTick: false, year: 0 };
  try {
    return decodeValue(typeKind(type), text, Buffer.from(text, 'latin1'), notes);
  } catch (e) {
    if (e instanceof DecodeError) return `error ${e.code}`;
    throw e;
  }
}

/** Deterministic generator (no Math.random: a failing case must reproduce). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w: number, c = '0'): string => String(n).padStart(w, c);

describe('datetime bcp form: fast path = general path (BCP-06, DT-07, DT-07b)', () => {
  const cases: [input: string, expected: string][] = [
    ['Aug  1 2002  1:59:49:500AM', '2002-08-01 01:59:49.500'],
    ['Aug 01 2002 01:59:49:500PM', '2002-08-01 13:59:49.500'],
    ['aug  1 2002 12:00:00:000AM', '2002-08-01 00:00:00.000'],
    ['AUG  1 2002 12:00:00:000pm', '2002-08-01 12:00:00.000'],
    ['Dec 31 9999 11:59:59:996PM', '9999-12-31 23:59:59.997'],
    ['Dec 31 1999 11:59:59:999PM', '2000-01-01 00:00:00.000'],
    ['Feb 29 2024  3:04:05:006AM', '2024-02-29 03:04:05.007'],
    ['Feb 29 2023  3:04:05:006AM', 'error ASM-BCP-006'],
    ['Apr 31 2023  3:04:05:000AM', 'error ASM-BCP-006'],
    ['Aug  1 2002 13:59:49:500PM', 'error ASM-BCP-006'],
    ['Aug  1 2002  0:59:49:500AM', 'error ASM-BCP-006'],
    ['Aug  1 2002  1:60:49:500AM', 'error ASM-BCP-006'],
    ['Aug  1 1752  1:59:49:500AM', 'error ASM-BCP-007'],
    ['Xyz  1 2002  1:59:49:500AM', 'error ASM-BCP-006'],
  ];
  for (const [input, expected] of cases) {
    test(`BCP-06 ${JSON.stringify(input)} → ${expected}`, () => {
      assert.equal(decode({ base: 'datetime' }, input), expected);
      const general = input.replace(/(\d{4}) /, '$1  ');
      assert.equal(decode({ base: 'datetime' }, general), expected, `general path ${general}`);
    });
  }

  test('DT-07 2,000 generated bcp datetimes decode the same on both paths', () => {
    const r = lcg(7);
    for (let i = 0; i < 2000; i++) {
      const month = Math.floor(r() * 12);
      const day = 1 + Math.floor(r() * 28);
      const year = 1753 + Math.floor(r() * 8000);
      const h = 1 + Math.floor(r() * 12);
      const text =
        `${MONTHS[month]} ${pad(day, 2, ' ')} ${year} ${pad(h, 2, ' ')}:${pad(Math.floor(r() * 60), 2)}:` +
        `${pad(Math.floor(r() * 60), 2)}:${pad(Math.floor(r() * 1000), 3)}${r() < 0.5 ? 'AM' : 'PM'}`;
      assert.equal(
        decode({ base: 'datetime' }, text),
        decode({ base: 'datetime' }, text.replace(/(\d{4}) /, '$1  ')),
        text,
      );
    }
  });
});

describe('integers and decimals: canonical fast path = general path (DT-06, DT-00)', () => {
  const cases: [rule: string, type: SourceType, input: string, expected: string][] = [
    ['DT-06', { base: 'int' }, '0', '0'],
    ['DT-06', { base: 'int' }, '2147483647', '2147483647'],
    ['DT-06', { base: 'int' }, '2147483648', 'error ASM-BCP-007'],
    ['DT-06', { base: 'int' }, '-2147483648', '-2147483648'],
    ['DT-06', { base: 'tinyint' }, '256', 'error ASM-BCP-007'],
    ['DT-06', { base: 'bigint' }, '999999999999999', '999999999999999'],
    ['DT-06', { base: 'bigint' }, '9999999999999999', '9999999999999999'],
    ['DT-06', { base: 'bigint' }, '9223372036854775807', '9223372036854775807'],
    ['DT-06', { base: 'bigint' }, '9223372036854775808', 'error ASM-BCP-007'],
    ['DT-06', { base: 'unsigned int' }, '-1', 'error ASM-BCP-007'],
    ['DT-00', { base: 'numeric', precision: 7, scale: 2 }, '17750.40', '17750.40'],
    ['DT-00', { base: 'numeric', precision: 7, scale: 2 }, '-0.50', '-0.50'],
    ['DT-00', { base: 'numeric', precision: 7, scale: 2 }, '0.00', '0.00'],
    ['DT-00', { base: 'numeric', precision: 7, scale: 2 }, '123456.00', 'error ASM-BCP-007'],
    ['DT-00', { base: 'numeric', precision: 2, scale: 2 }, '0.99', '0.99'],
    ['DT-00', { base: 'numeric', precision: 2, scale: 2 }, '1.00', 'error ASM-BCP-007'],
    ['DT-00', { base: 'numeric', precision: 5, scale: 0 }, '99999', '99999'],
    ['DT-00', { base: 'numeric', precision: 5, scale: 0 }, '100000', 'error ASM-BCP-007'],
    [
      'DT-00',
      { base: 'numeric', precision: 38, scale: 10 },
      '1234567890123456789012345678.0123456789',
      '1234567890123456789012345678.0123456789',
    ],
  ];
  for (const [rule, type, input, expected] of cases) {
    const name = `${type.base}${type.precision !== undefined ? `(${type.precision},${type.scale})` : ''}`;
    test(`${rule} ${name} ${input} → ${expected}`, () => {
      assert.equal(decode(type, input), expected);
      // A leading zero is never canonical, so this spelling always takes the general path.
      const general = input.startsWith('-') ? `-0${input.slice(1)}` : `0${input}`;
      assert.equal(decode(type, general), expected, `general path ${general}`);
    });
  }

  test('DT-00 2,000 generated numeric(12,2) values decode the same on both paths', () => {
    const r = lcg(11);
    const type: SourceType = { base: 'numeric', precision: 12, scale: 2 };
    for (let i = 0; i < 2000; i++) {
      const int = String(Math.floor(r() * 10 ** Math.floor(r() * 11)));
      const text = `${r() < 0.3 ? '-' : ''}${int}.${pad(Math.floor(r() * 100), 2)}`;
      const general = text.startsWith('-') ? `-0${text.slice(1)}` : `0${text}`;
      assert.equal(decode(type, text), decode(type, general), text);
    }
  });
});
