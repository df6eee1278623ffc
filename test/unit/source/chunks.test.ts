import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from '../../../shared/pipeline/contracts';
import { openOfflineSource } from '../../../shared/pipeline/source/offline/open';
import { catalogOf, col, table } from './build-table';
import { chunkedFiles, readAll, rejection, writeFolder } from './offline-fixture';

/** Deterministic shuffle for the unsorted files. */
function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs];
  let s = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function chunked(files: Record<string, string>, t: ReturnType<typeof table>, targetRows: number) {
  const dir = writeFolder(files);
  const src = await openOfflineSource(dir, { readCatalog: () => catalogOf([t]) });
  const plan = await src.planChunks(t, targetRows);
  const perChunk: Row[][] = [];
  for (const c of plan.chunks) {
    const rows: Row[] = [];
    for await (const r of src.readChunk(t, c)) rows.push(r);
    perChunk.push(rows);
  }
  return { dir, src, plan, perChunk };
}

const ids = (rows: readonly Row[]): string[] => rows.map((r) => String(r[0]));

describe('chunk planning and reading (BCP-01)', () => {
  const n = 95;
  const lines = Array.from({ length: n }, (_, i) => `${i + 1}\tname ${i + 1}\n`);

  test('BCP-01 sorted file: byte-range chunks of ~targetRows, each row read exactly once, in key order', async () => {
    const t = table('dbo', 's', [col('id', 'int'), col('name', 'varchar', { length: 20 })], { pk: ['id'] });
    const { plan, perChunk } = await chunked({ 'dbo.s.bcp': lines.join('') }, t, 10);
    assert.equal(plan.chunks.length, 10);
    assert.ok(plan.chunks.every((c) => c.hint?.['mode'] === 'sorted'));
    assert.deepEqual(
      perChunk.map((c) => c.length),
      [10, 10, 10, 10, 10, 10, 10, 10, 10, 5],
    );
    assert.deepEqual(
      perChunk.flatMap(ids),
      Array.from({ length: n }, (_, i) => String(i + 1)),
    );
    // Typed key comparison: the boundary after 9 rows is 10, compared as a number (not text).
    assert.deepEqual(plan.chunks[0]?.range?.upTo, ['10']);
    assert.deepEqual(plan.chunks[1]?.range?.after, ['10']);
    assert.equal(plan.chunks[0]?.range?.after, undefined);
    assert.equal(plan.chunks[9]?.range?.upTo, undefined);
  });

  test('BCP-01 unsorted file: sampled boundaries, each chunk sorted, rows covered exactly once', async () => {
    const t = table('dbo', 'u', [col('id', 'int'), col('name', 'varchar', { length: 20 })], { pk: ['id'] });
    const { plan, perChunk } = await chunked({ 'dbo.u.bcp': shuffled(lines).join('') }, t, 10);
    assert.ok(plan.chunks.length >= 8 && plan.chunks.length <= 10, `chunks: ${plan.chunks.length}`);
    assert.ok(plan.diagnostics.some((d) => d.code === 'ASM-BCP-102'));
    for (const c of perChunk)
      assert.deepEqual(
        ids(c),
        [...ids(c)].sort((a, b) => Number(a) - Number(b)),
      );
    assert.deepEqual(
      perChunk.flatMap(ids),
      Array.from({ length: n }, (_, i) => String(i + 1)),
    );
  });

  test('BCP-01 composite key (varchar, numeric): ordered by typed tuple, equal first parts never split wrongly', async () => {
    const t = table(
      'sales',
      'ol',
      [
        col('region', 'varchar', { length: 5 }),
        col('line', 'numeric', { precision: 5, scale: 1 }),
        col('qty', 'int'),
      ],
      { pk: ['region', 'line'] },
    );
    const rows: string[] = [];
    for (const r of ['east', 'north', 'west'])
      for (let l = 1; l <= 12; l++) rows.push(`${r}\t${l}.5\t${l}\n`);
    const { plan, perChunk } = await chunked({ 'sales.ol.bcp': rows.join('') }, t, 5);
    assert.equal(perChunk.flat().length, 36);
    assert.deepEqual(plan.chunks[0]?.range?.upTo, ['east', '5.5']);
    const keys = perChunk.flat().map((r) => `${r[0]}/${r[1]}`);
    assert.equal(new Set(keys).size, 36);
    assert.equal(keys[9], 'east/10.5');
  });

  test('BCP-01 duplicate keys are never split across chunks and are reported', async () => {
    const t = table('dbo', 'd', [col('id', 'int'), col('v', 'int')], { pk: ['id'] });
    const data = '1\t1\n2\t1\n2\t2\n2\t3\n3\t1\n4\t1\n';
    const { src, perChunk } = await chunked({ 'dbo.d.bcp': data }, t, 2);
    assert.deepEqual(
      perChunk.map((c) => ids(c)),
      [
        ['1', '2', '2', '2'],
        ['3', '4'],
      ],
    );
    assert.ok(src.profile().some((d) => d.code === 'ASM-PROF-011'));
  });

  test('BCP-01 no primary key or unique key: one chunk without a range and a warning', async () => {
    const t = table('dbo', 'n', [col('id', 'int'), col('v', 'int')]);
    const { plan, perChunk } = await chunked({ 'dbo.n.bcp': '2\t1\n1\t1\n' }, t, 1);
    assert.equal(plan.chunks.length, 1);
    assert.equal(plan.chunks[0]?.range, undefined);
    assert.equal(plan.chunks[0]?.estimatedRows, 2);
    const warn = plan.diagnostics.find((d) => d.code === 'ASM-BCP-101');
    assert.equal(warn?.level, 'WARN');
    assert.deepEqual(ids(perChunk[0] ?? []), ['2', '1']);
  });

  test('BCP-01 a unique key with a nullable column is not used for chunking', async () => {
    const t = table('dbo', 'q', [col('id', 'int', { null: true }), col('v', 'int')], { unique: ['id'] });
    const { plan } = await chunked({ 'dbo.q.bcp': '1\t1\n' }, t, 1);
    assert.ok(plan.diagnostics.some((d) => d.code === 'ASM-BCP-101'));
  });

  test('BCP-01 an empty file with a key: one open chunk, no rows', async () => {
    const t = table('dbo', 'z', [col('id', 'int')], { pk: ['id'] });
    const { plan, perChunk } = await chunked({ 'dbo.z.bcp': '' }, t, 10);
    assert.equal(plan.chunks.length, 1);
    assert.deepEqual(perChunk, [[]]);
  });

  test('BCP-01 a file changed after planning is refused', async () => {
    const t = table('dbo', 'c', [col('id', 'int')], { pk: ['id'] });
    const dir = writeFolder({ 'dbo.c.bcp': '1\n2\n' });
    const src = await openOfflineSource(dir, { readCatalog: () => catalogOf([t]) });
    const plan = await src.planChunks(t, 1);
    appendFileSync(join(dir, 'dbo.c.bcp'), '3\n');
    const chunk = plan.chunks[0];
    assert.ok(chunk);
    const e = await rejection(async () => {
      for await (const _ of src.readChunk(t, chunk)) void _;
    });
    assert.equal(e.code, 'ASM-SRC-009');
  });

  test('BCP-01 sorted chunks keep line numbers for errors after seeking', async () => {
    const t = table('dbo', 'e', [col('id', 'int'), col('d', 'datetime', { null: true })], { pk: ['id'] });
    const src = await openOfflineSource(writeFolder({ 'dbo.e.bcp': '1\t\n2\t\n3\t2002-01-01\n' }), {
      readCatalog: () => catalogOf([t]),
    });
    const plan = await src.planChunks(t, 1);
    assert.equal(plan.chunks.length, 3);
    assert.equal(plan.chunks[2]?.hint?.['startLine'], 3);
    assert.deepEqual(await readAll(src, t, 1), [
      ['1', null],
      ['2', null],
      ['3', '2002-01-01 00:00:00.000'],
    ]);
  });
});

