/**
 * Small orchestrators that exist only to prove the replay harness (test/helpers/durable-replay.ts)
 * against the real durable-functions handler: fan-out, retry, failure, sub-orchestrations in
 * batches with deterministic ids, and the timer-vs-event race with continueAsNew. They are
 * registered through df.app.orchestration, so import durable-replay first.
 */
import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';

export interface CopyResult {
  readonly table: string;
  readonly rows: number;
}

export const fanOut: OrchestrationHandler = function* (context: OrchestrationContext) {
  const tables = context.df.getInput<string[]>();
  context.df.setCustomStatus({
    phase: 'copy',
    total: tables.length,
    at: context.df.currentUtcDateTime.toISOString(),
  });
  const results = (yield context.df.Task.all(
    tables.map((t) => context.df.callActivity('copyTable', t)),
  )) as CopyResult[];
  context.df.setCustomStatus({
    phase: 'done',
    total: tables.length,
    at: context.df.currentUtcDateTime.toISOString(),
  });
  return results.reduce((n, r) => n + r.rows, 0);
};

export const withRetry: OrchestrationHandler = function* (context: OrchestrationContext) {
  const tables = context.df.getInput<string[]>();
  const retry = new df.RetryOptions(5000, 3);
  retry.backoffCoefficient = 2;
  const results = (yield context.df.Task.all(
    tables.map((t) => context.df.callActivityWithRetry('copyTable', retry, t)),
  )) as CopyResult[];
  return results.map((r) => r.rows);
};

/** An activity failure is not caught: the orchestration fails. */
export const failing: OrchestrationHandler = function* (context: OrchestrationContext) {
  yield context.df.callActivity('copyTable', context.df.getInput<string>());
  return 'unreachable';
};

/** A data error is turned into a result, the way migrateDatabase must treat bad rows. */
export const failureAsResult: OrchestrationHandler = function* (context: OrchestrationContext) {
  try {
    const r = (yield context.df.callActivity('copyTable', context.df.getInput<string>())) as CopyResult;
    return { ok: true, rows: r.rows };
  } catch (e: unknown) {
    return { ok: false, error: (e instanceof Error ? e.message : String(e)).slice(0, 200) };
  }
};

export const copyBatch: OrchestrationHandler = function* (context: OrchestrationContext) {
  const tables = context.df.getInput<string[]>();
  const results = (yield context.df.Task.all(
    tables.map((t) => context.df.callActivity('copyTable', t)),
  )) as CopyResult[];
  return results.reduce((n, r) => n + r.rows, 0);
};

export const batched: OrchestrationHandler = function* (context: OrchestrationContext) {
  const { tables, batchSize } = context.df.getInput<{ tables: string[]; batchSize: number }>();
  const batches: string[][] = [];
  for (let i = 0; i < tables.length; i += batchSize) batches.push(tables.slice(i, i + batchSize));
  const sums = (yield context.df.Task.all(
    batches.map((b, i) =>
      context.df.callSubOrchestrator('copyBatch', b, `${context.df.instanceId}:batch:${i}`),
    ),
  )) as number[];
  return sums.reduce((a, b) => a + b, 0);
};

export const pollUntilCutover: OrchestrationHandler = function* (context: OrchestrationContext) {
  const s = context.df.getInput<{ cycle: number }>();
  yield context.df.callActivity('copyTable', `changes-${s.cycle}`);
  const timer = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 60_000));
  const cutover = context.df.waitForExternalEvent('cutover');
  const winner: unknown = yield context.df.Task.any([cutover, timer]);
  if (winner === cutover) {
    timer.cancel();
    return { cutover: cutover.result, cycle: s.cycle };
  }
  context.df.continueAsNew({ cycle: s.cycle + 1 });
  return undefined;
};

export const awaitApproval: OrchestrationHandler = function* (context: OrchestrationContext) {
  yield context.df.callActivity('copyTable', context.df.getInput<string>());
  const approval: unknown = yield context.df.waitForExternalEvent('approve');
  return approval;
};

export function registerReplayOrchestrations(): void {
  df.app.orchestration('fanOut', fanOut);
  df.app.orchestration('withRetry', withRetry);
  df.app.orchestration('failing', failing);
  df.app.orchestration('failureAsResult', failureAsResult);
  df.app.orchestration('copyBatch', copyBatch);
  df.app.orchestration('batched', batched);
  df.app.orchestration('pollUntilCutover', pollUntilCutover);
  df.app.orchestration('awaitApproval', awaitApproval);
}
