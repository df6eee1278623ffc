/**
 * How one parsed statement becomes T-SQL. translate.ts walks a script's statements in order and
 * calls the translator registered for each statement kind; schema statements (tables, indexes,
 * rules, defaults, user types, bindings, sp_primarykey/sp_foreignkey) are registered by
 * shared/catalog (they need the accumulated catalog: user types, bound rules), the rest by the
 * translator itself. A statement kind without a translator does not compile (mapped type).
 */
import type { Catalog } from '../catalog/model';
import type { DiagnosticInput } from './diagnostics';
import type { QualifiedName, Statement, StatementKind } from './ast/nodes';

export type TargetPlatform = 'azure-sql' | 'sqlserver';

export interface TranslateOptions {
  /** File name used in diagnostics. */
  readonly file?: string;
  /** Default `azure-sql` (AZ rules apply). */
  readonly target?: TargetPlatform;
  /** Owner/schema for unqualified names; default `dbo`. */
  readonly defaultSchema?: string;
  /** DT-03 option: keep `char(n) null` as char (then WARN) instead of mapping to varchar. */
  readonly keepNullableChar?: boolean;
  /** DT-07 option: map datetime to datetime2(3) instead of datetime. */
  readonly datetimeAsDatetime2?: boolean;
  /** LEX-01: `quoted_identifier` state at the start of the script (ASE default off). */
  readonly quotedIdentifier?: boolean;
  /** MSG-03 option (default on): raiserror ≥ 20000 followed by rollback/return → THROW number + 50000. */
  readonly raiserrorThrow?: boolean;
}

/**
 * Mutable per-script state shared by the statement translators: the catalog built so far (so that a
 * `sp_bindrule` later in the script finds the rule and the columns using a type). Implemented by
 * shared/catalog/script (CatalogBuilder).
 */
export interface SchemaState {
  /** Record a statement in the catalog being built; returns findings (unknown rule, bad binding...). */
  apply(stmt: Statement, file?: string): readonly DiagnosticInput[];
  /** The catalog as it stands (target side filled by the cast rules). */
  snapshot(): Catalog;
}

export interface TranslationContext {
  readonly options: Required<Pick<TranslateOptions, 'target' | 'defaultSchema'>> & TranslateOptions;
  readonly schema: SchemaState;
  /** Record a finding for the current statement (line/object default to the statement's). */
  report(d: DiagnosticInput): void;
  /** The whole script text (spans index into it), to carry a statement verbatim. Set by translate(). */
  readonly source?: string;
  /** Translate a nested statement (the body of an `if`) with the same registry and state. Set by translate(). */
  readonly translateInner?: (stmt: Statement) => StatementOutput;
  /** Kind of an object defined earlier in the script (`table`, `view`, `procedure`...), for `grant all` (SEC-12). */
  readonly objectTypeOf?: (name: QualifiedName) => string | undefined;
}

/** What a statement became. */
export interface StatementOutput {
  /** T-SQL batch text ('' when the statement produces nothing to run, e.g. `create rule`). */
  readonly sql: string;
  /** The object this statement defines or changes, for the per-object report. */
  readonly object?: { readonly type: string; readonly name: string };
  /**
   * `converted`: runs with the same meaning; `flagged`: carried in a marked comment plus a failing
   * placeholder (MANUAL/BLOCK). Input statements = converted + flagged, always.
   */
  readonly outcome: 'converted' | 'flagged';
}

export type StatementTranslator<S extends Statement> = (stmt: S, ctx: TranslationContext) => StatementOutput;

export type StatementTranslators = {
  readonly [K in StatementKind]: StatementTranslator<Statement & { readonly kind: K }>;
};