describe('readChunkBatches gives the same rows as readChunk (BCP-01)', () => {
  const data = Array.from({ length: 60 }, (_, i) => `${(i * 37) % 60}\ttext ${i}\n`).join('');
  const sortedData = Array.from({ length: 60 }, (_, i) => `${i}\ttext\twith tab ${i}\n`).join('');
  const cases: readonly [string, string, boolean, number][] = [
    ['BCP-01 sorted file, 5-byte reads', sortedData, true, 5],
    ['BCP-01 unsorted file', data, true, 65536],
    ['BCP-01 no key', data, false, 3],
  ];
  for (const [name, body, withKey, readSize] of cases) {
    test(name, async () => {
      const t = table('dbo', 'b', [col('id', 'int'), col('s', 'text')], withKey ? { pk: ['id'] } : {});
      const dir = writeFolder({ 'dbo.b.bcp': body });
      const src = await openOfflineSource(dir, {
        readCatalog: () => catalogOf([t]),
        files: chunkedFiles(dir, readSize),
      });
      const plan = await src.planChunks(t, 7);
      const one: Row[] = [];
      const many: Row[] = [];
      for (const c of plan.chunks) {
        for await (const r of src.readChunk(t, c)) one.push(r);
        for await (const b of src.readChunkBatches(t, c)) {
          assert.ok(b.length > 0);
          many.push(...b);
        }
      }
      assert.equal(one.length, 60);
      assert.deepEqual(many, one);
    });
  }
});
