/**
 * Schema-statement translators (§1–3): each ASE schema statement becomes T-SQL from the catalog
 * as it stands after the statement (CatalogBuilder), so user types are inlined, bound rules become
 * CHECKs and names are the deterministic ones the deployment scripts use too. translate.ts imports
 * these two names; their signatures are the contract.
 */
import type * as Ast from '../../translator/ast/nodes';
import { quoteIdent } from '../../translator/dialects/tsql/quote';
import type {
  SchemaState,
  StatementOutput,
  StatementTranslators,
  TranslateOptions,
  TranslationContext,
} from '../../translator/statement-translator';
import type { CastOverride } from '../cast-rules/types';
import { formatSourceType } from '../cast-rules/target-type';
import { selectCastRule } from '../cast-rules/apply';
import { defaultCastRules } from '../cast-rules/default-rules';
import { createTableBatches } from '../ddl/table-ddl';
import {
  commentBlock,
  failingPlaceholder,
  renderColumn,
  renderForeignKey,
  renderIndex,
  renderKey,
  renderRuleCheck,
  tableRef,
} from '../ddl/render';
import type { ServerFacts, Table } from '../model';
import { defaultConstraintName, foreignKeyName, shortenName, tableCheckName, uniqueName } from '../names';
import { CatalogBuilder } from './builder';
import { sourceTypeOf } from './source-type';

type SchemaKinds =
  | 'CreateTable'
  | 'AlterTable'
  | 'CreateIndex'
  | 'CreateRule'
  | 'CreateDefault'
  | 'AddType'
  | 'Bind'
  | 'Unbind'
  | 'KeyProc';

/**
 * Folds the statement into the catalog unless translate() already did, reporting the builder's
 * findings once, and returns the builder (undefined for a foreign SchemaState implementation).
 */
function ensureApplied(stmt: Ast.Statement, ctx: TranslationContext): CatalogBuilder | undefined {
  const b = ctx.schema instanceof CatalogBuilder ? ctx.schema : undefined;
  if (b && !b.hasApplied(stmt)) for (const d of b.apply(stmt, ctx.options.file)) ctx.report(d);
  return b;
}

/**
 * Which cast findings a statement reports: all of them for CREATE TABLE, those of the columns it
 * adds or changes for ALTER TABLE, the constraint findings of the bound columns for sp_bind*, none
 * otherwise (they were reported with the statement that defined the column).
 */
type CastReport =
  | {
      readonly columns?: readonly string[];
      readonly codes?: readonly string[];
      readonly atStatement?: boolean;
    }
  | 'all'
  | 'none';

/** The table after the statement, with cast rules applied. */
function castTable(
  b: CatalogBuilder | undefined,
  q: Ast.QualifiedName,
  ctx: TranslationContext,
  which: CastReport,
): Table | undefined {
  if (!b) {
    const r = { schema: q.owner ?? ctx.options.defaultSchema, name: q.name };
    return ctx.schema
      .snapshot()
      .tables.find(
        (t) =>
          t.schema.toLowerCase() === r.schema.toLowerCase() && t.name.toLowerCase() === r.name.toLowerCase(),
      );
  }
  const { table, findings } = b.castTable(q);
  if (which === 'none') return table;
  for (const d of findings) {
    if (which !== 'all') {
      // Cast findings are worded `<column>: ...` (cast-rules/apply.ts).
      if (
        which.columns &&
        !which.columns.some((c) => d.message.toLowerCase().startsWith(`${c.toLowerCase()}:`))
      )
        continue;
      if (which.codes && !which.codes.includes(d.code)) continue;
    }
    if (which !== 'all' && which.atStatement) {
      const { line: _l, column: _c, ...rest } = d;
      ctx.report(rest);
    } else ctx.report(d);
  }
  return table;
}

function nameOf(b: CatalogBuilder | undefined, q: Ast.QualifiedName, ctx: TranslationContext): string {
  const r = b ? b.resolveName(q) : { schema: q.owner ?? ctx.options.defaultSchema, name: q.name };
  return `${r.schema}.${r.name}`;
}

