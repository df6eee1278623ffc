/**
 * Step 4: the deployment package from the staged manifests (runMigration's package phase).
 * Refuses when a chunk is not staged: a package never holds a partial table. Re-running it
 * replaces the earlier package (write-package.ts writes to a temp folder and moves it in).
 */
import { AsemigError } from '../../errors';
import { CONFIG_CODES } from '../../config/codes';
import type { ChunkManifest } from '../contracts';
import { writePackage } from '../load/package/write-package';
import type { PackagedTable } from '../load/package/package-model';
import { stagedColumns } from '../run-migration';
import { toolInfo } from '../tool-info';
import { loadStagedRun } from './load-staged';
import { openStepStore, type StepRun } from './step-run';

export interface PackageResult {
  readonly dir: string;
  readonly tables: number;
  readonly rows: number;
  readonly bytes: number;
}

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
    return { table: s.table, columns: stagedColumns(s.table), manifests: s.manifests as ChunkManifest[] };
  });
  const pkg = await writePackage({
    packageDir: run.packageDir,
    runId: run.runId,
    database: staged.catalog.database,
    tool: toolInfo(),
    ddl: staged.ddl.scripts,
    tables: packaged,
    stager,
  });
  const all = packaged.flatMap((p) => p.manifests);
  return {
    dir: pkg.dir,
    tables: packaged.length,
    rows: all.reduce((n, m) => n + m.rows, 0),
    bytes: all.reduce((n, m) => n + m.bytes, 0),
  };
}
