/**
 * The run-level findings runMigration adds to its report (skipped generated columns BCP-10/11,
 * identity reseed ID-03), as functions so the hosted report step produces the same ones.
 * runMigration and the report step both call these.
 */
import type { Table } from '../../catalog/model';
import { diagnostic, type Diagnostic } from '../../translator/diagnostics';
import { PipelineCodes } from '../codes';
import type { PackagedTable } from '../load/package/package-model';
import { reseedEntries } from '../load/package/reseed-script';

export function skippedColumnDiagnostics(t: Table): Diagnostic[] {
  const skipped = t.columns.filter((c) => c.target?.loadable === false);
  if (!skipped.length) return [];
  return [
    diagnostic({
      code: PipelineCodes.runSkippedColumns,
      ruleId: skipped.some((c) => c.target?.type.base === 'rowversion') ? 'BCP-10' : 'BCP-11',
      level: 'INFO',
      object: `${t.schema}.${t.name}`,
      message: `not staged (generated on the target): ${skipped.map((c) => c.name).join(', ')}`,
    }),
  ];
}

export function reseedDiagnostics(packaged: readonly PackagedTable[]): Diagnostic[] {
  return reseedEntries(packaged).map((e) =>
    diagnostic({
      code: PipelineCodes.runReseedFromData,
      ruleId: 'ID-03',
      level: 'INFO',
      object: e.table,
      message:
        e.max === undefined
          ? `identity ${e.column}: no rows staged, not reseeded`
          : `identity ${e.column} reseeded to the largest staged value ${e.max}; ASE next_identity() is not known offline`,
    }),
  );
}
