/**
 * Scale by simulation (issue 4 §8): migrateDatabase driven through the replay harness
 * (test/helpers/durable-replay.ts: the real durable-functions handler, history in, actions out)
 * for synthetic runs of 1,000 / 5,000 / 10,000 tables with tiny fake activity results and no
 * I/O. What is measured is the orchestrators' replay CPU (the harness's cpuMicros per episode,
 * parent and batch children summed): the cost the Functions worker pays on top of the
 * activities. Completions arrive 32 per episode, like the extension's control-queue batches
 * (platform-notes §2.1), and tables are batched exactly as the orchestrator does (batchSize).
 *
 * The harness must be imported before registerOrchestrations (it captures the registrations).
 */
import { simulate, type FakeActivity, type SimulationResult } from '../test/helpers/durable-replay';
import { registerOrchestrations } from '../orchestrators/register';
import type { MigrateDatabaseInput, MigrationOutput } from '../orchestrators/contracts';
import type { BenchResult } from './result-table';

export const SIMULATED_SIZES = [1_000, 5_000, 10_000] as const;
const CONTROL_QUEUE_BATCH = 32;

export interface SimulatedRun {
  readonly tables: number;
  readonly cpuMs: number;
  /** Of cpuMs, the parent (migrateDatabase) alone; the rest is the batch children. */
  readonly parentCpuMs: number;
  readonly episodes: number;
  readonly batches: number;
  readonly parentHistoryEvents: number;
  /** The largest history of one batch child (events). */
  readonly childHistoryEvents: number;
  /** JSON size of the parent's output (the per-table list): the largest payload of the run. */
  readonly outputBytes: number;
}

/** Tiny results shaped like the real activities' (counts and blob names only). */
function fakeActivities(tables: number, chunksPerTable: number): Record<string, FakeActivity> {
  const names = Array.from({ length: tables }, (_, i) => ({
    schema: 'dbo',
    table: `t${String(i).padStart(5, '0')}`,
    proxy: false,
  }));
  return {
    inventory: () => ({
      ok: true,
      database: 'sim',
      tables: names,
      objects: tables,
      scripts: 1,
      diagnostics: 0,
      blobs: { catalog: 'c', ddl: 'd', inventory: 'i' },
    }),
    planTables: (input) => ({
      ok: true,
      tables: (input as { tables: { schema: string; table: string }[] }).tables.map((t) => ({
        ...t,
        chunks: chunksPerTable,
        estimatedRows: 1000 * chunksPerTable,
      })),
      failures: [],
    }),
    stageChunk: (input) => {
      const c = input as { runId: string; schema: string; table: string; index: number };
      return {
        ok: true,
        schema: c.schema,
        table: c.table,
        index: c.index,
        rows: 1000,
        bytes: 64_000,
        skipped: false,
        manifest: `${c.runId}/${c.schema}.${c.table}/chunk-${c.index}.json`,
      };
    },
    writePackage: () => ({ ok: true, dir: '/sim/package', tables, rows: 0, bytes: 0 }),
    report: () => ({
      ok: true,
      status: 'succeeded',
      tables,
      tablesStaged: tables,
      rows: 0,
      bytes: 0,
      blobs: { json: 'r.json', html: 'r.html', text: 'r.txt' },
    }),
  };
}

export async function simulateRun(
  tables: number,
  batchSize: number,
  chunksPerTable = 1,
): Promise<SimulatedRun> {
  const runId = `sim-${tables}`;
  const input: MigrateDatabaseInput = {
    runId,
    options: {
      source: '/sim/extract',
      stagingConnectionSetting: 'ASEMIG_STAGING',
      packageDir: '/sim/package',
      chunkRows: 100_000,
      batchSize,
      gzip: false,
    },
  };
  const r: SimulationResult = await simulate('migrateDatabase', input, {
    activities: fakeActivities(tables, chunksPerTable),
    instanceId: runId,
    completionsPerEpisode: CONTROL_QUEUE_BATCH,
  });
  const out = r.output as MigrationOutput | undefined;
  // A simulation that did not stage every table measured something else: refuse the number.
  if (!r.isDone || out?.status !== 'succeeded' || out.tablesStaged !== tables)
    throw new Error(
      `simulated run of ${tables} tables did not succeed: ${r.error ?? out?.status ?? 'not done'}`,
    );
  return {
    tables,
    cpuMs: r.cpuMicros / 1000,
    parentCpuMs: (r.cpuMicros - [...r.children.values()].reduce((n, c) => n + c.cpuMicros, 0)) / 1000,
    episodes: r.episodes,
    batches: r.children.size,
    parentHistoryEvents: r.historyEvents,
    childHistoryEvents: Math.max(...[...r.children.values()].map((c) => c.historyEvents)),
    outputBytes: Buffer.byteLength(JSON.stringify(out)),
  };
}

export async function benchOrchestration(
  log: (s: string) => void,
  options: { sizes?: readonly number[]; batchSize?: number; repeats?: number } = {},
): Promise<{ results: BenchResult[]; runs: SimulatedRun[] }> {
  registerOrchestrations();
  const sizes = options.sizes ?? SIMULATED_SIZES;
  const batchSize = options.batchSize ?? 50;
  const repeats = options.repeats ?? 3;
  // Warm-up (JIT, module loading): the SDK's replay code is optimised only after a few thousand
  // tasks, and without this the smallest size is charged for it (a ratio far below linear).
  await simulateRun(Math.min(5000, Math.max(...sizes)), batchSize);
  const runs: SimulatedRun[] = [];
  for (const n of sizes) {
    // The median of a few runs: the machine is shared and noisy (the whole section takes seconds).
    const tries: SimulatedRun[] = [];
    for (let i = 0; i < repeats; i++) tries.push(await simulateRun(n, batchSize));
    tries.sort((a, b) => a.cpuMs - b.cpuMs);
    const run = tries[Math.floor(tries.length / 2)] as SimulatedRun;
    log(
      `orchestration ${n} tables: ${run.cpuMs.toFixed(0)} ms replay CPU, ${run.episodes} episodes, ` +
        `${run.batches} batches, parent history ${run.parentHistoryEvents} events, output ${(run.outputBytes / 1024).toFixed(0)} KiB`,
    );
    runs.push(run);
  }
  const results: BenchResult[] = runs.map((r) => ({
    name: `orchestration replay CPU, ${r.tables} tables (median of ${repeats})`,
    value: r.cpuMs,
    unit: 'ms',
    note:
      `${((r.cpuMs * 1000) / r.tables).toFixed(0)} µs/table (parent ${r.parentCpuMs.toFixed(0)} ms, batches ${(r.cpuMs - r.parentCpuMs).toFixed(0)} ms); ${r.episodes} episodes; ${r.batches} batches of ${batchSize}; ` +
      `parent history ${r.parentHistoryEvents} events, largest batch ${r.childHistoryEvents}; output ${(r.outputBytes / 1024).toFixed(0)} KiB`,
  }));
  const first = runs[0];
  for (const r of runs.slice(1)) {
    if (!first) break;
    const linear = r.tables / first.tables;
    results.push({
      name: `replay CPU ratio ${r.tables / 1000}k/${first.tables / 1000}k`,
      value: r.cpuMs / first.cpuMs,
      unit: 'x',
      reference: { name: 'linear', value: linear },
      note: `ratio column = measured ÷ linear: 1.00 is linear growth, above ~1.5 would mean superlinear replay cost`,
    });
  }
  return { results, runs };
}
