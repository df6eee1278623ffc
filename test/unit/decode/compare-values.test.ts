import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanonicalValue } from '../../../shared/pipeline/contracts';
import { compareCanonical, compareKeys } from '../../../shared/pipeline/decode/compare-values';
import { typeKind } from '../../../shared/pipeline/decode/type-kind';
import { firstInvalidUtf8 } from '../../../shared/pipeline/source/offline/charset';

describe('keys compare by typed value, not text (BCP-01)', () => {
  const cases: readonly [string, string, CanonicalValue, CanonicalValue, number][] = [
    ['DT-06', 'int', '9', '10', -1],
    ['DT-06', 'int', '-10', '-9', -1],
    ['DT-06', 'unsigned bigint', '18446744073709551615', '9223372036854775808', 1],
    ['ERR-06', 'numeric', '-1.50', '-1.49', -1],
    ['ERR-06', 'numeric', '10.00', '9.99', 1],
    ['DT-00', 'money', '0.0001', '0.0000', 1],
    ['BCP-13', 'float', '1e+21', '999', 1],
    ['STR-08', 'varchar', 'a', 'a  ', 0],
    ['STR-08', 'varchar', 'B', 'a', -1],
    // COL-11: UTF-16 code-unit order = SQL Server BIN2 on nvarchar (the order the scripts use):
    // a surrogate pair sorts before U+E000..U+FFFF (code-point order would put it after).
    ['COL-11', 'univarchar', '\uffff', '😀', 1],
    ['COL-11', 'univarchar', '\ud7ff', '😀', -1],
    ['DT-07', 'datetime', '1999-12-31 23:59:59.997', '2000-01-01 00:00:00.000', -1],
    ['DT-00', 'date', '0001-01-01', '1753-01-01', -1],
  ];
  for (const [rule, base, a, b, want] of cases) {
    test(`${rule} ${base}: ${String(a)} vs ${String(b)} → ${want}`, () => {
      assert.equal(compareCanonical(typeKind({ base }), a, b), want);
    });
  }

  test('BCP-10 binary keys compare as unsigned bytes, shorter first on a common prefix', () => {
    const k = typeKind({ base: 'varbinary', length: 4 });
    assert.equal(compareCanonical(k, Uint8Array.of(1, 255), Uint8Array.of(2)), -1);
    assert.equal(compareCanonical(k, Uint8Array.of(1), Uint8Array.of(1, 0)), -1);
  });

  test('BCP-01 composite keys compare column by column', () => {
    const kinds = [typeKind({ base: 'varchar', length: 5 }), typeKind({ base: 'int' })];
    assert.equal(compareKeys(kinds, ['east', '10'], ['east', '9']), 1);
    assert.equal(compareKeys(kinds, ['east', '10'], ['west', '1']), -1);
  });
});

describe('UTF-8 validation finds the first bad byte (BCP-08)', () => {
  const cases: readonly [string, readonly number[], number][] = [
    [
      'valid ASCII and 2/3/4-byte sequences',
      [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80],
      10,
    ],
    ['truncated sequence', [0x61, 0xc3], 1],
    ['overlong encoding', [0xc0, 0xaf], 0],
    ['encoded surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['stray continuation byte', [0x61, 0x62, 0x80], 2],
  ];
  for (const [name, bytes, at] of cases) {
    test(`BCP-08 ${name}`, () => assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), at));
  }
});
