/**
 * Per-table progress of a running migration for GET /api/migrations/{id}, read from staging
 * (shared/pipeline/steps/staged-progress.ts) because custom status holds counts only (16 KB
 * limit, platform-notes §2.2). The staging spec comes from the app setting the run's input
 * names (never from the request), so the endpoint reads the same container the activities write.
 *
 * Throughput is measured from the run's start (custom status startedAt, the orchestration's own
 * clock) to `now`. The ETA extrapolates the chunk rate: chunks left in planned tables, plus the
 * tables not planned yet at the planned tables' average chunks per table. Any failure to read
 * staging is returned as `error` (ASM-HOST-008) next to the counts, not as a failed request.
 */
import type { DurableOrchestrationStatus } from 'durable-functions';
import type { MigrateDatabaseInput, MigrationStatus } from '../../orchestrators/contracts';
import { CONFIG_CODES } from '../../shared/config/codes';
import { isAsemigError } from '../../shared/errors';
import { redactSecrets } from '../../shared/redact';
import { openStore } from '../../shared/pipeline/stage/open-store';
import type { ObjectStore } from '../../shared/pipeline/stage/object-store';
import {
  readStagedProgress,
  type StagingProblem,
  type TableStagingProgress,
} from '../../shared/pipeline/steps/staged-progress';
import { truncate } from '../activities/activity-io';

export interface LiveProgress {
  /** When staging was read (ISO). */
  readonly asOf: string;
  readonly tablesTotal: number;
  readonly tablesPlanned: number;
  readonly chunksTotal: number;
  readonly chunksStaged: number;
  readonly rows: number;
  readonly bytes: number;
  readonly throughput: { readonly rowsPerSecond: number; readonly megabytesPerSecond: number };
  /** Seconds until every chunk is staged at the rate so far; null when no chunk is staged yet. */
  readonly etaSeconds: number | null;
  readonly tables: readonly TableStagingProgress[];
  /** Plans or manifests that could not be read (not counted as staged). */
  readonly problems: readonly StagingProblem[];
}

export interface LiveProgressError {
  readonly error: { readonly code: string; readonly message: string };
}

export async function liveProgress(
  s: DurableOrchestrationStatus,
  options: {
    env?: NodeJS.ProcessEnv;
    now?: () => number;
    /** Tests inject a store; otherwise it is opened from the run's staging setting. */
    store?: ObjectStore;
  } = {},
): Promise<LiveProgress | LiveProgressError> {
  const env = options.env ?? process.env;
  const now = (options.now ?? Date.now)();
  const input = s.input as Partial<MigrateDatabaseInput> | undefined;
  const status = (s.customStatus ?? {}) as Partial<MigrationStatus>;
  const runId = input?.runId ?? s.instanceId;
  try {
    let store = options.store;
    if (!store) {
      const setting = input?.options?.stagingConnectionSetting;
      const spec = setting ? env[setting] : undefined;
      if (!setting || !spec)
        return unavailable(
          setting
            ? `app setting ${setting} (the run's staging) is empty or missing`
            : 'the run input names no staging setting (getStatus without input?)',
        );
      store = openStore(spec);
    }
    const staged = await readStagedProgress(store, runId);
    const startedMs = Date.parse(status.startedAt ?? new Date(s.createdTime).toISOString());
    const seconds = Number.isFinite(startedMs) ? Math.max(0, (now - startedMs) / 1000) : 0;
    const tablesPlanned = staged.tables.length;
    const tablesTotal = Math.max(status.tablesTotal ?? 0, tablesPlanned);
    const avgChunks = tablesPlanned > 0 ? staged.chunksTotal / tablesPlanned : 0;
    const chunksLeft = staged.chunksTotal - staged.chunksStaged + (tablesTotal - tablesPlanned) * avgChunks;
    const chunkRate = seconds > 0 ? staged.chunksStaged / seconds : 0;
    return {
      asOf: new Date(now).toISOString(),
      tablesTotal,
      tablesPlanned,
      chunksTotal: staged.chunksTotal,
      chunksStaged: staged.chunksStaged,
      rows: staged.rows,
      bytes: staged.bytes,
      throughput: {
        rowsPerSecond: seconds > 0 ? Math.round(staged.rows / seconds) : 0,
        megabytesPerSecond: seconds > 0 ? Math.round((staged.bytes / 1e6 / seconds) * 1000) / 1000 : 0,
      },
      etaSeconds: chunkRate > 0 ? Math.round(chunksLeft / chunkRate) : null,
      tables: staged.tables,
      problems: staged.problems,
    };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return unavailable(isAsemigError(e) ? `${e.code}: ${msg}` : msg);
  }
}

function unavailable(why: string): LiveProgressError {
  return {
    error: {
      code: CONFIG_CODES.progressUnavailable.code,
      // Staging errors can echo an endpoint with a key or SAS: scrub before it leaves the app.
      message: truncate(redactSecrets(`per-table progress is not available: ${why}`)),
    },
  };
}
