/**
 * What every step of a hosted run needs, as plain serialisable data (it travels in Durable
 * activity inputs): the run id and the validated options, with staging already resolved from
 * its app setting by the activity (never by the orchestrator, and never stored in history).
 */
import type { Catalog } from '../../catalog/model';
import type { SourceReader } from '../contracts';
import { checkRunId } from '../stage/layout';
import { openStore } from '../stage/open-store';
import type { ObjectStore } from '../stage/object-store';
import { StoreStager } from '../stage/store-stager';
import { withTargets } from '../run-migration';
import { openSourceSpec } from '../source/offline/open-source-spec';

export interface StepRun {
  readonly runId: string;
  /** Offline extract folder. */
  readonly source: string;
  /** Staging spec (stage/open-store.ts). Resolved inside the activity; may hold a secret. */
  readonly staging: string;
  readonly packageDir: string;
  readonly chunkRows: number;
  readonly gzip: boolean;
}

export interface StepStore {
  readonly store: ObjectStore;
  readonly stager: StoreStager;
}

export function openStepStore(run: StepRun): StepStore {
  checkRunId(run.runId);
  const store = openStore(run.staging);
  return { store, stager: new StoreStager(store, { gzip: run.gzip }) };
}

/** Opens the offline source; the caller closes it. Catalog with cast-rule targets filled. */
export async function openStepSource(run: StepRun): Promise<{ source: SourceReader; catalog: Catalog }> {
  // A folder or a Blob prefix spec, as the CLI accepts (docs/offline-source.md).
  const source = await openSourceSpec(run.source, { targetRows: run.chunkRows });
  try {
    return { source, catalog: withTargets(await source.catalog()) };
  } catch (e) {
    await source.close();
    throw e;
  }
}

/** `schema.table` as used in activity inputs, reports and errors. */
export function qualified(t: {
  readonly schema: string;
  readonly table?: string;
  readonly name?: string;
}): string {
  return `${t.schema}.${t.table ?? t.name ?? ''}`;
}
