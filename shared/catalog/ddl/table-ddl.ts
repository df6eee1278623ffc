/**
 * CREATE TABLE for one catalog table (phase 02: columns, defaults, DT-06 checks, primary key), with
 * its partition function and scheme when range-partitioned (DDL-10), and the constraint/index
 * statements of phase 04.
 */
import { quoteIdent } from '../../translator/dialects/tsql/quote';
import type { DiagnosticInput } from '../../translator/diagnostics';
import type { TargetPlatform } from '../../translator/statement-translator';
import { finding } from '../codes';
import type { Table } from '../model';
import { qualifiedName } from '../model';
import { shortenName } from '../names';
import { KEY_LIMIT, maxBytes } from './key-size';
import {
  INDENT,
  columnList,
  columnName,
  failingPlaceholder,
  matchFullCheck,
  renderColumn,
  renderForeignKey,
  renderIndex,
  renderKey,
  renderRuleCheck,
  tableRef,
  type ColumnRenderOptions,
} from './render';

type Report = (d: DiagnosticInput) => void;

export interface TableDdlOptions extends ColumnRenderOptions {
  readonly target: TargetPlatform;
  /** Phase 02 keeps only the primary key inline; a statement translation keeps every constraint. */
  readonly inlineConstraints: 'primaryKey' | 'all';
  readonly tables: readonly Table[];
}

function place(t: Table): { object: string; line?: number; file?: string } {
  return {
    object: qualifiedName(t),
    ...(t.origin.line !== undefined ? { line: t.origin.line } : {}),
    ...(t.origin.file !== undefined ? { file: t.origin.file } : {}),
  };
}

/** Batches (without GO) creating the table; proxy tables become a marked comment. */
export function createTableBatches(t: Table, o: TableDdlOptions, report: Report): string[] {
  if (t.proxy) {
    const text = `-- SYB2MS-DDL-14 ${qualifiedName(t)}: proxy table${t.proxy.location !== undefined ? ` at ${t.proxy.location}` : ''} not created`;
    return [o.target === 'azure-sql' ? text : `${text}\n${failingPlaceholder('DDL-14', qualifiedName(t))}`];
  }
  const batches: string[] = [];
  let on = '';
  const p = partitionClause(t, report);
  if (p) {
    batches.push(...p.batches);
    on = p.on;
  }
  const lines = t.columns.map((c) => renderColumn(c, o));
  const pk = t.primaryKey && !t.primaryKey.logicalOnly ? t.primaryKey : undefined;
  if (pk) {
    lines.push(renderKey(t, pk));
    checkKeySize(t, pk.columns, pk.clustered, true, `primary key ${pk.name}`, report);
  }
  if (o.inlineConstraints === 'all') {
    for (const u of t.uniques) lines.push(renderKey(t, u));
    for (const fk of t.foreignKeys)
      if (!fk.logicalOnly && fk.refDatabase === undefined) lines.push(renderForeignKey(t, fk, o.tables));
    for (const ck of t.checks)
      lines.push(`CONSTRAINT ${quoteIdent(ck.name)} CHECK (${ck.targetExpr ?? ck.expr})`);
  }
  const compression = t.compression ? `\nWITH (DATA_COMPRESSION = ${t.compression.toUpperCase()})` : '';
  batches.push(
    `CREATE TABLE ${tableRef(t)} (\n${lines.map((l) => INDENT + l).join(',\n')}\n)${compression}${on};`,
  );
  return batches;
}

/**
 * DDL-10: RANGE LEFT partition function + scheme; otherwise nothing. Segments are never mapped to
 * filegroups (DDL-09 default), so the scheme is ALL TO [PRIMARY] on both targets (AZ-05).
 */
function partitionClause(t: Table, report: Report): { batches: string[]; on: string } | undefined {
  const p = t.partition;
  if (!p || p.method !== 'range') return undefined;
  const col =
    p.columns.length === 1
      ? t.columns.find((c) => c.name.toLowerCase() === p.columns[0]?.toLowerCase())
      : undefined;
  if (!col?.target || col.target.computed || p.boundaries.length === 0) {
    report(
      finding(
        'ASM-DDL-011',
        `range partitioning on ${p.columns.join(', ')} cannot be mapped (one column with boundaries required): dropped`,
        place(t),
      ),
    );
    return undefined;
  }
  const colName = col.target.name ?? col.name;
  const base = `${t.targetName ?? t.name}_${colName}`;
  const pf = shortenName(`pf_${base}`);
  const ps = shortenName(`ps_${base}`);
  return {
    batches: [
      `CREATE PARTITION FUNCTION ${quoteIdent(pf)} (${col.target.type.sql}) AS RANGE LEFT FOR VALUES (${p.boundaries.join(', ')});`,
      `CREATE PARTITION SCHEME ${quoteIdent(ps)} AS PARTITION ${quoteIdent(pf)} ALL TO ([PRIMARY]);`,
    ],
    on: `\nON ${quoteIdent(ps)} (${quoteIdent(colName)})`,
  };
}

