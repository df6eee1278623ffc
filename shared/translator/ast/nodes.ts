/**
 * Readonly AST of ASE scripts (architecture.md §4). Every node is tagged by `kind`, keeps its source
 * span and the comments attached to it. Expressions inside schema statements (defaults, checks,
 * rule bodies, computed columns) are kept as token-exact source text in an `Expr` node for now;
 * the procedural-code issue replaces `Expr.text` consumers with a full expression tree.
 *
 * Names are stored unquoted: `[a]]b]` and `"a""b"` both become `a]b` / `a"b`; emitters quote them
 * again (bracket quoting with `]` doubled).
 */
import type { ModuleDefinition } from './procedural';

export interface Span {
  /** Offset of the first character in the script text (0-based, UTF-16 units). */
  readonly start: number;
  /** Offset just after the last character. */
  readonly end: number;
  /** 1-based line of `start`. */
  readonly line: number;
  /** 1-based column of `start`. */
  readonly column: number;
}

export interface Comment {
  readonly text: string;
  readonly span: Span;
  readonly style: 'line' | 'block';
}

interface NodeBase {
  readonly span: Span;
  /** Comments that precede this node (leading) and those on its last line (trailing). */
  readonly comments: readonly Comment[];
}

/** `db.owner.name`, `db..name`, `owner.name` or `name`. */
export interface QualifiedName {
  readonly database?: string;
  readonly owner?: string;
  readonly name: string;
}

/** A type as written: `name` lower-cased with single spaces (`unsigned int`, `double precision`). */
export interface DataTypeRef {
  readonly name: string;
  /** Length / precision / scale arguments; `max` is not ASE but tolerated. */
  readonly args: readonly (number | 'max')[];
  readonly span: Span;
}

/** An expression kept as its source text (tokens re-joined exactly as written). */
export interface Expr {
  readonly kind: 'Expr';
  readonly text: string;
  readonly span: Span;
}

export type Nullability = 'null' | 'not null';

export interface IndexOption {
  /** Lower-cased option name: `fillfactor`, `ignore_dup_key`, `max_rows_per_page`, ... */
  readonly name: string;
  /** Option value as written (`80`, `'n'`), absent for flags. */
  readonly value?: string;
  readonly span: Span;
}

export interface IndexColumn {
  /** Column name, or absent when the key is an expression (function-based index, IDX-12). */
  readonly name?: string;
  readonly expr?: Expr;
  readonly order?: 'asc' | 'desc';
}

export interface PrimaryKeyConstraint extends NodeBase {
  readonly kind: 'PrimaryKey';
  readonly name?: string;
  readonly columns: readonly string[];
  readonly clustered?: boolean;
  readonly options: readonly IndexOption[];
  readonly segment?: string;
}

export interface UniqueConstraint extends NodeBase {
  readonly kind: 'Unique';
  readonly name?: string;
  readonly columns: readonly string[];
  readonly clustered?: boolean;
  readonly options: readonly IndexOption[];
  readonly segment?: string;
}

export interface ForeignKeyConstraint extends NodeBase {
  readonly kind: 'ForeignKey';
  readonly name?: string;
  readonly columns: readonly string[];
  readonly refTable: QualifiedName;
  /** Empty when the reference names only the table (its primary key is meant). */
  readonly refColumns: readonly string[];
  readonly matchFull: boolean;
}

export interface CheckConstraint extends NodeBase {
  readonly kind: 'Check';
  readonly name?: string;
  readonly expr: Expr;
}

export type TableConstraint =
  PrimaryKeyConstraint | UniqueConstraint | ForeignKeyConstraint | CheckConstraint;

export interface ColumnDef extends NodeBase {
  readonly kind: 'ColumnDef';
  readonly name: string;
  /** Absent only for a column named `timestamp` written without a type (DT-08). */
  readonly type?: DataTypeRef;
  readonly nullability?: Nullability;
  readonly identity: boolean;
  readonly default?: Expr;
  /** Name given in `constraint x default ...`, when any. */
  readonly defaultName?: string;
  readonly computed?: { readonly expr: Expr; readonly materialized: boolean };
  /** Column-level constraints; their `columns` lists hold this column's name. */
  readonly constraints: readonly TableConstraint[];
  /** Column options we do not translate but must report: `encrypt`, `in row`, `off row`... */
  readonly extraOptions: readonly IndexOption[];
}

