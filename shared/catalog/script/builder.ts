/**
 * CatalogBuilder: folds parsed ASE schema statements, in script order, into one Catalog (the
 * SchemaState of statement-translator.ts). Later statements see earlier ones: a column of a user
 * type gets the rule bound to the type before it, `sp_bindrule` finds the rule created above it.
 * Findings (unknown rule, column not in the table, dropped clause) are returned by apply() and kept
 * in the catalog's diagnostics with file and line; a statement is never dropped.
 */
import type * as Ast from '../../translator/ast/nodes';
import { diagnostic, type Diagnostic, type DiagnosticInput } from '../../translator/diagnostics';
import type { SchemaState, TranslateOptions } from '../../translator/statement-translator';
import { applyCastRules } from '../cast-rules/apply';
import type { CastOverride } from '../cast-rules/types';
import { finding } from '../codes';
import type {
  Catalog,
  DefaultObject,
  Module,
  ObjectName,
  Permission,
  RuleObject,
  ServerFacts,
  Table,
} from '../model';
import { primaryKeyName, foreignKeyName } from '../names';
import { applyAlterTable } from './alter-table';
import { applyBind, applyUnbind } from './bindings';
import { freezeTable, key, type DraftTable, type DraftUserType } from './draft';
import { indexFromAst } from './index-from-ast';
import { addConstraint, columnFromDef, tableClauses, type FoldContext } from './table-from-ast';
import { sourceTypeOf } from './source-type';

export interface CatalogBuilderOptions extends TranslateOptions {
  /** Database name; otherwise taken from the script's first `use`, else `unknown`. */
  readonly database?: string;
  readonly overrides?: readonly CastOverride[];
  readonly server?: ServerFacts;
}

