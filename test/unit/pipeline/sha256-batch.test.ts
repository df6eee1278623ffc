import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { sha256Many } from '../../../shared/pipeline/validate/sha256-batch';
import { ChunkHasher, rowHash } from '../../../shared/pipeline/validate/row-hash';
import type { Row } from '../../../shared/pipeline/contracts';

const reference = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('sha256Many equals node:crypto SHA-256 (row hash, architecture §6)', () => {
  // Lengths around the padding edges: 55/56 bytes decide between one and two tail blocks.
  const lengths = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 150, 1000, 4096];
  for (const length of lengths) {
    test(`one message of ${length} bytes`, () => {
      const data = randomBytes(length + 7).subarray(3, 3 + length);
      const out = Buffer.alloc(32);
      sha256Many(data, new Uint32Array([0, length]), 1, out, 0);
      assert.equal(out.toString('hex'), reference(data));
    });
  }

  test('many messages back to back, written at an output offset', () => {
    const sizes = Array.from({ length: 300 }, (_, i) => (i * 37) % 211);
    const offsets = new Uint32Array(sizes.length + 1);
    for (let i = 0; i < sizes.length; i++) offsets[i + 1] = (offsets[i] as number) + (sizes[i] as number);
    const data = randomBytes(offsets[sizes.length] as number);
    const out = Buffer.alloc(64 + 32 * sizes.length, 0xee);
    sha256Many(data, offsets, sizes.length, out, 64);
    assert.ok(out.subarray(0, 64).every((b) => b === 0xee), 'bytes before outAt untouched');
    for (let i = 0; i < sizes.length; i++) {
      const msg = data.subarray(offsets[i] as number, offsets[i + 1] as number);
      assert.equal(out.subarray(64 + i * 32, 96 + i * 32).toString('hex'), reference(msg), `message ${i}`);
    }
  });
});

describe('ChunkHasher batches rows without changing the hash definition', () => {
  const kinds = ['text', 'text'] as const;
  // Short rows (batched), a row longer than the batch limit (hashed alone) and non-ASCII text.
  const rows: Row[] = [
    ['1', 'a'],
    [null, ''],
    ['2', 'x'.repeat(20_000)],
    ['3', 'ünï 😀'],
    ...Array.from({ length: 3000 }, (_, i): Row => [String(i), `row ${i}`]),
  ];
  test('digest = SHA-256 over the sorted per-row crypto hashes', () => {
    const h = new ChunkHasher([...kinds]);
    for (const r of rows) h.add(r);
    assert.equal(h.rows, rows.length);
    const sorted = rows.map((r) => rowHash(r, [...kinds])).sort(Buffer.compare);
    assert.equal(h.digest(), reference(Buffer.concat(sorted)));
  });
});