export interface PartitionSpec {
  readonly method: 'range' | 'hash' | 'list' | 'roundrobin';
  readonly columns: readonly string[];
  /** Partitions as written: name and boundary/value list source text. */
  readonly partitions: readonly {
    readonly name?: string;
    readonly values: readonly string[];
    readonly segment?: string;
  }[];
  /** `partition by roundrobin n`. */
  readonly count?: number;
  readonly span: Span;
}

export interface CreateTable extends NodeBase {
  readonly kind: 'CreateTable';
  readonly name: QualifiedName;
  readonly columns: readonly ColumnDef[];
  readonly constraints: readonly TableConstraint[];
  /** `allpages` | `datapages` | `datarows` */
  readonly lockScheme?: string;
  /** `with exp_row_size = n, identity_gap = n, max_rows_per_page = n, ...` */
  readonly options: readonly IndexOption[];
  readonly segment?: string;
  readonly partition?: PartitionSpec;
  /** `create existing table`, `external table at '...'` (DDL-14). */
  readonly proxy?: { readonly location?: string };
}

export type AlterAction =
  | { readonly action: 'addColumns'; readonly columns: readonly ColumnDef[]; readonly span: Span }
  | { readonly action: 'addConstraint'; readonly constraint: TableConstraint; readonly span: Span }
  | { readonly action: 'dropConstraint'; readonly name: string; readonly span: Span }
  | { readonly action: 'dropColumns'; readonly names: readonly string[]; readonly span: Span }
  | { readonly action: 'modifyColumns'; readonly columns: readonly ColumnDef[]; readonly span: Span }
  | { readonly action: 'replaceDefault'; readonly column: string; readonly expr?: Expr; readonly span: Span }
  | { readonly action: 'lock'; readonly scheme: string; readonly span: Span }
  | { readonly action: 'partition'; readonly text: string; readonly span: Span }
  | { readonly action: 'unpartition'; readonly span: Span }
  | { readonly action: 'other'; readonly text: string; readonly span: Span };

export interface AlterTable extends NodeBase {
  readonly kind: 'AlterTable';
  readonly table: QualifiedName;
  readonly actions: readonly AlterAction[];
}

export interface CreateIndex extends NodeBase {
  readonly kind: 'CreateIndex';
  readonly name: string;
  readonly table: QualifiedName;
  readonly unique: boolean;
  readonly clustered?: boolean;
  readonly columns: readonly IndexColumn[];
  readonly options: readonly IndexOption[];
  readonly segment?: string;
  readonly local: boolean;
}

export interface CreateRule extends NodeBase {
  readonly kind: 'CreateRule';
  readonly name: QualifiedName;
  /** The condition with its `@variable` as written. */
  readonly expr: Expr;
  /** `create access rule` / `create or access rule` (RD-06). */
  readonly access?: 'access' | 'or access';
}

export interface CreateDefault extends NodeBase {
  readonly kind: 'CreateDefault';
  readonly name: QualifiedName;
  readonly expr: Expr;
}

/** `drop table|view|procedure|trigger|rule|default|index|function|database|... name[, name]`. */
export interface Drop extends NodeBase {
  readonly kind: 'Drop';
  readonly objectType: string;
  readonly names: readonly QualifiedName[];
  /** `drop index t.i` gives table `t`. */
  readonly indexTables?: readonly (QualifiedName | undefined)[];
  /** `drop table if exists t` (ASE 16 SP03+). */
  readonly ifExists?: boolean;
}

/** `exec sp_addtype name, 'base(len)' [, 'null'|'not null'|'identity'] [, owner]`. */
export interface AddType extends NodeBase {
  readonly kind: 'AddType';
  readonly name: string;
  readonly baseType: DataTypeRef;
  readonly nullability?: Nullability;
  readonly identity: boolean;
}

/** `exec sp_bindrule rule, 'table.column' | usertype [, futureonly]` (and sp_bindefault). */
export interface Bind extends NodeBase {
  readonly kind: 'Bind';
  readonly what: 'rule' | 'default';
  readonly object: QualifiedName;
  /** `table.column` target (owner optional), or a user type name. */
  readonly target:
    | { readonly kind: 'column'; readonly table: QualifiedName; readonly column: string }
    | { readonly kind: 'type'; readonly typeName: string };
  readonly futureOnly: boolean;
}

/** `exec sp_unbindrule 'table.column' | usertype` (and sp_unbindefault). */
export interface Unbind extends NodeBase {
  readonly kind: 'Unbind';
  readonly what: 'rule' | 'default';
  readonly target: Bind['target'];
}

