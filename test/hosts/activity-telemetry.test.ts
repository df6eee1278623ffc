/**
 * Activity telemetry (issue 4 §4): the real activities over a tiny generated source with Azurite
 * as staging, recording what they emit through the worker Telemetry. Every item carries the run
 * id; chunk items carry table and chunk with rows, bytes, duration and rows/s; failures carry
 * their code and place; staging reads/writes are Azure blob dependencies; every activity
 * flushes; no secret (the Azurite account key, a password in an error) reaches any item.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inventoryActivity } from '../../functions/activities/inventory.activity';
import { planTablesActivity } from '../../functions/activities/plan-tables.activity';
import { stageChunkActivity } from '../../functions/activities/stage-chunk.activity';
import { writePackageActivity } from '../../functions/activities/write-package.activity';
import { reportActivity } from '../../functions/activities/report.activity';
import { asResult, type ActivityInput } from '../../functions/activities/activity-io';
import {
  observeActivity,
  setWorkerTelemetry,
  workerTelemetry,
} from '../../functions/activities/activity-telemetry';
import { AsemigError } from '../../shared/errors';
import { noopTelemetry, RUN_EVENTS, RUN_METRICS } from '../../shared/telemetry';
import { generateSampleSource } from '../../shared/sample/generate';
import { useAzurite } from '../helpers/azurite';
import { RecordingTelemetry, type RecordedItem } from '../helpers/recording-telemetry';

const SETTING = 'ASEMIG_TEST_TEL_STAGING';
const RUN = 'tel-1';
let dir = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asemig-tel-'));
  await generateSampleSource(join(dir, 'src'));
});
after(async () => {
  delete process.env[SETTING];
  setWorkerTelemetry(undefined);
  await rm(dir, { recursive: true, force: true });
});

type Ev = Extract<RecordedItem, { kind: 'event' }>;
const events = (rec: RecordingTelemetry, name: string): Ev[] =>
  rec.items.filter((i): i is Ev => i.kind === 'event' && i.name === name);

/** The key part of the Azurite connection string: the secret that must never be sent. */
function accountKey(cs: string): string {
  const m = /AccountKey=([^;]+)/.exec(cs);
  assert.ok(m?.[1], 'the Azurite connection string has an AccountKey');
  return m[1];
}

