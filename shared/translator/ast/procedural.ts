/**
 * Procedural statements and module definitions (conversion-rules.md §4.2–§4.15): the parsed
 * body of a view, procedure, trigger or function. Statements the body parser does not model are
 * `Unparsed` (carried verbatim and flagged); schema statements inside a body (`create table #t`,
 * `drop table #t`, `set nocount on`, grants) reuse the top-level node kinds.
 */
import type { Comment, DataTypeRef, QualifiedName, Span, Statement } from './nodes';
import type { Expression, Variable } from './expressions';
import type { Delete, Insert, Select, Truncate, Update } from './queries';

interface Node {
  readonly span: Span;
  readonly comments: readonly Comment[];
}

export interface Declare extends Node {
  readonly kind: 'Declare';
  readonly variables: readonly { readonly name: string; readonly type: DataTypeRef }[];
}

/** `set @v = expr` (T-SQL form; ASE code uses `select @v = ...`, which is a Select with assignments). */
export interface SetVariable extends Node {
  readonly kind: 'SetVariable';
  readonly variable: Variable;
  readonly expr: Expression;
}

export interface IfStatement extends Node {
  readonly kind: 'IfStatement';
  readonly condition: Expression;
  readonly then: ProcStatement;
  readonly else?: ProcStatement;
}

export interface While extends Node {
  readonly kind: 'While';
  readonly condition: Expression;
  readonly body: ProcStatement;
}

export interface Block extends Node {
  readonly kind: 'Block';
  readonly statements: readonly ProcStatement[];
}

/** `break`, `continue`, `goto l`, `l:` */
export interface Jump extends Node {
  readonly kind: 'Jump';
  readonly jump: 'break' | 'continue' | 'goto' | 'label';
  readonly label?: string;
}

export interface Return extends Node {
  readonly kind: 'Return';
  readonly expr?: Expression;
}

/** `print "fmt %1!", a, b` (MSG-01). */
export interface PrintStatement extends Node {
  readonly kind: 'PrintStatement';
  readonly format: Expression;
  readonly args: readonly Expression[];
}

/**
 * `raiserror 20001 "msg %1!", @a` (old ASE form), `raiserror(msg, sev, state, args)` (new form,
 * also what the generator writes), with `with errordata`/`with nowait` kept as words.
 */
export interface RaiseError extends Node {
  readonly kind: 'RaiseError';
  readonly form: 'ase' | 'tsql';
  /** ASE: the error number (literal or variable). T-SQL: absent. */
  readonly number?: Expression;
  /** ASE: optional message; T-SQL: message or message id. */
  readonly message?: Expression;
  readonly severity?: Expression;
  readonly state?: Expression;
  readonly args: readonly Expression[];
  readonly with: readonly string[];
  /**
   * T-SQL form written for an ASE `raiserror n "msg"` (MSG-02): the ASE number and the formatted
   * message without the `[n]` prefix and `%` doubling, so MSG-03 can turn it into THROW.
   */
  readonly ase?: { readonly number: number; readonly text: Expression };
}

/** `THROW n, msg, state` (T-SQL; written by rules and placeholders). */
export interface Throw extends Node {
  readonly kind: 'Throw';
  readonly number?: Expression;
  readonly message?: Expression;
  readonly state?: Expression;
}

export interface ExecArg {
  /** `@p = value`. */
  readonly name?: string;
  /** Absent for `default`. */
  readonly value?: Expression;
  readonly output: boolean;
}

/** `exec [@rc =] p[;n] args [with recompile]` (PROC-03). */
export interface Exec extends Node {
  readonly kind: 'Exec';
  readonly returnVar?: Variable;
  readonly procedure: QualifiedName;
  /** Numbered procedure `p;2` (PROC-05). */
  readonly number?: number;
  readonly args: readonly ExecArg[];
  readonly recompile: boolean;
}

/** `exec (@sql)` / `exec ('select ' + @c)` (PROC-07). */
export interface ExecDynamic extends Node {
  readonly kind: 'ExecDynamic';
  readonly parts: readonly Expression[];
}

