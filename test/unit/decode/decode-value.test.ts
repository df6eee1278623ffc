import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceType } from '../../../shared/catalog/model';
import { decodeValue, type DecodeNotes } from '../../../shared/pipeline/decode/decode-value';
import { DecodeError } from '../../../shared/pipeline/decode/decode-error';
import { typeKind } from '../../../shared/pipeline/decode/type-kind';
import type { CanonicalValue } from '../../../shared/pipeline/contracts';

function decode(type: SourceType, text: string): CanonicalValue {
  const notes: DecodeNotes = { offTick: false, year: 0 };
  return decodeValue(typeKind(type), text, Buffer.from(text, 'utf8'), notes);
}

type Case = readonly [rule: string, type: SourceType, input: string, expected: string];

function table(name: string, cases: readonly Case[]): void {
  describe(name, () => {
    for (const [rule, type, input, expected] of cases) {
      test(`${rule} ${type.base}${type.length ? `(${type.length})` : ''} ${JSON.stringify(input)} → ${expected}`, () => {
        assert.equal(decode(type, input), expected);
      });
    }
  });
}

type ErrCase = readonly [rule: string, type: SourceType, input: string, code: string];

function errors(name: string, cases: readonly ErrCase[]): void {
  describe(name, () => {
    for (const [rule, type, input, code] of cases) {
      test(`${rule} ${type.base} ${JSON.stringify(input)} is rejected with ${code}`, () => {
        assert.throws(
          () => decode(type, input),
          (e: unknown) => e instanceof DecodeError && e.code === code,
        );
      });
    }
  });
}

const t = (base: string, extra: Partial<SourceType> = {}): SourceType => ({ base, ...extra });

table('integers and unsigned (DT-06)', [
  ['DT-06', t('tinyint'), '255', '255'],
  ['DT-06', t('smallint'), '-32768', '-32768'],
  ['DT-06', t('int'), '007', '7'],
  ['DT-06', t('int'), '-0', '0'],
  ['DT-06', t('int'), '+42', '42'],
  ['DT-06', t('bigint'), '-9223372036854775808', '-9223372036854775808'],
  ['DT-06', t('unsigned smallint'), '65535', '65535'],
  ['DT-06', t('unsigned int'), '4294967295', '4294967295'],
  ['DT-06', t('unsigned bigint'), '18446744073709551615', '18446744073709551615'],
]);

errors('integer range and format errors (DT-06)', [
  ['DT-06', t('tinyint'), '256', 'ASM-BCP-007'],
  ['DT-06', t('unsigned int'), '-1', 'ASM-BCP-007'],
  ['DT-06', t('unsigned bigint'), '18446744073709551616', 'ASM-BCP-007'],
  ['DT-06', t('int'), '1.5', 'ASM-BCP-008'],
  ['DT-06', t('int'), '12a', 'ASM-BCP-006'],
  ['DT-06', t('int'), '-', 'ASM-BCP-006'],
]);

table('numeric/decimal exact strings (ERR-06)', [
  ['ERR-06', t('numeric', { precision: 10, scale: 2 }), '123.4', '123.40'],
  ['ERR-06', t('numeric', { precision: 10, scale: 2 }), '-0.50', '-0.50'],
  ['ERR-06', t('numeric', { precision: 10, scale: 2 }), '.5', '0.50'],
  ['ERR-06', t('decimal', { precision: 5, scale: 0 }), '99999', '99999'],
  [
    'ERR-06',
    t('numeric', { precision: 38, scale: 10 }),
    '1234567890123456789012345678.1234567890',
    '1234567890123456789012345678.1234567890',
  ],
  ['ERR-06', t('numeric', { precision: 10, scale: 2 }), '1.2300', '1.23'],
  ['ERR-06', t('numeric', { precision: 10, scale: 2 }), '-0.00', '0.00'],
  ['ID-01', t('numeric', { precision: 12, scale: 0 }), '000000000042', '42'],
]);

errors('numeric precision errors (ERR-06)', [
  ['ERR-06', t('numeric', { precision: 10, scale: 2 }), '1.234', 'ASM-BCP-008'],
  ['ERR-06', t('numeric', { precision: 5, scale: 2 }), '1000.00', 'ASM-BCP-007'],
  ['ERR-06', t('numeric', { precision: 5, scale: 2 }), '1e3', 'ASM-BCP-006'],
]);

