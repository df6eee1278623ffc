import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { ChunkManifest, Row } from '../../../shared/pipeline/contracts';
import { manifestFromJson, manifestToJson } from '../../../shared/pipeline/stage/layout';
import { AsemigError } from '../../../shared/errors';
import type { ValueKind } from '../../../shared/pipeline/stage/value-kind';
import {
  KEY_ORDER_GROUP_BYTES,
  KeyOrderHasher,
  keyOrderChunkHash,
  rowString,
} from '../../../shared/pipeline/validate/row-hash';

const sha = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();

/**
 * The oracle, written from the definition in row-hash.ts (key-order-v1) without the streaming:
 * row strings in the given (key) order, cut into 64 MiB groups by the UTF-16 bytes before each
 * row, SHA-256 per group, SHA-256 over the group digests.
 */
function expected(rows: readonly Row[], kinds: readonly ValueKind[]): string {
  const groups = new Map<number, string[]>();
  let before = 0;
  for (const r of rows) {
    const s = rowString(r, kinds);
    const g = Math.floor(before / KEY_ORDER_GROUP_BYTES);
    groups.set(g, [...(groups.get(g) ?? []), s]);
    before += s.length * 2;
  }
  const digests = [...groups.keys()]
    .sort((a, b) => a - b)
    .map((g) => sha(Buffer.from((groups.get(g) ?? []).join(''), 'utf16le')));
  return createHash('sha256').update(Buffer.concat(digests)).digest('hex');
}

const kinds: ValueKind[] = ['text', 'text'];
const key = [0];

describe('key-order-v1 chunk hash equals its definition (architecture §6)', () => {
  const cases: { name: string; rows: Row[] }[] = [
    { name: 'empty chunk = SHA-256 of no group digests', rows: [] },
    { name: 'one row', rows: [['1', 'a']] },
    {
      name: "BCP-03 NULL, '' and ' ' in one chunk",
      rows: [
        ['1', null],
        ['2', ''],
        ['3', ' '],
      ],
    },
    {
      name: 'a row longer than the gathering limit, between short rows',
      rows: [
        ['1', 'a'],
        ['2', 'x'.repeat(300_000)],
        ['3', 'b'],
      ],
    },
    {
      name: 'non-ASCII and surrogate pairs',
      rows: [
        ['1', 'ünï😀'],
        ['2', '中文e\u0301'],
      ],
    },
    {
      name: '20,000 short rows (several flushes)',
      rows: Array.from({ length: 20_000 }, (_, i): Row => [String(i), `row number ${i}`]),
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const h = new KeyOrderHasher(kinds, key);
      for (const r of c.rows) h.add(r);
      assert.equal(h.rows, c.rows.length);
      assert.equal(h.digest(), expected(c.rows, kinds));
    });
  }
  test('empty chunk hashes to SHA-256 of nothing (what HASHBYTES of 0x gives)', () =>
    assert.equal(keyOrderChunkHash([], kinds, key), createHash('sha256').digest('hex')));
  test('a chunk over 64 MiB of row strings is hashed in groups (the T-SQL 2 GB LOB limit)', () => {
    // 4 rows of 12M characters (24 MB of UTF-16 each): rows 1-3 start below 64 MiB, row 4 above.
    const big = 'y'.repeat(12_000_000);
    const rows: Row[] = [1, 2, 3, 4].map((i): Row => [String(i), big]);
    const got = keyOrderChunkHash(rows, kinds, key);
    assert.equal(got, expected(rows, kinds));
    const oneGroup = sha(sha(Buffer.from(rows.map((r) => rowString(r, kinds)).join(''), 'utf16le')));
    assert.notEqual(got, oneGroup.toString('hex'));
  });
});

describe('key-order-v1 sensitivity (nothing may be loosened from sorted-rows-v1)', () => {
  const rows: Row[] = [
    ['1', 'a'],
    ['2', null],
    ['3', ''],
  ];
  const h = (r: readonly Row[]): string => keyOrderChunkHash(r, kinds, key);
  const variants: { name: string; rows: Row[] }[] = [
    {
      name: "BCP-03 NULL → ''",
      rows: [
        ['1', 'a'],
        ['2', ''],
        ['3', ''],
      ],
    },
    {
      name: "BCP-03 '' → ' '",
      rows: [
        ['1', 'a'],
        ['2', null],
        ['3', ' '],
      ],
    },
    { name: 'a duplicated row (no cancelling)', rows: [...rows, ['3', ''], ['3', '']] },
    { name: 'a missing row', rows: rows.slice(0, 2) },
    {
      name: 'row order within the key range (rows swapped)',
      rows: [rows[1] as Row, rows[0] as Row, rows[2] as Row],
    },
    {
      name: 'a value moved between columns',
      rows: [
        ['1a', ''],
        ['2', null],
        ['3', ''],
      ],
    },
  ];
  for (const v of variants) test(v.name, () => assert.notEqual(h(v.rows), h(rows)));
  test('deterministic', () => assert.equal(h(rows.map((r) => [...r])), h(rows)));
});

