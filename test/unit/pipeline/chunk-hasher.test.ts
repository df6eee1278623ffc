import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ChunkHasher, rowHash } from '../../../shared/pipeline/validate/row-hash';
import type { Row } from '../../../shared/pipeline/contracts';
import type { ValueKind } from '../../../shared/pipeline/stage/value-kind';

const reference = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** The oracle: the architecture §6 definition computed row by row with rowHash(). */
function expected(rows: readonly Row[], kinds: readonly ValueKind[]): string {
  return reference(Buffer.concat(rows.map((r) => rowHash(r, kinds)).sort(Buffer.compare)));
}

describe('ChunkHasher gathers rows into batches without changing the hash (architecture §6)', () => {
  const kinds: ValueKind[] = ['text', 'text'];
  const cases: { name: string; rows: Row[] }[] = [
    { name: 'one row', rows: [['1', 'a']] },
    {
      name: "BCP-03 NULL, '' and ' ' in one batch",
      rows: [
        [null, ''],
        ['', null],
        [' ', ' '],
      ],
    },
    {
      name: 'a row longer than the gathering limit, between short rows',
      rows: [
        ['1', 'a'],
        ['2', 'x'.repeat(20_000)],
        ['3', 'b'],
      ],
    },
    {
      name: 'non-ASCII and surrogate pairs',
      rows: [
        ['ünï', '😀'],
        ['中文', 'e\u0301'],
      ],
    },
    {
      // ~20 chars a row: several batch flushes and a growing offsets table.
      name: '20,000 short rows (several batches)',
      rows: Array.from({ length: 20_000 }, (_, i): Row => [String(i), `row number ${i}`]),
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const h = new ChunkHasher(kinds);
      for (const r of c.rows) h.add(r);
      assert.equal(h.rows, c.rows.length);
      assert.equal(h.digest(), expected(c.rows, kinds));
    });
  }
});
