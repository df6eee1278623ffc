/**
 * CreateTable / ColumnDef / constraint AST → draft catalog objects, reporting every clause that has
 * no SQL Server equivalent (DDL-01..16) so that nothing is dropped silently.
 */
import type { ColumnDef, CreateTable, IndexOption, TableConstraint } from '../../translator/ast/nodes';
import type { DiagnosticInput } from '../../translator/diagnostics';
import { finding } from '../codes';
import type {
  Column,
  ColumnSource,
  DefaultObject,
  ForeignKey,
  KeyConstraint,
  CheckConstraintModel,
  ObjectName,
} from '../model';
import { foreignKeyName, primaryKeyName, tableCheckName, uniqueName } from '../names';
import type { DraftTable, DraftUserType } from './draft';
import { isBuiltinType, sourceTypeOf } from './source-type';

export interface FoldContext {
  readonly file?: string;
  readonly database?: string;
  readonly target: 'azure-sql' | 'sqlserver';
  resolve(
    q: { database?: string; owner?: string; name: string },
    line: number,
  ): ObjectName & { database?: string };
  userType(name: string): DraftUserType | undefined;
  defaultObject(name: string, schema: string): DefaultObject | undefined;
  report(d: DiagnosticInput): void;
}

type Place = { object: string; line: number; column?: number; file?: string };

export function columnFromDef(
  def: ColumnDef,
  ordinal: number,
  ctx: FoldContext,
  place: Place,
): { column: Column } {
  const at = { ...place, line: def.span.line, column: def.span.column };
  const typeName = def.type ? def.type.name : 'timestamp';
  const ut = isBuiltinType(typeName) ? undefined : ctx.userType(typeName);
  if (def.type && !isBuiltinType(typeName) && !ut) {
    ctx.report(
      finding(
        'ASM-CAT-005',
        `column ${def.name}: type ${def.type.name} is neither built in nor created by sp_addtype earlier in the script`,
        at,
      ),
    );
  }
  const base = ut
    ? { ...ut.base, userType: ut.name }
    : def.type
      ? sourceTypeOf(def.type)
      : { base: 'timestamp' };
  const declared = def.nullability ?? ut?.nullability;
  let dflt: string | undefined = def.default?.text;
  let boundDefault: string | undefined;
  if (dflt === undefined && ut?.boundDefault !== undefined) {
    const obj = ctx.defaultObject(ut.boundDefault, place.object.split('.')[0] ?? 'dbo');
    if (obj) {
      dflt = obj.expr;
      boundDefault = obj.name;
    }
  }
  const source: ColumnSource = {
    type: base,
    ...(declared !== undefined ? { declaredNullability: declared } : {}),
    identity: def.identity || (ut?.identity ?? false),
    ...(dflt !== undefined ? { default: dflt } : {}),
    ...(boundDefault !== undefined ? { boundDefault } : {}),
    ...(ut?.boundRule !== undefined ? { boundRule: ut.boundRule } : {}),
    ...(def.computed
      ? { computed: { expr: def.computed.expr.text, materialized: def.computed.materialized } }
      : {}),
    ...(def.defaultName !== undefined ? { defaultName: def.defaultName } : {}),
    ...(def.extraOptions.length ? { extraOptions: def.extraOptions.map(optionText) } : {}),
  };
  for (const opt of def.extraOptions) {
    if (/^(encrypt|decrypt_default)/.test(opt.name)) {
      ctx.report(
        finding('ASM-DDL-012', `column ${def.name}: ${optionText(opt)} (encrypted column) not carried`, at),
      );
    } else if (/^(in row|off row|in_row|off_row)/.test(opt.name)) {
      ctx.report(finding('ASM-DDL-013', `column ${def.name}: ${optionText(opt)} dropped`, at));
    } else {
      ctx.report(
        finding(
          'ASM-DDL-008',
          `column ${def.name}: option ${optionText(opt)} has no equivalent, dropped`,
          at,
        ),
      );
    }
  }
  return {
    column: { name: def.name, ordinal, line: def.span.line, source },
  };
}

