/**
 * generateDdl: the catalog's target side → ordered deployment scripts (architecture.md §1 phases):
 * 01-types, 02-tables, 04-constraints, 05-modules, 06-permissions (03 is the data load, written by
 * the pipeline). Batches are separated by GO; the same catalog always gives byte-identical text.
 */
import { quoteIdent, quoteQualified, sqlString } from '../../translator/dialects/tsql/quote';
import { diagnostic, type Diagnostic, type DiagnosticInput } from '../../translator/diagnostics';
import type { TranslateOptions } from '../../translator/statement-translator';
import type { DdlPhase } from '../../pipeline/contracts';
import type { ObjectReport, ObjectStatus } from '../../report/model';
import { applyCastRules, selectCastRule } from '../cast-rules/apply';
import { defaultCastRules } from '../cast-rules/default-rules';
import { finding } from '../codes';
import type { Catalog } from '../model';
import { qualifiedName } from '../model';
import { loadTranslate, moduleSql, orderModules } from './modules';
import { orderTables } from './order';
import { permissionSql } from './permissions';
import { warningComments } from './render';
import { constraintBatches, createTableBatches } from './table-ddl';

export interface DeploymentScript {
  readonly phase: DdlPhase;
  readonly fileName: string;
  readonly sql: string;
}

export interface DeploymentScripts {
  readonly scripts: readonly DeploymentScript[];
  readonly objects: readonly ObjectReport[];
  /** Findings made while generating (also attached to their objects). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface GenerateDdlOptions extends TranslateOptions {
  /** DT-09: also emit `CREATE TYPE` for each user type (documentation, parameters). Default false. */
  readonly aliasTypes?: boolean;
}

const HEADER = (title: string, db: string): string =>
  `-- ase-migrate: ${title} for database ${db.replace(/[\r\n]/g, ' ')}\n-- Generated; run in order with the settings of conversion-rules §0.3 (ANSI_NULLS, QUOTED_IDENTIFIER ON).\n`;