describe('activity telemetry over a tiny source, Azurite staging', () => {
  const az = useAzurite();
  const rec = new RecordingTelemetry();
  let input: ActivityInput;
  let activityCalls = 0;
  let stagedChunks: { table: string; chunk: number; rows: number; bytes: number }[] = [];

  before(async () => {
    process.env[SETTING] = `${az.connectionString}Container=tel;`;
    setWorkerTelemetry(rec);
    input = {
      runId: RUN,
      options: {
        source: join(dir, 'src'),
        stagingConnectionSetting: SETTING,
        packageDir: join(dir, 'pkg'),
        chunkRows: 500,
        batchSize: 50,
        gzip: false,
      },
    };
    const inv = await inventoryActivity(input);
    activityCalls++;
    assert.ok(inv.ok, JSON.stringify(inv));
    // Two tables are enough: the smallest ones keep this quick.
    const tables = inv.tables.filter((t) => !t.proxy).slice(0, 2);
    const plan = await planTablesActivity({ ...input, tables });
    activityCalls++;
    assert.ok(plan.ok, JSON.stringify(plan));
    for (const t of plan.tables)
      for (let index = 0; index < t.chunks; index++) {
        const r = await stageChunkActivity({ ...input, schema: t.schema, table: t.table, index });
        activityCalls++;
        assert.ok(r.ok, JSON.stringify(r));
        stagedChunks.push({ table: `${t.schema}.${t.table}`, chunk: index, rows: r.rows, bytes: r.bytes });
      }
    assert.ok(stagedChunks.length > 0, 'the sample plans at least one chunk');
    // Re-executed (at-least-once): reported as skipped, without a rate.
    const first = plan.tables.find((t) => t.chunks > 0);
    assert.ok(first);
    const again = await stageChunkActivity({ ...input, schema: first.schema, table: first.table, index: 0 });
    activityCalls++;
    assert.ok(again.ok && again.skipped);
    // A data failure: a chunk of a table that was never planned (ASM-HOST-005).
    const bad = await stageChunkActivity({ ...input, schema: 'dbo', table: 'never_planned', index: 3 });
    activityCalls++;
    assert.ok(!bad.ok);
    const pkg = await writePackageActivity(input);
    // Only two tables were staged: the package refuses (a data failure, reported with its place).
    assert.ok(!pkg.ok);
    assert.equal(pkg.code, 'ASM-HOST-005');
    activityCalls++;
    const rep = await reportActivity({
      ...input,
      startedAt: new Date(Date.now() - 5000).toISOString(),
      packaged: pkg.ok,
      failures: [],
    });
    activityCalls++;
    assert.ok(rep.ok, JSON.stringify(rep));
    stagedChunks = stagedChunks.sort((a, b) => a.table.localeCompare(b.table) || a.chunk - b.chunk);
  });

  test('every item carries the run id and host=functions; every activity flushed once', () => {
    assert.ok(rec.items.length > 0);
    for (const i of rec.items) {
      const props = i.kind === 'dependency' ? (i.call.props ?? {}) : i.props;
      assert.equal(props.runId, RUN, `${i.kind} without runId`);
      assert.equal(props.host, 'functions');
    }
    assert.equal(rec.flushes, activityCalls);
  });

  test('inventory: AsemigRunStarted with the table count, AsemigPhaseFinished inventory', () => {
    const started = events(rec, RUN_EVENTS.runStarted);
    assert.equal(started.length, 1);
    assert.ok((started[0]?.measurements.tables ?? 0) >= 2);
    const phases = events(rec, RUN_EVENTS.phaseFinished).map((e) => e.props.phase);
    assert.deepEqual(phases, ['inventory', 'report'], 'package failed, so it did not finish');
  });

  test('stage: one AsemigChunkFinished per chunk with table/chunk dims, rows, bytes, duration, rows/s', () => {
    const staged = events(rec, RUN_EVENTS.chunkFinished)
      .filter((e) => e.props.status === 'succeeded' && e.props.skipped === undefined)
      .map((e) => ({
        table: e.props.table ?? '',
        chunk: Number(e.props.chunk),
        rows: e.measurements.rows,
        bytes: e.measurements.bytes,
      }))
      .sort((a, b) => a.table.localeCompare(b.table) || a.chunk - b.chunk);
    assert.deepEqual(staged, stagedChunks);
    for (const e of events(rec, RUN_EVENTS.chunkFinished).filter((x) => x.props.status === 'succeeded')) {
      if (e.props.skipped) {
        assert.equal(e.measurements.durationMs, undefined, 'a skipped chunk copied nothing: no rate');
        continue;
      }
      assert.ok((e.measurements.durationMs ?? -1) >= 0);
      if ((e.measurements.durationMs ?? 0) > 0)
        assert.ok((e.measurements.rowsPerSecond ?? 0) > 0 || e.measurements.rows === 0);
    }
    const rowsMetrics = rec.items.filter((i) => i.kind === 'metric' && i.name === RUN_METRICS.rowsCopied);
    assert.equal(rowsMetrics.length, stagedChunks.length + 2); // + the skipped one + the failed one
  });

  test('re-executed chunk: reported once more with skipped=true', () => {
    const skipped = events(rec, RUN_EVENTS.chunkFinished).filter((e) => e.props.skipped === 'true');
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0]?.props.chunk, '0');
  });

  test('data failures: chunk status failed with its code; exceptions with code, place, phase, table, chunk', () => {
    const failed = events(rec, RUN_EVENTS.chunkFinished).filter((e) => e.props.status === 'failed');
    assert.deepEqual(
      failed.map((e) => [e.props.table, e.props.chunk, e.props.code]),
      [['dbo.never_planned', '3', 'ASM-HOST-005']],
    );
    const ex = rec.items.flatMap((i) => (i.kind === 'exception' ? [i.props] : []));
    assert.deepEqual(
      ex.map((p) => [p.code, p.phase, p.chunk]),
      [
        ['ASM-HOST-005', 'stage', '3'],
        ['ASM-HOST-005', 'package', undefined],
      ],
    );
    assert.equal(ex[0]?.table, 'dbo.never_planned');
    assert.match(ex[0]?.place ?? '', /plans\/dbo\.never_planned\.json/);
    // The package failure names the first table it could not package (place.object).
    assert.match(ex[1]?.table ?? '', /^\w+\.\w+$/);
    assert.equal(ex[1]?.place, ex[1]?.table);
  });

  test('report: AsemigRunFinished with status, tables and a duration from the run start', () => {
    const fin = events(rec, RUN_EVENTS.runFinished);
    assert.equal(fin.length, 1);
    assert.ok(fin[0]?.props.status === 'succeeded' || fin[0]?.props.status === 'failed');
    assert.ok((fin[0]?.measurements.durationMs ?? 0) >= 5000);
    assert.ok((fin[0]?.measurements.tables ?? 0) >= 2);
  });

  test('staging: Azure blob dependencies naming the container, the operation and the blob', () => {
    const deps = rec.items.flatMap((i) => (i.kind === 'dependency' ? [i.call] : []));
    assert.deepEqual([...new Set(deps.map((d) => d.name))].sort(), [
      'check staged chunk',
      'read manifests',
      'stage chunk',
      'write inventory',
      'write plans',
      'write report',
    ]);
    for (const d of deps) {
      assert.equal(d.type, 'Azure blob');
      assert.match(d.target, /\/tel /, 'target names the container');
    }
    const chunkDeps = deps.filter((d) => d.name === 'stage chunk');
    assert.equal(chunkDeps.filter((d) => d.success).length, stagedChunks.length);
    assert.equal(chunkDeps.filter((d) => !d.success)[0]?.resultCode, 'ASM-HOST-005');
  });

  test('no secret in any item: the staging account key appears nowhere', () => {
    const key = accountKey(az.connectionString);
    const text = JSON.stringify(rec.items, (_k, v: unknown) =>
      v instanceof Error ? { message: v.message, stack: v.stack } : v,
    );
    assert.equal(text.includes(key), false);
    assert.equal(text.includes(key.slice(0, 16)), false);
  });
});