export class CatalogBuilder implements SchemaState {
  readonly options: CatalogBuilderOptions;
  private database: string | undefined;
  private owner: string;
  readonly tables = new Map<string, DraftTable>();
  readonly userTypes = new Map<string, DraftUserType>();
  readonly rules = new Map<string, RuleObject>();
  readonly accessRules = new Set<string>();
  readonly defaults = new Map<string, DefaultObject>();
  private readonly modules = new Map<string, Module>();
  private readonly permissions: Permission[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly applied = new WeakSet<Ast.Statement>();
  private cached: Catalog | undefined;

  constructor(options: CatalogBuilderOptions = {}) {
    this.options = options;
    this.database = options.database;
    this.owner = options.defaultSchema ?? 'dbo';
  }

  /** True when this statement object was already folded (translators use it to avoid a second apply). */
  hasApplied(stmt: Ast.Statement): boolean {
    return this.applied.has(stmt);
  }

  apply(stmt: Ast.Statement, file?: string): readonly DiagnosticInput[] {
    this.applied.add(stmt);
    this.cached = undefined;
    const out: DiagnosticInput[] = [];
    const f = file ?? this.options.file;
    const ctx = this.context(f, out);
    this.fold(stmt, ctx, f);
    for (const d of out) this.diagnostics.push(diagnostic(d));
    return out;
  }

  snapshot(): Catalog {
    this.cached ??= applyCastRules(this.sourceCatalog(), this.options.overrides ?? [], this.options);
    return this.cached;
  }

  /** The catalog before cast rules (target sides empty). */
  sourceCatalog(): Catalog {
    return {
      database: this.database ?? 'unknown',
      server: this.options.server ?? {},
      tables: [...this.tables.values()].map(freezeTable),
      userTypes: [...this.userTypes.values()].map((u) => ({ ...u })),
      rules: [...this.rules.values()],
      defaults: [...this.defaults.values()],
      modules: [...this.modules.values()],
      permissions: [...this.permissions],
      diagnostics: [...this.diagnostics],
    };
  }

  /**
   * One table with cast rules applied, without re-casting the whole catalog (statement translators
   * call this once per statement; snapshot() would make a long script quadratic).
   */
  castTable(q: Ast.QualifiedName): { table?: Table; findings: DiagnosticInput[] } {
    const draft = this.findTable(q);
    if (!draft) return { findings: [] };
    const mini: Catalog = {
      database: this.database ?? 'unknown',
      server: this.options.server ?? {},
      tables: [freezeTable(draft)],
      userTypes: [...this.userTypes.values()],
      rules: [...this.rules.values()],
      defaults: [...this.defaults.values()],
      modules: [],
      permissions: [],
      diagnostics: [],
    };
    const cast = applyCastRules(mini, this.options.overrides ?? [], this.options);
    const findings: DiagnosticInput[] = cast.diagnostics.map((d) => ({
      code: d.code,
      ruleId: d.ruleId,
      level: d.level,
      message: d.message,
      ...(d.object !== undefined ? { object: d.object } : {}),
      ...(d.file !== undefined ? { file: d.file } : {}),
      ...(d.line ? { line: d.line } : {}),
    }));
    return { ...(cast.tables[0] ? { table: cast.tables[0] } : {}), findings };
  }

  /** Source side of a table (no target), e.g. a referenced table's primary key. */
  frozenTable(q: { schema: string; name: string }): Table | undefined {
    const d = this.tables.get(key(q.schema, q.name));
    return d ? freezeTable(d) : undefined;
  }

  /** What a statement removed (unbind → constraint names), for translators that run after apply(). */
  readonly effects = new WeakMap<Ast.Statement, { table: ObjectName; constraint: string }[]>();

  /** The draft of a table as it stands, for translators that need the source side (read only!). */
  findTable(q: Ast.QualifiedName): DraftTable | undefined {
    const r = this.resolveName(q);
    return this.tables.get(key(r.schema, r.name));
  }

  resolveName(q: { database?: string; owner?: string; name: string }): ObjectName & { database?: string } {
    const schema =
      q.owner !== undefined && q.owner !== '' ? q.owner : q.database !== undefined ? 'dbo' : this.owner;
    const otherDb =
      q.database !== undefined &&
      q.database !== '' &&
      (this.database === undefined || q.database.toLowerCase() !== this.database.toLowerCase());
    return { schema, name: q.name, ...(otherDb ? { database: q.database } : {}) };
  }

  private context(file: string | undefined, out: DiagnosticInput[]): FoldContext {
    return {
      ...(file !== undefined ? { file } : {}),
      ...(this.database !== undefined ? { database: this.database } : {}),
      target: this.options.target ?? 'azure-sql',
      resolve: (q) => this.resolveName(q),
      userType: (name) => this.userTypes.get(name.toLowerCase()),
      defaultObject: (name, schema) => this.findNamed(this.defaults, name, schema),
      report: (d) => out.push(file !== undefined && d.file === undefined ? { ...d, file } : d),
    };
  }

  findNamed<T extends { schema: string; name: string }>(
    map: Map<string, T>,
    name: string,
    schema: string,
  ): T | undefined {
    const dot = name.lastIndexOf('.');
    if (dot >= 0) return map.get(key(name.slice(0, dot), name.slice(dot + 1)));
    return (
      map.get(key(schema, name)) ??
      map.get(key('dbo', name)) ??
      [...map.values()].find((v) => v.name.toLowerCase() === name.toLowerCase())
    );
  }

  private place(
    stmt: Ast.Statement,
    object: string,
    file: string | undefined,
  ): { object: string; line: number; column: number; file?: string } {
    return {
      object,
      line: stmt.span.line,
      column: stmt.span.column,
      ...(file !== undefined ? { file } : {}),
    };
  }

  private fold(stmt: Ast.Statement, ctx: FoldContext, file: string | undefined): void {
    switch (stmt.kind) {
      case 'CreateTable':
        return this.createTable(stmt, ctx, file);
      case 'AlterTable': {
        const t = this.findTable(stmt.table);
        const r = this.resolveName(stmt.table);
        const place = this.place(stmt, `${r.schema}.${r.name}`, file);
        if (!t) {
          // Scripts often drop constraints before (re)creating their tables: nothing is lost then.
          const onlyDrops = stmt.actions.every(
            (x) => x.action === 'dropConstraint' || x.action === 'dropColumns',
          );
          if (onlyDrops)
            return ctx.report(
              finding(
                'ASM-CAT-007',
                `alter table ... drop on ${r.schema}.${r.name}: table not in the catalog`,
                place,
              ),
            );
          return ctx.report(
            finding(
              'ASM-CAT-003',
              `alter table: table ${r.schema}.${r.name} not defined earlier in the script`,
              place,
            ),
          );
        }
        return applyAlterTable(stmt, t, ctx, place);
      }
      case 'CreateIndex': {
        const t = this.findTable(stmt.table);
        const r = this.resolveName(stmt.table);
        const place = this.place(stmt, `${r.schema}.${r.name}`, file);
        if (!t)
          return ctx.report(
            finding(
              'ASM-CAT-003',
              `create index ${stmt.name}: table ${r.schema}.${r.name} not defined earlier in the script`,
              place,
            ),
          );
        const idx = indexFromAst(stmt, t, ctx, place);
        const existing = t.indexes.findIndex((i) => i.name.toLowerCase() === idx.name.toLowerCase());
        if (existing >= 0) {
          ctx.report(finding('ASM-CAT-006', `index ${idx.name} defined twice on ${t.name}`, place));
          t.indexes.splice(existing, 1, idx);
        } else t.indexes.push(idx);
        return;
      }
      case 'CreateRule': {
        const r = this.resolveName(stmt.name);
        const place = this.place(stmt, `${r.schema}.${r.name}`, file);
        if (stmt.access) {
          this.accessRules.add(key(r.schema, r.name));
          return ctx.report(
            finding(
              'ASM-RD-006',
              `create ${stmt.access} rule ${r.name}: row filtering needs Row-Level Security`,
              place,
            ),
          );
        }
        if (this.rules.has(key(r.schema, r.name)))
          ctx.report(finding('ASM-CAT-006', `rule ${r.name} created twice`, place));
        this.rules.set(key(r.schema, r.name), {
          schema: r.schema,
          name: r.name,
          expr: stmt.expr.text,
          origin: origin(stmt, file),
        });
        ctx.report(
          finding(
            'ASM-RD-008',
            `rule ${r.name} is not created (AZ-18): each binding becomes a CHECK constraint`,
            place,
          ),
        );
        return;
      }
      case 'CreateDefault': {
        const r = this.resolveName(stmt.name);
        const place = this.place(stmt, `${r.schema}.${r.name}`, file);
        if (this.defaults.has(key(r.schema, r.name)))
          ctx.report(finding('ASM-CAT-006', `default ${r.name} created twice`, place));
        this.defaults.set(key(r.schema, r.name), {
          schema: r.schema,
          name: r.name,
          expr: stmt.expr.text,
          origin: origin(stmt, file),
        });
        ctx.report(
          finding(
            'ASM-RD-008',
            `default ${r.name} is not created: each binding becomes a DEFAULT constraint`,
            { ...place, ruleId: 'RD-10' },
          ),
        );
        return;
      }
      case 'AddType': {
        const place = this.place(stmt, stmt.name, file);
        if (this.userTypes.has(stmt.name.toLowerCase()))
          ctx.report(finding('ASM-CAT-006', `user type ${stmt.name} added twice`, place));
        this.userTypes.set(stmt.name.toLowerCase(), {
          name: stmt.name,
          base: sourceTypeOf(stmt.baseType),
          ...(stmt.nullability !== undefined ? { nullability: stmt.nullability } : {}),
          identity: stmt.identity,
          origin: origin(stmt, file),
        });
        return;
      }
      case 'Bind':
        return applyBind(stmt, this, ctx, this.place(stmt, bindObject(stmt.target, this), file));
      case 'Unbind':
        return applyUnbind(stmt, this, ctx, this.place(stmt, bindObject(stmt.target, this), file));
      case 'KeyProc':
        return this.keyProc(stmt, ctx, file);
      case 'Grant':
      case 'Revoke': {
        const obj = stmt.object ? this.resolveName(stmt.object) : undefined;
        this.permissions.push({
          action: stmt.kind === 'Grant' ? 'grant' : 'revoke',
          privileges: [...stmt.privileges],
          ...(obj ? { object: { schema: obj.schema, name: obj.name } } : {}),
          columns: [...stmt.columns],
          principals: [...stmt.principals],
          withGrantOption: stmt.withGrantOption,
          ...(stmt.grantOptionFor ? { grantOptionFor: true } : {}),
          ...(stmt.cascade ? { cascade: true } : {}),
          origin: origin(stmt, file),
        });
        return;
      }
      case 'CreateModule': {
        const r = this.resolveName(stmt.name);
        const name = stmt.number !== undefined && stmt.number > 1 ? `${r.name};${stmt.number}` : r.name;
        const k = `${stmt.moduleType}:${key(r.schema, name)}`;
        if (this.modules.has(k))
          ctx.report(
            finding(
              'ASM-CAT-006',
              `${stmt.moduleType} ${name} created twice`,
              this.place(stmt, `${r.schema}.${name}`, file),
            ),
          );
        const table = stmt.table ? this.resolveName(stmt.table) : undefined;
        this.modules.set(k, {
          kind: stmt.moduleType,
          schema: r.schema,
          name,
          ...(table ? { table: { schema: table.schema, name: table.name } } : {}),
          sourceText: stmt.text,
          origin: origin(stmt, file),
        });
        return;
      }
      case 'Use':
        if (this.options.database === undefined) this.database = stmt.database;
        return;
      case 'SetUser':
        // ddlgen switches owners with setuser: unqualified names that follow belong to that user.
        this.owner = stmt.user ?? this.options.defaultSchema ?? 'dbo';
        return;
      case 'Drop':
        return this.drop(stmt, ctx, file);
      case 'If':
        return this.guarded(stmt, ctx, file);
      case 'Unparsed':
        // The parser reports unparsed statements itself; a schema statement among them also means
        // an object missing from the model, which the catalog records (data statements do not).
        if (!/^\s*(create|alter|drop|grant|revoke|exec(ute)?\s+sp_|sp_)/i.test(stmt.text)) return;
        this.diagnostics.push(
          diagnostic(
            finding(
              'ASM-CAT-009',
              `statement not parsed (${stmt.reason}): any object it defines is missing from the catalog`,
              { line: stmt.span.line, column: stmt.span.column, ...(file !== undefined ? { file } : {}) },
            ),
          ),
        );
        return;
      case 'SystemProcCall':
      case 'Print':
      case 'SetOption':
      case 'CreateDatabase':
        return;
    }
  }

  private createTable(stmt: Ast.CreateTable, ctx: FoldContext, file: string | undefined): void {
    const r = this.resolveName(stmt.name);
    const object = `${r.schema}.${r.name}`;
    const place = this.place(stmt, object, file);
    if (r.database !== undefined)
      ctx.report(finding('ASM-DDL-016', `database qualifier ${r.database} dropped (AZ-02)`, place));
    const k = key(r.schema, r.name);
    if (this.tables.has(k)) ctx.report(finding('ASM-CAT-006', `table ${object} created twice`, place));
    const t: DraftTable = {
      kind: 'table',
      schema: r.schema,
      name: r.name,
      columns: [],
      uniques: [],
      foreignKeys: [],
      checks: [],
      indexes: [],
      commonKeys: [],
      origin: origin(stmt, file),
      columnRules: new Set(),
      columnDefaults: new Set(),
    };
    for (const def of stmt.columns) {
      if (t.columns.some((c) => c.name.toLowerCase() === def.name.toLowerCase())) {
        ctx.report(
          finding('ASM-CAT-006', `column ${def.name} defined twice`, { ...place, line: def.span.line }),
        );
      }
      const { column } = columnFromDef(def, t.columns.length + 1, ctx, place);
      t.columns.push(column);
      if (def.default !== undefined) t.columnDefaults.add(def.name.toLowerCase());
    }
    for (const def of stmt.columns) for (const c of def.constraints) addConstraint(t, c, ctx, place);
    for (const c of stmt.constraints) addConstraint(t, c, ctx, place);
    tableClauses(stmt, t, ctx, place);
    this.tables.set(k, t);
  }

  private keyProc(stmt: Ast.KeyProc, ctx: FoldContext, file: string | undefined): void {
    const r = this.resolveName(stmt.table);
    const place = this.place(stmt, `${r.schema}.${r.name}`, file);
    const t = this.tables.get(key(r.schema, r.name));
    if (!t)
      return ctx.report(
        finding(
          'ASM-CAT-003',
          `${stmt.proc}: table ${r.schema}.${r.name} not defined earlier in the script`,
          place,
        ),
      );
    for (const col of stmt.columns) {
      if (!t.columns.some((c) => c.name.toLowerCase() === col.toLowerCase())) {
        ctx.report(finding('ASM-CAT-004', `${stmt.proc}: column ${col} is not in ${t.name}`, place));
      }
    }
    const ref = stmt.refTable ? this.resolveName(stmt.refTable) : undefined;
    if (stmt.proc === 'sp_primarykey') {
      if (t.primaryKey) {
        ctx.report(
          finding(
            'ASM-CAT-008',
            `sp_primarykey on ${t.name}: the table already has primary key ${t.primaryKey.name}; logical key not recorded`,
            place,
          ),
        );
        return;
      }
      t.primaryKey = {
        kind: 'primaryKey',
        name: primaryKeyName(t.name),
        columns: [...stmt.columns],
        clustered: false,
        logicalOnly: true,
      };
    } else if (stmt.proc === 'sp_foreignkey' && ref) {
      t.foreignKeys.push({
        name: foreignKeyName(t.name, ref.name, stmt.columns),
        columns: [...stmt.columns],
        refTable: { schema: ref.schema, name: ref.name },
        refColumns: [],
        ...(ref.database !== undefined ? { refDatabase: ref.database } : {}),
        matchFull: false,
        logicalOnly: true,
      });
    } else if (ref) {
      t.commonKeys.push({ refTable: { schema: ref.schema, name: ref.name }, columns: [...stmt.columns] });
    }
    ctx.report(
      finding(
        'ASM-CAT-008',
        `${stmt.proc} on ${t.name} (${stmt.columns.join(', ')}) recorded as a logical key: not enforced in ASE, not created`,
        place,
      ),
    );
  }

  private drop(stmt: Ast.Drop, ctx: FoldContext, file: string | undefined): void {
    stmt.names.forEach((q, i) => {
      const r = this.resolveName(q);
      const place = this.place(stmt, `${r.schema}.${r.name}`, file);
      const type = stmt.objectType.toLowerCase();
      let removed = false;
      switch (type) {
        case 'table':
          removed = this.tables.delete(key(r.schema, r.name));
          break;
        case 'rule':
          removed =
            this.rules.delete(key(r.schema, r.name)) || this.accessRules.delete(key(r.schema, r.name));
          break;
        case 'default':
          removed = this.defaults.delete(key(r.schema, r.name));
          break;
        case 'type':
        case 'datatype':
          removed = this.userTypes.delete(r.name.toLowerCase());
          break;
        case 'index': {
          const tq = stmt.indexTables?.[i];
          const t = tq ? this.findTable(tq) : undefined;
          const at = t ? t.indexes.findIndex((x) => x.name.toLowerCase() === r.name.toLowerCase()) : -1;
          if (t && at >= 0) {
            t.indexes.splice(at, 1);
            removed = true;
          }
          break;
        }
        case 'view':
        case 'procedure':
        case 'proc':
        case 'trigger':
        case 'function': {
          const kind = type === 'proc' ? 'procedure' : type;
          removed = this.modules.delete(`${kind}:${key(r.schema, r.name)}`);
          break;
        }
        default:
          // drop database/login/...: nothing in the catalog to remove.
          return;
      }
      if (!removed) ctx.report(finding('ASM-CAT-007', `drop ${type} ${r.name}: not in the catalog`, place));
    });
  }

  /**
   * DDL-48 guards (`if object_id('t') is null create table t`) are not evaluated: the script's
   * author meant the guarded statements to define the schema, so both branches are folded, in
   * order (a guarded drop of an object not yet seen is only an INFO finding).
   */
  private guarded(stmt: Ast.If, ctx: FoldContext, file: string | undefined): void {
    for (const inner of [...stmt.then, ...(stmt.else ?? [])]) {
      this.applied.add(inner);
      this.fold(inner, ctx, file);
    }
  }
}

function origin(
  stmt: Ast.Statement,
  file: string | undefined,
): { from: 'script'; line: number; file?: string } {
  return { from: 'script', line: stmt.span.line, ...(file !== undefined ? { file } : {}) };
}

function bindObject(target: Ast.Bind['target'], b: CatalogBuilder): string {
  if (target.kind === 'type') return target.typeName;
  const r = b.resolveName(target.table);
  return `${r.schema}.${r.name}`;
}
