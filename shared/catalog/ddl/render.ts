/**
 * T-SQL text for catalog objects, shared by the phased deployment scripts (generate.ts) and the
 * statement translators (script/statements.ts). Reads only the target side. Every identifier goes
 * through quoteIdent (`]` doubled); expressions are the user's ASE text (function conversion is
 * the translator's, §5).
 */
import { quoteIdent, quoteQualified, sqlString } from '../../translator/dialects/tsql/quote';
import type { Diagnostic } from '../../translator/diagnostics';
import type { Column, ForeignKey, Index, KeyConstraint, Table } from '../model';
import { qualifiedName } from '../model';
import { shortenName } from '../names';
import { doubleQuotesToTsql } from '../expr/tsql-expr';

export const INDENT = '    ';

export function tableRef(t: Pick<Table, 'schema' | 'name' | 'targetName'>): string {
  return quoteQualified(t.schema, t.targetName ?? t.name);
}

export function columnName(t: Table, source: string): string {
  const c = t.columns.find((x) => x.name.toLowerCase() === source.toLowerCase());
  return c?.target?.name ?? shortenName(source);
}

export function columnList(t: Table, names: readonly string[]): string {
  return names.map((n) => quoteIdent(columnName(t, n))).join(', ');
}

export interface ColumnRenderOptions {
  /** Which column CHECKs go inline: DT-06 type checks only (phased scripts) or also rule-derived. */
  readonly checks: 'type' | 'all';
}

/** `[c] varchar(20) NOT NULL CONSTRAINT [DF_t_c] DEFAULT (0) CONSTRAINT [CK..] CHECK (...)` */
export function renderColumn(c: Column, o: ColumnRenderOptions): string {
  const t = c.target;
  if (!t) throw new Error(`column ${c.name} has no target: apply cast rules first`);
  const name = quoteIdent(t.name ?? c.name);
  if (t.computed) return `${name} AS (${t.computed.expr})${t.computed.persisted ? ' PERSISTED' : ''}`;
  const parts = [name, t.type.sql];
  if (t.identity) parts.push(`IDENTITY(${t.identity.seed},${t.identity.increment})`);
  parts.push(t.nullable ? 'NULL' : 'NOT NULL');
  if (t.default) parts.push(`CONSTRAINT ${quoteIdent(t.default.name)} DEFAULT (${t.default.expr})`);
  for (const ck of t.checks) {
    if (o.checks === 'all' || ck.ruleId === 'DT-06')
      parts.push(`CONSTRAINT ${quoteIdent(ck.name)} CHECK (${ck.expr})`);
  }
  return parts.join(' ');
}

export function renderKey(t: Table, k: KeyConstraint): string {
  const kind = k.kind === 'primaryKey' ? 'PRIMARY KEY' : 'UNIQUE';
  const ff = k.fillFactor !== undefined ? ` WITH (FILLFACTOR = ${k.fillFactor})` : '';
  return `CONSTRAINT ${quoteIdent(k.name)} ${kind} ${k.clustered ? 'CLUSTERED' : 'NONCLUSTERED'} (${columnList(t, k.columns)})${ff}`;
}

/** FK body (`CONSTRAINT [fk] FOREIGN KEY (...) REFERENCES ...`); refColumns default to the referenced PK. */
export function renderForeignKey(t: Table, fk: ForeignKey, tables: readonly Table[]): string {
  const ref = tables.find(
    (x) =>
      x.schema.toLowerCase() === fk.refTable.schema.toLowerCase() &&
      x.name.toLowerCase() === fk.refTable.name.toLowerCase(),
  );
  const refCols = fk.refColumns.length ? fk.refColumns : (ref?.primaryKey?.columns ?? []);
  const refName = ref ? tableRef(ref) : quoteQualified(fk.refTable.schema, fk.refTable.name);
  const list = refCols.length
    ? ` (${ref ? columnList(ref, refCols) : refCols.map(quoteIdent).join(', ')})`
    : '';
  return `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY (${columnList(t, fk.columns)}) REFERENCES ${refName}${list}`;
}

