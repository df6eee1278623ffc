/**
 * applyCastRules: fills every column's `target` from its `source` (architecture.md §5). User
 * overrides are tried before the default rules, first match wins; the id of the rule that fired is
 * recorded in `castRule`. Constraint names are made explicit and unique per schema (DDL-21/22),
 * over-long names shortened (DDL-23), and every behaviour change is reported as a diagnostic.
 */
import { diagnostic, type DiagnosticInput } from '../../translator/diagnostics';
import type { TranslateOptions } from '../../translator/statement-translator';
import { quoteIdent } from '../../translator/dialects/tsql/quote';
import { finding, type CatalogCode } from '../codes';
import { replaceRuleVariable, ruleCondition } from '../expr/rule-variable';
import {
  defaultExprToTsql,
  doubleQuotesToTsql,
  isCurrentTimeCall,
  isNonDeterministic,
  stripOuterParens,
} from '../expr/tsql-expr';
import type { Catalog, Column, ColumnTarget, Table, TargetType } from '../model';
import { qualifiedName } from '../model';
import { checkConstraintName, defaultConstraintName, NameScope, shortenName } from '../names';
import { defaultCastRules } from './default-rules';
import { matches, type MatchSubject } from './match';
import { fillTemplate, formatSourceType, parseTargetType } from './target-type';
import type { CastOverride, CastRule } from './types';

/** Codes only this pass emits: removed first so that applying twice does not duplicate findings. */
const CAST_CODES = new Set<string>([
  'ASM-DT-001',
  'ASM-DT-003',
  'ASM-DT-004',
  'ASM-DT-005',
  'ASM-DT-006',
  'ASM-DT-007',
  'ASM-DT-008',
  'ASM-DT-009',
  'ASM-DT-010',
  'ASM-DT-011',
  'ASM-DT-012',
  'ASM-DT-013',
  'ASM-DT-014',
  'ASM-DT-015',
  'ASM-DT-016',
  'ASM-DDL-020',
  'ASM-DDL-021',
  'ASM-DDL-022',
  'ASM-DDL-023',
  'ASM-RD-001',
  'ASM-RD-002',
  'ASM-RD-010',
  'ASM-RD-011',
]);

export function overrideRules(overrides: readonly CastOverride[]): CastRule[] {
  return overrides.map((o, i) => ({
    id: `override-${i + 1}`,
    ruleId: 'USER',
    match: o.match,
    to: o.to,
    level: 'INFO',
    note: o.note ?? 'user override',
    code: 'ASM-DT-016',
  }));
}

export function applyCastRules(
  catalog: Catalog,
  overrides: readonly CastOverride[] = [],
  options: TranslateOptions = {},
): Catalog {
  const rules = [...overrideRules(overrides), ...defaultCastRules];
  const found: DiagnosticInput[] = [];
  const scopes = new Map<string, NameScope>();
  const scopeOf = (schema: string): NameScope => {
    let s = scopes.get(schema.toLowerCase());
    if (!s) scopes.set(schema.toLowerCase(), (s = new NameScope()));
    return s;
  };
  // Names written in the source are claimed before generated ones, so a generated name never
  // takes a name the user chose (DDL-22).
  const withTableConstraints = catalog.tables.map((t) =>
    renameTableConstraints(t, scopeOf(t.schema), found, options.quotedIdentifier ?? false),
  );
  const tables = withTableConstraints.map((t) =>
    castTable(t, catalog, rules, options, scopeOf(t.schema), found),
  );
  const kept = catalog.diagnostics.filter((d) => !CAST_CODES.has(d.code));
  return { ...catalog, tables, diagnostics: [...kept, ...found.map(diagnostic)] };
}

