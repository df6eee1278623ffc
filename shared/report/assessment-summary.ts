/**
 * The assessment view of a run report (issue 3 item 4): objects per type and status, findings per
 * diagnostic code, the effort estimate and the load-time estimate. Derived from the RunReport in
 * one place so the HTML, JSON and text renderers show the same numbers.
 */
import type { Level } from '../translator/diagnostics';
import { estimateEffort, estimateLoadTime, type EffortEstimate, type LoadTimeEstimate } from './effort';
import type { ObjectStatus, RunReport } from './model';
import { allFindings, OBJECT_STATUSES } from './stats';

export interface TypeCounts {
  readonly type: string;
  readonly total: number;
  readonly byStatus: Readonly<Record<ObjectStatus, number>>;
}

export interface CodeCount {
  readonly code: string;
  readonly ruleId: string;
  readonly level: Level;
  readonly count: number;
}

export interface AssessmentSummary {
  /** Object types in alphabetical order. */
  readonly objectsByType: readonly TypeCounts[];
  /** Distinct finding codes, most frequent first (then by code). */
  readonly findingsByCode: readonly CodeCount[];
  readonly effort: EffortEstimate;
  readonly loadTime: LoadTimeEstimate;
}

export function summarizeAssessment(report: RunReport): AssessmentSummary {
  const types = new Map<string, Record<ObjectStatus, number>>();
  for (const o of report.objects) {
    let c = types.get(o.type);
    if (!c) {
      c = { converted: 0, warnings: 0, manual: 0, blocked: 0 };
      types.set(o.type, c);
    }
    c[o.status] += 1;
  }
  const objectsByType = [...types.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([type, byStatus]) => ({
      type,
      byStatus,
      total: OBJECT_STATUSES.reduce((n, s) => n + byStatus[s], 0),
    }));

  const codes = new Map<string, CodeCount>();
  for (const { diagnostic: d } of allFindings(report)) {
    // An aggregated data-profile finding stands for `count` occurrences.
    const n = d.count ?? 1;
    const key = `${d.code}\u0000${d.ruleId}\u0000${d.level}`;
    const prev = codes.get(key);
    codes.set(key, { code: d.code, ruleId: d.ruleId, level: d.level, count: (prev?.count ?? 0) + n });
  }
  const findingsByCode = [...codes.values()].sort(
    (a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return {
    objectsByType,
    findingsByCode,
    effort: report.effort ?? estimateEffort(report),
    loadTime: report.loadEstimate ?? estimateLoadTime(report.tables),
  };
}
