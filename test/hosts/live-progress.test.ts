/**
 * GET /api/migrations/{id} while a run is running: per-table progress read from staging. A run
 * is half-staged in Azurite with the real activities (inventory, planTables, some stageChunk
 * calls), the instance is served by the fake DurableClient with the counts-only custom status,
 * and the handler is called with a real HttpRequest. Per-table chunks/rows/bytes must equal what
 * the activities staged; throughput is since the run's start; the ETA follows the chunk rate.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { getMigration } from '../../functions/http/get-migration.http';
import type { LiveProgress, LiveProgressError } from '../../functions/http/live-progress';
import { inventoryActivity } from '../../functions/activities/inventory.activity';
import { planTablesActivity } from '../../functions/activities/plan-tables.activity';
import { stageChunkActivity } from '../../functions/activities/stage-chunk.activity';
import { setWorkerTelemetry } from '../../functions/activities/activity-telemetry';
import type { MigrateDatabaseInput, MigrationStatus } from '../../orchestrators/contracts';
import { generateSampleSource } from '../../shared/sample/generate';
import { openStore } from '../../shared/pipeline/stage/open-store';
import { manifestName } from '../../shared/pipeline/stage/layout';
import { noopTelemetry } from '../../shared/telemetry';
import { useAzurite } from '../helpers/azurite';
import { FakeDurableClient } from './fake-durable-client';

const SETTING = 'ASEMIG_TEST_PROGRESS_STAGING';
const RUN = 'prog-1';
const STARTED = Date.parse('2026-01-01T00:00:00.000Z');
const NOW = STARTED + 20_000;

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asemig-prog-'));
  await generateSampleSource(join(dir, 'src'));
  setWorkerTelemetry(noopTelemetry);
});
after(async () => {
  setWorkerTelemetry(undefined);
  await rm(dir, { recursive: true, force: true });
});

const ctx = (): InvocationContext =>
  new InvocationContext({ invocationId: 'inv-p', functionName: 'getMigration', logHandler: () => undefined });
const get = (id: string): HttpRequest =>
  new HttpRequest({ method: 'GET', url: `http://localhost:7071/api/migrations/${id}`, params: { id } });

function statusOf(tablesTotal: number): MigrationStatus {
  return {
    phase: 'stage',
    tablesDone: 0,
    tablesTotal,
    rowsStaged: 0,
    bytesStaged: 0,
    failures: 0,
    batchesDone: 0,
    batchesTotal: 2,
    startedAt: new Date(STARTED).toISOString(),
    updatedAt: new Date(STARTED + 1000).toISOString(),
  };
}

describe('GET /api/migrations/{id}: per-table progress of a half-staged run (Azurite)', () => {
  const az = useAzurite();
  let env: NodeJS.ProcessEnv;
  let input: MigrateDatabaseInput;
  let tablesTotal = 0;
  /** What the activities staged, per table: the expected per-table progress. */
  const expected: {
    table: string;
    chunksTotal: number;
    chunksStaged: number;
    rows: number;
    bytes: number;
  }[] = [];

  before(async () => {
    const spec = `${az.connectionString}Container=progress;`;
    env = { [SETTING]: spec };
    process.env[SETTING] = spec;
    input = {
      runId: RUN,
      options: {
        source: join(dir, 'src'),
        stagingConnectionSetting: SETTING,
        packageDir: join(dir, 'pkg'),
        chunkRows: 100,
        batchSize: 50,
        gzip: false,
      },
    };
    const inv = await inventoryActivity(input);
    assert.ok(inv.ok);
    const all = inv.tables.filter((t) => !t.proxy);
    tablesTotal = all.length;
    // A probe run finds tables of several chunks; the run itself plans only one batch of 3
    // (two of several chunks and one other): the rest are "not planned yet".
    const probe = await planTablesActivity({ ...input, runId: `${RUN}-probe`, tables: all });
    assert.ok(probe.ok);
    const multi = probe.tables.filter((t) => t.chunks >= 2).slice(0, 2);
    assert.equal(multi.length, 2, 'the sample has two tables of several chunks at chunkRows 100');
    const other = probe.tables.find((t) => !multi.includes(t));
    assert.ok(other);
    const batch = [...multi, other].map((t) => ({ schema: t.schema, table: t.table }));
    const plan = await planTablesActivity({ ...input, tables: batch });
    assert.ok(plan.ok);
    // Stage half of each planned table's chunks (at least one; none for the last table).
    for (const [i, t] of plan.tables.entries()) {
      const stageN = i === plan.tables.length - 1 ? 0 : Math.max(1, Math.floor(t.chunks / 2));
      let rows = 0;
      let bytes = 0;
      for (let index = 0; index < stageN; index++) {
        const r = await stageChunkActivity({ ...input, schema: t.schema, table: t.table, index });
        assert.ok(r.ok);
        rows += r.rows;
        bytes += r.bytes;
      }
      expected.push({
        table: `${t.schema}.${t.table}`,
        chunksTotal: t.chunks,
        chunksStaged: stageN,
        rows,
        bytes,
      });
    }
    delete process.env[SETTING];
  });

  test('per-table { table, chunksTotal, chunksStaged, rows, bytes } equal what was staged', async () => {
    const client = new FakeDurableClient().add({
      instanceId: RUN,
      input,
      customStatus: statusOf(tablesTotal),
    });
    const r = await getMigration(get(RUN), client.asClient(), ctx(), env, () => NOW);
    assert.equal(r.status, 200);
    const p = (r.jsonBody as { progress: LiveProgress }).progress;
    assert.ok(!('error' in p), JSON.stringify(p));
    const byName = (a: { table: string }, b: { table: string }): number => a.table.localeCompare(b.table);
    assert.deepEqual([...p.tables].sort(byName), [...expected].sort(byName));
    assert.equal(p.tablesPlanned, 3);
    assert.equal(p.tablesTotal, tablesTotal);
    assert.deepEqual(p.problems, []);
  });

  test('throughput since the run start and a chunk-rate ETA', async () => {
    const client = new FakeDurableClient().add({
      instanceId: RUN,
      input,
      customStatus: statusOf(tablesTotal),
    });
    const p = (
      (await getMigration(get(RUN), client.asClient(), ctx(), env, () => NOW)).jsonBody as {
        progress: LiveProgress;
      }
    ).progress;
    const rows = expected.reduce((n, t) => n + t.rows, 0);
    const bytes = expected.reduce((n, t) => n + t.bytes, 0);
    const staged = expected.reduce((n, t) => n + t.chunksStaged, 0);
    const total = expected.reduce((n, t) => n + t.chunksTotal, 0);
    assert.deepEqual([p.rows, p.bytes, p.chunksStaged, p.chunksTotal], [rows, bytes, staged, total]);
    assert.equal(p.throughput.rowsPerSecond, Math.round(rows / 20));
    assert.equal(p.throughput.megabytesPerSecond, Math.round((bytes / 1e6 / 20) * 1000) / 1000);
    // Chunks left in planned tables + unplanned tables at the planned average, at staged/20 s.
    const left = total - staged + (tablesTotal - 3) * (total / 3);
    assert.equal(p.etaSeconds, Math.round(left / (staged / 20)));
    assert.equal(p.asOf, new Date(NOW).toISOString());
  });

  test('custom status stays counts-only (well under 16 KB); the detail comes from staging', () => {
    assert.ok(JSON.stringify(statusOf(10_000)).length < 1024);
  });

  test('an unreadable manifest is a problem with its code and blob, not a staged chunk', async () => {
    const first = expected.find((t) => t.chunksStaged > 0);
    assert.ok(first);
    const [schema = '', table = ''] = first.table.split('.');
    const store = openStore(env[SETTING] ?? '');
    const name = manifestName({ runId: RUN, schema, table, index: first.chunksTotal - 1 });
    await store.put(name, Buffer.from('{ torn'));
    try {
      const client = new FakeDurableClient().add({
        instanceId: RUN,
        input,
        customStatus: statusOf(tablesTotal),
      });
      const p = (
        (await getMigration(get(RUN), client.asClient(), ctx(), env, () => NOW)).jsonBody as {
          progress: LiveProgress;
        }
      ).progress;
      assert.deepEqual(
        p.problems.map((x) => [x.code, x.place.file]),
        [['ASM-STAGE-006', name]],
      );
      assert.equal(p.tables.find((t) => t.table === first.table)?.chunksStaged, first.chunksStaged);
    } finally {
      await store.delete(name);
    }
  });

  const unavailable: [string, NodeJS.ProcessEnv, Partial<MigrateDatabaseInput> | undefined][] = [
    ['the staging setting is unset', {}, undefined],
    ['the run input is not returned', {}, {}],
    // A folder spec that is a file: listing fails at once (an unreachable Blob endpoint would
    // fail the same way, after the SDK's retries).
    ['staging unreadable', { [SETTING]: __filename }, undefined],
  ];
  for (const [name, e, override] of unavailable) {
    test(`progress unavailable when ${name}: ASM-HOST-008 beside the counts, still 200`, async () => {
      const client = new FakeDurableClient().add({
        instanceId: RUN,
        input: override ?? input,
        customStatus: statusOf(tablesTotal),
      });
      const r = await getMigration(get(RUN), client.asClient(), ctx(), e, () => NOW);
      assert.equal(r.status, 200);
      const body = r.jsonBody as { progress: LiveProgressError; counts: { tablesTotal: number } };
      assert.equal(body.progress.error.code, 'ASM-HOST-008');
      assert.equal(body.counts.tablesTotal, tablesTotal);
      assert.equal(JSON.stringify(body).includes('c2VjcmV0S2V5'), false);
    });
  }

  test('a finished run has no live progress (the output has the per-table list)', async () => {
    const client = new FakeDurableClient().add({
      instanceId: RUN,
      input,
      runtimeStatus: 'Completed',
      customStatus: { ...statusOf(tablesTotal), phase: 'done' },
    });
    const r = await getMigration(get(RUN), client.asClient(), ctx(), env, () => NOW);
    assert.equal((r.jsonBody as { progress?: unknown }).progress, undefined);
  });
});
