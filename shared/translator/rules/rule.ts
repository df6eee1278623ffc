/**
 * A rewrite rule: a small named pure function over one kind of AST node, citing the
 * conversion-rules.md rule it implements. Rules do not print or throw; what they find goes to
 * `report` (a diagnostic with the node's place), and what they cannot convert becomes a `Manual`
 * statement (carried in a marked comment with a failing placeholder).
 */
import type { Expression } from '../ast/expressions';
import type { Span } from '../ast/nodes';
import type { Manual, ModuleDefinition, ProcStatement } from '../ast/procedural';
import type { TableRef } from '../ast/queries';
import { translatorCodes, type TranslatorCode } from '../codes';
import type { TargetPlatform } from '../statement-translator';

export interface RuleContext {
  /** The module being translated (`batch` for statements outside a module). */
  readonly module: ModuleDefinition['kind'] | 'batch';
  /** Trigger events, for TRG-04 (`update(col)` on insert). */
  readonly triggerEvents: readonly string[];
  /** Lower-cased names of parameters declared `= NULL` (QRY-07: may hold NULL). */
  readonly nullableParameters?: readonly string[];
  /** Span start of the module body's first statement inside any begin/end (TRG-03 looks at the body's start only). */
  readonly bodyStart?: number;
  readonly target: TargetPlatform;
  /** MSG-03 project option; default on. */
  readonly raiserrorThrow?: boolean;
  /** The script text, to carry a statement's original text. */
  readonly source: string;
  report(code: TranslatorCode, span: Span, message: string): void;
}

interface RuleBase {
  /** Function-style name shown in the registry (`outer-join-operators`). */
  readonly name: string;
  /** Spec rule id (`QRY-01`). */
  readonly ruleId: string;
}

export type Rule =
  | (RuleBase & { readonly on: 'expression'; readonly apply: (e: Expression, rc: RuleContext) => Expression })
  | (RuleBase & {
      readonly on: 'statement';
      /** Several statements replace one in a list; where one statement must stand (an if branch) they form a block. */
      readonly apply: (s: ProcStatement, rc: RuleContext) => ProcStatement | readonly ProcStatement[];
    })
  | (RuleBase & {
      readonly on: 'statements';
      readonly apply: (list: readonly ProcStatement[], rc: RuleContext) => ProcStatement[];
    })
  | (RuleBase & { readonly on: 'table'; readonly apply: (t: TableRef, rc: RuleContext) => TableRef });

/** Original text of a node. */
export function textOf(rc: RuleContext, span: Span): string {
  return rc.source.slice(span.start, span.end);
}

/**
 * The statement carried for a person (MANUAL): its original text with the code's rule id, so every
 * rule that gives up on a statement carries it the same way. Reporting stays with the rule.
 */
export function manualStatement(
  rc: RuleContext,
  s: ProcStatement,
  code: TranslatorCode,
  message: string,
): Manual {
  const info = translatorCodes[code];
  return {
    kind: 'Manual',
    text: textOf(rc, s.span),
    ruleId: info.ruleId,
    code: info.code,
    message,
    span: s.span,
    comments: s.comments,
  };
}
