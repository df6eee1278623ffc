/**
 * Queries and data-changing statements of ASE T-SQL (conversion-rules.md §4.6, §4.8): select with
 * ASE clauses (`compute by`, `at isolation`, `plan`, lock hints), insert without `into`,
 * `update ... from`, `delete t from ...`.
 */
import type { Comment, QualifiedName, Span } from './nodes';
import type { ColumnRef, Expression, Variable } from './expressions';
import type { Exec } from './procedural';

interface Node {
  readonly span: Span;
  readonly comments: readonly Comment[];
}

/** `holdlock`, `noholdlock`, `readpast`, `shared`, `index i`, `prefetch n`, `lru|mru`, `parallel n` (§4.6). */
export interface TableHint {
  /** Lower-cased hint word. */
  readonly name: string;
  /** `index i` gives `i`; `prefetch 16` gives `16`. */
  readonly value?: string;
}

export interface TableRef {
  readonly kind: 'TableRef';
  readonly name: QualifiedName;
  readonly alias?: string;
  readonly hints: readonly TableHint[];
  readonly span: Span;
}

export interface DerivedTable {
  readonly kind: 'DerivedTable';
  readonly query: Select;
  readonly alias: string;
  readonly span: Span;
}

export interface Join {
  readonly kind: 'Join';
  readonly type: 'inner' | 'left' | 'right' | 'full' | 'cross';
  readonly left: TableSource;
  readonly right: TableSource;
  readonly on?: Expression;
  readonly span: Span;
}

export type TableSource = TableRef | DerivedTable | Join;

export interface SelectItem {
  readonly expr: Expression;
  readonly alias?: string;
  /** `alias = expr` is kept as `expr AS alias` on output; `@v = expr` is an assignment. */
  readonly assign?: Variable;
}

export interface OrderItem {
  readonly expr: Expression;
  readonly direction?: 'asc' | 'desc';
}

export interface Select extends Node {
  readonly kind: 'Select';
  readonly distinct: boolean;
  readonly top?: Expression;
  readonly items: readonly SelectItem[];
  readonly into?: QualifiedName;
  /** Comma-separated sources (old-style joins) or one join tree per entry. */
  readonly from: readonly TableSource[];
  readonly where?: Expression;
  readonly groupBy?: { readonly all: boolean; readonly exprs: readonly Expression[] };
  readonly having?: Expression;
  readonly orderBy: readonly OrderItem[];
  /** `compute sum(x) [by a, b]` (no SQL Server form: QRY rule flags it). */
  readonly compute?: { readonly text: string; readonly span: Span };
  readonly union?: { readonly all: boolean; readonly query: Select };
  /** `for read only` / `for update [of c1, c2]` (cursor selects, CUR-01). */
  readonly forClause?: { readonly mode: 'read only' | 'update'; readonly columns: readonly string[] };
  /** `at isolation 0|1|2|3|read uncommitted|...` (§4.6). */
  readonly isolation?: string;
  /** `plan '...'` abstract plan (dropped with a note). */
  readonly plan?: string;
}

export interface Insert extends Node {
  readonly kind: 'Insert';
  readonly table: QualifiedName;
  readonly columns: readonly string[];
  readonly source:
    | { readonly kind: 'values'; readonly rows: readonly (readonly Expression[])[] }
    | { readonly kind: 'select'; readonly query: Select }
    | { readonly kind: 'exec'; readonly exec: Exec }
    | { readonly kind: 'default' };
}

export interface Assignment {
  readonly column: ColumnRef | Variable;
  readonly expr: Expression;
}

export interface Update extends Node {
  readonly kind: 'Update';
  readonly top?: Expression;
  readonly table: QualifiedName;
  readonly alias?: string;
  readonly set: readonly Assignment[];
  readonly from: readonly TableSource[];
  readonly where?: Expression;
  /** `where current of c` (CUR-11). */
  readonly currentOf?: string;
}

export interface Delete extends Node {
  readonly kind: 'Delete';
  readonly top?: Expression;
  readonly table: QualifiedName;
  readonly from: readonly TableSource[];
  readonly where?: Expression;
  readonly currentOf?: string;
}

export interface Truncate extends Node {
  readonly kind: 'Truncate';
  readonly table: QualifiedName;
}
