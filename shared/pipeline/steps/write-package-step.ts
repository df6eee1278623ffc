/**
 * Step 4: the deployment package from the staged manifests (runMigration's package phase).
 * Refuses when a chunk is not staged: a package never holds a partial table. Re-running it
 * replaces the earlier package (write-package.ts writes to a temp folder and moves it in).
 * The writing itself is run-package.ts's writeRunPackage, which runMigration calls too.
 */
import { AsemigError } from '../../errors';
import { CONFIG_CODES } from '../../config/codes';
import type { ChunkManifest } from '../contracts';
import type { PackagedTable } from '../load/package/package-model';
import { loadStagedRun } from './load-staged';
import { packagedTable, writeRunPackage, type PackageResult } from './run-package';
import { openStepStore, type StepRun } from './step-run';

// Callers of this step read its result type from here.
export type { PackageResult } from './run-package';

export async function writePackageStep(run: StepRun): Promise<PackageResult> {
  const { store, stager } = openStepStore(run);
  const staged = await loadStagedRun(store, stager, run.runId);
  const packaged: PackagedTable[] = staged.tables.map((s) => {
    if (!s.plan)
      throw new AsemigError(CONFIG_CODES.noPlan.code, 'the table was never planned: no package is written', {
        object: `${s.table.schema}.${s.table.name}`,
      });
    const missing = s.manifests.findIndex((m) => m === undefined);
    if (missing >= 0)
      throw new AsemigError(
        CONFIG_CODES.tableFailed.code,
        `chunk ${missing} is not staged: no package is written with a partial table`,
        { object: `${s.table.schema}.${s.table.name}`, field: `chunk ${missing}` },
      );
    return packagedTable(s.table, s.manifests as ChunkManifest[]);
  });
  return writeRunPackage({
    packageDir: run.packageDir,
    runId: run.runId,
    database: staged.catalog.database,
    ddl: staged.ddl.scripts,
    tables: packaged,
    stager,
  });
}