/** MANUAL output: the statement's text in a marked comment plus a failing placeholder (§0.1). */
function flagged(
  stmt: Ast.Statement,
  ctx: TranslationContext,
  ruleId: string,
  object: { type: string; name: string },
  why: string,
): StatementOutput {
  const text = ctx.source?.slice(stmt.span.start, stmt.span.end) ?? '';
  return {
    sql: [
      `-- SYB2MS-${ruleId} ${object.name}: ${why}`,
      ...(text ? [commentBlock(text)] : []),
      failingPlaceholder(ruleId, object.name),
    ].join('\n'),
    object,
    outcome: 'flagged',
  };
}

function notFound(stmt: Ast.Statement, ctx: TranslationContext, type: string, name: string): StatementOutput {
  return flagged(stmt, ctx, 'CAT-11', { type, name }, `${name} is not defined earlier in the script`);
}

function refTables(b: CatalogBuilder | undefined, t: Table): Table[] {
  const refs = t.foreignKeys
    .map((fk) => b?.frozenTable(fk.refTable))
    .filter((x): x is Table => x !== undefined);
  return [t, ...refs];
}

const createTable = (stmt: Ast.CreateTable, ctx: TranslationContext): StatementOutput => {
  const b = ensureApplied(stmt, ctx);
  const name = nameOf(b, stmt.name, ctx);
  const t = castTable(b, stmt.name, ctx, 'all');
  if (!t) return notFound(stmt, ctx, 'table', name);
  const batches = createTableBatches(
    t,
    { checks: 'all', inlineConstraints: 'all', target: ctx.options.target, tables: refTables(b, t) },
    (d) => ctx.report(d),
  );
  return {
    sql: batches.join('\n'),
    object: { type: 'table', name },
    outcome: t.proxy ? 'flagged' : 'converted',
  };
};

const alterTable = (stmt: Ast.AlterTable, ctx: TranslationContext): StatementOutput => {
  const b = ensureApplied(stmt, ctx);
  const name = nameOf(b, stmt.table, ctx);
  const changed = stmt.actions.flatMap((a) =>
    a.action === 'addColumns' || a.action === 'modifyColumns' ? a.columns.map((c) => c.name) : [],
  );
  const t = castTable(b, stmt.table, ctx, { columns: changed });
  if (!t) return notFound(stmt, ctx, 'table', name);
  const ref = tableRef(t);
  const col = (n: string): Table['columns'][number] | undefined =>
    t.columns.find((c) => c.name.toLowerCase() === n.toLowerCase());
  const out: string[] = [];
  let outcome: StatementOutput['outcome'] = 'converted';
  for (const a of stmt.actions) {
    switch (a.action) {
      case 'addColumns': {
        // DDL-40: ADD without COLUMN.
        const defs = a.columns.map((d) => col(d.name)).filter((c) => c !== undefined);
        out.push(`ALTER TABLE ${ref} ADD ${defs.map((c) => renderColumn(c, { checks: 'all' })).join(', ')};`);
        // Column-level keys, references and checks written inside the ADD become their own constraints.
        for (const d of a.columns)
          for (const c of d.constraints) out.push(addConstraintSql(t, c, refTables(b, t)));
        break;
      }
      case 'addConstraint':
        out.push(addConstraintSql(t, a.constraint, refTables(b, t)));
        break;
      case 'dropConstraint':
        out.push(`ALTER TABLE ${ref} DROP CONSTRAINT ${quoteIdent(shortenName(a.name))};`);
        break;
      case 'dropColumns':
        // DDL-42: defaults/checks on the columns must be dropped first (our names are deterministic).
        for (const n of a.names)
          out.push(
            `ALTER TABLE ${ref} DROP CONSTRAINT IF EXISTS ${quoteIdent(defaultConstraintName(t.targetName ?? t.name, shortenName(n)))};`,
          );
        out.push(
          `ALTER TABLE ${ref} DROP COLUMN ${a.names.map((n) => quoteIdent(shortenName(n))).join(', ')};`,
        );
        break;
      case 'modifyColumns':
        // DDL-41: one column per ALTER COLUMN; type and nullability only.
        for (const d of a.columns) {
          const c = col(d.name);
          if (c?.target && !c.target.computed)
            out.push(
              `ALTER TABLE ${ref} ALTER COLUMN ${quoteIdent(c.target.name ?? c.name)} ${c.target.type.sql} ${c.target.nullable ? 'NULL' : 'NOT NULL'};`,
            );
        }
        break;
      case 'replaceDefault': {
        const c = col(a.column);
        const dfName =
          c?.target?.default?.name ??
          c?.source.defaultName ??
          defaultConstraintName(t.targetName ?? t.name, shortenName(a.column));
        out.push(`ALTER TABLE ${ref} DROP CONSTRAINT IF EXISTS ${quoteIdent(dfName)};`);
        if (c?.target?.default)
          out.push(
            `ALTER TABLE ${ref} ADD CONSTRAINT ${quoteIdent(c.target.default.name)} DEFAULT (${c.target.default.expr}) FOR ${quoteIdent(c.target.name ?? c.name)};`,
          );
        break;
      }
      case 'lock':
      case 'partition':
      case 'unpartition':
        out.push(`-- SYB2MS-DDL-43 ${name}: alter table ${a.action} dropped`);
        break;
      case 'other': {
        outcome = 'flagged';
        out.push(
          `-- SYB2MS-DDL-40 ${name}: alter table action not converted`,
          commentBlock(a.text),
          failingPlaceholder('DDL-40', name),
        );
        break;
      }
    }
  }
  return { sql: out.join('\n'), object: { type: 'table', name }, outcome };
};