function renameTableConstraints(
  t: Table,
  scope: NameScope,
  found: DiagnosticInput[],
  quotedIdentifier: boolean,
): Table {
  const object = qualifiedName(t);
  const claim = <T extends { readonly name: string }>(c: T): T => {
    const r = scope.claim(c.name, object);
    if (!r.changed) return c;
    found.push(
      finding('ASM-DDL-022', `constraint ${c.name} renamed ${r.name}`, {
        object,
        ...line(t.origin.line, t.origin.file),
      }),
    );
    return { ...c, name: r.name };
  };
  const targetName = shortenName(t.name);
  if (targetName !== t.name) {
    found.push(
      finding('ASM-DDL-023', `table name longer than 128 characters: created as ${targetName}`, {
        object,
        ...line(t.origin.line, t.origin.file),
      }),
    );
  }
  return {
    ...t,
    ...(targetName !== t.name ? { targetName } : {}),
    ...(t.primaryKey ? { primaryKey: claim(t.primaryKey) } : {}),
    uniques: t.uniques.map(claim),
    foreignKeys: t.foreignKeys.map(claim),
    // DDL-35: the check text as the target reads it (function conversion is the translator's).
    checks: t.checks
      .map(claim)
      .map((k) => ({ ...k, targetExpr: doubleQuotesToTsql(stripOuterParens(k.expr), quotedIdentifier) })),
  };
}

function castTable(
  t: Table,
  catalog: Catalog,
  rules: readonly CastRule[],
  options: TranslateOptions,
  scope: NameScope,
  found: DiagnosticInput[],
): Table {
  const tableName = t.targetName ?? t.name;
  const columns = t.columns.map((c) => {
    const report = (code: CatalogCode, message: string, level?: CastRule['level'], ruleId?: string): void => {
      found.push(
        finding(code, `${c.name}: ${message}`, {
          object: qualifiedName(t),
          ...line(c.line ?? t.origin.line, t.origin.file),
          ...(level ? { level } : {}),
          ...(ruleId ? { ruleId } : {}),
        }),
      );
    };
    return castColumn(t, tableName, c, catalog, rules, options, scope, report);
  });
  return { ...t, columns };
}

type Report = (code: CatalogCode, message: string, level?: CastRule['level'], ruleId?: string) => void;