/** DDL-34: MATCH FULL → all FK columns NULL or none. */
export function matchFullCheck(t: Table, fk: ForeignKey): { name: string; expr: string } | undefined {
  if (!fk.matchFull || fk.columns.length < 2) return undefined;
  const cols = fk.columns.map((c) => quoteIdent(columnName(t, c)));
  return {
    name: shortenName(`CK_${t.targetName ?? t.name}_${fk.name}_match_full`),
    expr: `(${cols.map((c) => `${c} IS NULL`).join(' AND ')}) OR (${cols.map((c) => `${c} IS NOT NULL`).join(' AND ')})`,
  };
}

/** IDX-12: computed columns for function-based keys, then the index. */
export function renderIndex(t: Table, ix: Index, quotedIdentifier = false): string[] {
  const out: string[] = [];
  ix.expressions?.forEach((expr, i) => {
    const col = ix.columns[i];
    if (expr !== undefined && col) {
      out.push(
        `ALTER TABLE ${tableRef(t)} ADD ${quoteIdent(col.name)} AS (${doubleQuotesToTsql(expr, quotedIdentifier)});`,
      );
    }
  });
  const opts = [
    ...(ix.ignoreDupKey ? ['IGNORE_DUP_KEY = ON'] : []),
    ...(ix.fillFactor !== undefined ? [`FILLFACTOR = ${ix.fillFactor}`] : []),
  ];
  const keys = ix.columns
    .map(
      (c, i) =>
        `${quoteIdent(ix.expressions?.[i] !== undefined ? c.name : columnName(t, c.name))} ${c.order.toUpperCase()}`,
    )
    .join(', ');
  out.push(
    `CREATE ${ix.unique ? 'UNIQUE ' : ''}${ix.clustered ? 'CLUSTERED' : 'NONCLUSTERED'} INDEX ${quoteIdent(shortenName(ix.name))} ON ${tableRef(t)} (${keys})${opts.length ? ` WITH (${opts.join(', ')})` : ''};`,
  );
  return out;
}

/**
 * RD-04: a rule-derived CHECK is created WITH CHECK when the loaded rows satisfy it, otherwise
 * WITH NOCHECK (untrusted) with a message — ASE never checked rows that existed before the binding.
 */
export function renderRuleCheck(t: Table, name: string, expr: string): string {
  const ref = tableRef(t);
  const add = (mode: string): string =>
    `ALTER TABLE ${ref} WITH ${mode} ADD CONSTRAINT ${quoteIdent(name)} CHECK (${expr});`;
  const msg = sqlString(
    `SYB2MS-RD-04 ${qualifiedName(t)}: existing rows violate ${name}; created WITH NOCHECK`,
  );
  return [
    `IF NOT EXISTS (SELECT 1 FROM ${ref} WHERE NOT (${expr}))`,
    `${INDENT}${add('CHECK')}`,
    'ELSE',
    'BEGIN',
    `${INDENT}${add('NOCHECK')}`,
    `${INDENT}PRINT ${msg};`,
    'END;',
  ].join('\n');
}

/** `-- SYB2MS-<rule> <object> line n: message` for WARN and worse (spec §0.1); newlines flattened. */
export function warningComments(diags: readonly Diagnostic[]): string[] {
  return diags
    .filter((d) => d.level === 'WARN' || d.level === 'MANUAL' || d.level === 'BLOCK')
    .map(
      (d) =>
        `-- SYB2MS-${d.ruleId} ${d.object ?? ''}${d.line ? ` line ${d.line}` : ''}: ${oneLine(d.message)}`,
    );
}

export function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

/** Text carried in a marked comment: every line prefixed so no `*\/` or GO can escape it. */
export function commentBlock(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => `-- | ${l}`)
    .join('\n');
}

/** MANUAL placeholder that fails loudly where the object would have been created (§0.1). */
export function failingPlaceholder(ruleId: string, object: string): string {
  return `THROW 50000, ${sqlString(`SYB2MS-${ruleId} ${object} not converted`)}, 1;`;
}