describe('activity telemetry: failures and secrets', () => {
  const input: ActivityInput = {
    runId: 'tel-2',
    options: {
      source: '/nowhere',
      stagingConnectionSetting: 'ASEMIG_TEST_TEL_UNSET',
      packageDir: '/nowhere',
      chunkRows: 10,
      batchSize: 1,
      gzip: false,
    },
  };

  const cases: [string, Error, string | undefined][] = [
    [
      'a transient error (thrown, retried)',
      new Error('socket hang up; AccountKey=c2VjcmV0S2V5; Password=hunter2'),
      undefined,
    ],
    [
      'a data error (returned)',
      new AsemigError('ASM-STAGE-005', 'cannot read; AccountKey=c2VjcmV0S2V5; Password=hunter2', {
        file: 'tel-2/x.json',
      }),
      'ASM-STAGE-005',
    ],
  ];
  for (const [name, err, code] of cases) {
    test(`${name}: one exception, with code/place when it has them, secrets scrubbed, flushed`, async () => {
      const rec = new RecordingTelemetry();
      const previous = setWorkerTelemetry(rec);
      try {
        const run = observeActivity(
          input,
          { where: { phase: 'package' }, staging: () => ({ name: 'read manifests' }) },
          () => asResult(() => Promise.reject(err)),
        );
        if (code) assert.equal((await run).ok, false);
        else await assert.rejects(run);
      } finally {
        setWorkerTelemetry(previous);
      }
      const ex = rec.items.filter((i) => i.kind === 'exception');
      assert.equal(ex.length, 1);
      assert.equal(ex[0]?.props.code, code);
      assert.equal(ex[0]?.props.phase, 'package');
      if (code) assert.equal(ex[0]?.props.place, 'tel-2/x.json');
      const text = JSON.stringify(rec.items, (_k, v: unknown) => (v instanceof Error ? v.message : v));
      assert.equal(text.includes('c2VjcmV0S2V5'), false);
      assert.equal(text.includes('hunter2'), false);
      assert.match(text, /\[REDACTED\]/);
      const dep = rec.items.find((i) => i.kind === 'dependency');
      assert.ok(dep?.kind === 'dependency' && dep.call.success === false);
      assert.equal(rec.flushes, 1);
    });
  }

  test('no connection string: the worker telemetry is the no-op', () => {
    const saved = process.env.APPLICATIONINSIGHTS_CONNECTION_STRING;
    delete process.env.APPLICATIONINSIGHTS_CONNECTION_STRING;
    const previous = setWorkerTelemetry(undefined);
    try {
      assert.equal(workerTelemetry(), noopTelemetry);
      assert.equal(workerTelemetry(), workerTelemetry(), 'created once per worker');
    } finally {
      setWorkerTelemetry(previous);
      if (saved !== undefined) process.env.APPLICATIONINSIGHTS_CONNECTION_STRING = saved;
    }
  });
});