function castColumn(
  t: Table,
  tableName: string,
  c: Column,
  catalog: Catalog,
  rules: readonly CastRule[],
  options: TranslateOptions,
  scope: NameScope,
  report: Report,
): Column {
  const src = c.source;
  const colName = shortenName(c.name);
  if (colName !== c.name)
    report('ASM-DDL-023', `column name longer than 128 characters: created as ${colName}`);
  const object = qualifiedName(t);
  const claim = (name: string): string => {
    const r = scope.claim(name, `${object}.${c.name}`);
    if (r.changed && name.length <= 128)
      report('ASM-DDL-022', `constraint name ${name} already used in the schema: ${r.name}`);
    return r.name;
  };

  // DT-01: nullability is always explicit; the ASE default is NOT NULL unless the database says otherwise.
  let nullable: boolean;
  if (src.declaredNullability !== undefined) nullable = src.declaredNullability === 'null';
  else {
    nullable = catalog.server.allowNullsByDefault ?? false;
  }
  // Reported after the rule is chosen: bit/timestamp are NOT NULL whatever was declared.
  const undeclared = src.declaredNullability === undefined && !src.identity;
  if (src.identity) nullable = false;

  const checks: ColumnTarget['checks'][number][] = [];
  let defaultConstraint: ColumnTarget['default'];
  if (src.default !== undefined) {
    defaultConstraint = {
      name: claim(src.defaultName ?? defaultConstraintName(tableName, colName)),
      expr: defaultExprToTsql(src.default, options.quotedIdentifier),
    };
    if (src.boundDefault !== undefined) {
      const viaType = isBoundThroughType(catalog, src.type.userType, 'default', src.boundDefault);
      report(
        viaType ? 'ASM-RD-011' : 'ASM-RD-010',
        `default ${src.boundDefault} became DEFAULT constraint ${defaultConstraint.name}`,
      );
    }
  }

  if (src.computed) {
    return {
      ...c,
      target: computedTarget(
        c,
        tableName,
        colName,
        src.computed,
        defaultConstraint,
        claim,
        report,
        options.quotedIdentifier ?? false,
      ),
    };
  }

  const subject: MatchSubject = {
    schema: t.schema,
    table: t.name,
    column: c.name,
    type: src.type,
    nullable,
    identity: src.identity,
  };
  const chosen = selectCastRule(rules, subject, options, (rule, why) =>
    // A rule that cannot produce a valid type for this column is skipped, loudly.
    report('ASM-DT-016', `cast rule ${rule.id} not applicable: ${why}`, 'WARN', rule.ruleId),
  );

  let type: TargetType;
  let castRule: string;
  let loadable = true;
  if (!chosen) {
    type = { sql: formatSourceType(src.type), base: src.type.base };
    castRule = 'DT-00-unmapped';
    report(
      'ASM-DT-013',
      `type ${formatSourceType(src.type)} has no SQL Server equivalent: kept as written, the table will not deploy`,
    );
  } else {
    const { rule } = chosen;
    type = chosen.type;
    castRule = rule.id;
    if (undeclared && !rule.notNull) {
      report(
        'ASM-DT-001',
        `no null/not null declared: ${nullable ? 'NULL (allow nulls by default)' : 'NOT NULL'} written explicitly`,
      );
    }
    if (rule.notNull) {
      if (nullable && rule.ruleId === 'DT-05') report('ASM-DT-005', 'bit declared NULL: written NOT NULL');
      nullable = false;
    }
    if (rule.loadable === false) loadable = false;
    if (rule.code)
      report(
        rule.code,
        `${formatSourceType(src.type)} → ${type.sql}${rule.note ? ` (${rule.note})` : ''}`,
        rule.level,
        rule.ruleId,
      );
    if (rule.domain) {
      const q = quoteIdent(colName);
      const expr =
        rule.domain.max !== undefined
          ? `${q} BETWEEN ${rule.domain.min} AND ${rule.domain.max}`
          : `${q} >= ${rule.domain.min}`;
      checks.push({
        name: claim(checkConstraintName(tableName, colName, 'unsigned')),
        expr,
        ruleId: 'DT-06',
      });
    }
  }
  if (src.type.userType !== undefined)
    report('ASM-DT-010', `user type ${src.type.userType} inlined as ${type.sql}`);

  if (src.boundRule !== undefined) {
    const rule = findByName(catalog.rules, src.boundRule, t.schema);
    if (rule) {
      const viaType = isBoundThroughType(catalog, src.type.userType, 'rule', src.boundRule);
      const name = claim(checkConstraintName(tableName, colName, rule.name));
      const expr = doubleQuotesToTsql(
        replaceRuleVariable(stripOuterParens(ruleCondition(rule.expr)), quoteIdent(colName)),
        options.quotedIdentifier,
      );
      checks.push({ name, expr, ruleId: viaType ? 'RD-02' : 'RD-01' });
      report(viaType ? 'ASM-RD-002' : 'ASM-RD-001', `rule ${rule.name} became CHECK constraint ${name}`);
    }
  }

  const target: ColumnTarget = {
    type,
    nullable,
    ...(src.identity ? { identity: { seed: 1, increment: 1 } } : {}),
    ...(defaultConstraint ? { default: defaultConstraint } : {}),
    checks,
    castRule,
    loadable,
    ...(colName !== c.name ? { name: colName } : {}),
  };
  return { ...c, target };
}

