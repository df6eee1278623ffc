/**
 * migrateDatabase and migrateTableBatch through the replay harness (the real durable-functions
 * 3.5 handler, platform-notes §3.4) with fake activities: fan-out, batches with deterministic
 * child ids, progress in custom status, retry of a transient failure, a data failure returned
 * as a result, a batch that fails after its retries, and determinism of the replay.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ActionType, OrchestrationDriver, simulate } from '../helpers/durable-replay';
import { registerOrchestrations } from '../../orchestrators/register';
import type { MigrationOutput, MigrationStatus } from '../../orchestrators/contracts';
import { fakeActivities, migrateInput, rowsOf } from './host-fakes';

registerOrchestrations();

const CHUNKS = { 'dbo.a': 2, 'dbo.bb': 1, 'sales.ccc': 3, 'hr.dddd': 1, 'hr.e': 0 };
const expectedRows = Object.entries(CHUNKS).reduce((n, [k, c]) => {
  const table = k.split('.')[1] ?? '';
  for (let i = 0; i < c; i++) n += rowsOf(table, i);
  return n;
}, 0);

describe('migrateDatabase: fan-out in batches', () => {
  test('all tables staged through ceil(5/2)=3 batches with ids <runId>:batch:<n>', async () => {
    const acts = fakeActivities(CHUNKS);
    const r = await simulate('migrateDatabase', migrateInput('run-1'), {
      activities: acts.activities,
      instanceId: 'run-1',
    });
    assert.equal(r.isDone, true, r.error);
    const out = r.output as MigrationOutput;
    assert.equal(out.status, 'succeeded');
    assert.equal(out.tablesTotal, 5);
    assert.equal(out.tablesStaged, 5);
    assert.equal(out.rowsStaged, expectedRows);
    assert.deepEqual([...r.children.keys()].sort(), ['run-1:batch:0', 'run-1:batch:1', 'run-1:batch:2']);
    assert.equal(acts.calls.filter((c) => c.name === 'stageChunk').length, 7);
    assert.deepEqual(
      acts.calls.map((c) => c.name).filter((n) => n !== 'stageChunk' && n !== 'planTables'),
      ['inventory', 'writePackage', 'report'],
    );
    const status = r.customStatus as MigrationStatus;
    assert.equal(status.phase, 'done');
    assert.equal(status.tablesDone, 5);
    assert.equal(status.batchesDone, 3);
    assert.equal(status.rowsStaged, expectedRows);
    assert.deepEqual(out.report, { json: 'r.json', html: 'r.html', text: 'r.txt' });
  });

  test('first episode schedules only inventory, with retry options; status phase inventory', async () => {
    const d = new OrchestrationDriver('migrateDatabase', migrateInput('run-2'), { instanceId: 'run-2' });
    const ep = await d.run();
    assert.deepEqual(
      ep.pending.map((w) => [w.kind, w.name]),
      [['activity', 'inventory']],
    );
    assert.equal(ep.actions[0]?.actionType, ActionType.CallActivityWithRetry);
    assert.equal(ep.actions[0]?.retryOptions?.maxNumberOfAttempts, 4);
    assert.equal((ep.customStatus as MigrationStatus).phase, 'inventory');
  });

  test('after inventory: one sub-orchestration per batch, status stage with totals', async () => {
    const acts = fakeActivities(CHUNKS);
    const d = new OrchestrationDriver('migrateDatabase', migrateInput('run-3'), { instanceId: 'run-3' });
    await d.run();
    d.complete(0, await acts.activities.inventory(undefined, { attempt: 1, instanceId: 'run-3' }));
    const ep = await d.run();
    assert.deepEqual(
      ep.pending.map((w) => [w.kind, w.name, w.instanceId]),
      [0, 1, 2].map((n) => ['subOrchestration', 'migrateTableBatch', `run-3:batch:${n}`]),
    );
    assert.deepEqual(
      ep.pending.map((w) => (w.input as { tables: { table: string }[] }).tables.map((t) => t.table)),
      [['a', 'bb'], ['ccc', 'dddd'], ['e']],
    );
    const s = ep.customStatus as MigrationStatus;
    assert.deepEqual([s.phase, s.tablesTotal, s.batchesTotal, s.batchesDone], ['stage', 5, 3, 0]);
    // Progress as a batch finishes (Task.any): tablesDone counts the batch's tables.
    const batch1 = {
      batch: 1,
      tables: [
        { schema: 'sales', table: 'ccc', chunks: 3, chunksStaged: 3, rows: 30, bytes: 3, ok: true },
        { schema: 'hr', table: 'dddd', chunks: 1, chunksStaged: 1, rows: 4, bytes: 1, ok: true },
      ],
      failures: [],
      rowsStaged: 34,
      bytesStaged: 4,
    };
    d.complete(ep.pending[1]?.id as number, batch1);
    const mid = await d.run();
    const m = mid.customStatus as MigrationStatus;
    assert.deepEqual([m.batchesDone, m.tablesDone, m.rowsStaged, m.bytesStaged], [1, 2, 34, 4]);
    assert.equal(mid.isDone, false);
  });

  test('orchestrator is deterministic: replaying the same history gives the same actions', async () => {
    const acts = fakeActivities(CHUNKS);
    const d = new OrchestrationDriver('migrateDatabase', migrateInput('run-4'), { instanceId: 'run-4' });
    await d.run();
    d.complete(0, await acts.activities.inventory(undefined, { attempt: 1, instanceId: 'run-4' }));
    const a = await d.run();
    const b = await new (class extends OrchestrationDriver {})('migrateDatabase', migrateInput('run-4'), {
      instanceId: 'run-4',
    }).run();
    assert.deepEqual(b.actions, a.actions.slice(0, b.actions.length));
  });
});

describe('migrateTableBatch: chunk fan-out', () => {
  test('plans the batch, then one stageChunk per chunk, sums per table', async () => {
    const acts = fakeActivities({ 'dbo.a': 2, 'sales.ccc': 3 });
    const input = {
      ...migrateInput('run-5'),
      batch: 0,
      tables: [
        { schema: 'dbo', table: 'a' },
        { schema: 'sales', table: 'ccc' },
      ],
    };
    const r = await simulate('migrateTableBatch', input, {
      activities: acts.activities,
      instanceId: 'run-5:batch:0',
    });
    assert.equal(r.isDone, true, r.error);
    const staged = acts.calls
      .filter((c) => c.name === 'stageChunk')
      .map((c) => c.input as { table: string; index: number });
    assert.deepEqual(
      staged.map((c) => `${c.table}:${c.index}`),
      ['a:0', 'a:1', 'ccc:0', 'ccc:1', 'ccc:2'],
    );
    const out = r.output as { tables: { table: string; rows: number; ok: boolean }[]; rowsStaged: number };
    assert.deepEqual(
      out.tables.map((t) => [t.table, t.rows, t.ok]),
      [
        ['a', rowsOf('a', 0) + rowsOf('a', 1), true],
        ['ccc', rowsOf('ccc', 0) + rowsOf('ccc', 1) + rowsOf('ccc', 2), true],
      ],
    );
  });
});

describe('failures', () => {
  test('a transient stageChunk failure is retried and the run still succeeds with all rows', async () => {
    let failed = 0;
    const acts = fakeActivities(CHUNKS, {
      stageChunk: (input, meta) => {
        const c = input as { schema: string; table: string; index: number };
        if (c.table === 'ccc' && c.index === 1 && meta.attempt === 1) {
          failed++;
          throw new Error('ECONNRESET while writing to Blob');
        }
        return { ok: true, ...c, rows: rowsOf(c.table, c.index), bytes: 10, skipped: false, manifest: 'm' };
      },
    });
    const r = await simulate('migrateDatabase', migrateInput('run-6'), {
      activities: acts.activities,
      instanceId: 'run-6',
    });
    assert.equal(failed, 1);
    const retried = acts.calls.filter((c) => c.name === 'stageChunk' && c.attempt === 2);
    assert.equal(retried.length, 1);
    const out = r.output as MigrationOutput;
    assert.equal(out.status, 'succeeded');
    assert.equal(out.rowsStaged, expectedRows);
  });

  test('a data failure is a result: recorded with code and place, no package, report still written', async () => {
    const acts = fakeActivities(CHUNKS, {
      stageChunk: (input) => {
        const c = input as { schema: string; table: string; index: number };
        if (c.table === 'bb')
          return {
            ok: false,
            code: 'ASM-SRC-007',
            message: 'bad date',
            place: { object: 'dbo.bb', line: 3 },
          };
        return { ok: true, ...c, rows: rowsOf(c.table, c.index), bytes: 10, skipped: false, manifest: 'm' };
      },
    });
    const r = await simulate('migrateDatabase', migrateInput('run-7'), {
      activities: acts.activities,
      instanceId: 'run-7',
    });
    assert.equal(r.isDone, true);
    const out = r.output as MigrationOutput;
    assert.equal(out.status, 'failed');
    assert.deepEqual(
      out.failures.map((f) => [f.code, f.place.object, f.place.line]),
      [['ASM-SRC-007', 'dbo.bb', 3]],
    );
    assert.equal(
      acts.calls.filter((c) => c.name === 'stageChunk' && c.attempt > 1).length,
      0,
      'data errors are not retried',
    );
    assert.equal(
      acts.calls.some((c) => c.name === 'writePackage'),
      false,
    );
    const report = acts.calls.find((c) => c.name === 'report')?.input as {
      packaged: boolean;
      failures: unknown[];
    };
    assert.equal(report.packaged, false);
    assert.equal(report.failures.length, 1);
    assert.equal(out.tablesStaged, 4);
    assert.equal((r.customStatus as MigrationStatus).phase, 'failed');
  });

  test('a transient failure that outlives its retries fails the batch; the run ends failed (ASM-HOST-006)', async () => {
    const acts = fakeActivities(CHUNKS, {
      stageChunk: (input) => {
        const c = input as { table: string };
        if (c.table === 'e' || c.table === 'dddd') throw new Error('x'.repeat(100_000));
        return { ok: true, ...(input as object), rows: 1, bytes: 1, skipped: false, manifest: 'm' };
      },
    });
    const r = await simulate('migrateDatabase', migrateInput('run-8'), {
      activities: acts.activities,
      instanceId: 'run-8',
    });
    assert.equal(r.isDone, true, r.error);
    const out = r.output as MigrationOutput;
    assert.equal(out.status, 'failed');
    assert.deepEqual(
      out.failures.map((f) => [f.code, f.place.object]),
      [['ASM-HOST-006', 'run-8:batch:1']],
    );
    assert.ok(out.failures[0] && out.failures[0].message.length <= 1100, 'error text truncated');
    assert.equal(
      acts.calls.filter((c) => c.name === 'stageChunk' && (c.input as { table: string }).table === 'dddd')
        .length,
      4,
    );
  });

  test('an inventory data failure ends the run at once with the failure as output', async () => {
    const acts = fakeActivities(CHUNKS, {
      inventory: () => ({
        ok: false,
        code: 'ASM-SRC-001',
        message: 'no scripts',
        place: { file: '/data/extract' },
      }),
    });
    const r = await simulate('migrateDatabase', migrateInput('run-9'), {
      activities: acts.activities,
      instanceId: 'run-9',
    });
    const out = r.output as MigrationOutput;
    assert.equal(out.status, 'failed');
    assert.equal(out.failures[0]?.code, 'ASM-SRC-001');
    assert.equal(r.children.size, 0);
  });
});

describe('cancel', () => {
  // Termination itself is done by the Durable extension (POST .../cancel → client.terminate, see
  // http-functions.test.ts); the harness does not model it. What the orchestrator guarantees is
  // that nothing past staging is scheduled before every batch has finished, so a run terminated
  // mid-stage never writes a package or a report from partial data.
  test('terminated mid-stage: only batch work was scheduled, status shows the progress so far', async () => {
    const acts = fakeActivities(CHUNKS);
    const d = new OrchestrationDriver('migrateDatabase', migrateInput('run-10'), { instanceId: 'run-10' });
    await d.run();
    d.complete(0, await acts.activities.inventory(undefined, { attempt: 1, instanceId: 'run-10' }));
    const ep = await d.run();
    const first = ep.pending[0];
    assert.ok(first);
    d.complete(first.id as number, {
      batch: 0,
      tables: [{ schema: 'dbo', table: 'a', chunks: 2, chunksStaged: 2, rows: 7, bytes: 1, ok: true }],
      failures: [],
      rowsStaged: 7,
      bytesStaged: 1,
    });
    const mid = await d.run();
    assert.equal(mid.isDone, false);
    assert.deepEqual(
      mid.pending.map((w) => w.name),
      ['migrateTableBatch', 'migrateTableBatch'],
    );
    assert.equal(
      mid.actions.some((a) => a.functionName === 'writePackage' || a.functionName === 'report'),
      false,
    );
    const s = mid.customStatus as MigrationStatus;
    assert.deepEqual([s.phase, s.batchesDone, s.tablesDone, s.rowsStaged], ['stage', 1, 1, 7]);
  });
});
