/**
 * Inputs and outputs of the orchestrators: plain JSON, small (counts and blob names only — never
 * rows, catalog or secrets; the options carry the staging *setting name*).
 */
import type { DataFailure } from '../functions/activities/activity-io';
import type { RunOptions } from '../shared/config/run-options';

export interface MigrateDatabaseInput {
  readonly runId: string;
  readonly options: RunOptions;
}

export interface TableRef {
  readonly schema: string;
  readonly table: string;
}

export interface MigrateTableBatchInput extends MigrateDatabaseInput {
  readonly batch: number;
  readonly tables: readonly TableRef[];
}

export interface TableProgress extends TableRef {
  readonly chunks: number;
  readonly chunksStaged: number;
  readonly rows: number;
  readonly bytes: number;
  readonly ok: boolean;
}

export interface BatchResult {
  readonly batch: number;
  readonly tables: readonly TableProgress[];
  readonly failures: readonly DataFailure[];
  readonly rowsStaged: number;
  readonly bytesStaged: number;
}

export type Phase = 'inventory' | 'stage' | 'package' | 'report' | 'done' | 'failed';

/** setCustomStatus payload (kept small: the 16 KB custom-status limit). */
export interface MigrationStatus {
  readonly phase: Phase;
  readonly tablesDone: number;
  readonly tablesTotal: number;
  readonly rowsStaged: number;
  readonly bytesStaged: number;
  readonly failures: number;
  readonly batchesDone: number;
  readonly batchesTotal: number;
  /** ISO time (currentUtcDateTime) the run started and the status was set: for throughput/ETA. */
  readonly startedAt: string;
  readonly updatedAt: string;
}

export interface MigrationOutput {
  readonly runId: string;
  readonly status: 'succeeded' | 'failed';
  readonly tablesTotal: number;
  readonly tablesStaged: number;
  readonly rowsStaged: number;
  readonly bytesStaged: number;
  readonly failures: readonly DataFailure[];
  /** Per-table progress (the API's per-table view of a finished run). */
  readonly tables: readonly TableProgress[];
  readonly package?: string;
  /** Blob names of the report in staging. */
  readonly report?: { readonly json: string; readonly html: string; readonly text: string };
}