export function generateDdl(input: Catalog, options: GenerateDdlOptions = {}): DeploymentScripts {
  // DDL reads only the target side: a catalog straight from a reader gets the default cast rules.
  const catalog = input.tables.some((t) => t.columns.some((c) => !c.target))
    ? applyCastRules(input, [], options)
    : input;
  const target = options.target ?? 'azure-sql';
  // Catalog findings grouped by object once (a large catalog has tens of thousands).
  const byObject = new Map<string, Diagnostic[]>();
  for (const d of catalog.diagnostics) {
    if (d.object === undefined) continue;
    const list = byObject.get(d.object);
    if (list) list.push(d);
    else byObject.set(d.object, [d]);
  }
  const findingsOf = (object: string): Diagnostic[] => byObject.get(object) ?? [];
  const generated: Diagnostic[] = [];
  const report = (d: DiagnosticInput): void => void generated.push(diagnostic(d));
  const objects: ObjectReport[] = [];
  const { ordered, cycles } = orderTables(catalog.tables);
  for (const cycle of cycles) {
    report(
      finding(
        'ASM-CAT-015',
        `foreign keys form a cycle among ${cycle.join(', ')}: tables created by name, FKs after the load`,
        { object: cycle[0] ?? '' },
      ),
    );
  }

  // 01: schemas for owners other than dbo (SEC-08), optional alias types (DT-09).
  const schemas = new Set<string>();
  for (const o of [...catalog.tables, ...catalog.modules, ...catalog.rules, ...catalog.defaults]) {
    if (o.schema.toLowerCase() !== 'dbo') schemas.add(o.schema);
  }
  const types: string[] = [...schemas].sort().map((s) => {
    report(finding('ASM-CAT-013', `schema ${s} created for owner ${s}`, { object: s }));
    return `IF SCHEMA_ID(${sqlString(s)}) IS NULL EXEC(${sqlString(`CREATE SCHEMA ${quoteIdent(s)}`)});`;
  });
  if (options.aliasTypes) {
    for (const ut of [...catalog.userTypes].sort((a, b) => a.name.localeCompare(b.name))) {
      const nullable = ut.nullability === 'null';
      const chosen = selectCastRule(
        defaultCastRules,
        { schema: 'dbo', table: '', column: '', type: ut.base, nullable, identity: ut.identity },
        options,
      );
      if (!chosen) continue;
      types.push(
        `CREATE TYPE ${quoteQualified('dbo', ut.name)} FROM ${chosen.type.sql}${chosen.rule.notNull || !nullable ? ' NOT NULL' : ' NULL'};`,
      );
      report(finding('ASM-DT-017', `user type ${ut.name} created as alias type`, { object: ut.name }));
    }
  }

  // 02 and 04: tables in FK order.
  const tablesSql: string[] = [];
  const constraintsSql: string[] = [];
  for (const t of ordered) {
    const object = qualifiedName(t);
    const before = generated.length;
    const own = findingsOf(object);
    const create = createTableBatches(
      t,
      { checks: 'type', inlineConstraints: 'primaryKey', target, tables: catalog.tables },
      report,
    );
    const cons = constraintBatches(t, catalog.tables, report, options.quotedIdentifier);
    const mine = [...own, ...generated.slice(before)];
    const comments = warningComments(mine);
    tablesSql.push(
      ...create.map((b, i) =>
        i === create.length - 1 && comments.length ? `${comments.join('\n')}\n${b}` : b,
      ),
    );
    constraintsSql.push(...cons);
    objects.push(objectReport('table', object, mine, t.origin));
  }

  // 05: modules.
  const translate = loadTranslate();
  const modulesSql: string[] = [];
  for (const m of orderModules(catalog.modules)) {
    const object = qualifiedName(m);
    const r = moduleSql(m, { ...options, target }, translate);
    generated.push(...r.diagnostics);
    modulesSql.push(r.sql);
    objects.push(objectReport(m.kind, object, [...findingsOf(object), ...r.diagnostics], m.origin));
  }

  // 06: permissions, in script order (a later grant/deny on the same principal replaces an earlier one in both products).
  const permSql: string[] = [];
  for (const p of catalog.permissions) {
    const before = generated.length;
    const sql = permissionSql(p, catalog, target, report);
    if (sql) permSql.push(sql);
    const name = p.object
      ? qualifiedName(p.object)
      : `${p.privileges.join(', ')} to ${p.principals.join(', ')}`;
    objects.push(objectReport('permission', name, generated.slice(before), p.origin));
  }

  for (const r of catalog.rules)
    objects.push(objectReport('rule', qualifiedName(r), findingsOf(qualifiedName(r)), r.origin));
  for (const d of catalog.defaults)
    objects.push(objectReport('default', qualifiedName(d), findingsOf(qualifiedName(d)), d.origin));
  for (const u of catalog.userTypes) objects.push(objectReport('type', u.name, findingsOf(u.name), u.origin));

  const script = (
    phase: DdlPhase,
    fileName: string,
    title: string,
    batches: readonly string[],
  ): DeploymentScript => ({
    phase,
    fileName,
    sql: HEADER(title, catalog.database) + batches.map((b) => `${b}\nGO\n`).join(''),
  });
  return {
    scripts: [
      script('types', '01-types.sql', 'schemas and types', types),
      script('tables', '02-tables.sql', 'tables with primary keys', tablesSql),
      script(
        'constraints',
        '04-constraints.sql',
        'unique constraints, indexes, foreign keys, checks',
        constraintsSql,
      ),
      script('modules', '05-modules.sql', 'functions, views, procedures, triggers', modulesSql),
      script('permissions', '06-permissions.sql', 'permissions', permSql),
    ],
    objects,
    diagnostics: generated,
  };
}

export function statusOf(diags: readonly Diagnostic[]): ObjectStatus {
  if (diags.some((d) => d.level === 'BLOCK')) return 'blocked';
  if (diags.some((d) => d.level === 'MANUAL')) return 'manual';
  if (diags.some((d) => d.level === 'WARN')) return 'warnings';
  return 'converted';
}

function objectReport(
  type: string,
  name: string,
  diagnostics: readonly Diagnostic[],
  origin: { file?: string; line?: number },
): ObjectReport {
  return {
    type,
    name,
    status: statusOf(diagnostics),
    ...(origin.file !== undefined ? { file: origin.file } : {}),
    ...(origin.line !== undefined ? { line: origin.line } : {}),
    diagnostics: [...diagnostics],
  };
}