/** `exec sp_primarykey t, c1 [, c2...]` / `sp_foreignkey t, pktable, c1 [, ...]` / `sp_commonkey`. */
export interface KeyProc extends NodeBase {
  readonly kind: 'KeyProc';
  readonly proc: 'sp_primarykey' | 'sp_foreignkey' | 'sp_commonkey';
  readonly table: QualifiedName;
  readonly refTable?: QualifiedName;
  readonly columns: readonly string[];
}

/** Any other `exec sp_xxx args` seen in a schema script (sp_addgroup, sp_adduser, sp_procxmode...). */
export interface SystemProcCall extends NodeBase {
  readonly kind: 'SystemProcCall';
  readonly proc: string;
  /** Arguments as written, unquoted when they were string literals. */
  readonly args: readonly string[];
}

export interface Grant extends NodeBase {
  readonly kind: 'Grant' | 'Revoke';
  /** Lower-cased: `select`, `insert`, `all`, `execute`, `create table`, ... */
  readonly privileges: readonly string[];
  /** Absent for statement permissions (`grant create table to u`). */
  readonly object?: QualifiedName;
  readonly columns: readonly string[];
  readonly principals: readonly string[];
  readonly withGrantOption: boolean;
  readonly grantOptionFor: boolean;
  readonly cascade: boolean;
}

export interface Use extends NodeBase {
  readonly kind: 'Use';
  readonly database: string;
}

export interface SetUser extends NodeBase {
  readonly kind: 'SetUser';
  /** Absent for plain `setuser` (back to self). */
  readonly user?: string;
}

export interface Print extends NodeBase {
  readonly kind: 'Print';
  /** Arguments after `print`, as written. */
  readonly text: string;
}

export interface SetOption extends NodeBase {
  readonly kind: 'SetOption';
  /** Lower-cased option words, e.g. `quoted_identifier`, `nocount`. */
  readonly option: string;
  readonly value: string;
}

/** `if [not] exists (...)` / `if object_id('x') is [not] null` guarding one statement or a begin/end block. */
export interface If extends NodeBase {
  readonly kind: 'If';
  readonly condition: Expr;
  /** The guarded object, when the condition is a recognised existence test (DDL-48). */
  readonly guard?: { readonly object: QualifiedName; readonly type?: string; readonly negated: boolean };
  readonly then: readonly Statement[];
  readonly else?: readonly Statement[];
}

export interface CreateDatabase extends NodeBase {
  readonly kind: 'CreateDatabase';
  readonly name: string;
  readonly text: string;
}

/** Views, procedures, triggers, functions: carried verbatim until the procedural issue translates them. */
export interface CreateModule extends NodeBase {
  readonly kind: 'CreateModule';
  readonly moduleType: 'view' | 'procedure' | 'trigger' | 'function';
  readonly name: QualifiedName;
  /** `name;2` numbered procedures. */
  readonly number?: number;
  /** Trigger's table. */
  readonly table?: QualifiedName;
  /** The whole statement's source text. */
  readonly text: string;
  /** Parsed header and body (procedural translation); absent when the module could not be parsed. */
  readonly definition?: ModuleDefinition;
  /** Why the module could not be parsed, when `definition` is absent. */
  readonly parseError?: string;
}

/** A statement the parser did not handle: carried verbatim and flagged, never dropped. */
export interface Unparsed extends NodeBase {
  readonly kind: 'Unparsed';
  readonly text: string;
  /** Why it was not parsed (`unsupported statement`, `syntax error at ...`). */
  readonly reason: string;
  /** Diagnostic code to report (`ASM-PARSE-001`...). */
  readonly code: string;
}

export type Statement =
  | CreateTable
  | AlterTable
  | CreateIndex
  | CreateRule
  | CreateDefault
  | Drop
  | AddType
  | Bind
  | Unbind
  | KeyProc
  | SystemProcCall
  | Grant
  | Use
  | SetUser
  | Print
  | SetOption
  | If
  | CreateDatabase
  | CreateModule
  | Unparsed;

export type StatementKind = Statement['kind'];

export interface Batch {
  readonly kind: 'Batch';
  readonly statements: readonly Statement[];
  /** The batch's source text without its `go` line. */
  readonly text: string;
  readonly span: Span;
  /** `go 5` repeats a batch. */
  readonly repeat: number;
  /** Comments not attached to any statement (e.g. a file header). */
  readonly comments: readonly Comment[];
}

export interface Script {
  readonly kind: 'Script';
  readonly file?: string;
  readonly batches: readonly Batch[];
}