describe('key-order-v1: rows with equal keys (dirty data) are ordered by row string, like ORDER BY <key>, <row string>', () => {
  const cases: { name: string; a: Row[]; b: Row[] }[] = [
    {
      name: 'two rows with key 2 in either file order',
      a: [
        ['1', 'x'],
        ['2', 'b'],
        ['2', 'a'],
        ['3', 'y'],
      ],
      b: [
        ['1', 'x'],
        ['2', 'a'],
        ['2', 'b'],
        ['3', 'y'],
      ],
    },
    {
      name: "STR-08 keys 'k' and 'k ' are equal (trailing blanks ignored)",
      a: [
        ['k ', 'b'],
        ['k', 'a'],
      ],
      b: [
        ['k', 'a'],
        ['k ', 'b'],
      ],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.equal(keyOrderChunkHash(c.a, kinds, key), keyOrderChunkHash(c.b, kinds, key));
      // ... and that is the row-string order of the tie, not any order.
      // (in both cases every tie's row strings sort in the order written in `b`)
      const sorted = [...c.b].sort((x, y) => (rowString(x, kinds) < rowString(y, kinds) ? -1 : 1));
      assert.deepEqual(sorted, c.b);
      assert.equal(keyOrderChunkHash(c.a, kinds, key), expected(c.b, kinds));
    });
  }
  test('composite key: only a tie on every key column is a tie', () => {
    const keys2 = [0, 1];
    const kinds3: ValueKind[] = ['text', 'text', 'text'];
    const a: Row[] = [
      ['1', 'x', 'b'],
      ['1', 'y', 'a'],
    ];
    assert.equal(keyOrderChunkHash(a, kinds3, keys2), expected(a, kinds3));
    assert.notEqual(
      keyOrderChunkHash(a, kinds3, keys2),
      keyOrderChunkHash([a[1] as Row, a[0] as Row], kinds3, keys2),
    );
  });
  test('binary key columns tie on equal bytes', () => {
    const bk: ValueKind[] = ['binary', 'text'];
    const a: Row[] = [
      [Uint8Array.of(1), 'b'],
      [Uint8Array.of(1), 'a'],
    ];
    assert.equal(keyOrderChunkHash(a, bk, key), keyOrderChunkHash([a[1] as Row, a[0] as Row], bk, key));
  });
});

describe('manifest records the chunk hash method', () => {
  const base: ChunkManifest = {
    ref: { runId: 'r', schema: 'dbo', table: 't', index: 0 },
    format: 'csv',
    rows: 1,
    bytes: 4,
    columns: ['id'],
    hash: 'ab',
    dataName: 'r/dbo.t/chunk-0.csv',
  };
  for (const method of ['key-order-v1', 'sorted-rows-v1'] as const) {
    test(`${method} round-trips through chunk-<n>.json`, () => {
      const m = { ...base, hashMethod: method };
      assert.deepEqual(manifestFromJson(manifestToJson(m), 'x.json'), m);
    });
  }
  test('absent (manifest written before the field) stays absent = sorted-rows-v1', () => {
    const text = manifestToJson(base);
    assert.ok(!text.includes('hashMethod'));
    assert.equal(manifestFromJson(text, 'x.json').hashMethod, undefined);
  });
  test('an unknown method is refused with ASM-STAGE-006, the file and the field', () =>
    assert.throws(
      () =>
        manifestFromJson(
          manifestToJson(base).replace('"hash": "ab",', '"hash": "ab", "hashMethod": "v9",'),
          'x.json',
        ),
      (e: unknown) =>
        e instanceof AsemigError &&
        e.code === 'ASM-STAGE-006' &&
        e.place.file === 'x.json' &&
        e.place.field === 'hashMethod',
    ));
});