export function optionText(o: IndexOption): string {
  return o.value !== undefined ? `${o.name} = ${o.value}` : o.name;
}

export interface ConstraintSink {
  primaryKey?: KeyConstraint;
  uniques: KeyConstraint[];
  foreignKeys: ForeignKey[];
  checks: CheckConstraintModel[];
}

/** Adds one parsed constraint to the table, checking its columns exist. */
export function addConstraint(t: DraftTable, c: TableConstraint, ctx: FoldContext, place: Place): void {
  const at = { ...place, line: c.span.line, column: c.span.column };
  const missing = (cols: readonly string[]): void => {
    for (const col of cols) {
      if (!t.columns.some((x) => x.name.toLowerCase() === col.toLowerCase())) {
        ctx.report(finding('ASM-CAT-004', `constraint on ${t.name}: column ${col} is not in the table`, at));
      }
    }
  };
  switch (c.kind) {
    case 'PrimaryKey':
    case 'Unique': {
      missing(c.columns);
      const fillFactor = keyOptions(c.options, c.kind === 'PrimaryKey' ? 'primary key' : 'unique', ctx, at);
      if (c.segment !== undefined)
        ctx.report(finding('ASM-DDL-009', `constraint segment ${c.segment} dropped`, at));
      const k: KeyConstraint = {
        kind: c.kind === 'PrimaryKey' ? 'primaryKey' : 'unique',
        name: c.name ?? (c.kind === 'PrimaryKey' ? primaryKeyName(t.name) : uniqueName(t.name, c.columns)),
        columns: [...c.columns],
        // DDL-30: a primary key defaults to clustered, a unique constraint to nonclustered.
        clustered: c.clustered ?? c.kind === 'PrimaryKey',
        ...(fillFactor !== undefined ? { fillFactor } : {}),
      };
      if (k.kind === 'primaryKey') {
        if (t.primaryKey && !t.primaryKey.logicalOnly)
          ctx.report(
            finding(
              'ASM-CAT-006',
              `table ${t.name} has a second primary key ${k.name}: it replaces ${t.primaryKey.name}`,
              at,
            ),
          );
        t.primaryKey = k;
      } else t.uniques.push(k);
      return;
    }
    case 'ForeignKey': {
      missing(c.columns);
      const ref = ctx.resolve(c.refTable, c.span.line);
      const fk: ForeignKey = {
        name: c.name ?? foreignKeyName(t.name, ref.name, c.columns),
        columns: [...c.columns],
        refTable: { schema: ref.schema, name: ref.name },
        refColumns: [...c.refColumns],
        ...(ref.database !== undefined ? { refDatabase: ref.database } : {}),
        matchFull: c.matchFull,
      };
      t.foreignKeys.push(fk);
      return;
    }
    case 'Check':
      t.checks.push({ name: c.name ?? tableCheckName(t.name, t.checks.length + 1), expr: c.expr.text });
      return;
  }
}

/** Keeps fillfactor (DDL-30, IDX-06); reports the options that are dropped. */
function keyOptions(
  options: readonly IndexOption[],
  what: string,
  ctx: FoldContext,
  at: Place,
): number | undefined {
  let fillFactor: number | undefined;
  for (const o of options) {
    if (o.name === 'fillfactor' && o.value !== undefined && /^\d+$/.test(o.value))
      fillFactor = Number(o.value);
    else if (o.name === 'max_rows_per_page')
      ctx.report(finding('ASM-DDL-002', `${what}: ${optionText(o)} dropped`, at));
    else if (o.name === 'reservepagegap')
      ctx.report(finding('ASM-DDL-004', `${what}: ${optionText(o)} dropped`, at));
    else ctx.report(finding('ASM-IDX-015', `${what}: option ${optionText(o)} dropped`, at));
  }
  return fillFactor;
}

