/**
 * migrateTableBatch: one sub-orchestration per batch of tables (child id `<runId>:batch:<n>`):
 * plan the batch, then fan out one stageChunk activity per chunk. Data failures come back as
 * results and are collected; a transient failure that outlives its retries fails the batch
 * (the parent records it). Deterministic: no clock, random, env or I/O here — and no telemetry
 * (it would repeat on every replay); the activities emit it.
 */
import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import type { ActivityResult, DataFailure } from '../functions/activities/activity-io';
import { ActivityNames } from '../functions/activities/names';
import type { PlanTablesResult } from '../shared/pipeline/steps/plan-tables';
import type { StagedChunk } from '../shared/pipeline/steps/stage-chunk';
import type { BatchResult, MigrateTableBatchInput, TableProgress } from './contracts';
import { activityRetry } from './retry';

export const migrateTableBatch: OrchestrationHandler = function* (context: OrchestrationContext) {
  const input = context.df.getInput<MigrateTableBatchInput>();
  const base = { runId: input.runId, options: input.options };
  const retry = activityRetry();
  const plan = (yield context.df.callActivityWithRetry(ActivityNames.planTables, retry, {
    ...base,
    tables: input.tables,
  })) as ActivityResult<PlanTablesResult>;
  if (!plan.ok) {
    const result: BatchResult = {
      batch: input.batch,
      tables: input.tables.map((t) => ({ ...t, chunks: 0, chunksStaged: 0, rows: 0, bytes: 0, ok: false })),
      failures: [plan],
      rowsStaged: 0,
      bytesStaged: 0,
    };
    return result;
  }
  const chunks = plan.tables.flatMap((t) =>
    Array.from({ length: t.chunks }, (_, index) => ({ schema: t.schema, table: t.table, index })),
  );
  context.df.setCustomStatus({ batch: input.batch, tables: plan.tables.length, chunks: chunks.length });
  // Yielding Task.all([]) fails the orchestration in durable-functions 3.5 (seen in replay), so a
  // batch of tables without chunks yields nothing.
  const staged = (
    chunks.length === 0
      ? []
      : yield context.df.Task.all(
          chunks.map((c) =>
            context.df.callActivityWithRetry(ActivityNames.stageChunk, retry, { ...base, ...c }),
          ),
        )
  ) as ActivityResult<StagedChunk>[];

  const failures: DataFailure[] = plan.failures.map((f) => ({ ok: false, ...f }));
  const planned: TableProgress[] = plan.tables.map((t) => {
    let rows = 0;
    let bytes = 0;
    let chunksStaged = 0;
    staged.forEach((r, i) => {
      const c = chunks[i];
      if (!c || c.schema !== t.schema || c.table !== t.table) return;
      if (r.ok) {
        rows += r.rows;
        bytes += r.bytes;
        chunksStaged++;
      } else
        failures.push({
          ...r,
          place: { ...r.place, object: r.place.object ?? `${t.schema}.${t.table}` },
        });
    });
    return {
      schema: t.schema,
      table: t.table,
      chunks: t.chunks,
      chunksStaged,
      rows,
      bytes,
      ok: chunksStaged === t.chunks,
    };
  });
  // Every input table appears once, in input order; unplanned ones (plan failures) as not ok.
  const tables: TableProgress[] = input.tables.map(
    (t) =>
      planned.find((p) => p.schema === t.schema && p.table === t.table) ?? {
        ...t,
        chunks: 0,
        chunksStaged: 0,
        rows: 0,
        bytes: 0,
        ok: false,
      },
  );
  const result: BatchResult = {
    batch: input.batch,
    tables,
    failures,
    rowsStaged: tables.reduce((n, t) => n + t.rows, 0),
    bytesStaged: tables.reduce((n, t) => n + t.bytes, 0),
  };
  context.df.setCustomStatus({ batch: input.batch, done: true, failures: failures.length });
  return result;
};
