/**
 * 08-reseed.sql (ID-03): DBCC CHECKIDENT per identity table. ID-03 asks for ASE's
 * next_identity() - 1; an offline extract does not carry it, so the reseed uses the largest
 * staged value (recorded per chunk in the manifests). Identity values burnt on ASE after the last
 * row (gaps at the end) are therefore reused: the script says so, and the run reports ASM-RUN-007.
 */
import { quoteQualified } from '../../../translator/dialects/tsql/quote';
import { identityColumn, nstr, targetColumnName, targetTableName, type PackagedTable } from './package-model';

export interface ReseedEntry {
  readonly table: string;
  readonly column: string;
  /** Largest staged value, or undefined when the table has no rows. */
  readonly max: string | undefined;
}

export function reseedEntries(tables: readonly PackagedTable[]): ReseedEntry[] {
  const out: ReseedEntry[] = [];
  for (const p of tables) {
    const col = identityColumn(p.table);
    if (!col) continue;
    let max: bigint | undefined;
    for (const m of p.manifests) {
      const v = m.max?.[col.name];
      if (v !== undefined && (max === undefined || BigInt(v) > max)) max = BigInt(v);
    }
    out.push({
      table: `${p.table.schema}.${targetTableName(p.table)}`,
      column: targetColumnName(col),
      max: max === undefined ? undefined : max.toString(),
    });
  }
  return out;
}

export function reseedScript(tables: readonly PackagedTable[], runId: string, version: string): string {
  const lines = [
    `-- ase-migrate ${version}, run ${runId}: reseed identity columns (ID-03).`,
    '-- The offline source does not know ASE next_identity(): each table is reseeded to the largest',
    '-- loaded value. If ASE had burnt values above it, reseed by hand to next_identity - 1.',
    'SET NOCOUNT ON;',
  ];
  const byName = new Map(tables.map((p) => [`${p.table.schema}.${targetTableName(p.table)}`, p]));
  for (const e of reseedEntries(tables)) {
    const p = byName.get(e.table);
    if (!p) continue;
    const name = quoteQualified(p.table.schema, targetTableName(p.table));
    if (e.max === undefined)
      lines.push(`-- ${e.table}.${e.column}: no rows staged, identity left at its seed`);
    else
      lines.push(
        `DBCC CHECKIDENT (${nstr(name)}, RESEED, ${e.max}); -- ${e.table}.${e.column}: max staged value`,
      );
  }
  lines.push('GO', '');
  return lines.join('\n');
}