/** Table-level clauses of CREATE TABLE (DDL-01..11, 14, 15). */
export function tableClauses(stmt: CreateTable, t: DraftTable, ctx: FoldContext, place: Place): void {
  if (stmt.lockScheme !== undefined) {
    const scheme = stmt.lockScheme.toLowerCase();
    if (scheme === 'allpages' || scheme === 'datapages' || scheme === 'datarows') t.lockScheme = scheme;
    ctx.report(finding('ASM-DDL-001', `lock ${scheme} dropped`, place));
  }
  for (const o of stmt.options)
    tableOption(o, t, ctx, { ...place, line: o.span.line, column: o.span.column });
  if (stmt.segment !== undefined)
    ctx.report(finding('ASM-DDL-009', `segment ${stmt.segment} dropped`, place));
  const p = stmt.partition;
  if (p) {
    const at = { ...place, line: p.span.line, column: p.span.column };
    if (p.method === 'range') {
      // ASE `values <= (v)` is a RANGE LEFT boundary; `values <= (MAX)` is the implicit last partition.
      const boundaries = p.partitions.map((x) => x.values.join(', ')).filter((v) => !/^\s*max\s*$/i.test(v));
      t.partition = { method: 'range', columns: [...p.columns], boundaries };
      ctx.report(
        finding(
          'ASM-DDL-010',
          `range partitioning on ${p.columns.join(', ')} mapped to a partition function (verify boundary literals)`,
          at,
        ),
      );
    } else {
      t.partition = {
        method: p.method,
        columns: [...p.columns],
        boundaries: p.partitions.map((x) => x.values.join(', ')),
      };
      ctx.report(finding('ASM-DDL-011', `partition by ${p.method} dropped`, at));
    }
    for (const part of p.partitions) {
      if (part.segment !== undefined)
        ctx.report(
          finding('ASM-DDL-009', `partition ${part.name ?? ''} segment ${part.segment} dropped`, at),
        );
    }
  }
  if (stmt.proxy) {
    t.proxy = stmt.proxy.location !== undefined ? { location: stmt.proxy.location } : {};
    ctx.report(
      finding(
        'ASM-DDL-014',
        `proxy table${stmt.proxy.location !== undefined ? ` at ${stmt.proxy.location}` : ''} not created`,
        {
          ...place,
          ...(ctx.target === 'azure-sql' ? { level: 'BLOCK' as const } : {}),
        },
      ),
    );
  }
}

function tableOption(o: IndexOption, t: DraftTable, ctx: FoldContext, at: Place): void {
  const text = optionText(o);
  switch (o.name) {
    case 'max_rows_per_page':
      return ctx.report(finding('ASM-DDL-002', `${text} dropped`, at));
    case 'exp_row_size':
      return ctx.report(finding('ASM-DDL-003', `${text} dropped`, at));
    case 'reservepagegap':
      return ctx.report(finding('ASM-DDL-004', `${text} dropped`, at));
    case 'identity_gap':
      return ctx.report(finding('ASM-DDL-005', `${text} dropped`, at));
    case 'dml_logging':
      return ctx.report(finding('ASM-DDL-006', `${text} dropped`, at));
    case 'compression': {
      const v = (o.value ?? '').replace(/['"]/g, '').toLowerCase();
      if (v === 'row' || v === 'page') {
        t.compression = v;
        return ctx.report(
          finding('ASM-DDL-007', `${text} mapped to DATA_COMPRESSION = ${v.toUpperCase()}`, at),
        );
      }
      return ctx.report(finding('ASM-DDL-007', `${text} dropped`, at));
    }
    case 'lob_compression':
      return ctx.report(finding('ASM-DDL-007', `${text} dropped`, at));
    case 'for load':
    case 'for_load':
      return ctx.report(finding('ASM-DDL-015', `${text} dropped`, at));
    default:
      return ctx.report(finding('ASM-DDL-008', `table option ${text} has no equivalent, dropped`, at));
  }
}
