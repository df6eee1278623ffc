/**
 * migrateDatabase: inventory → stage (tables in sub-orchestrations per batch of
 * options.batchSize, child ids `<runId>:batch:<n>`, so the parent's history holds one entry per
 * batch and not one per chunk — platform-notes §2.1) → package → report.
 *
 * Progress goes to custom status as batches finish. Data failures (results with ok: false) and
 * batches that failed after their retries are collected; with any failure no package is written
 * and the report says why. Deterministic (platform-notes §2.3): time only from
 * context.df.currentUtcDateTime, config only from the input.
 *
 * No telemetry here: an orchestrator re-runs on every replay, so an App Insights call would
 * repeat per episode and is I/O the determinism rules forbid. The activities emit the run,
 * phase, table and chunk events (functions/activities/activity-telemetry.ts).
 */
import type { OrchestrationContext, OrchestrationHandler, Task } from 'durable-functions';
import type { ActivityResult, DataFailure } from '../functions/activities/activity-io';
import { ActivityNames, OrchestratorNames } from '../functions/activities/names';
import { CONFIG_CODES } from '../shared/config/codes';
import type { InventoryResult } from '../shared/pipeline/steps/inventory';
import type { PackageResult } from '../shared/pipeline/steps/write-package-step';
import type { ReportResult } from '../shared/pipeline/steps/report-step';
import type {
  BatchResult,
  MigrateDatabaseInput,
  MigrateTableBatchInput,
  MigrationOutput,
  MigrationStatus,
  Phase,
  TableProgress,
  TableRef,
} from './contracts';
import { activityRetry, failureText } from './retry';

export function batchInstanceId(runId: string, n: number): string {
  return `${runId}:batch:${n}`;
}

export const migrateDatabase: OrchestrationHandler = function* (context: OrchestrationContext) {
  const input = context.df.getInput<MigrateDatabaseInput>();
  const base = { runId: input.runId, options: input.options };
  const retry = activityRetry();
  const startedAt = context.df.currentUtcDateTime.toISOString();
  let status: MigrationStatus = {
    phase: 'inventory',
    tablesDone: 0,
    tablesTotal: 0,
    rowsStaged: 0,
    bytesStaged: 0,
    failures: 0,
    batchesDone: 0,
    batchesTotal: 0,
    startedAt,
    updatedAt: startedAt,
  };
  const setStatus = (change: Partial<MigrationStatus>): void => {
    status = { ...status, ...change, updatedAt: context.df.currentUtcDateTime.toISOString() };
    context.df.setCustomStatus(status);
  };
  setStatus({});

  const failures: DataFailure[] = [];
  const progress: TableProgress[] = [];
  const inventory = (yield context.df.callActivityWithRetry(
    ActivityNames.inventory,
    retry,
    base,
  )) as ActivityResult<InventoryResult>;
  if (!inventory.ok) {
    setStatus({ phase: 'failed', failures: 1 });
    const out: MigrationOutput = {
      runId: input.runId,
      status: 'failed',
      tablesTotal: 0,
      tablesStaged: 0,
      rowsStaged: 0,
      bytesStaged: 0,
      failures: [inventory],
      tables: [],
    };
    return out;
  }

  const tables: TableRef[] = inventory.tables
    .filter((t) => !t.proxy)
    .map((t) => ({ schema: t.schema, table: t.table }));
  const batches: TableRef[][] = [];
  for (let i = 0; i < tables.length; i += input.options.batchSize)
    batches.push(tables.slice(i, i + input.options.batchSize));
  setStatus({ phase: 'stage', tablesTotal: tables.length, batchesTotal: batches.length });

  const running = new Map<Task, { n: number; tables: TableRef[] }>();
  batches.forEach((b, n) => {
    const child: MigrateTableBatchInput = { ...base, batch: n, tables: b };
    running.set(
      context.df.callSubOrchestrator(
        OrchestratorNames.migrateTableBatch,
        child,
        batchInstanceId(input.runId, n),
      ),
      { n, tables: b },
    );
  });
  // Task.any per finished batch keeps custom status current; batches are few (tables / batchSize).
  while (running.size > 0) {
    const done = (yield context.df.Task.any([...running.keys()])) as Task;
    const batch = running.get(done);
    running.delete(done);
    if (!batch) continue;
    const before = progress.length;
    if (done.isFaulted) {
      // Transient errors outlived their retries inside the batch: its tables are not staged.
      failures.push({
        ok: false,
        code: CONFIG_CODES.transient.code,
        message: failureText(done.result),
        place: { object: batchInstanceId(input.runId, batch.n) },
      });
      progress.push(
        ...batch.tables.map((t) => ({ ...t, chunks: 0, chunksStaged: 0, rows: 0, bytes: 0, ok: false })),
      );
    } else {
      const r = done.result as BatchResult;
      failures.push(...r.failures);
      progress.push(...r.tables);
    }
    // Running totals from this batch only: summing all of `progress` per batch made every
    // replay O(batches × tables), which the 10,000-table simulation showed (npm run bench).
    const added = progress.slice(before);
    setStatus({
      batchesDone: status.batchesDone + 1,
      tablesDone: status.tablesDone + added.filter((t) => t.ok).length,
      rowsStaged: status.rowsStaged + added.reduce((n, t) => n + t.rows, 0),
      bytesStaged: status.bytesStaged + added.reduce((n, t) => n + t.bytes, 0),
      failures: failures.length,
    });
  }

  let packaged: PackageResult | undefined;
  if (failures.length === 0) {
    setStatus({ phase: 'package' });
    const pkg = (yield context.df.callActivityWithRetry(
      ActivityNames.writePackage,
      retry,
      base,
    )) as ActivityResult<PackageResult>;
    if (pkg.ok) packaged = pkg;
    else failures.push(pkg);
  }

  setStatus({ phase: 'report', failures: failures.length });
  const report = (yield context.df.callActivityWithRetry(ActivityNames.report, retry, {
    ...base,
    startedAt,
    packaged: packaged !== undefined,
    failures: failures.map((f) => ({ code: f.code, message: f.message, place: f.place })),
  })) as ActivityResult<ReportResult>;
  if (!report.ok) failures.push(report);

  const phase: Phase = failures.length ? 'failed' : 'done';
  setStatus({ phase, failures: failures.length });
  const order = new Map(tables.map((t, i) => [`${t.schema}.${t.table}`, i]));
  const out: MigrationOutput = {
    runId: input.runId,
    status: failures.length ? 'failed' : 'succeeded',
    tablesTotal: tables.length,
    tablesStaged: progress.filter((t) => t.ok).length,
    rowsStaged: status.rowsStaged,
    bytesStaged: status.bytesStaged,
    failures,
    tables: [...progress].sort(
      (a, b) => (order.get(`${a.schema}.${a.table}`) ?? 0) - (order.get(`${b.schema}.${b.table}`) ?? 0),
    ),
    ...(packaged ? { package: packaged.dir } : {}),
    ...(report.ok ? { report: report.blobs } : {}),
  };
  return out;
};
