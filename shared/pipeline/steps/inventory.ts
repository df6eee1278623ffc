/**
 * Step 1 of a hosted run (runMigration's catalog + DDL phases): read the source catalog,
 * generate the DDL, and write both to staging. Returns counts, the table list the orchestrator
 * batches over, and blob names — never the catalog itself (Durable payload limits).
 */
import type { Catalog } from '../../catalog/model';
import { sourceFingerprint } from '../checkpoint';
import { loadDdlGenerator, type DdlGenerator, type DdlOutput } from '../peers';
import { catalogBlob, ddlBlob, inventoryBlob } from './host-layout';
import { putJson } from './staged-json';
import { fingerprintTarget } from '../source/offline/open-source-spec';
import { openStepSource, openStepStore, type StepRun } from './step-run';

export interface InventoryTable {
  readonly schema: string;
  readonly table: string;
  /** Proxy tables (DDL-14) are not staged; they are reported as skipped. */
  readonly proxy: boolean;
}

export interface InventoryResult {
  readonly database: string;
  readonly tables: readonly InventoryTable[];
  readonly objects: number;
  readonly scripts: number;
  readonly diagnostics: number;
  readonly blobs: { readonly catalog: string; readonly ddl: string; readonly inventory: string };
}

/** What inventory.json holds for the later steps. */
export interface StoredInventory {
  readonly database: string;
  readonly sourceFingerprint: string;
}

export async function inventoryStep(run: StepRun, generateDdl?: DdlGenerator): Promise<InventoryResult> {
  const { store } = openStepStore(run);
  const { source, catalog } = await openStepSource(run);
  try {
    const ddl: DdlOutput = (generateDdl ?? loadDdlGenerator())(catalog, {});
    const fingerprint = await sourceFingerprint(catalog, fingerprintTarget(run.source));
    const blobs = {
      catalog: catalogBlob(run.runId),
      ddl: ddlBlob(run.runId),
      inventory: inventoryBlob(run.runId),
    };
    await putJson(store, blobs.catalog, catalog satisfies Catalog);
    await putJson(store, blobs.ddl, ddl);
    await putJson(store, blobs.inventory, {
      database: catalog.database,
      sourceFingerprint: fingerprint,
    } satisfies StoredInventory);
    return {
      database: catalog.database,
      tables: catalog.tables.map((t) => ({ schema: t.schema, table: t.name, proxy: t.proxy !== undefined })),
      objects: ddl.objects.length,
      scripts: ddl.scripts.length,
      diagnostics: catalog.diagnostics.length + (ddl.diagnostics?.length ?? 0),
      blobs,
    };
  } finally {
    await source.close();
  }
}
