/**
 * End to end through the hosts: migrateDatabase driven by the replay harness with the REAL
 * activities (functions/activities → shared/pipeline/steps) over the bundled sample
 * (generateSampleSource) and a real Azurite as staging. The same input through runMigration
 * (the CLI path) must give a byte-identical deployment package and the same per-table row
 * counts and hashes. Fault injection: chunk activities executed twice, and a transient failure
 * after a chunk was staged (the retry finds it staged and skips it) — the run still ends with
 * exactly the CLI's rows. Then a secrets scan: the staging account key must appear nowhere in
 * orchestration inputs, activity inputs/outputs (the history's payloads), custom status,
 * staged blobs, the report or the package.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { InvocationContext } from '@azure/functions';
import {
  activityHandler,
  simulate,
  type FakeActivity,
  type SimulationResult,
} from '../helpers/durable-replay';
import { registerOrchestrations } from '../../orchestrators/register';
import type { MigrateDatabaseInput, MigrationOutput } from '../../orchestrators/contracts';
import { generateSampleSource } from '../../shared/sample/generate';
import { runMigration } from '../../shared/pipeline/run-migration';
import { openStore } from '../../shared/pipeline/stage/open-store';
import { getText } from '../../shared/pipeline/stage/object-store';
import { reportBlobs } from '../../shared/pipeline/steps/host-layout';
import { dataName } from '../../shared/pipeline/stage/layout';
import { parseJsonReport } from '../../shared/report/json/render-json';
import type { RunReport } from '../../shared/report/model';
import { useAzurite } from '../helpers/azurite';

registerOrchestrations();

const SETTING = 'ASEMIG_TEST_E2E_STAGING';
const RUN = 'e2e-host-1';

async function files(root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.set(relative(root, p), await readFile(p));
    }
  };
  await walk(root);
  return out;
}

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asemig-host-'));
});
after(async () => {
  delete process.env[SETTING];
  await rm(dir, { recursive: true, force: true });
});

describe('host end to end: orchestrator + real activities + Azurite = the CLI result', () => {
  const az = useAzurite();
  const recorded: unknown[] = [];
  let cli: RunReport;
  let host: SimulationResult;
  let hostReport: RunReport;
  let input: MigrateDatabaseInput;
  const faults = { doubled: 0, failedAfterStaging: 0, skippedOnRetry: 0, torn: 0 };

  before(async () => {
    const source = join(dir, 'source');
    await generateSampleSource(source);
    cli = await runMigration({
      source,
      staging: az.connectionString + 'Container=cli;',
      packageDir: join(dir, 'pkg-cli'),
      runId: RUN,
      chunkRows: 500,
    });
    process.env[SETTING] = az.connectionString + 'Container=host;';
    input = {
      runId: RUN,
      options: {
        source,
        stagingConnectionSetting: SETTING,
        packageDir: join(dir, 'pkg-host'),
        chunkRows: 500,
        batchSize: 3,
        gzip: false,
      },
    };
    recorded.push(input);
    // The registered activities, recording inputs and outputs; stageChunk with faults injected.
    const real = (name: string): FakeActivity => {
      const h = activityHandler(name);
      if (!h) throw new Error(`${name} is not registered`);
      let n = 0;
      return async (i) => {
        recorded.push(i);
        const ctx = new InvocationContext({
          invocationId: `${name}-${++n}`,
          functionName: name,
          logHandler: () => undefined,
        });
        const out = await h(i, ctx);
        recorded.push(out);
        return out;
      };
    };
    const names = ['inventory', 'planTables', 'stageChunk', 'writePackage', 'report'];
    const activities: Record<string, FakeActivity> = Object.fromEntries(names.map((n) => [n, real(n)]));
    const stage = activities.stageChunk as FakeActivity;
    let count = 0;
    activities.stageChunk = async (i, meta) => {
      count++;
      const c = i as { runId: string; schema: string; table: string; index: number };
      if (count % 11 === 6 && meta.attempt === 1) {
        // Killed mid-write: half a data object under the final name, no manifest. The retry
        // must rewrite it, not trust it.
        await openStore(process.env[SETTING] ?? '').put(dataName(c, 'csv'), Buffer.from('torn,"row\n'));
        faults.torn++;
        throw new Error('worker lost mid-write (injected)');
      }
      if (count % 5 === 1) {
        // Executed twice (at-least-once delivery): the second run must not add rows.
        await stage(i, meta);
        faults.doubled++;
      }
      const out = (await stage(i, meta)) as { skipped?: boolean };
      if (meta.attempt > 1 && out.skipped) faults.skippedOnRetry++;
      if (count % 7 === 3 && meta.attempt === 1) {
        // Staged, then the worker "crashed" before reporting: a transient failure, retried.
        faults.failedAfterStaging++;
        throw new Error('worker lost after staging (injected)');
      }
      return out;
    };
    host = await simulate('migrateDatabase', input, { activities, instanceId: RUN });
    const store = openStore(process.env[SETTING] ?? '');
    hostReport = parseJsonReport(await getText(store, reportBlobs(RUN).json));
  });

  test('the CLI run and the hosted run both succeed', () => {
    assert.equal(cli.status, 'succeeded');
    assert.equal(host.isDone, true, host.error);
    const out = host.output as MigrationOutput;
    assert.deepEqual(out.failures, []);
    assert.equal(out.status, 'succeeded');
    assert.equal(hostReport.status, 'succeeded');
  });

  test('faults were injected: chunks executed twice, a failure after staging retried and skipped, a torn write redone', () => {
    assert.ok(faults.doubled > 0, 'no chunk executed twice');
    assert.ok(faults.failedAfterStaging > 0, 'no failure after staging');
    assert.equal(faults.skippedOnRetry, faults.failedAfterStaging);
    assert.ok(faults.torn > 0, 'no torn write');
  });

  test('per-table rows, bytes, chunks and hashes equal the CLI report', () => {
    const view = (r: RunReport): unknown[] =>
      r.tables.map((t) => [t.schema, t.table, t.status, t.rows, t.bytes, t.chunks, t.hash]);
    assert.deepEqual(view(hostReport), view(cli));
    const out = host.output as MigrationOutput;
    const staged = cli.tables.filter((t) => t.status === 'staged');
    assert.equal(
      out.rowsStaged,
      staged.reduce((n, t) => n + t.rows, 0),
    );
    assert.equal(out.tablesStaged, staged.length);
  });

  test('the deployment package is byte-identical to the CLI package', async () => {
    const a = await files(join(dir, 'pkg-cli'));
    const b = await files(join(dir, 'pkg-host'));
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    for (const [name, bytes] of a) assert.ok(bytes.equals(b.get(name) ?? Buffer.alloc(0)), `${name} differs`);
  });

  test('report findings: same objects, type mappings, run diagnostics and profile as the CLI', () => {
    assert.deepEqual(hostReport.objects, cli.objects);
    assert.deepEqual(hostReport.typeMappings, cli.typeMappings);
    const codes = (r: RunReport): string[] => r.diagnostics.map((d) => `${d.code} ${d.object ?? ''}`).sort();
    assert.deepEqual(codes(hostReport), codes(cli));
    // Profile findings come from several readers (one per activity): same set, order may differ.
    const prof = (r: RunReport): string[] =>
      r.profile.map((d) => `${d.code} ${d.object ?? ''} ${d.message}`).sort();
    assert.deepEqual(prof(hostReport), prof(cli));
  });

  test('secrets: the account key is in no input, output, custom status, blob, report or package file', async () => {
    const cs = process.env[SETTING] ?? '';
    const key = /AccountKey=([^;]+)/.exec(cs)?.[1] ?? '';
    assert.ok(key.length > 20, 'the staging setting has an account key to look for');
    const needles = [key, 'AccountKey'];
    const texts: [string, string][] = [
      ['orchestration and activity payloads', JSON.stringify(recorded)],
      ['output', JSON.stringify(host.output)],
      [
        'custom status',
        JSON.stringify([host.customStatus, ...[...host.children.values()].map((c) => c.customStatus)]),
      ],
    ];
    const store = openStore(cs);
    for (const o of await store.list(`${RUN}/`)) texts.push([`blob ${o.name}`, await getText(store, o.name)]);
    for (const [name, bytes] of await files(join(dir, 'pkg-host')))
      texts.push([`package ${name}`, bytes.toString('utf8')]);
    assert.ok(
      texts.some(([n]) => n.startsWith('blob') && n.endsWith('report.json')),
      'report blob scanned',
    );
    for (const [where, text] of texts)
      for (const n of needles) assert.equal(text.includes(n), false, `${n.slice(0, 12)}… found in ${where}`);
  });
});
