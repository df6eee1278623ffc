/**
 * QRY-07 (variables): with ansinull off, ASE makes `col = @p` true when both are NULL; SQL Server
 * (ANSI_NULLS ON) never does. A parameter declared `= NULL` is the clear case of a variable that
 * may hold NULL. The other side's nullability needs the catalog, so the comparison is kept and
 * flagged with the ANSI form that reproduces ASE: `(col = @p OR (col IS NULL AND @p IS NULL))`.
 * The usual optional-filter idiom (`@p is null or col = @p`) is not flagged: there NULL means "any".
 */
import type { Expression } from '../../ast/expressions';
import type { RuleContext } from '../rule';

const OPS = new Set(['=', '!=', '<>']);

const nullableParameter = (e: Expression, rc: RuleContext): e is Expression & { kind: 'Variable' } =>
  e.kind === 'Variable' && (rc.nullableParameters ?? []).includes(e.name.toLowerCase());

/** Columns and variables can be NULL; a literal or expression on the other side is left alone. */
const operandName = (e: Expression): string | undefined =>
  e.kind === 'ColumnRef' ? e.parts.join('.') : e.kind === 'Variable' ? e.name : undefined;

function suggestion(op: string, a: string, v: string): string {
  return op === '='
    ? `(${a} = ${v} OR (${a} IS NULL AND ${v} IS NULL))`
    : `(${a} <> ${v} OR (${a} IS NULL AND ${v} IS NOT NULL) OR (${a} IS NOT NULL AND ${v} IS NULL))`;
}

/**
 * Comparisons inside `@p is null or ...`: NULL is handled by the author there. The walk gives a node
 * to the rules before its children, so the `or` marks its comparisons (the original objects) first.
 */
const guardedComparisons = new WeakSet<object>();

function nullTested(e: Expression): string[] {
  if (e.kind === 'Paren') return nullTested(e.expr);
  if (e.kind === 'Binary' && e.op === 'or') return [...nullTested(e.left), ...nullTested(e.right)];
  if (e.kind === 'IsNull' && !e.negated && e.expr.kind === 'Variable') return [e.expr.name.toLowerCase()];
  // `@p = null` is still written the ASE way here (null-comparison rewrites the child later)
  if (e.kind === 'Binary' && e.op === '=') {
    const isNull = (x: Expression): boolean => x.kind === 'Literal' && x.type === 'null';
    const v = isNull(e.right) ? e.left : isNull(e.left) ? e.right : undefined;
    if (v?.kind === 'Variable') return [v.name.toLowerCase()];
  }
  return [];
}

function markGuarded(e: Expression, names: readonly string[]): void {
  if (e.kind === 'Paren') return markGuarded(e.expr, names);
  if (e.kind !== 'Binary') return;
  const mentions = [e.left, e.right].some(
    (x) => x.kind === 'Variable' && names.includes(x.name.toLowerCase()),
  );
  if (OPS.has(e.op) && mentions) guardedComparisons.add(e);
  markGuarded(e.left, names);
  markGuarded(e.right, names);
}

export function nullableParameterComparison(e: Expression, rc: RuleContext): Expression {
  if (e.kind === 'Binary' && e.op === 'or') {
    const names = nullTested(e);
    if (names.length > 0) markGuarded(e, names);
    return e;
  }
  if (e.kind !== 'Binary' || !OPS.has(e.op) || guardedComparisons.has(e)) return e;
  const [v, other] = nullableParameter(e.right, rc)
    ? [e.right, e.left]
    : nullableParameter(e.left, rc)
      ? [e.left, e.right]
      : [undefined, undefined];
  if (v === undefined || other === undefined) return e;
  const a = operandName(other);
  if (a === undefined) return e;
  rc.report(
    'nullableParameterComparison',
    e.span,
    `${v === e.right ? `${a} ${e.op} ${v.name}` : `${v.name} ${e.op} ${a}`}: ${v.name} defaults to NULL and ASE (ansinull off) matches NULL to NULL; if that is meant, write ${suggestion(e.op === '=' ? '=' : '<>', a, v.name)} (QRY-07)`,
  );
  return e;
}
