/**
 * Reads back what the earlier steps staged — catalog, DDL, plans, manifests, profile findings —
 * for the package and report steps, which run in their own activities.
 */
import type { Catalog, Table } from '../../catalog/model';
import type { Diagnostic } from '../../translator/diagnostics';
import type { ChunkManifest, TablePlan } from '../contracts';
import type { DdlOutput } from '../peers';
import type { StoreStager } from '../stage/store-stager';
import type { ObjectStore } from '../stage/object-store';
import { catalogBlob, ddlBlob, planBlob, profilePrefix } from './host-layout';
import { readTablePlan } from './plan-tables';
import { getJson } from './staged-json';

export interface StagedTable {
  readonly table: Table;
  /** Undefined when the table was never planned (its plan failed on a data error). */
  readonly plan: TablePlan | undefined;
  /** In chunk order; undefined where the chunk has no manifest (not staged). */
  readonly manifests: readonly (ChunkManifest | undefined)[];
}

export interface StagedRun {
  readonly catalog: Catalog;
  readonly ddl: DdlOutput;
  /** Non-proxy tables in catalog order. */
  readonly tables: readonly StagedTable[];
  readonly proxies: readonly Table[];
}

export async function loadStagedRun(
  store: ObjectStore,
  stager: StoreStager,
  runId: string,
): Promise<StagedRun> {
  const catalog = await getJson<Catalog>(store, catalogBlob(runId));
  const ddl = await getJson<DdlOutput>(store, ddlBlob(runId));
  const tables: StagedTable[] = [];
  const proxies: Table[] = [];
  for (const t of catalog.tables) {
    if (t.proxy) {
      proxies.push(t);
      continue;
    }
    const plan = (await store.exists(planBlob(runId, t.schema, t.name)))
      ? await readTablePlan(store, runId, t.schema, t.name)
      : undefined;
    const manifests = await Promise.all(
      (plan?.chunks ?? []).map((c) =>
        stager.manifest({ runId, schema: t.schema, table: t.name, index: c.index }),
      ),
    );
    tables.push({ table: t, plan, manifests });
  }
  return { catalog, ddl, tables, proxies };
}

/** Profile findings of all activities, duplicates (same finding from two readers) removed. */
export async function loadProfile(store: ObjectStore, runId: string): Promise<Diagnostic[]> {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const o of await store.list(profilePrefix(runId))) {
    for (const d of await getJson<Diagnostic[]>(store, o.name)) {
      const key = JSON.stringify(d);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(d);
      }
    }
  }
  return out;
}