/** Phase 04 statements for one table (each one batch). */
export function constraintBatches(
  t: Table,
  tables: readonly Table[],
  report: Report,
  quotedIdentifier = false,
): string[] {
  if (t.proxy) return [];
  const ref = tableRef(t);
  const out: string[] = [];
  if (t.primaryKey?.logicalOnly) {
    out.push(
      `-- SYB2MS-CAT-11 ${qualifiedName(t)}: logical primary key (sp_primarykey) on (${columnList(t, t.primaryKey.columns)}) not created`,
    );
  }
  for (const u of t.uniques) {
    if (
      u.columns.some((c) => t.columns.find((x) => x.name.toLowerCase() === c.toLowerCase())?.target?.nullable)
    ) {
      report(
        finding('ASM-DDL-031', `unique ${u.name} on nullable columns: SQL Server allows one NULL`, place(t)),
      );
    }
    checkKeySize(t, u.columns, u.clustered, true, `unique ${u.name}`, report);
    out.push(`ALTER TABLE ${ref} ADD ${renderKey(t, u)};`);
  }
  // Clustered indexes first: creating one later would rebuild the nonclustered ones.
  const indexes = [...t.indexes].sort((a, b) => Number(b.clustered) - Number(a.clustered));
  for (const ix of indexes) {
    if (!ix.expressions)
      checkKeySize(
        t,
        ix.columns.map((c) => c.name),
        ix.clustered,
        ix.unique,
        `index ${ix.name}`,
        report,
      );
    out.push(renderIndex(t, ix, quotedIdentifier).join('\n'));
  }
  for (const fk of t.foreignKeys) {
    if (fk.logicalOnly) {
      out.push(
        `-- SYB2MS-CAT-11 ${qualifiedName(t)}: logical foreign key (sp_foreignkey) ${fk.name} not created`,
      );
      continue;
    }
    if (fk.refDatabase !== undefined) {
      report(
        finding(
          'ASM-DDL-033',
          `foreign key ${fk.name} references ${fk.refDatabase}.${qualifiedName(fk.refTable)}: cross-database reference cannot be created`,
          place(t),
        ),
      );
      out.push(
        `-- SYB2MS-DDL-33 ${qualifiedName(t)}: foreign key ${fk.name} references database ${fk.refDatabase}\n${failingPlaceholder('DDL-33', `${qualifiedName(t)}.${fk.name}`)}`,
      );
      continue;
    }
    if (
      !tables.some(
        (x) =>
          x.schema.toLowerCase() === fk.refTable.schema.toLowerCase() &&
          x.name.toLowerCase() === fk.refTable.name.toLowerCase(),
      )
    ) {
      report(
        finding(
          'ASM-CAT-003',
          `foreign key ${fk.name} references ${qualifiedName(fk.refTable)}, which is not in the catalog`,
          { ...place(t), level: 'WARN' },
        ),
      );
    }
    out.push(`ALTER TABLE ${ref} WITH CHECK ADD ${renderForeignKey(t, fk, tables)};`);
    const mf = matchFullCheck(t, fk);
    if (mf) {
      report(finding('ASM-DDL-034', `foreign key ${fk.name} match full: CHECK ${mf.name} added`, place(t)));
      out.push(`ALTER TABLE ${ref} WITH CHECK ADD CONSTRAINT ${quoteIdent(mf.name)} CHECK (${mf.expr});`);
    }
  }
  for (const ck of t.checks)
    out.push(
      `ALTER TABLE ${ref} WITH CHECK ADD CONSTRAINT ${quoteIdent(ck.name)} CHECK (${ck.targetExpr ?? ck.expr});`,
    );
  for (const c of t.columns) {
    for (const ck of c.target?.checks ?? [])
      if (ck.ruleId !== 'DT-06') out.push(renderRuleCheck(t, ck.name, ck.expr));
  }
  return out;
}

/** IDX-13: key byte size against SQL Server's limits; max types cannot be keys at all. */
function checkKeySize(
  t: Table,
  cols: readonly string[],
  clustered: boolean,
  unique: boolean,
  what: string,
  report: Report,
): void {
  let bytes = 0;
  for (const c of cols) {
    const col = t.columns.find((x) => x.name.toLowerCase() === c.toLowerCase());
    if (col?.target && !col.target.computed) bytes += maxBytes(col.target.type);
  }
  const limit = clustered ? KEY_LIMIT.clustered : KEY_LIMIT.nonclustered;
  if (bytes <= limit) return;
  const size = bytes === Infinity ? 'a max type' : `${bytes} bytes`;
  report(
    finding(
      unique ? 'ASM-IDX-014' : 'ASM-IDX-013',
      `${what} key (${cols.map((c) => columnName(t, c)).join(', ')}) can reach ${size}, limit ${limit}`,
      place(t),
    ),
  );
}
