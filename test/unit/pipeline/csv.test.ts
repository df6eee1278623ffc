import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCsv } from '../../../shared/pipeline/stage/csv-decode';
import { encodeField, encodeRow, encodeRows } from '../../../shared/pipeline/stage/csv-encode';
import type { CanonicalValue, Row } from '../../../shared/pipeline/contracts';
import type { ValueKind } from '../../../shared/pipeline/stage/value-kind';
import { AsemigError } from '../../../shared/errors';

async function* from<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const i of items) yield i;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Encode, re-split the bytes at awkward places, decode. */
async function roundTrip(rows: Row[], kinds: ValueKind[], splitEvery = 7): Promise<Row[]> {
  const bufs = await collect(encodeRows(from(rows), kinds.length, {}));
  const all = Buffer.concat(bufs);
  const pieces: Buffer[] = [];
  for (let i = 0; i < all.length; i += splitEvery) pieces.push(all.subarray(i, i + splitEvery));
  return collect(decodeCsv(from(pieces), { width: kinds.length, kinds }));
}

const bytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));
const big = 'x'.repeat(10 * 1024 * 1024 - 3) + '"\n,';

describe('canonical CSV: encoding of single values', () => {
  const cases: { name: string; value: CanonicalValue; csv: string }[] = [
    { name: 'BCP-03 NULL is an empty unquoted field', value: null, csv: '' },
    { name: "empty string '' is a quoted empty field", value: '', csv: '""' },
    { name: "single space ' ' is quoted (no loader may trim it)", value: ' ', csv: '" "' },
    { name: 'trailing tab is quoted', value: 'a\t', csv: '"a\t"' },
    { name: 'plain text is bare', value: 'abc', csv: 'abc' },
    { name: 'inner tab is bare', value: 'a\tb', csv: 'a\tb' },
    { name: 'embedded quote is doubled', value: 'say "hi"', csv: '"say ""hi"""' },
    { name: 'BCP-02 comma and LF are quoted', value: 'a,b\nc', csv: '"a,b\nc"' },
    { name: 'CR is quoted', value: 'a\rb', csv: '"a\rb"' },
    { name: 'BCP-07 binary is upper-case hex', value: bytes('00ff10ab'), csv: '00FF10AB' },
    { name: 'empty binary is quoted empty', value: new Uint8Array(0), csv: '""' },
    { name: 'decimal is as it is', value: '-12.3400', csv: '-12.3400' },
    { name: 'datetime is as it is', value: '2024-02-29 23:59:59.997', csv: '2024-02-29 23:59:59.997' },
  ];
  for (const c of cases) {
    test(c.name, () => assert.equal(encodeField(c.value), c.csv));
  }
  test('rows end with LF only, fields separated by commas', () => {
    assert.equal(encodeRow(['1', null, ''], 3), '1,,""\n');
  });
});

describe('canonical CSV: round trip (encode → decode is the identity)', () => {
  const textValues: { name: string; value: CanonicalValue }[] = [
    { name: 'NULL', value: null },
    { name: "''", value: '' },
    { name: "' '", value: ' ' },
    { name: "'  x  '", value: '  x  ' },
    { name: 'embedded quotes', value: '"""' },
    { name: 'embedded newlines CRLF', value: 'line1\r\nline2\n' },
    { name: 'tabs', value: '\ta\tb\t' },
    { name: 'surrogate pair (emoji)', value: 'a😀b𝄞' },
    { name: 'non-ASCII (é, ß, 中)', value: 'éß中' },
    { name: 'NUL character', value: 'a\u0000b' },
    { name: 'comma only', value: ',' },
    { name: 'the word NULL is text', value: 'NULL' },
    { name: 'number-like text', value: '00012' },
    { name: '10 MB value with quote, LF and comma at the end', value: big },
  ];
  for (const v of textValues) {
    test(`text column: ${v.name}`, async () => {
      const rows: Row[] = [
        ['k1', v.value, 'z'],
        [v.value, v.value, v.value],
      ];
      const back = await roundTrip(rows, ['text', 'text', 'text'], v.value === big ? 65536 : 3);
      assert.deepEqual(back, rows);
    });
  }
  const binValues: { name: string; value: CanonicalValue }[] = [
    { name: 'NULL', value: null },
    { name: 'empty bytes', value: new Uint8Array(0) },
    { name: 'one zero byte', value: bytes('00') },
    { name: 'all byte values', value: new Uint8Array(Array.from({ length: 256 }, (_, i) => i)) },
  ];
  for (const v of binValues) {
    test(`BCP-07 binary column: ${v.name}`, async () => {
      const rows: Row[] = [[v.value, '1']];
      const back = await roundTrip(rows, ['binary', 'text'], 5);
      assert.deepEqual(back, rows);
    });
  }
  test('single-column rows with NULL and empty', async () => {
    const rows: Row[] = [[null], [''], [' '], ['x']];
    assert.deepEqual(await roundTrip(rows, ['text'], 1), rows);
  });
  test('zero rows give an empty file and decode to zero rows', async () => {
    assert.deepEqual(await roundTrip([], ['text']), []);
  });
});

describe('canonical CSV: strict decoder refuses what the encoder never writes', () => {
  const bad: { name: string; csv: string; kinds?: ValueKind[] }[] = [
    { name: 'quote inside an unquoted field', csv: 'a"b,c\n' },
    { name: 'text after a closing quote', csv: '"a"b,c\n' },
    { name: 'unterminated quote', csv: '"abc,d\n' },
    { name: 'CR outside quotes (CRLF file)', csv: 'a,b\r\n' },
    { name: 'missing final LF', csv: 'a,b' },
    { name: 'too few fields', csv: 'a\n' },
    { name: 'too many fields', csv: 'a,b,c\n' },
    { name: 'odd number of hex digits', csv: 'ABC,x\n', kinds: ['binary', 'text'] },
    { name: 'non-hex characters', csv: 'ZZ,x\n', kinds: ['binary', 'text'] },
  ];
  for (const b of bad) {
    test(b.name, async () => {
      await assert.rejects(
        collect(decodeCsv(from([b.csv]), { width: 2, kinds: b.kinds, file: 'f.csv' })),
        (e: unknown) => e instanceof AsemigError && e.code === 'ASM-STAGE-001' && e.place.file === 'f.csv',
      );
    });
  }
  test('error names the line of the bad row', async () => {
    await assert.rejects(collect(decodeCsv(from(['a,b\n"x\ny",z\nbad\n']), { width: 2 })), (e: unknown) => {
      return e instanceof AsemigError && e.place.line === 4;
    });
  });
});

describe('canonical CSV: values that cannot be carried are refused', () => {
  test('a lone surrogate is an ASM-STAGE-002 error naming the column', () => {
    assert.throws(
      () => encodeRow(['ok', 'a\uD800b'], 2, { object: 'dbo.t', columns: ['c1', 'c2'] }),
      (e: unknown) => e instanceof AsemigError && e.code === 'ASM-STAGE-002' && e.place.field === 'c2',
    );
  });
  test('a row of the wrong width is an ASM-STAGE-003 error', () => {
    assert.throws(
      () => encodeRow(['1'], 2),
      (e: unknown) => e instanceof AsemigError && e.code === 'ASM-STAGE-003',
    );
  });
});
