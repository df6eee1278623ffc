/**
 * What the group-by rules (QRY-03..06) need to know about a select: which calls are aggregates and
 * which column references stand outside them. Subqueries are not entered: their columns belong to
 * their own query.
 */
import type { ColumnRef, Expression } from '../../ast/expressions';

/** ASE aggregates, and the SQL Server names earlier rules may have given them (FN-74). */
export const AGGREGATES: ReadonlySet<string> = new Set([
  'count',
  'count_big',
  'sum',
  'avg',
  'min',
  'max',
  'stdev',
  'stdevp',
  'stddev',
  'stddev_samp',
  'stddev_pop',
  'var',
  'varp',
  'variance',
  'var_samp',
  'var_pop',
]);

export const isAggregate = (e: Expression): boolean =>
  e.kind === 'FunctionCall' && e.name.length === 1 && AGGREGATES.has(e.name[0] as string);

/** Direct sub-expressions (not those of subqueries). */
export function children(e: Expression): Expression[] {
  switch (e.kind) {
    case 'Unary':
      return [e.operand];
    case 'Binary':
      return [e.left, e.right];
    case 'Between':
      return [e.expr, e.low, e.high];
    case 'InList':
      return [e.expr, ...e.list];
    case 'InQuery':
      return [e.expr];
    case 'Like':
      return [e.expr, e.pattern, ...(e.escape !== undefined ? [e.escape] : [])];
    case 'IsNull':
    case 'Paren':
      return [e.expr];
    case 'Case':
      return [
        ...(e.operand !== undefined ? [e.operand] : []),
        ...e.whens.flatMap((w) => [w.when, w.then]),
        ...(e.else !== undefined ? [e.else] : []),
      ];
    case 'FunctionCall':
      return [...e.args];
    case 'Convert':
      return [e.expr, ...(e.style !== undefined ? [e.style] : [])];
    default:
      return [];
  }
}

export function containsAggregate(e: Expression): boolean {
  return isAggregate(e) || children(e).some(containsAggregate);
}

/** Column references of `e` outside aggregate calls. */
export function plainColumns(e: Expression): ColumnRef[] {
  if (e.kind === 'ColumnRef') return [e];
  if (isAggregate(e)) return [];
  return children(e).flatMap(plainColumns);
}

/** Structural key of an expression, without source positions: `a.x + 1` equals `A.X+1`. */
export function exprKey(e: Expression): string {
  return JSON.stringify(e, (k, v: unknown) =>
    k === 'span' ? undefined : typeof v === 'string' ? v.toLowerCase() : v,
  );
}
