import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  ChunkHasher,
  chunkHash,
  rowHash,
  rowString,
  tableHash,
} from '../../../shared/pipeline/validate/row-hash';
import type { Row } from '../../../shared/pipeline/contracts';
import { AsemigError } from '../../../shared/errors';
import type { ValueKind } from '../../../shared/pipeline/stage/value-kind';

const hex = (r: Row, kinds: readonly ValueKind[] = r.map(() => 'text')): string =>
  rowHash(r, kinds).toString('hex');

describe('row hash: sensitivity (values that must hash differently)', () => {
  const pairs: { name: string; a: Row; b: Row }[] = [
    { name: "BCP-03 NULL vs ''", a: [null], b: [''] },
    { name: "'' vs ' ' (STR-02 padding)", a: [''], b: [' '] },
    { name: "NULL vs ' '", a: [null], b: [' '] },
    { name: 'value boundaries cannot shift', a: ['ab', 'c'], b: ['a', 'bc'] },
    { name: 'separator inside a value cannot imitate two values', a: ['a;V1:b'], b: ['a', 'b'] },
    { name: 'trailing space is significant', a: ['x '], b: ['x'] },
    { name: 'case is significant', a: ['A'], b: ['a'] },
    { name: 'column order is significant', a: ['1', '2'], b: ['2', '1'] },
    { name: "text 'N;' vs NULL", a: ['N;'], b: [null] },
  ];
  for (const p of pairs) test(p.name, () => assert.notEqual(hex(p.a), hex(p.b)));
});

describe('row hash: definition (reproducible in T-SQL)', () => {
  test('row string encodes NULL and length-prefixed values', () => {
    assert.equal(rowString([null, '', 'ab', ' '], ['text', 'text', 'text', 'text']), 'N;V0:;V2:ab;V1: ;');
  });
  test('length counts UTF-16 code units (surrogate pair = 2, like DATALENGTH/2)', () => {
    assert.equal(rowString(['😀'], ['text']), 'V2:😀;');
  });
  test('binary hashes as upper-case hex', () => {
    assert.equal(rowString([new Uint8Array([0xab, 0x01])], ['binary']), 'V4:AB01;');
  });
  test('float64 hashes as IEEE-754 big-endian bits (CONVERT(varbinary(8), c))', () => {
    assert.equal(rowString(['1.5'], ['float64']), 'V16:3FF8000000000000;');
  });
  test('float32 hashes as 4-byte bits (CONVERT(varbinary(4), real))', () => {
    assert.equal(rowString(['1.5'], ['float32']), 'V8:3FC00000;');
  });
  test('equal floats written differently hash the same', () => {
    assert.equal(hex(['1e3'], ['float64']), hex(['1000'], ['float64']));
  });
  test('row hash = SHA-256 of the row string in UTF-16LE', () => {
    const expected = createHash('sha256').update(Buffer.from('V1:a;N;', 'utf16le')).digest('hex');
    assert.equal(hex(['a', null]), expected);
  });
  test('NaN float is refused with ASM-STAGE-002', () => {
    assert.throws(
      () => rowHash(['NaN'], ['float64']),
      (e: unknown) => e instanceof AsemigError && e.code === 'ASM-STAGE-002',
    );
  });
});

describe('chunk and table hash', () => {
  const rows: Row[] = [
    ['1', 'a'],
    ['2', null],
    ['3', ''],
  ];
  const kinds = ['text', 'text'] as const;
  test('deterministic', () =>
    assert.equal(
      chunkHash(rows, kinds),
      chunkHash(
        rows.map((r) => [...r]),
        kinds,
      ),
    ));
  test('independent of row order (collation-proof)', () =>
    assert.equal(chunkHash(rows, kinds), chunkHash([...rows].reverse(), kinds)));
  test('a duplicated row changes the hash (no cancelling)', () =>
    assert.notEqual(chunkHash(rows, kinds), chunkHash([...rows, ['1', 'a'], ['1', 'a']], kinds)));
  test('a changed value changes the hash', () =>
    assert.notEqual(
      chunkHash(rows, kinds),
      chunkHash(
        [
          ['1', 'a'],
          ['2', ''],
          ['3', ''],
        ],
        kinds,
      ),
    ));
  test('empty chunk = SHA-256 of nothing', () =>
    assert.equal(new ChunkHasher(kinds).digest(), createHash('sha256').digest('hex')));
  test('chunk hash = SHA-256 of sorted row hashes', () => {
    const hs = rows.map((r) => rowHash(r, kinds)).sort(Buffer.compare);
    assert.equal(chunkHash(rows, kinds), createHash('sha256').update(Buffer.concat(hs)).digest('hex'));
  });
  test('many rows (buffer growth, bucket sort with collisions) match the sorted-hash definition', () => {
    const many: Row[] = Array.from({ length: 70_000 }, (_, i) => [
      String(i % 50_000),
      i % 3 === 0 ? null : `v${i}`,
    ]);
    const hs = many.map((r) => rowHash(r, kinds)).sort(Buffer.compare);
    assert.equal(chunkHash(many, kinds), createHash('sha256').update(Buffer.concat(hs)).digest('hex'));
  });
  test('table hash depends on chunk order', () => {
    const a = chunkHash([rows[0] as Row], kinds);
    const b = chunkHash([rows[1] as Row], kinds);
    assert.notEqual(tableHash([a, b]), tableHash([b, a]));
  });
});
