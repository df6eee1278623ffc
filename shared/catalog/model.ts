/**
 * The catalog model (architecture.md §5): one database → schemas → tables, with the ASE source
 * side and the SQL Server target side of every column side by side. Readers (script/, ase/) fill
 * the `source` parts; cast rules (cast-rules/) fill `target`; DDL generation (ddl/) reads only
 * `target` and the object lists. Everything is plain JSON-serialisable data.
 */
import type { Diagnostic } from '../translator/diagnostics';

/** Where an object was defined: a script file and line, or a live catalog. */
export interface Origin {
  readonly file?: string;
  readonly line?: number;
  /** `script` for ddlgen/defncopy text, `catalog` for a live ASE read. */
  readonly from: 'script' | 'catalog';
}

export interface ObjectName {
  /** ASE owner = SQL Server schema (SEC-08). */
  readonly schema: string;
  readonly name: string;
}

/** An ASE type, already resolved through user types to its base. */
export interface SourceType {
  /** Base ASE type, lower-case, single spaces: `unsigned int`, `univarchar`, `bigdatetime`... */
  readonly base: string;
  /** Characters for char/varchar/unichar/univarchar (as declared, not bytes), bytes for binary. */
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  /** User type the column was declared with (`sp_addtype`), if any. */
  readonly userType?: string;
}

export interface TargetType {
  /** T-SQL type as it is written in DDL: `varchar(20)`, `numeric(20,0)`, `nvarchar(max)`, `rowversion`. */
  readonly sql: string;
  /** Base name: `varchar`, `numeric`, ... */
  readonly base: string;
  readonly length?: number | 'max';
  readonly precision?: number;
  readonly scale?: number;
}

export interface ColumnSource {
  readonly type: SourceType;
  /** Nullability as declared on the column or its user type; absent = not declared (DT-01). */
  readonly declaredNullability?: 'null' | 'not null';
  readonly identity: boolean;
  /** Default expression in ASE syntax (inline default, or bound default object's expression). */
  readonly default?: string;
  /** Name of the bound default object, when the default came from sp_bindefault (RD-10/11). */
  readonly boundDefault?: string;
  /** Name of the bound rule object (RD-01/02). */
  readonly boundRule?: string;
  readonly computed?: { readonly expr: string; readonly materialized: boolean };
  /** Name given in `constraint x default ...` (DDL-22: reused as the DEFAULT constraint name). */
  readonly defaultName?: string;
  /** Column options without a SQL Server equivalent (`encrypt`, `in row`...), reported by the cast pass. */
  readonly extraOptions?: readonly string[];
}

export interface ColumnTarget {
  readonly type: TargetType;
  /** Always explicit (DT-01). */
  readonly nullable: boolean;
  readonly identity?: { readonly seed: number; readonly increment: number };
  readonly default?: { readonly name: string; readonly expr: string };
  readonly computed?: { readonly expr: string; readonly persisted: boolean };
  /** CHECKs generated from the type (DT-06 unsigned) or bound rules (RD-01/02), T-SQL text. */
  readonly checks: readonly { readonly name: string; readonly expr: string; readonly ruleId: string }[];
  /** Id of the cast rule that produced `type` (shown in the report). */
  readonly castRule: string;
  /** False for rowversion/computed columns: not loaded from data files (BCP-10/11). */
  readonly loadable: boolean;
  /** Target column name when it differs from the source name (DDL-23 shortening). */
  readonly name?: string;
}

export interface Column {
  readonly name: string;
  /** 1-based ordinal = field position in bcp files. */
  readonly ordinal: number;
  /** Source line of the column definition, when read from a script. */
  readonly line?: number;
  readonly source: ColumnSource;
  /** Filled by cast rules; absent until then. */
  readonly target?: ColumnTarget;
}

export interface KeyConstraint {
  readonly kind: 'primaryKey' | 'unique';
  readonly name: string;
  readonly columns: readonly string[];
  readonly clustered: boolean;
  /** Kept options (fillfactor); dropped ones are reported as diagnostics. */
  readonly fillFactor?: number;
  /** Came from `sp_primarykey` (logical only in ASE, no index). */
  readonly logicalOnly?: boolean;
}

