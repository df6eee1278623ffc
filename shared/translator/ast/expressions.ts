/**
 * Expression tree of ASE T-SQL (conversion-rules.md §4.8, §5). Replaces the token-text `Expr` of
 * schema statements inside procedural code, so rewrite rules (rules/) can see operators, calls and
 * subqueries. Every node keeps its source span; names are unquoted (emitters quote them again).
 */
import type { DataTypeRef, Span } from './nodes';
import type { Select } from './queries';

interface ExprBase {
  readonly span: Span;
}

export interface Literal extends ExprBase {
  readonly kind: 'Literal';
  readonly type: 'string' | 'number' | 'hex' | 'money' | 'null';
  /** Unquoted value for strings, source text otherwise. */
  readonly value: string;
  /** `N'...'` (T-SQL dialect only). */
  readonly national?: boolean;
}

/** `col`, `t.col`, `owner.t.col`, `t.*`, `*`. The last part is `*` for a star. */
export interface ColumnRef extends ExprBase {
  readonly kind: 'ColumnRef';
  readonly parts: readonly string[];
}

export interface Variable extends ExprBase {
  readonly kind: 'Variable';
  /** With its `@`. */
  readonly name: string;
}

export interface GlobalVariable extends ExprBase {
  readonly kind: 'GlobalVariable';
  /** With its `@@`, lower-cased. */
  readonly name: string;
}

export interface Unary extends ExprBase {
  readonly kind: 'Unary';
  readonly op: '-' | '+' | '~' | 'not';
  readonly operand: Expression;
}

/**
 * Arithmetic, string `+`, bitwise, comparison (`=`, `!=`, `<>`, `!<`, `!>`, `*=`, `=*`...) and
 * `and`/`or`. The old outer-join operators stay here until QRY-01 moves them into joins.
 */
export interface Binary extends ExprBase {
  readonly kind: 'Binary';
  readonly op: string;
  readonly left: Expression;
  readonly right: Expression;
}

export interface Between extends ExprBase {
  readonly kind: 'Between';
  readonly expr: Expression;
  readonly low: Expression;
  readonly high: Expression;
  readonly negated: boolean;
}

export interface InList extends ExprBase {
  readonly kind: 'InList';
  readonly expr: Expression;
  readonly list: readonly Expression[];
  readonly negated: boolean;
}

export interface InQuery extends ExprBase {
  readonly kind: 'InQuery';
  readonly expr: Expression;
  readonly query: Select;
  readonly negated: boolean;
}

export interface Like extends ExprBase {
  readonly kind: 'Like';
  readonly expr: Expression;
  readonly pattern: Expression;
  readonly escape?: Expression;
  readonly negated: boolean;
}

export interface IsNull extends ExprBase {
  readonly kind: 'IsNull';
  readonly expr: Expression;
  readonly negated: boolean;
}

export interface Exists extends ExprBase {
  readonly kind: 'Exists';
  readonly query: Select;
}

export interface Case extends ExprBase {
  readonly kind: 'Case';
  /** Simple case: `case x when 1 then ...`; absent for a searched case. */
  readonly operand?: Expression;
  readonly whens: readonly { readonly when: Expression; readonly then: Expression }[];
  readonly else?: Expression;
}

export interface FunctionCall extends ExprBase {
  readonly kind: 'FunctionCall';
  /** Lower-cased for built-ins; `owner.f` user functions keep their parts. */
  readonly name: readonly string[];
  readonly args: readonly Expression[];
  /** `count(*)`. */
  readonly star?: boolean;
  /** `count(distinct x)`. */
  readonly distinct?: boolean;
  /** Written without parentheses: `user`, `current_timestamp`. */
  readonly niladic?: boolean;
}

/** `convert(type, expr [, style])` (FN-30); also `cast(expr as type)` (`cast: true`). */
export interface Convert extends ExprBase {
  readonly kind: 'Convert';
  readonly type: DataTypeRef;
  readonly expr: Expression;
  readonly style?: Expression;
  readonly cast?: boolean;
  /** The style is a SQL Server style number written by the FN-32 rule, not an ASE one. */
  readonly targetStyle?: boolean;
}

export interface Subquery extends ExprBase {
  readonly kind: 'Subquery';
  readonly query: Select;
}

export interface Paren extends ExprBase {
  readonly kind: 'Paren';
  readonly expr: Expression;
}

/** `identity(n)` in a `select ... into` list (ID-06 / FN-79). */
export interface IdentityFn extends ExprBase {
  readonly kind: 'IdentityFn';
  readonly precision: number;
}

export type Expression =
  | Literal
  | ColumnRef
  | Variable
  | GlobalVariable
  | Unary
  | Binary
  | Between
  | InList
  | InQuery
  | Like
  | IsNull
  | Exists
  | Case
  | FunctionCall
  | Convert
  | Subquery
  | Paren
  | IdentityFn;

export type ExpressionKind = Expression['kind'];
