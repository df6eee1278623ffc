import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAssessment, runMigration, type ProgressEvent } from '../../../shared/pipeline/run-migration';
import { LocalStore } from '../../../shared/pipeline/stage/local-store';
import { AsemigError } from '../../../shared/errors';
import { sampleMemorySource } from '../../helpers/memory-source';
import { fakeDdl } from '../../helpers/fake-ddl';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asemig-run-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runMigration over an in-memory source', () => {
  test('stages every chunk, reports per-table rows/bytes/chunks/hash, writes the package', async () => {
    const events: ProgressEvent[] = [];
    const report = await runMigration(
      {
        source: sampleMemorySource(50),
        staging: join(dir, 'stage1'),
        packageDir: join(dir, 'pkg1'),
        runId: 'r1',
        chunkRows: 20,
        concurrency: 3,
        generateDdl: fakeDdl,
      },
      (e) => events.push(e),
    );
    assert.equal(report.status, 'succeeded');
    const byName = new Map(report.tables.map((t) => [`${t.schema}.${t.table}`, t]));
    assert.deepEqual(
      [...byName.entries()].map(([k, t]) => [k, t.rows, t.chunks, t.status]),
      [
        ['dbo.orders', 50, 3, 'staged'],
        ['sales.line items', 100, 5, 'staged'],
        ['dbo.notes', 4, 1, 'staged'],
      ],
    );
    for (const t of report.tables) assert.match(t.hash, /^[0-9a-f]{64}$/);
    // progress: every chunk once, totals end at the sum
    const staged = events.filter((e) => e.kind === 'chunk-staged');
    assert.equal(staged.length, 9);
    const last = events.filter((e) => e.kind === 'totals').at(-1);
    assert.ok(
      last && last.kind === 'totals' && last.rows === 154 && last.chunksDone === 9 && last.tablesDone === 3,
    );
    assert.deepEqual(
      events.filter((e) => e.kind === 'phase').map((e) => (e.kind === 'phase' ? e.phase : '')),
      ['catalog', 'ddl', 'plan', 'stage', 'package', 'done'],
    );
    // BCP-10: rowversion column not staged, reported
    assert.ok(
      report.diagnostics.some(
        (d) => d.code === 'ASM-RUN-008' && d.ruleId === 'BCP-10' && d.object === 'dbo.orders',
      ),
    );
    // ID-03: reseed from data is said
    assert.ok(report.diagnostics.some((d) => d.code === 'ASM-RUN-007' && d.message.includes('150')));
    // the no-key table's plan warning is carried
    assert.ok(report.diagnostics.some((d) => d.code === 'TEST-NOKEY'));
    assert.equal(report.typeMappings.length, 6 + 4 + 1);
    assert.equal(report.objects.length, 3);
    assert.ok(existsSync(join(dir, 'pkg1', 'manifest.json')));
    // no secret or timestamp in run.json
    const run = await readFile(join(dir, 'stage1', 'r1', 'run.json'), 'utf8');
    assert.ok(!/\d{4}-\d{2}-\d{2}T/.test(run));
  });

  test('a failing chunk fails the run with its code and place; no package, no table reported staged by mistake', async () => {
    const report = await runMigration({
      source: sampleMemorySource(50, { failOn: { table: 'orders', chunk: 1 } }),
      staging: join(dir, 'stage2'),
      packageDir: join(dir, 'pkg2'),
      runId: 'r2',
      chunkRows: 20,
      concurrency: 1,
      generateDdl: fakeDdl,
    });
    assert.equal(report.status, 'failed');
    const orders = report.tables.find((t) => t.table === 'orders');
    assert.equal(orders?.status, 'failed');
    assert.match(orders?.message ?? '', /ASM-RUN-001.*dbo\.orders\.chunk 1/);
    assert.ok(report.tables.every((t) => t.table === 'orders' || t.status !== 'staged' || t.chunks > 0));
    assert.ok(report.diagnostics.some((d) => d.code === 'ASM-RUN-001' && d.object === 'dbo.orders'));
    assert.equal(existsSync(join(dir, 'pkg2')), false);
  });

  test('bad options are coded errors', async () => {
    const base = {
      source: sampleMemorySource(1),
      staging: join(dir, 's3'),
      packageDir: join(dir, 'p3'),
      generateDdl: fakeDdl,
    };
    await assert.rejects(
      runMigration({ ...base, chunkRows: 0 }),
      (e: unknown) => e instanceof AsemigError && e.code === 'ASM-RUN-004' && e.place.field === 'chunkRows',
    );
    await assert.rejects(
      runMigration({ ...base, runId: 'a/b' }),
      (e: unknown) => e instanceof AsemigError && e.code === 'ASM-STAGE-007',
    );
    await assert.rejects(
      runMigration({ ...base, resume: 'nothing-here' }),
      (e: unknown) => e instanceof AsemigError && e.code === 'ASM-RUN-002',
    );
  });
});

describe('resume (checkpoints)', () => {
  test('resume redoes only missing or damaged chunks and gives the same manifests', async () => {
    const staging = join(dir, 'stage4');
    const opts = { staging, packageDir: join(dir, 'pkg4'), runId: 'r4', chunkRows: 20, generateDdl: fakeDdl };
    await runMigration({ ...opts, source: sampleMemorySource(50) });
    const store = new LocalStore(staging);
    const manifestsBefore = await Promise.all(
      (await store.list('r4/')).map(async (o) => [o.name, await readFile(join(staging, o.name), 'utf8')]),
    );
    // lose one manifest, truncate another chunk's data
    await store.delete('r4/dbo.orders/chunk-1.json');
    await store.put('r4/sales.line%20items/chunk-2.csv', Buffer.from('1,1,x,\n'));
    const source = sampleMemorySource(50);
    const report = await runMigration({ ...opts, runId: undefined, resume: 'r4', source });
    assert.equal(report.status, 'succeeded');
    assert.deepEqual(source.reads.sort(), ['dbo.orders#1', 'sales.line items#2']);
    const manifestsAfter = await Promise.all(
      (await store.list('r4/')).map(async (o) => [o.name, await readFile(join(staging, o.name), 'utf8')]),
    );
    assert.deepEqual(manifestsAfter, manifestsBefore);
  });

  test('resume against a different source is refused with ASM-RUN-003', async () => {
    const staging = join(dir, 'stage5');
    await runMigration({
      source: sampleMemorySource(10),
      staging,
      packageDir: join(dir, 'pkg5'),
      runId: 'r5',
      generateDdl: fakeDdl,
    });
    const other = sampleMemorySource(10);
    // same data, different catalog: a column renamed
    const cat = await other.catalog();
    const changed = { ...other, catalog: async () => ({ ...cat, database: 'otherdb' }) };
    await assert.rejects(
      runMigration({
        source: changed as typeof other,
        staging,
        packageDir: join(dir, 'pkg5'),
        resume: 'r5',
        generateDdl: fakeDdl,
      }),
      (e: unknown) => e instanceof AsemigError && e.code === 'ASM-RUN-003',
    );
  });
});

describe('runAssessment', () => {
  test('catalog, objects, row counts and type mappings; nothing staged', async () => {
    const report = await runAssessment({ source: sampleMemorySource(50), generateDdl: fakeDdl });
    assert.equal(report.status, 'assessed');
    assert.deepEqual(
      report.tables.map((t) => [t.table, t.rows]),
      [
        ['orders', 50],
        ['line items', 100],
        ['notes', 4],
      ],
    );
    assert.equal(report.objects.length, 3);
    assert.deepEqual(report.outputs, {});
  });
});
