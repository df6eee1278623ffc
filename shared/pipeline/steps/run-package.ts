/**
 * The package writing runMigration's package phase and the hosted package step both call, so the
 * CLI and the Functions host write one package for one staged run. Kept apart from
 * write-package-step.ts, which opens the step's store and would tie runMigration to step-run.ts.
 */
import type { Table } from '../../catalog/model';
import type { ChunkManifest } from '../contracts';
import { writePackage, type PackageInput } from '../load/package/write-package';
import type { PackagedTable } from '../load/package/package-model';
import { toolInfo } from '../tool-info';
import { stagedColumns } from './chunk-writer';

export interface PackageResult {
  readonly dir: string;
  readonly tables: number;
  readonly rows: number;
  readonly bytes: number;
}

/** A completely staged table as the package writer takes it: only its staged columns (BCP-10/11). */
export function packagedTable(table: Table, manifests: readonly ChunkManifest[]): PackagedTable {
  return { table, columns: stagedColumns(table), manifests };
}

/** The package of completely staged tables, with the totals a host shows. */
export async function writeRunPackage(input: Omit<PackageInput, 'tool'>): Promise<PackageResult> {
  const pkg = await writePackage({ ...input, tool: toolInfo() });
  const all = input.tables.flatMap((p) => p.manifests);
  return {
    dir: pkg.dir,
    tables: input.tables.length,
    rows: all.reduce((n, m) => n + m.rows, 0),
    bytes: all.reduce((n, m) => n + m.bytes, 0),
  };
}
