/**
 * Counts that the HTML, JSON and text renderers all show. Computed in one place so the three
 * outputs of one run can never disagree about a number.
 */
import type { Diagnostic, Severity } from '../translator/diagnostics';
import type { ObjectStatus, RunReport, TableDataReport } from './model';

export type TableStatus = TableDataReport['status'];

/** Where a finding was recorded in the report (the same finding may be listed in two places). */
export type FindingSource = 'object' | 'profile' | 'run';

export interface Finding {
  readonly diagnostic: Diagnostic;
  readonly source: FindingSource;
}

export interface ReportStats {
  readonly tables: number;
  readonly rows: number;
  readonly bytes: number;
  readonly chunks: number;
  readonly tablesByStatus: Readonly<Record<TableStatus, number>>;
  readonly objects: number;
  readonly objectsByStatus: Readonly<Record<ObjectStatus, number>>;
  /** Distinct findings (object, run and profile diagnostics, duplicates counted once). */
  readonly findings: number;
  readonly findingsBySeverity: Readonly<Record<Severity, number>>;
  /** Wall-clock milliseconds between startedAt and finishedAt; undefined when either is unparsable. */
  readonly durationMs: number | undefined;
}

export const OBJECT_STATUSES: readonly ObjectStatus[] = ['converted', 'warnings', 'manual', 'blocked'];
export const TABLE_STATUSES: readonly TableStatus[] = ['staged', 'loaded', 'validated', 'failed', 'skipped'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Identity of a finding: the pipeline may copy an object's diagnostics into the run list too. */
function findingKey(d: Diagnostic): string {
  return JSON.stringify([
    d.code,
    d.ruleId,
    d.level,
    d.object ?? '',
    d.file ?? '',
    d.line,
    d.column,
    d.message,
  ]);
}

/**
 * Every finding of the run once, in report order: object diagnostics (in object order), then run
 * diagnostics, then data-profile findings.
 */
export function allFindings(report: RunReport): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  const add = (diagnostic: Diagnostic, source: FindingSource): void => {
    const key = findingKey(diagnostic);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ diagnostic, source });
  };
  for (const o of report.objects) for (const d of o.diagnostics) add(d, 'object');
  for (const d of report.diagnostics) add(d, 'run');
  for (const d of report.profile) add(d, 'profile');
  return out;
}

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  const r = {} as Record<K, number>;
  for (const k of keys) r[k] = 0;
  return r;
}

export function computeStats(report: RunReport): ReportStats {
  const tablesByStatus = zeroCounts(TABLE_STATUSES);
  let rows = 0;
  let bytes = 0;
  let chunks = 0;
  for (const t of report.tables) {
    tablesByStatus[t.status] += 1;
    rows += t.rows;
    bytes += t.bytes;
    chunks += t.chunks;
  }
  const objectsByStatus = zeroCounts(OBJECT_STATUSES);
  for (const o of report.objects) objectsByStatus[o.status] += 1;
  const findings = allFindings(report);
  const findingsBySeverity = zeroCounts(SEVERITIES);
  for (const f of findings) findingsBySeverity[f.diagnostic.severity] += 1;
  const start = Date.parse(report.startedAt);
  const end = Date.parse(report.finishedAt);
  return {
    tables: report.tables.length,
    rows,
    bytes,
    chunks,
    tablesByStatus,
    objects: report.objects.length,
    objectsByStatus,
    findings: findings.length,
    findingsBySeverity,
    durationMs: Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : undefined,
  };
}

/** `1,234,567` — grouping makes row counts readable without a locale dependency. */
export function formatCount(n: number): string {
  const s = String(Math.trunc(Math.abs(n)));
  return (n < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Bytes in binary units with one decimal (`44.3 MiB`); exact below 1 KiB. */
export function formatBytes(n: number): string {
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  if (n < 1024) return `${n} B`;
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return 'unknown';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  if (m < 60) return `${m} min ${rest} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** `file:line` when the finding or object has a place; empty when it has none. */
export function formatSourcePlace(file: string | undefined, line: number | undefined): string {
  if (!file) return line ? `line ${line}` : '';
  return line ? `${file}:${line}` : file;
}
