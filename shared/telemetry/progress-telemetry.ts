/**
 * Turns the pipeline's progress events (shared/pipeline/progress.ts) into run telemetry, so the
 * CLI (and any host running runMigration in one process) reports the same events as the
 * Functions activities will. Durations come from an injected clock:
 *  - a phase lasts from its `phase` event to the next one;
 *  - a table lasts from `table-started` to `table-finished`;
 *  - chunks are staged concurrently and the stream says only when one ends, so chunk events carry
 *    rows and bytes without a duration (no invented per-chunk rate); the per-minute throughput in
 *    the KQL sums chunk rows instead.
 */
import type { ProgressEvent, ProgressListener } from '../pipeline/progress';
import type { RunStatus, RunTelemetry } from './run-telemetry';

export interface ProgressTelemetry {
  readonly listener: ProgressListener;
  /** Emits the end of the open phase and AsemigRunFinished with the last totals seen. */
  finish(status: RunStatus): void;
}

export function progressTelemetry(
  run: RunTelemetry,
  options: { now?: () => number; tables?: number; estimatedRows?: number } = {},
): ProgressTelemetry {
  const now = options.now ?? Date.now;
  const runStart = now();
  let phase: { name: string; start: number } | undefined;
  const tableStart = new Map<string, number>();
  let totals: Extract<ProgressEvent, { kind: 'totals' }> | undefined;
  let finished = false;
  run.runStarted({ tables: options.tables, estimatedRows: options.estimatedRows });

  const closePhase = (status: RunStatus): void => {
    if (phase) run.phaseFinished(phase.name, now() - phase.start, status);
    phase = undefined;
  };

  const listener: ProgressListener = (e) => {
    switch (e.kind) {
      case 'phase':
        closePhase('succeeded');
        if (e.phase !== 'done') phase = { name: e.phase, start: now() };
        break;
      case 'table-started':
        tableStart.set(`${e.schema}.${e.table}`, now());
        break;
      case 'chunk-staged':
        run.chunkFinished(
          { schema: e.schema, table: e.table, chunk: e.index },
          { rows: e.rows, bytes: e.bytes },
          { skipped: e.skipped },
        );
        break;
      case 'table-finished': {
        const key = `${e.schema}.${e.table}`;
        const start = tableStart.get(key);
        tableStart.delete(key);
        run.tableFinished(
          { schema: e.schema, table: e.table, chunks: e.chunks },
          { rows: e.rows, bytes: e.bytes, durationMs: start === undefined ? undefined : now() - start },
        );
        break;
      }
      case 'totals':
        totals = e;
        break;
    }
  };

  return {
    listener,
    finish(status) {
      if (finished) return;
      finished = true;
      closePhase(status);
      run.runFinished(status, {
        rows: totals?.rows ?? 0,
        bytes: totals?.bytes ?? 0,
        durationMs: now() - runStart,
        tables: totals?.tables ?? options.tables ?? 0,
        // Tables not completed when the run ended (all of them count as failed unless it succeeded).
        failedTables: status === 'succeeded' ? 0 : (totals?.tables ?? 0) - (totals?.tablesDone ?? 0),
      });
    },
  };
}