function addConstraintSql(t: Table, c: Ast.TableConstraint, tables: readonly Table[]): string {
  const ref = tableRef(t);
  const tname = t.name;
  switch (c.kind) {
    case 'PrimaryKey':
      return t.primaryKey ? `ALTER TABLE ${ref} ADD ${renderKey(t, t.primaryKey)};` : '';
    case 'Unique': {
      const n = (c.name ?? uniqueName(tname, c.columns)).toLowerCase();
      const k = t.uniques.find((u) => u.name.toLowerCase() === n) ?? t.uniques[t.uniques.length - 1];
      return k ? `ALTER TABLE ${ref} ADD ${renderKey(t, k)};` : '';
    }
    case 'ForeignKey': {
      const n = (c.name ?? foreignKeyName(tname, c.refTable.name, c.columns)).toLowerCase();
      const fk =
        t.foreignKeys.find((f) => f.name.toLowerCase() === n) ?? t.foreignKeys[t.foreignKeys.length - 1];
      return fk ? `ALTER TABLE ${ref} WITH CHECK ADD ${renderForeignKey(t, fk, tables)};` : '';
    }
    case 'Check': {
      const ck = [...t.checks]
        .reverse()
        .find((x) => (c.name ? x.name === c.name : x.expr === c.expr.text)) ?? {
        name: c.name ?? tableCheckName(tname, t.checks.length),
        expr: c.expr.text,
      };
      return `ALTER TABLE ${ref} WITH CHECK ADD CONSTRAINT ${quoteIdent(ck.name)} CHECK (${ck.targetExpr ?? ck.expr});`;
    }
  }
}

const createIndex = (stmt: Ast.CreateIndex, ctx: TranslationContext): StatementOutput => {
  const b = ensureApplied(stmt, ctx);
  const tname = nameOf(b, stmt.table, ctx);
  const object = { type: 'index', name: `${tname}.${stmt.name}` };
  const t = castTable(b, stmt.table, ctx, 'none');
  const ix = t?.indexes.find((i) => i.name.toLowerCase() === stmt.name.toLowerCase());
  if (!t || !ix) return notFound(stmt, ctx, 'index', object.name);
  return { sql: renderIndex(t, ix, ctx.options.quotedIdentifier).join('\n'), object, outcome: 'converted' };
};

