/**
 * QRY-03 / QRY-04 / QRY-06: ASE's group-by extensions. A select list (or HAVING) column that is not
 * aggregated and not grouped makes ASE return one row per table row with its group's aggregate —
 * even rows that fail WHERE [A26]. SQL Server rejects such a query (8120), and the naive fix (add
 * the column to GROUP BY) changes the result, so the statement is carried MANUAL with the exact
 * column list for a person to choose the faithful form (derived table / OVER (PARTITION BY ...)).
 * A `statements` rule: only a statement standing in a list can be carried; a select nested in an
 * expression is reported (SQL Server will reject it loudly, it cannot run wrong).
 */
import type { ColumnRef, Expression } from '../../ast/expressions';
import type { ProcStatement } from '../../ast/procedural';
import type { Select } from '../../ast/queries';
import type { TranslatorCode } from '../../codes';
import { manualStatement, type RuleContext } from '../rule';
import { containsAggregate, exprKey, plainColumns } from './aggregates';

interface Finding {
  readonly code: TranslatorCode;
  readonly message: string;
}

const name = (c: ColumnRef): string => c.parts.join('.');

/** A column is grouped when a GROUP BY expression is that column (qualified or not). */
function grouped(c: ColumnRef, groupBy: readonly Expression[]): boolean {
  const parts = c.parts.map((p) => p.toLowerCase());
  return groupBy.some((g) => {
    if (g.kind !== 'ColumnRef') return false;
    const gp = g.parts.map((p) => p.toLowerCase());
    if (gp.join('.') === parts.join('.')) return true;
    // `type` grouped, `t.type` selected (or the reverse): the same column when names match
    return (gp.length === 1 || parts.length === 1) && gp[gp.length - 1] === parts[parts.length - 1];
  });
}

function ungrouped(exprs: readonly Expression[], groupBy: readonly Expression[]): string[] {
  const keys = new Set(groupBy.map(exprKey));
  const out = new Set<string>();
  for (const e of exprs) {
    if (keys.has(exprKey(e))) continue;
    for (const c of plainColumns(e)) if (!grouped(c, groupBy)) out.add(name(c));
  }
  return [...out];
}

/** The group-by extension a select uses, if any (first finding wins: one carry per statement). */
export function groupByExtension(q: Select): Finding | undefined {
  const items = q.items.map((i) => i.expr);
  const groupBy = q.groupBy?.exprs ?? [];
  if (q.groupBy !== undefined) {
    const cols = ungrouped(items, groupBy);
    if (cols.length > 0)
      return {
        code: 'groupByExtended',
        message: `select-list columns not in GROUP BY: ${cols.join(', ')} — ASE returns every row with its group's aggregate (even rows failing WHERE); rewrite with a derived table joined on the keys, or OVER (PARTITION BY ...) when there is no WHERE (QRY-03)`,
      };
  } else if (items.some(containsAggregate)) {
    const cols = ungrouped(items, []);
    if (cols.length > 0)
      return {
        code: 'aggregateExtended',
        message: `aggregate without GROUP BY next to plain columns: ${cols.join(', ')} — ASE returns every row with the overall aggregate; rewrite as <aggregate> OVER () (QRY-04)`,
      };
  }
  if (q.having !== undefined) {
    const cols = ungrouped([q.having], groupBy);
    if (cols.length > 0)
      return {
        code: 'havingExtended',
        message: `HAVING uses columns not in GROUP BY: ${cols.join(', ')} — row-level in ASE; move the condition to WHERE or rewrite as QRY-03 (QRY-06)`,
      };
  }
  return q.union !== undefined ? groupByExtension(q.union.query) : undefined;
}

/** The query a statement runs, where a group-by extension would make it wrong. */
function queryOf(s: ProcStatement): Select | undefined {
  if (s.kind === 'Select') return s;
  if (s.kind === 'Insert' && s.source.kind === 'select') return s.source.query;
  if (s.kind === 'DeclareCursor') return s.query;
  return undefined;
}

export function groupByExtensions(list: readonly ProcStatement[], rc: RuleContext): ProcStatement[] {
  return list.map((s) => {
    const q = queryOf(s);
    const f = q === undefined ? undefined : groupByExtension(q);
    if (f === undefined) return s;
    rc.report(f.code, s.span, f.message);
    return manualStatement(rc, s, f.code, f.message);
  });
}
