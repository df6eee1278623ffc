/**
 * What the package writer needs per table: the catalog table, the columns that were staged (in
 * file order, with their target names) and the chunk manifests in chunk order.
 */
import type { Column, Table } from '../../../catalog/model';
import type { ChunkManifest } from '../../contracts';
import { tableFolder } from '../../stage/layout';

export interface PackagedTable {
  readonly table: Table;
  /** Staged columns in file order (loadable only, BCP-10/11). */
  readonly columns: readonly Column[];
  readonly manifests: readonly ChunkManifest[];
}

export function targetTableName(t: Table): string {
  return t.targetName ?? t.name;
}

export function targetColumnName(c: Column): string {
  return c.target?.name ?? c.name;
}

/** The column under its target name (what the T-SQL generators quote). */
export function asTargetColumn(c: Column): Column {
  return { ...c, name: targetColumnName(c) };
}

export function hasSkippedColumns(p: PackagedTable): boolean {
  return p.columns.length !== p.table.columns.length;
}

export function identityColumn(t: Table): Column | undefined {
  return t.columns.find(
    (c) => (c.target?.identity !== undefined || c.source.identity) && c.target?.loadable !== false,
  );
}

/** `data/<schema>.<table>/chunk-<n>.csv`: the package's copy of a staged chunk (always plain CSV). */
export function packageDataFile(t: Table, index: number): string {
  return `data/${tableFolder(t.schema, t.name)}/chunk-${index}.csv`;
}

/** Unicode literal with `'` doubled. */
export function nstr(s: string): string {
  return `N'${s.replace(/'/g, "''")}'`;
}

/** Plain literal with `'` doubled (paths, option values). */
export function str(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
