/**
 * run.json: what a resume needs to redo exactly the missing chunks of the same plan — the run id,
 * options without secrets (the staging connection string is stored as a redacted description),
 * the source fingerprint (a resume against another source is refused, ASM-RUN-003) and the table
 * plans. Per-chunk state is not stored: it is derived from the staged manifests, whose presence
 * (written after the data object) means the chunk is complete; checkpoint.ts also checks that
 * the manifest's data object exists with the recorded size.
 * No timestamps: an interrupted-and-resumed run writes the same run.json as an uninterrupted one.
 */
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Catalog } from '../catalog/model';
import { AsemigError } from '../errors';
import { PipelineCodes } from './codes';
import type { ChunkManifest, StagedFormat, TablePlan } from './contracts';
import { runFileName } from './stage/layout';
import { planFromJson, planToJson, type PlanJson } from './steps/plan-json';
import { getText, type ObjectStore } from './stage/object-store';
import type { StoreStager } from './stage/store-stager';
import type { SourceFiles } from './source/offline/file-access';

export interface CheckpointOptions {
  /** Redacted staging description (never the connection string). */
  readonly staging: string;
  readonly packageDir: string;
  readonly chunkRows: number;
  readonly format: StagedFormat;
}

export interface RunCheckpoint {
  readonly version: 1;
  readonly runId: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly database: string;
  readonly source: string;
  readonly sourceFingerprint: string;
  readonly options: CheckpointOptions;
  readonly plans: readonly TablePlan[];
  /**
   * Written when the run ends: each chunk's state as its manifests showed it (informational —
   * resume always re-derives it from the manifests, which are the truth).
   */
  readonly state?: {
    readonly status: 'staged' | 'failed';
    readonly chunks: readonly {
      readonly table: string;
      readonly index: number;
      readonly staged: boolean;
      readonly rows?: number;
      readonly bytes?: number;
    }[];
  };
}

export function checkpointToJson(c: RunCheckpoint): string {
  return (
    JSON.stringify(
      {
        version: c.version,
        runId: c.runId,
        tool: c.tool,
        database: c.database,
        source: c.source,
        sourceFingerprint: c.sourceFingerprint,
        options: c.options,
        // The same plan JSON the hosted steps stage (steps/plan-json.ts).
        plans: c.plans.map(planToJson),
        state: c.state,
      },
      null,
      2,
    ) + '\n'
  );
}

export async function writeCheckpoint(store: ObjectStore, c: RunCheckpoint): Promise<void> {
  await store.put(runFileName(c.runId), Buffer.from(checkpointToJson(c), 'utf8'));
}

export async function readCheckpoint(store: ObjectStore, runId: string): Promise<RunCheckpoint> {
  const name = runFileName(runId);
  if (!(await store.exists(name))) {
    throw new AsemigError(
      PipelineCodes.runNoCheckpoint,
      `no checkpoint for run ${runId} in ${store.location}`,
      {
        file: name,
        field: 'resume',
      },
    );
  }
  let j: RunCheckpoint & { plans: PlanJson[] };
  try {
    j = JSON.parse(await getText(store, name)) as RunCheckpoint & { plans: PlanJson[] };
  } catch (e) {
    throw new AsemigError(PipelineCodes.runNoCheckpoint, `run.json is not JSON: ${(e as Error).message}`, {
      file: name,
    });
  }
  if (
    j.version !== 1 ||
    j.runId !== runId ||
    !Array.isArray(j.plans) ||
    typeof j.sourceFingerprint !== 'string'
  ) {
    throw new AsemigError(
      PipelineCodes.runNoCheckpoint,
      'run.json is not a version 1 checkpoint of this run',
      {
        file: name,
      },
    );
  }
  return { ...j, plans: j.plans.map(planFromJson) };
}

/**
 * The staged manifest of a chunk when the chunk is complete: manifest present, format as
 * planned, data object present with the recorded size. Anything else means "redo it".
 */
export async function completedChunk(
  stager: StoreStager,
  ref: ChunkManifest['ref'],
  format: StagedFormat,
): Promise<ChunkManifest | undefined> {
  let m: ChunkManifest | undefined;
  try {
    m = await stager.manifest(ref);
  } catch (e) {
    if (e instanceof AsemigError && e.code === PipelineCodes.stageBadManifest) return undefined;
    throw e;
  }
  if (!m || m.format !== format) return undefined;
  const data = await stager.store.stat(m.dataName);
  return data && data.bytes === m.bytes ? m : undefined;
}

/**
 * Fingerprint of the source: its catalog structure (tables, columns, source types) and, for an
 * offline folder, the names and sizes of its files; for a Blob prefix, the names, sizes and etags
 * of its blobs (an etag changes on every upload). A reader given as an object is fingerprinted
 * by catalog only: data changes behind the same catalog are not detected (docs §6).
 */
export async function sourceFingerprint(
  catalog: Catalog,
  folder?: string | Pick<SourceFiles, 'identity'>,
): Promise<string> {
  const h = createHash('sha256');
  h.update(
    JSON.stringify({
      database: catalog.database,
      tables: catalog.tables.map((t) => ({
        schema: t.schema,
        name: t.name,
        columns: t.columns.map((c) => [c.name, c.ordinal, c.source.type]),
        key: t.primaryKey?.columns,
      })),
    }),
  );
  if (typeof folder === 'object') {
    // A Blob source: names, sizes and etags of the listed blobs (blob-files.ts identity()).
    if (folder.identity) h.update(await folder.identity());
  } else if (folder !== undefined) {
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.isFile())
          files.push(`${relative(folder, p).split(sep).join('/')}\t${(await stat(p)).size}`);
      }
    };
    await walk(folder);
    h.update(files.sort().join('\n'));
  }
  return h.digest('hex');
}