const createRule = (stmt: Ast.CreateRule, ctx: TranslationContext): StatementOutput => {
  const b = ensureApplied(stmt, ctx);
  const name = nameOf(b, stmt.name, ctx);
  if (stmt.access)
    return flagged(
      stmt,
      ctx,
      'RD-06',
      { type: 'rule', name },
      `${stmt.access} rule needs Row-Level Security (CREATE SECURITY POLICY)`,
    );
  // AZ-18: no CREATE RULE; the rule lives on as the CHECKs generated where it is bound (RD-01/02).
  return {
    sql: `-- SYB2MS-RD-01 ${name}: rule not created; each binding becomes a CHECK constraint`,
    object: { type: 'rule', name },
    outcome: 'converted',
  };
};

const createDefault = (stmt: Ast.CreateDefault, ctx: TranslationContext): StatementOutput => {
  const b = ensureApplied(stmt, ctx);
  const name = nameOf(b, stmt.name, ctx);
  return {
    sql: `-- SYB2MS-RD-10 ${name}: default not created; each binding becomes a DEFAULT constraint`,
    object: { type: 'default', name },
    outcome: 'converted',
  };
};

const addType = (stmt: Ast.AddType, ctx: TranslationContext): StatementOutput => {
  ensureApplied(stmt, ctx);
  const src = sourceTypeOf(stmt.baseType);
  const nullable = stmt.nullability === 'null';
  const chosen = selectCastRule(
    defaultCastRules,
    { schema: 'dbo', table: '', column: '', type: src, nullable, identity: stmt.identity },
    ctx.options,
  );
  const to = chosen
    ? `${chosen.type.sql}${stmt.identity ? ' IDENTITY(1,1)' : ''} ${nullable && !chosen.rule.notNull ? 'NULL' : 'NOT NULL'}`
    : formatSourceType(src);
  // DT-09: the type is inlined into each column; CREATE TYPE is optional (generateDdl aliasTypes).
  return {
    sql: `-- SYB2MS-DT-09 ${stmt.name}: user type inlined as ${to} in table definitions`,
    object: { type: 'type', name: stmt.name },
    outcome: 'converted',
  };
};

/** Columns a binding reaches: the named column, or every column currently using the user type. */
function boundColumns(
  b: CatalogBuilder | undefined,
  target: Ast.Bind['target'],
  ctx: TranslationContext,
  codes: readonly string[],
): { table: Table; column: Table['columns'][number] }[] {
  if (target.kind === 'column') {
    const t = castTable(b, target.table, ctx, { columns: [target.column], codes, atStatement: true });
    const c = t?.columns.find((x) => x.name.toLowerCase() === target.column.toLowerCase());
    return t && c ? [{ table: t, column: c }] : [];
  }
  const out: { table: Table; column: Table['columns'][number] }[] = [];
  const names = b
    ? [...b.tables.values()].filter((t) =>
        t.columns.some((c) => c.source.type.userType?.toLowerCase() === target.typeName.toLowerCase()),
      )
    : [];
  for (const d of names) {
    const cols = d.columns
      .filter((c) => c.source.type.userType?.toLowerCase() === target.typeName.toLowerCase())
      .map((c) => c.name);
    const t = castTable(b, { owner: d.schema, name: d.name }, ctx, {
      columns: cols,
      codes,
      atStatement: true,
    });
    for (const c of t?.columns ?? [])
      if (c.source.type.userType?.toLowerCase() === target.typeName.toLowerCase())
        out.push({ table: t as Table, column: c });
  }
  return out;
}

