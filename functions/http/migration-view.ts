/**
 * The API's view of one run, from the orchestration status: phase, counts, per-table progress
 * (from the output once finished), throughput over the orchestration's own clock, an ETA from
 * the table completion rate, and links (API routes and the report's blob names in staging).
 */
import type { DurableOrchestrationStatus } from 'durable-functions';
import type { MigrationOutput, MigrationStatus } from '../../orchestrators/contracts';
import type { LiveProgress, LiveProgressError } from './live-progress';

export interface MigrationView {
  readonly id: string;
  readonly runtimeStatus: string;
  readonly phase: string;
  readonly createdTime: string;
  readonly lastUpdatedTime: string;
  readonly counts: {
    readonly tablesDone: number;
    readonly tablesTotal: number;
    readonly rowsStaged: number;
    readonly bytesStaged: number;
    readonly failures: number;
  };
  readonly throughput: { readonly rowsPerSecond: number; readonly bytesPerSecond: number };
  /** Seconds until all tables are staged at the current rate; null when unknown or finished. */
  readonly etaSeconds: number | null;
  readonly tables: MigrationOutput['tables'];
  /**
   * While the run is active (GET of one run only): per-table progress, throughput since the
   * start and a chunk-based ETA read from staging (live-progress.ts), or why it is unavailable.
   */
  readonly progress?: LiveProgress | LiveProgressError;
  readonly failures: MigrationOutput['failures'];
  readonly links: {
    readonly self: string;
    readonly cancel: string;
    readonly report?: MigrationOutput['report'];
    readonly package?: string;
  };
}

const iso = (d: Date | string | undefined): string => (d ? new Date(d).toISOString() : '');

export function migrationView(s: DurableOrchestrationStatus, apiBase = '/api'): MigrationView {
  const status = (s.customStatus ?? {}) as Partial<MigrationStatus>;
  const output = (s.output ?? undefined) as MigrationOutput | undefined;
  const started = Date.parse(status.startedAt ?? iso(s.createdTime));
  const updated = Date.parse(status.updatedAt ?? iso(s.lastUpdatedTime));
  const seconds =
    Number.isFinite(started) && Number.isFinite(updated) ? Math.max(0, (updated - started) / 1000) : 0;
  const rows = status.rowsStaged ?? output?.rowsStaged ?? 0;
  const bytes = status.bytesStaged ?? output?.bytesStaged ?? 0;
  const done = status.tablesDone ?? output?.tablesStaged ?? 0;
  const total = status.tablesTotal ?? output?.tablesTotal ?? 0;
  const running = String(s.runtimeStatus) === 'Running' || String(s.runtimeStatus) === 'Pending';
  const rate = seconds > 0 ? done / seconds : 0;
  const id = s.instanceId;
  return {
    id,
    runtimeStatus: String(s.runtimeStatus),
    phase: status.phase ?? (running ? 'starting' : String(s.runtimeStatus).toLowerCase()),
    createdTime: iso(s.createdTime),
    lastUpdatedTime: iso(s.lastUpdatedTime),
    counts: {
      tablesDone: done,
      tablesTotal: total,
      rowsStaged: rows,
      bytesStaged: bytes,
      failures: status.failures ?? output?.failures.length ?? 0,
    },
    throughput: {
      rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : 0,
      bytesPerSecond: seconds > 0 ? Math.round(bytes / seconds) : 0,
    },
    etaSeconds: running && rate > 0 && total > done ? Math.round((total - done) / rate) : null,
    tables: output?.tables ?? [],
    failures: output?.failures ?? [],
    links: {
      self: `${apiBase}/migrations/${encodeURIComponent(id)}`,
      cancel: `${apiBase}/migrations/${encodeURIComponent(id)}/cancel`,
      ...(output?.report ? { report: output.report } : {}),
      ...(output?.package ? { package: output.package } : {}),
    },
  };
}
