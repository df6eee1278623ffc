/**
 * RD-01/RD-05: a rule's condition names its value through one `@variable`; as a CHECK constraint the
 * variable becomes the column. Only variable tokens are replaced, never text inside string literals,
 * quoted identifiers or comments.
 */
import { scanExpr } from './scan';

/** The rule's variable: the first `@name` token outside quotes (undefined when there is none). */
export function ruleVariable(exprText: string): string | undefined {
  return scanExpr(exprText).find((p) => p.kind === 'variable')?.text;
}

/**
 * Replaces every occurrence of the rule's variable by `replacement` (already quoted by the caller).
 * Variables are matched case-insensitively: a rule has exactly one variable.
 */
export function replaceRuleVariable(exprText: string, replacement: string): string {
  const variable = ruleVariable(exprText)?.toLowerCase();
  return scanExpr(exprText)
    .map((p) => (p.kind === 'variable' && p.text.toLowerCase() === variable ? replacement : p.text))
    .join('');
}

/** A rule body may start with `as` when the reader kept it (`create rule r as @x > 0`): strip it. */
export function ruleCondition(exprText: string): string {
  return exprText.replace(/^\s*as\s+/i, '').trim();
}