export interface ForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  readonly refTable: ObjectName;
  readonly refColumns: readonly string[];
  /** Cross-database references cannot be created (DDL-33). */
  readonly refDatabase?: string;
  readonly matchFull: boolean;
  readonly logicalOnly?: boolean;
}

export interface CheckConstraintModel {
  readonly name: string;
  /** ASE expression text. */
  readonly expr: string;
  /** Translated T-SQL expression (filled by DDL translation). */
  readonly targetExpr?: string;
}

export interface Index {
  readonly name: string;
  readonly unique: boolean;
  readonly clustered: boolean;
  readonly columns: readonly { readonly name: string; readonly order: 'asc' | 'desc' }[];
  readonly ignoreDupKey: boolean;
  readonly fillFactor?: number;
  /** Function-based index expressions (IDX-12), by key position. */
  readonly expressions?: readonly (string | undefined)[];
}

export interface Table {
  readonly kind: 'table';
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly Column[];
  readonly primaryKey?: KeyConstraint;
  readonly uniques: readonly KeyConstraint[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly checks: readonly CheckConstraintModel[];
  readonly indexes: readonly Index[];
  readonly lockScheme?: 'allpages' | 'datapages' | 'datarows';
  /** `with compression = row | page` (DDL-07), kept as DATA_COMPRESSION. */
  readonly compression?: 'row' | 'page';
  readonly partition?: {
    readonly method: string;
    readonly columns: readonly string[];
    readonly boundaries: readonly string[];
  };
  readonly origin: Origin;
  /** Target table name when it differs from `name` (DDL-23 shortening). */
  readonly targetName?: string;
  /** Proxy table (`create existing table`, `external table at`, DDL-14): not created. */
  readonly proxy?: { readonly location?: string };
  /** Logical keys from sp_commonkey (kept for the report; nothing is created). */
  readonly commonKeys?: readonly { readonly refTable: ObjectName; readonly columns: readonly string[] }[];
  /** Row count estimate from a live catalog, or counted from data files. */
  readonly rowEstimate?: number;
}

export interface UserType {
  readonly name: string;
  readonly base: SourceType;
  readonly nullability?: 'null' | 'not null';
  readonly identity: boolean;
  /** Rule / default currently bound to the type. */
  readonly boundRule?: string;
  readonly boundDefault?: string;
  readonly origin: Origin;
}

export interface RuleObject {
  readonly schema: string;
  readonly name: string;
  /** Condition text with its `@variable`. */
  readonly expr: string;
  readonly origin: Origin;
}

export interface DefaultObject {
  readonly schema: string;
  readonly name: string;
  readonly expr: string;
  readonly origin: Origin;
}

/** View, procedure, trigger or function: source text kept; translation comes from the translator. */
export interface Module {
  readonly kind: 'view' | 'procedure' | 'trigger' | 'function';
  readonly schema: string;
  readonly name: string;
  readonly table?: ObjectName;
  readonly sourceText: string;
  readonly origin: Origin;
}

export interface Permission {
  readonly action: 'grant' | 'revoke';
  readonly privileges: readonly string[];
  readonly object?: ObjectName;
  readonly columns: readonly string[];
  readonly principals: readonly string[];
  readonly withGrantOption: boolean;
  /** `revoke grant option for ...` (SEC-15): only the grant option is taken back. */
  readonly grantOptionFor?: boolean;
  readonly cascade?: boolean;
  readonly origin: Origin;
}

/** Server facts (spec §0.2): what is known; absent = unknown (offline scripts rarely say). */
export interface ServerFacts {
  readonly version?: string;
  readonly charset?: string;
  readonly sortOrder?: string;
  readonly pageSize?: number;
  readonly allowNullsByDefault?: boolean;
}

export interface Catalog {
  readonly database: string;
  readonly server: ServerFacts;
  readonly tables: readonly Table[];
  readonly userTypes: readonly UserType[];
  readonly rules: readonly RuleObject[];
  readonly defaults: readonly DefaultObject[];
  readonly modules: readonly Module[];
  readonly permissions: readonly Permission[];
  /** Findings made while reading the source into the model. */
  readonly diagnostics: readonly Diagnostic[];
}

export function qualifiedName(o: { readonly schema: string; readonly name: string }): string {
  return `${o.schema}.${o.name}`;
}