const bind = (stmt: Ast.Bind, ctx: TranslationContext): StatementOutput => {
  const b = ensureApplied(stmt, ctx);
  const objName = nameOf(b, stmt.object, ctx);
  const targetName =
    stmt.target.kind === 'column'
      ? `${nameOf(b, stmt.target.table, ctx)}.${stmt.target.column}`
      : stmt.target.typeName;
  const object =
    stmt.target.kind === 'column'
      ? { type: 'table', name: nameOf(b, stmt.target.table, ctx) }
      : { type: 'type', name: stmt.target.typeName };
  const out: string[] = [];
  const wanted = stmt.object.name.toLowerCase();
  const codes = stmt.what === 'rule' ? ['ASM-RD-001', 'ASM-RD-002'] : ['ASM-RD-010', 'ASM-RD-011'];
  for (const { table, column } of boundColumns(b, stmt.target, ctx, codes)) {
    const colName = quoteIdent(column.target?.name ?? column.name);
    if (stmt.what === 'rule') {
      // RD-01/02: only columns that now carry this rule (a column rule wins over a type rule).
      if (column.source.boundRule?.toLowerCase().split('.').pop() !== wanted) continue;
      for (const ck of column.target?.checks ?? []) {
        if (ck.ruleId === 'DT-06') continue;
        out.push(
          `ALTER TABLE ${tableRef(table)} DROP CONSTRAINT IF EXISTS ${quoteIdent(ck.name)};`,
          renderRuleCheck(table, ck.name, ck.expr),
        );
      }
    } else {
      if (column.source.boundDefault?.toLowerCase().split('.').pop() !== wanted || !column.target?.default)
        continue;
      const df = column.target.default;
      // RD-10/11: one DEFAULT constraint per column; an earlier default on the column is replaced.
      out.push(
        `ALTER TABLE ${tableRef(table)} DROP CONSTRAINT IF EXISTS ${quoteIdent(df.name)};`,
        `ALTER TABLE ${tableRef(table)} ADD CONSTRAINT ${quoteIdent(df.name)} DEFAULT (${df.expr}) FOR ${colName};`,
      );
    }
  }
  if (out.length === 0) {
    const why =
      stmt.futureOnly || stmt.target.kind === 'type'
        ? 'applies to columns of the type created later (their CREATE TABLE carries it)'
        : `the column does not carry ${objName}`;
    out.push(
      `-- SYB2MS-${stmt.what === 'rule' ? 'RD-02' : 'RD-11'} ${targetName}: sp_bind${stmt.what === 'rule' ? 'rule' : 'efault'} ${objName}: ${why}`,
    );
  }
  return { sql: out.join('\n'), object, outcome: 'converted' };
};

const unbind = (stmt: Ast.Unbind, ctx: TranslationContext): StatementOutput => {
  const b = ensureApplied(stmt, ctx);
  const object =
    stmt.target.kind === 'column'
      ? { type: 'table', name: nameOf(b, stmt.target.table, ctx) }
      : { type: 'type', name: stmt.target.typeName };
  const removed = b?.effects.get(stmt) ?? [];
  const out = removed.map((r) => {
    const t = b?.frozenTable(r.table);
    return `ALTER TABLE ${t ? tableRef(t) : tableRef({ schema: r.table.schema, name: r.table.name })} DROP CONSTRAINT IF EXISTS ${quoteIdent(r.constraint)};`;
  });
  if (out.length === 0)
    out.push(
      `-- SYB2MS-RD-07 ${object.name}: sp_unbind${stmt.what === 'rule' ? 'rule' : 'efault'}: nothing was bound`,
    );
  return { sql: out.join('\n'), object, outcome: 'converted' };
};

const keyProc = (stmt: Ast.KeyProc, ctx: TranslationContext): StatementOutput => {
  const b = ensureApplied(stmt, ctx);
  const name = nameOf(b, stmt.table, ctx);
  const ref = stmt.refTable ? ` references ${nameOf(b, stmt.refTable, ctx)}` : '';
  return {
    sql: `-- SYB2MS-CAT-11 ${name}: ${stmt.proc} (${stmt.columns.join(', ')})${ref} recorded as a logical key (not enforced in ASE); not created`,
    object: { type: 'table', name },
    outcome: 'converted',
  };
};

export const schemaStatementTranslators: Pick<StatementTranslators, SchemaKinds> = {
  CreateTable: createTable,
  AlterTable: alterTable,
  CreateIndex: createIndex,
  CreateRule: createRule,
  CreateDefault: createDefault,
  AddType: addType,
  Bind: bind,
  Unbind: unbind,
  KeyProc: keyProc,
};

export function createSchemaState(
  options: TranslateOptions & {
    database?: string;
    overrides?: readonly CastOverride[];
    server?: ServerFacts;
  },
): SchemaState {
  return new CatalogBuilder(options);
}
