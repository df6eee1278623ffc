/**
 * Per-table progress of a hosted run read from staging while it runs: the plans the planTables
 * activity wrote (`<runId>/host/plans/<schema.table>.json`: chunks per table) and the chunk
 * manifests stageChunk writes last (`<runId>/<schema.table>/chunk-<n>.json`: a chunk is staged
 * once its manifest exists). Custom status stays small (16 KB, platform-notes §2.2) and holds
 * only counts; the detail is here, on demand.
 *
 * Cost: one listing of `<runId>/` and `<runId>/host/plans/`, one read per plan and one per
 * staged manifest, `concurrency` at a time. A manifest that cannot be read is not counted as
 * staged and is returned in `problems` with its code and blob name (nothing silently dropped).
 */
import { isAsemigError, type ErrorPlace } from '../../errors';
import { PipelineCodes } from '../codes';
import { manifestFromJson, tableFolder } from '../stage/layout';
import { getText, type ObjectStore } from '../stage/object-store';
import { hostPrefix } from './host-layout';
import type { PlanJson } from './plan-json';

export interface TableStagingProgress {
  /** `schema.table`. */
  readonly table: string;
  readonly chunksTotal: number;
  readonly chunksStaged: number;
  readonly rows: number;
  readonly bytes: number;
}

export interface StagingProblem {
  readonly code: string;
  readonly message: string;
  readonly place: ErrorPlace;
}

export interface StagedProgress {
  /** Planned tables in plan-blob order (tables not planned yet are not known to staging). */
  readonly tables: readonly TableStagingProgress[];
  readonly chunksTotal: number;
  readonly chunksStaged: number;
  readonly rows: number;
  readonly bytes: number;
  /** Rows the plans estimate for the planned tables (for the ETA). */
  readonly estimatedRows: number;
  readonly problems: readonly StagingProblem[];
}

export async function readStagedProgress(
  store: ObjectStore,
  runId: string,
  options: { concurrency?: number } = {},
): Promise<StagedProgress> {
  const concurrency = options.concurrency ?? 32;
  const plansPrefix = `${hostPrefix(runId)}/plans/`;
  const [planObjects, runObjects] = await Promise.all([store.list(plansPrefix), store.list(`${runId}/`)]);
  // Manifests by table folder: `<runId>/<folder>/chunk-<n>.json` (one level: profile findings
  // under host/profile/<folder>/ are two levels down and do not match).
  const manifestRe = new RegExp(`^${escapeRe(runId)}/([^/]+)/chunk-(\\d+)\\.json$`);
  const manifests = new Map<string, string[]>();
  for (const o of runObjects) {
    const m = manifestRe.exec(o.name);
    if (!m?.[1]) continue;
    const list = manifests.get(m[1]) ?? [];
    list.push(o.name);
    manifests.set(m[1], list);
  }

  const problems: StagingProblem[] = [];
  // Unreadable JSON is a problem to show; anything else (staging unreachable) is thrown.
  const noteProblem = (e: unknown, file: string): void => {
    if (isAsemigError(e)) problems.push({ code: e.code, message: e.message, place: e.place });
    else if (e instanceof SyntaxError)
      problems.push({
        code: PipelineCodes.stageBadManifest,
        message: `not JSON: ${e.message}`,
        place: { file },
      });
    else throw e;
  };

  const plans = planObjects.filter((o) => o.name.endsWith('.json'));
  const tables = await mapLimit(
    plans,
    concurrency,
    async (o): Promise<(TableStagingProgress & { est: number }) | undefined> => {
      let plan: PlanJson;
      try {
        plan = JSON.parse(await getText(store, o.name)) as PlanJson;
      } catch (e) {
        noteProblem(e, o.name);
        return undefined;
      }
      const names = manifests.get(tableFolder(plan.schema, plan.table)) ?? [];
      const read = await mapLimit(names, concurrency, async (name) => {
        try {
          return manifestFromJson(await getText(store, name), name);
        } catch (e) {
          noteProblem(e, name);
          return undefined;
        }
      });
      const staged = read.filter((m) => m !== undefined);
      return {
        table: `${plan.schema}.${plan.table}`,
        chunksTotal: plan.chunks.length,
        chunksStaged: staged.length,
        rows: staged.reduce((n, m) => n + m.rows, 0),
        bytes: staged.reduce((n, m) => n + m.bytes, 0),
        est: plan.chunks.reduce((n, c) => n + (c.estimatedRows ?? 0), 0),
      };
    },
  );
  const known = tables.filter((t) => t !== undefined);
  const sum = (f: (t: TableStagingProgress & { est: number }) => number): number =>
    known.reduce((n, t) => n + f(t), 0);
  return {
    tables: known.map(({ est: _est, ...t }) => t),
    chunksTotal: sum((t) => t.chunksTotal),
    chunksStaged: sum((t) => t.chunksStaged),
    rows: sum((t) => t.rows),
    bytes: sum((t) => t.bytes),
    estimatedRows: sum((t) => t.est),
    problems,
  };
}

/** Like Promise.all(items.map(fn)) with at most `limit` calls in flight; order kept. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