table('money and smallmoney: 4 decimals (§1.1)', [
  ['DT-00', t('money'), '922337203685477.5807', '922337203685477.5807'],
  ['DT-00', t('money'), '-922337203685477.5808', '-922337203685477.5808'],
  ['DT-00', t('money'), '12.5', '12.5000'],
  ['DT-00', t('money'), '0', '0.0000'],
  ['DT-00', t('smallmoney'), '214748.3647', '214748.3647'],
  ['DT-00', t('smallmoney'), '-214748.3648', '-214748.3648'],
]);

errors('money range (§1.1)', [
  ['DT-00', t('money'), '922337203685477.5808', 'ASM-BCP-007'],
  ['DT-00', t('smallmoney'), '214748.3648', 'ASM-BCP-007'],
  ['DT-00', t('money'), '1.23456', 'ASM-BCP-008'],
]);

table('float/real shortest round trip (BCP-13)', [
  ['BCP-13', t('float'), '3.141592653589793', '3.141592653589793'],
  ['BCP-13', t('double precision'), '1e308', '1e+308'],
  ['BCP-13', t('float'), '0.1', '0.1'],
  ['BCP-13', t('float'), '-0', '0'],
  ['BCP-13', t('real'), '3.1415927', String(Math.fround(3.1415927))],
  ['BCP-13', t('float', { precision: 8 }), '0.1', String(Math.fround(0.1))],
]);

errors('float errors (BCP-13)', [
  ['BCP-13', t('float'), 'NaN', 'ASM-BCP-006'],
  ['BCP-13', t('float'), 'Infinity', 'ASM-BCP-006'],
  ['BCP-13', t('real'), '1e39', 'ASM-BCP-007'],
]);

table('bit (DT-05)', [
  ['DT-05', t('bit'), '0', '0'],
  ['DT-05', t('bit'), '1', '1'],
]);
errors('bit errors (DT-05)', [['DT-05', t('bit'), '2', 'ASM-BCP-006']]);

table('datetime in bcp forms (BCP-06, DT-07, DT-07b)', [
  ['BCP-06', t('datetime'), 'Aug  1 2002  1:59:49:500AM', '2002-08-01 01:59:49.500'],
  ['BCP-06', t('datetime'), 'Aug 1 2002 1:59PM', '2002-08-01 13:59:00.000'],
  ['BCP-06', t('datetime'), 'Dec 31 1999 12:00:00:000AM', '1999-12-31 00:00:00.000'],
  ['BCP-06', t('datetime'), 'Jan  1 2000 12:30PM', '2000-01-01 12:30:00.000'],
  ['BCP-06', t('datetime'), '2002-08-01 13:59:49.500', '2002-08-01 13:59:49.500'],
  ['BCP-06', t('datetime'), '2002/08/01 13:59:49', '2002-08-01 13:59:49.000'],
  ['BCP-06', t('datetime'), '2002-08-01', '2002-08-01 00:00:00.000'],
  ['DT-07b', t('datetime'), 'Aug  1 2002  1:59:49:3PM', '2002-08-01 13:59:49.003'],
  ['DT-07b', t('datetime'), 'Aug  1 2002  1:59:49.5PM', '2002-08-01 13:59:49.500'],
  ['DT-07', t('datetime'), '2002-08-01 13:59:49.006', '2002-08-01 13:59:49.007'],
  ['DT-07', t('datetime'), '2002-08-01 13:59:49.996', '2002-08-01 13:59:49.997'],
  ['DT-07', t('datetime'), '1999-12-31 23:59:59.999', '2000-01-01 00:00:00.000'],
  ['DT-07', t('datetime'), 'Jan  1 1753 12:00AM', '1753-01-01 00:00:00.000'],
  ['BCP-06', t('datetime'), 'august 1 2002', '2002-08-01 00:00:00.000'],
]);

table('other temporal types (§1.1)', [
  ['DT-00', t('smalldatetime'), 'Aug  1 2002  1:59PM', '2002-08-01 13:59:00.000'],
  ['DT-00', t('smalldatetime'), '2079-06-06 23:59:00', '2079-06-06 23:59:00.000'],
  ['DT-00', t('date'), 'Aug  1 2002', '2002-08-01'],
  ['DT-00', t('date'), '0001-01-01', '0001-01-01'],
  ['DT-00', t('date'), 'Feb 29 2000', '2000-02-29'],
  ['DT-00', t('time'), '1:59:49:500PM', '13:59:49.500'],
  ['DT-00', t('time'), '23:59:59.997', '23:59:59.997'],
  ['DT-00', t('bigtime'), '13:59:49.123456', '13:59:49.123456'],
  ['DT-00', t('bigtime'), '1:59:49.000001AM', '01:59:49.000001'],
  ['DT-00', t('bigdatetime'), 'Aug  1 2002  1:59:49.123456PM', '2002-08-01 13:59:49.123456'],
  ['DT-00', t('bigdatetime'), '0001-01-01 00:00:00.000001', '0001-01-01 00:00:00.000001'],
  ['DT-00', t('bigdatetime'), '1500-06-15 12:00:00', '1500-06-15 12:00:00.000000'],
]);

