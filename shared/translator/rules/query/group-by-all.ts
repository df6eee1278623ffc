/**
 * QRY-05: `group by all` shows every group, also groups whose rows all fail WHERE (their aggregates
 * NULL / 0) [A26]. SQL Server's GROUP BY ALL is deprecated, so the filter moves into the aggregates:
 * `SUM(x)` → `SUM(CASE WHEN <where> THEN x END)`, `COUNT(*)` → `COUNT(CASE WHEN <where> THEN 1 END)`,
 * and WHERE goes. Without WHERE, ALL changes nothing and is dropped. A WHERE with a subquery cannot
 * go inside an aggregate (SQL Server error 130): then GROUP BY ALL stays, flagged.
 */
import type { Expression } from '../../ast/expressions';
import type { ProcStatement } from '../../ast/procedural';
import type { Select } from '../../ast/queries';
import { num } from '../build';
import type { RuleContext } from '../rule';
import { children, isAggregate } from './aggregates';

function hasSubquery(e: Expression): boolean {
  return (
    e.kind === 'Subquery' || e.kind === 'Exists' || e.kind === 'InQuery' || children(e).some(hasSubquery)
  );
}

/** Replace the aggregates of this query level (not of subqueries) with `f(aggregate)`. */
function mapAggregates(node: unknown, f: (e: Expression) => Expression): unknown {
  if (Array.isArray(node)) return node.map((x) => mapAggregates(x, f));
  if (node === null || typeof node !== 'object') return node;
  const kind = (node as { kind?: unknown }).kind;
  if (kind === 'Subquery' || kind === 'Exists') return node;
  if (kind === 'FunctionCall' && isAggregate(node as Expression)) return f(node as Expression);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node))
    out[k] = k === 'span' || (kind === 'InQuery' && k === 'query') ? v : mapAggregates(v, f);
  return out;
}

export function groupByAll(s: ProcStatement, rc: RuleContext): ProcStatement {
  if (s.kind !== 'Select' || s.groupBy?.all !== true) return s;
  const groupBy = { all: false, exprs: s.groupBy.exprs };
  const where = s.where;
  if (where === undefined) {
    rc.report('groupByAll', s.span, 'group by all without WHERE → GROUP BY (same groups) (QRY-05)');
    return { ...s, groupBy };
  }
  if (hasSubquery(where)) {
    rc.report(
      'groupByAllKept',
      s.span,
      'group by all with a subquery in WHERE: kept as deprecated GROUP BY ALL; move the filter into the aggregates by hand (QRY-05)',
    );
    return s;
  }
  rc.report(
    'groupByAll',
    s.span,
    'group by all → WHERE moved into each aggregate as CASE WHEN <where> THEN x END, so groups failing WHERE still show (QRY-05)',
  );
  const filtered = (e: Expression): Expression => {
    if (e.kind !== 'FunctionCall') return e;
    const arg = e.star === true ? num(1, e.span) : e.args[0];
    if (arg === undefined || e.args.length > 1) return e;
    const guarded: Expression = { kind: 'Case', whens: [{ when: where, then: arg }], span: e.span };
    const { star: _star, ...rest } = e;
    return { ...rest, args: [guarded] };
  };
  const mapped = mapAggregates({ items: s.items, having: s.having, orderBy: s.orderBy }, filtered) as Pick<
    Select,
    'items' | 'having' | 'orderBy'
  >;
  const { where: _where, ...rest } = s;
  return { ...rest, ...mapped, groupBy };
}
