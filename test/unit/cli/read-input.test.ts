import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUtf8Strict, firstInvalidUtf8 } from '../../../cli/read-input';
import { AsemigError } from '../../../shared/errors';

describe('strict UTF-8 input', () => {
  const cases: ReadonlyArray<readonly [string, number[], number]> = [
    ['ASCII', [0x73, 0x65, 0x6c], -1],
    ['2-byte é', [0xc3, 0xa9], -1],
    ['4-byte emoji', [0xf0, 0x9f, 0x98, 0x80], -1],
    ['CP1252 é (0xE9) alone', [0x61, 0xe9, 0x62], 1],
    ['0xFF', [0xff], 0],
    ['overlong NUL C0 80', [0xc0, 0x80], 0],
    ['overlong 3-byte E0 80 AF', [0xe0, 0x80, 0xaf], 0],
    ['UTF-16 surrogate ED A0 80', [0x41, 0xed, 0xa0, 0x80], 1],
    ['truncated at end E2 82', [0x41, 0xe2, 0x82], 1],
    ['beyond U+10FFFF F4 90 80 80', [0xf4, 0x90, 0x80, 0x80], 0],
  ];
  for (const [name, bytes, expected] of cases) {
    test(`${name}: first invalid byte ${expected}`, () => {
      assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), expected);
      if (expected === -1) assert.doesNotThrow(() => decodeUtf8Strict(Uint8Array.from(bytes), 'x.sql'));
      else assert.throws(() => decodeUtf8Strict(Uint8Array.from(bytes), 'x.sql'), AsemigError);
    });
  }

  test('the error names file, line and byte offset', () => {
    const bytes = Buffer.concat([
      Buffer.from("select 1\ngo\nselect '"),
      Buffer.from([0xe9]),
      Buffer.from("'\n"),
    ]);
    assert.throws(
      () => decodeUtf8Strict(bytes, 'legacy.sql'),
      (e: unknown) =>
        e instanceof AsemigError &&
        e.code === 'ASM-CLI-005' &&
        e.place.file === 'legacy.sql' &&
        e.place.line === 3 &&
        /byte 0xe9 at offset 20 \(column 9 in bytes\)/.test(e.message),
    );
  });

  test('a leading BOM is removed, other text kept exactly', () => {
    const text = decodeUtf8Strict(Buffer.from("\ufeffselect N'\u00e9\ud83d\ude00'", 'utf8'), 'x.sql');
    assert.equal(text, "select N'\u00e9\ud83d\ude00'");
  });
});