errors('temporal errors (BCP-06, DT-07)', [
  ['DT-07', t('datetime'), '1752-12-31 23:59:59', 'ASM-BCP-007'],
  ['DT-07', t('datetime'), '9999-12-31 23:59:59.999', 'ASM-BCP-007'],
  ['DT-07', t('datetime'), '2002-08-01 13:59:49.1234', 'ASM-BCP-008'],
  ['DT-00', t('smalldatetime'), '1899-12-31 23:59', 'ASM-BCP-007'],
  ['DT-00', t('smalldatetime'), '2002-08-01 13:59:30', 'ASM-BCP-008'],
  ['DT-00', t('date'), 'Feb 29 1900', 'ASM-BCP-006'],
  ['DT-00', t('date'), '2002-08-01 10:00', 'ASM-BCP-008'],
  ['DT-00', t('bigdatetime'), '2002-08-01 00:00:00.1234567', 'ASM-BCP-008'],
  ['BCP-06', t('datetime'), 'Aoû  1 2002', 'ASM-BCP-006'],
  ['BCP-06', t('datetime'), '13:00', 'ASM-BCP-006'],
  ['BCP-06', t('datetime'), 'Aug  1 2002 13:00PM', 'ASM-BCP-006'],
  ['BCP-06', t('time'), '2002-08-01 10:00', 'ASM-BCP-008'],
]);

table('character values are exact (DT-03, BCP-05, STR-02)', [
  ['BCP-05', t('char', { length: 5 }), 'ab   ', 'ab   '],
  ['STR-02', t('varchar', { length: 5 }), ' ', ' '],
  ['DT-03', t('varchar', { length: 10 }), 'trail  ', 'trail  '],
  ['COL-06', t('varchar', { length: 5 }), 'héllo', 'héllo'],
  ['DT-00', t('univarchar', { length: 4 }), 'a😀b', 'a😀b'],
  ['DT-00', t('unichar', { length: 2 }), '😀', '😀'],
  ['DT-00', t('text'), 'line1\nline2\ttab', 'line1\nline2\ttab'],
  ['DT-00', t('unitext'), '𝄞 music', '𝄞 music'],
  ['DT-00', t('sysname'), 'orders', 'orders'],
]);

errors('character length (DT-03)', [
  ['DT-03', t('varchar', { length: 3 }), 'abcd', 'ASM-BCP-011'],
  ['DT-00', t('univarchar', { length: 2 }), 'a😀', 'ASM-BCP-011'],
]);

describe('binary values as bytes (BCP-07, BCP-10)', () => {
  const cases: readonly [string, SourceType, string, readonly number[]][] = [
    ['BCP-07', t('binary', { length: 4 }), '0a0b0000', [10, 11, 0, 0]],
    ['BCP-07', t('varbinary', { length: 4 }), '0xFF00', [255, 0]],
    ['BCP-07', t('image'), 'deadBEEF', [0xde, 0xad, 0xbe, 0xef]],
    ['BCP-10', t('timestamp'), '0000000000001a2b', [0, 0, 0, 0, 0, 0, 0x1a, 0x2b]],
  ];
  for (const [rule, type, input, bytes] of cases) {
    test(`${rule} ${type.base} ${input}`, () => {
      const v = decode(type, input);
      assert.ok(v instanceof Uint8Array);
      assert.deepEqual([...v], bytes);
    });
  }
});

errors('binary errors (BCP-07)', [
  ['BCP-07', t('varbinary', { length: 4 }), 'abc', 'ASM-BCP-010'],
  ['BCP-07', t('varbinary', { length: 4 }), 'zz', 'ASM-BCP-010'],
  ['BCP-07', t('binary', { length: 1 }), '0102', 'ASM-BCP-011'],
]);

describe('unknown types', () => {
  test('DT-00 a Java class column cannot be read', () => {
    assert.throws(
      () => typeKind({ base: 'java.lang.String' }),
      (e: unknown) => e instanceof DecodeError && e.code === 'ASM-BCP-014',
    );
  });
});