/** First rule that matches and yields a valid T-SQL type; `skipped` hears about rules that could not. */
export function selectCastRule(
  rules: readonly CastRule[],
  subject: MatchSubject,
  options: TranslateOptions,
  skipped: (rule: CastRule, why: string) => void = () => undefined,
): { rule: CastRule; type: TargetType } | undefined {
  for (const rule of rules) {
    if (!matches(rule.match, subject, options)) continue;
    const filled = fillTemplate(rule.to, subject.type);
    const parsed = typeof filled === 'string' ? parseTargetType(filled) : filled.error;
    if (typeof parsed === 'string') {
      skipped(rule, parsed);
      continue;
    }
    return { rule, type: parsed };
  }
  return undefined;
}

/** DDL-20: computed columns; a non-deterministic materialized one cannot be PERSISTED. */
function computedTarget(
  c: Column,
  tableName: string,
  colName: string,
  computed: NonNullable<Column['source']['computed']>,
  existingDefault: ColumnTarget['default'],
  claim: (name: string) => string,
  report: Report,
  quotedIdentifier: boolean,
): ColumnTarget {
  const expr = doubleQuotesToTsql(stripOuterParens(computed.expr), quotedIdentifier);
  const base = { checks: [], ...(colName !== c.name ? { name: colName } : {}) };
  if (computed.materialized && isNonDeterministic(expr)) {
    if (isCurrentTimeCall(expr)) {
      const dflt = existingDefault ?? {
        name: claim(defaultConstraintName(tableName, colName)),
        expr: defaultExprToTsql(expr, quotedIdentifier),
      };
      report(
        'ASM-DDL-020',
        `materialized ${expr} became a datetime column with DEFAULT (add an update trigger if the value must refresh on update)`,
      );
      // The frozen values are in the data files (BCP-11 exports computed columns): load them.
      return {
        ...base,
        type: { sql: 'datetime', base: 'datetime' },
        nullable: false,
        default: dflt,
        castRule: 'DDL-20-frozen-time',
        loadable: true,
      };
    }
    report(
      'ASM-DDL-021',
      `materialized non-deterministic expression ${expr} kept as a non-persisted computed column (value now recomputed on read)`,
    );
    return {
      ...base,
      type: { sql: 'computed', base: 'computed' },
      nullable: true,
      computed: { expr, persisted: false },
      castRule: 'DDL-20-not-persisted',
      loadable: false,
    };
  }
  return {
    ...base,
    type: { sql: 'computed', base: 'computed' },
    nullable: true,
    computed: { expr, persisted: computed.materialized },
    castRule: computed.materialized ? 'DDL-20-persisted' : 'DDL-20-computed',
    loadable: false,
  };
}

function isBoundThroughType(
  catalog: Catalog,
  userType: string | undefined,
  what: 'rule' | 'default',
  name: string,
): boolean {
  if (userType === undefined) return false;
  const ut = catalog.userTypes.find((u) => u.name.toLowerCase() === userType.toLowerCase());
  const bound = what === 'rule' ? ut?.boundRule : ut?.boundDefault;
  return bound !== undefined && bound.toLowerCase() === name.toLowerCase();
}

/** A rule/default by name, preferring the table's schema (ASE resolves the caller's own first). */
export function findByName<T extends { readonly schema: string; readonly name: string }>(
  list: readonly T[],
  name: string,
  schema: string,
): T | undefined {
  const dot = name.lastIndexOf('.');
  const bare = (dot >= 0 ? name.slice(dot + 1) : name).toLowerCase();
  const wantSchema = dot >= 0 ? name.slice(0, dot).toLowerCase() : undefined;
  const hits = list.filter((r) => r.name.toLowerCase() === bare);
  return (
    hits.find((r) => r.schema.toLowerCase() === (wantSchema ?? schema.toLowerCase())) ??
    (wantSchema === undefined ? (hits.find((r) => r.schema.toLowerCase() === 'dbo') ?? hits[0]) : undefined)
  );
}

function line(l: number | undefined, file: string | undefined): { line?: number; file?: string } {
  return { ...(l !== undefined ? { line: l } : {}), ...(file !== undefined ? { file } : {}) };
}