/** `declare c [insensitive|semi_sensitive] [scroll] cursor for select ... [for read only | for update [of ...]]` (CUR-01/02). */
export interface DeclareCursor extends Node {
  readonly kind: 'DeclareCursor';
  readonly name: string;
  readonly sensitivity?: string;
  readonly scroll: boolean;
  readonly query: Select;
}

/** `open c`, `close c`, `deallocate [cursor] c` (CUR-03/05). */
export interface CursorOp extends Node {
  readonly kind: 'CursorOp';
  readonly op: 'open' | 'close' | 'deallocate';
  readonly cursor: string;
}

/** `fetch [next|prior|first|last|absolute n|relative n] [from] c [into @a, @b]` (CUR-04). */
export interface Fetch extends Node {
  readonly kind: 'Fetch';
  readonly orientation?: string;
  readonly offset?: Expression;
  readonly cursor: string;
  readonly into: readonly Variable[];
}

/** `begin|commit|rollback|save tran[saction] [name]` (TRAN-01); `rollback trigger` (TRG-05). */
export interface Transaction extends Node {
  readonly kind: 'Transaction';
  readonly op: 'begin' | 'commit' | 'rollback' | 'save' | 'rollback trigger';
  readonly name?: string;
  /** `rollback trigger with raiserror n "msg"`. */
  readonly raiserror?: RaiseError;
}

/** `waitfor delay|time expr` */
export interface WaitFor extends Node {
  readonly kind: 'WaitFor';
  readonly mode: 'delay' | 'time';
  readonly expr: Expression;
}

/** A statement a rule could not convert: carried in a marked comment plus a failing placeholder. */
export interface Manual extends Node {
  readonly kind: 'Manual';
  /** The original ASE text. */
  readonly text: string;
  readonly ruleId: string;
  readonly code: string;
  readonly message: string;
}

/** `begin try ... end try begin catch ... end catch` (T-SQL only). */
export interface TryCatch extends Node {
  readonly kind: 'TryCatch';
  readonly body: readonly ProcStatement[];
  readonly handler: readonly ProcStatement[];
}

export type ProcStatement =
  | Select
  | Insert
  | Update
  | Delete
  | Truncate
  | Declare
  | SetVariable
  | IfStatement
  | While
  | Block
  | Jump
  | Return
  | PrintStatement
  | RaiseError
  | Throw
  | Exec
  | ExecDynamic
  | DeclareCursor
  | CursorOp
  | Fetch
  | Transaction
  | WaitFor
  | Manual
  | TryCatch
  /** Top-level statement kinds used inside a body: `create table #t`, `drop`, `set option`, `grant`, Unparsed. */
  | Statement;

export type ProcStatementKind = ProcStatement['kind'];

export interface Parameter {
  readonly name: string;
  readonly type: DataTypeRef;
  readonly default?: Expression;
  readonly output: boolean;
  readonly span: Span;
}

/** The parsed header and body of a `create view|procedure|trigger|function` (PROC-01, PROC-08, PROC-09, TRG-01). */
export type ModuleDefinition =
  | {
      readonly kind: 'procedure';
      readonly parameters: readonly Parameter[];
      readonly recompile: boolean;
      /** `with execute as owner|caller`. */
      readonly executeAs?: string;
      readonly body: readonly ProcStatement[];
      /** `create or replace`. */
      readonly orReplace: boolean;
    }
  | {
      readonly kind: 'function';
      readonly parameters: readonly Parameter[];
      readonly returns: DataTypeRef;
      readonly body: readonly ProcStatement[];
      readonly orReplace: boolean;
    }
  | {
      readonly kind: 'trigger';
      readonly table: QualifiedName;
      readonly timing: 'for' | 'instead of' | 'after';
      readonly events: readonly ('insert' | 'update' | 'delete')[];
      readonly body: readonly ProcStatement[];
      readonly orReplace: boolean;
    }
  | {
      readonly kind: 'view';
      readonly columns: readonly string[];
      readonly query: Select;
      readonly checkOption: boolean;
      readonly orReplace: boolean;
    };
