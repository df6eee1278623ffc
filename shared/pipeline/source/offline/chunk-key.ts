/**
 * The chunking key: the primary key, else a unique constraint, else a unique index, whose columns
 * are all NOT NULL and present in the file (a NULL cannot be bounded by `key > @last`). Logical
 * keys from sp_primarykey are not enforced in ASE, so their values may repeat: not used.
 */
import type { CanonicalValue, Row } from '../../contracts';
import type { TypeKind } from '../../decode/type-kind';
import type { ColumnLayout, TableLayout } from './table-layout';

export interface ChunkKey {
  readonly columns: readonly ColumnLayout[];
  readonly names: readonly string[];
  readonly kinds: readonly TypeKind[];
}

export function chooseKey(layout: TableLayout): ChunkKey | undefined {
  const t = layout.table;
  const candidates: (readonly string[])[] = [];
  if (t.primaryKey && !t.primaryKey.logicalOnly) candidates.push(t.primaryKey.columns);
  for (const u of t.uniques) if (!u.logicalOnly) candidates.push(u.columns);
  for (const i of t.indexes) {
    if (i.unique && !i.ignoreDupKey && !(i.expressions ?? []).some((e) => e !== undefined)) {
      candidates.push(i.columns.map((c) => c.name));
    }
  }
  for (const names of candidates) {
    const cols = names.map((n) => layout.fileColumns.find((c) => c.column.name === n));
    if (cols.length === 0 || cols.some((c) => !c || c.nullable)) continue;
    const columns = cols as ColumnLayout[];
    return { columns, names: columns.map((c) => c.column.name), kinds: columns.map((c) => c.kind) };
  }
  return undefined;
}

export function keyOf(key: ChunkKey, values: readonly CanonicalValue[]): Row {
  return key.columns.map((c) => values[c.index] ?? null);
}
