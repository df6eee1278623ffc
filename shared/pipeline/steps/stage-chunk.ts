/**
 * Step 3: extract + stage one chunk — chunk-writer.ts's writeChunk, as runMigration's pool runs it,
 * for one chunk per call. Idempotent: a chunk whose manifest (and data object of the recorded size) exists is
 * skipped, so an activity executed twice stages its rows exactly once; a half-written chunk has
 * no manifest and is rewritten under the same names.
 */
import { completedChunk } from '../checkpoint';
import type { ChunkManifest, ChunkRef } from '../contracts';
import { manifestName } from '../stage/layout';
import { writeChunk } from './chunk-writer';
import { profileBlob } from './host-layout';
import { readTablePlan } from './plan-tables';
import { putJson } from './staged-json';
import { openStepSource, openStepStore, type StepRun } from './step-run';
import { AsemigError } from '../../errors';
import { PipelineCodes } from '../codes';

export interface StagedChunk {
  readonly schema: string;
  readonly table: string;
  readonly index: number;
  readonly rows: number;
  readonly bytes: number;
  /** True when the chunk was already staged and nothing was read. */
  readonly skipped: boolean;
  /** Manifest blob name (claim check for the package step). */
  readonly manifest: string;
}

export async function stageChunkStep(
  run: StepRun,
  chunk: { readonly schema: string; readonly table: string; readonly index: number },
): Promise<StagedChunk> {
  const { store, stager } = openStepStore(run);
  const ref: ChunkRef = { runId: run.runId, schema: chunk.schema, table: chunk.table, index: chunk.index };
  const result = (m: ChunkManifest, skipped: boolean): StagedChunk => ({
    ...chunk,
    rows: m.rows,
    bytes: m.bytes,
    skipped,
    manifest: manifestName(ref),
  });
  const done = await completedChunk(stager, ref, stager.format);
  if (done) return result(done, true);

  const plans = await readTablePlan(store, run.runId, chunk.schema, chunk.table);
  const plan = plans.chunks.find((c) => c.index === chunk.index);
  const object = `${chunk.schema}.${chunk.table}`;
  if (!plan)
    throw new AsemigError(PipelineCodes.runSourceChanged, `chunk ${chunk.index} is not in the plan`, {
      object,
      field: `chunk ${chunk.index}`,
    });
  const { source, catalog } = await openStepSource(run);
  try {
    const t = catalog.tables.find((x) => x.schema === chunk.schema && x.name === chunk.table);
    if (!t)
      throw new AsemigError(PipelineCodes.runSourceChanged, `table ${object} is not in the source`, {
        object,
      });
    const m = await writeChunk(stager, ref, source, t, plan);
    const findings = source.profile();
    if (findings.length)
      await putJson(store, profileBlob(run.runId, t.schema, t.name, `chunk-${chunk.index}`), findings);
    return result(m, false);
  } finally {
    await source.close();
  }
}
