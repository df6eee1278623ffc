/**
 * Extract + stage one chunk: the code runMigration's worker pool and the hosted stage-chunk step
 * both run, so a chunk staged by the CLI and by the Functions host is the same bytes.
 */
import type { Column, Table } from '../../catalog/model';
import { AsemigError } from '../../errors';
import { PipelineCodes } from '../codes';
import type { ChunkManifest, ChunkPlan, ChunkRef, Row, SourceReader } from '../contracts';
import { batchRows } from '../stage/csv-encode';
import type { StoreStager } from '../stage/store-stager';
import { valueKindOf } from '../stage/value-kind';

/** The columns that are staged: not the ones generated on the target (BCP-10/11). */
export function stagedColumns(t: Table): Column[] {
  return t.columns.filter((c) => c.target?.loadable !== false);
}

/** Source rows (all columns, ordinal order) → staged rows (loadable columns), width checked. */
export async function* project(
  batches: AsyncIterable<readonly Row[]>,
  t: Table,
  keep: readonly number[],
): AsyncGenerator<readonly Row[]> {
  let n = 0;
  const all = keep.length === t.columns.length;
  for await (const batch of batches) {
    for (const row of batch) {
      n++;
      if (row.length !== t.columns.length) {
        throw new AsemigError(
          PipelineCodes.stageRowWidth,
          `source row ${n} has ${row.length} values, the table has ${t.columns.length} columns`,
          { object: `${t.schema}.${t.name}` },
        );
      }
    }
    yield all ? batch : batch.map((row) => keep.map((i) => row[i] ?? null));
  }
}

/** The source's batches when it offers them, else its rows batched here. */
export function sourceBatches(
  source: SourceReader,
  t: Table,
  plan: ChunkPlan,
): AsyncIterable<readonly Row[]> {
  return source.readChunkBatches ? source.readChunkBatches(t, plan) : batchRows(source.readChunk(t, plan));
}

/**
 * Reads chunk `plan` of `t` and stages it under `ref`: the staged columns under their target
 * names, with the identity column's largest value tracked for the reseed script (ID-03).
 */
export function writeChunk(
  stager: StoreStager,
  ref: ChunkRef,
  source: SourceReader,
  t: Table,
  plan: ChunkPlan,
): Promise<ChunkManifest> {
  const cols = stagedColumns(t);
  const keep = cols.map((c) => t.columns.indexOf(c));
  const identity = cols.find((c) => c.target?.identity !== undefined || c.source.identity);
  return stager.writeBatches(
    ref,
    cols.map((c) => c.target?.name ?? c.name),
    project(sourceBatches(source, t, plan), t, keep),
    plan.range,
    {
      kinds: cols.map(valueKindOf),
      ...(identity ? { trackMax: [identity.target?.name ?? identity.name] } : {}),
    },
  );
}
