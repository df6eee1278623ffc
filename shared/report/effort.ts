/**
 * Effort and load-time model of the assessment (docs/assessment.md). Both are DATA tables with the
 * origin of every number next to it, so a reader can disagree with one figure and change it
 * without touching the arithmetic. SSMA's assessment docs give no man-hour figure
 * (../shared/docs/peers.md §1.1, §2.1), so every effort number here is our own assumption and is
 * labelled as such; the load-time caps come from performance.md §3.1 (Azure SQL log-rate limits).
 */
import type { Level } from '../translator/diagnostics';
import { allFindings } from './stats';
import type { ObjectReport, ObjectStatus, RunReport, TableDataReport } from './model';

/** Bump when a number below changes, so two reports say whether their estimates are comparable. */
export const EFFORT_MODEL_VERSION = 'effort-1';

/** Code objects (a person reads logic) vs schema objects (a person reads a declaration). */
export type ObjectKind = 'module' | 'schema';

const MODULE_TYPES: ReadonlySet<string> = new Set(['procedure', 'trigger', 'function', 'view']);

export function objectKind(type: string): ObjectKind {
  return MODULE_TYPES.has(type) ? 'module' : 'schema';
}

/**
 * Minutes a person spends on one object before any finding: open the converted DDL next to the
 * source, check it deploys. Assumption (no peer figure): a table or view is read in minutes, a
 * procedure/trigger needs its callers and a test run.
 */
export const BASE_REVIEW_MINUTES: Readonly<Record<string, number>> = {
  table: 5, // assumption: compare columns, keys, defaults
  view: 10, // assumption: read the query, run it once on the target
  procedure: 20, // assumption: read the body, run one call with known inputs
  trigger: 20, // assumption: trigger semantics differ (TRG rules); one insert/update test
  function: 15, // assumption: read and call once
  index: 1, // assumption: declarations, checked with their table
  rule: 3, // assumption: RD rules become CHECK constraints; read the predicate
  default: 2, // assumption: RD defaults become DEFAULT constraints
  type: 2, // assumption: user type mapped by DT rules
  permission: 1, // assumption: GRANT/DENY statements, read in bulk
  other: 2, // assumption: anything else is a short statement
};

/**
 * Minutes per finding by conversion-rules §0.1 level and object kind. AUTO/INFO findings need no
 * action by definition ("no behaviour change expected"). WARN: converted but "behaviour can differ
 * in edge cases" — a person checks the edge case. MANUAL: the statement is carried as a failing
 * placeholder and must be rewritten by hand. BLOCK: the feature cannot exist on the target, so the
 * design around it changes (a larger job in code than in a declaration).
 */
export const FINDING_MINUTES: Readonly<Record<Level, Readonly<Record<ObjectKind, number>>>> = {
  AUTO: { module: 0, schema: 0 }, // §0.1: no message, nothing to do
  INFO: { module: 0, schema: 0 }, // §0.1: no behaviour change expected; read with the base review
  WARN: { module: 15, schema: 5 }, // assumption: check one edge case (a test query / a column's data)
  MANUAL: { module: 60, schema: 30 }, // assumption: rewrite one statement by hand and test it
  BLOCK: { module: 240, schema: 120 }, // assumption: redesign around a feature the target lacks
};

export interface ObjectEffort {
  readonly type: string;
  readonly name: string;
  readonly status: ObjectStatus;
  readonly kind: ObjectKind;
  readonly findings: Readonly<Record<Level, number>>;
  readonly minutes: number;
}

export interface EffortEstimate {
  readonly model: string;
  readonly objects: readonly ObjectEffort[];
  /** Run-level findings (not attached to an object) priced as schema findings. */
  readonly unattachedMinutes: number;
  readonly totalMinutes: number;
  readonly totalHours: number;
  /** Person-hours per object type, for the summary table. */
  readonly hoursByType: Readonly<Record<string, number>>;
}

export const EFFORT_LEVELS: readonly Level[] = ['AUTO', 'INFO', 'WARN', 'MANUAL', 'BLOCK'];

function zeroLevels(): Record<Level, number> {
  return { AUTO: 0, INFO: 0, WARN: 0, MANUAL: 0, BLOCK: 0 };
}

function findingMinutes(level: Level, kind: ObjectKind): number {
  return FINDING_MINUTES[level][kind];
}

export function objectEffort(o: ObjectReport): ObjectEffort {
  const kind = objectKind(o.type);
  const findings = zeroLevels();
  let minutes = BASE_REVIEW_MINUTES[o.type] ?? (BASE_REVIEW_MINUTES['other'] as number);
  for (const d of o.diagnostics) {
    findings[d.level] += 1;
    minutes += findingMinutes(d.level, kind);
  }
  return { type: o.type, name: o.name, status: o.status, kind, findings, minutes };
}

const hours = (minutes: number): number => Math.round((minutes / 60) * 10) / 10;

/** Person-hours for the objects and run findings of a report (data-profile findings are not priced). */
export function estimateEffort(report: RunReport): EffortEstimate {
  const objects = report.objects.map(objectEffort);
  let unattachedMinutes = 0;
  for (const f of allFindings(report)) {
    if (f.source === 'run') unattachedMinutes += findingMinutes(f.diagnostic.level, 'schema');
  }
  const byType: Record<string, number> = {};
  let total = unattachedMinutes;
  for (const o of objects) {
    byType[o.type] = (byType[o.type] ?? 0) + o.minutes;
    total += o.minutes;
  }
  const hoursByType: Record<string, number> = {};
  for (const [t, m] of Object.entries(byType)) hoursByType[t] = hours(m);
  return {
    model: EFFORT_MODEL_VERSION,
    objects,
    unattachedMinutes,
    totalMinutes: total,
    totalHours: hours(total),
    hoursByType,
  };
}

/** One Azure SQL target and the transaction-log rate that bounds a bulk load on it. */
export interface LoadTier {
  readonly id: string;
  readonly label: string;
  readonly logMiBPerSecond: number;
}

/** performance.md §3.1 (Azure SQL Database resource limits, vCore, standard-series/Gen5). */
export const LOAD_TIERS: readonly LoadTier[] = [
  { id: 'gp-2', label: 'General Purpose 2 vCores', logMiBPerSecond: 9 }, // 4.5 MiB/s per vCore
  { id: 'gp-8', label: 'General Purpose 8 vCores', logMiBPerSecond: 36 }, // 4.5 MiB/s per vCore
  { id: 'gp-max', label: 'General Purpose 12+ vCores', logMiBPerSecond: 50 }, // 50 MiB/s cap
  { id: 'bc-max', label: 'Business Critical 8+ vCores', logMiBPerSecond: 96 }, // 96 MiB/s cap
  { id: 'hs', label: 'Hyperscale', logMiBPerSecond: 100 }, // 100 MiB/s at every size
  { id: 'hs-premium', label: 'Hyperscale premium-series', logMiBPerSecond: 150 }, // 150 MiB/s
];

/**
 * Log bytes written per byte of bcp data: performance.md §3.1 works with "~200 log bytes per
 * 150-byte row" (an order of magnitude; minimal logging is not available on Azure SQL).
 */
export const LOG_BYTES_PER_DATA_BYTE = 200 / 150;
/** Floor per row: a log record has a fixed header however short the row (assumption, ~60 B). */
export const MIN_LOG_BYTES_PER_ROW = 60;
/**
 * Log bytes per row when the report has no byte count (an assessment counts rows without staging):
 * performance.md §3.1's order-of-magnitude figure, "~200 log bytes per 150-byte row".
 */
export const LOG_BYTES_PER_ROW_WITHOUT_SIZE = 200;

export interface TableLoadEstimate {
  readonly schema: string;
  readonly table: string;
  readonly rows: number;
  readonly bytes: number;
  readonly logBytes: number;
  /** `bytes`: from the data size; `rows`: no byte count, rows × LOG_BYTES_PER_ROW_WITHOUT_SIZE. */
  readonly basis: 'bytes' | 'rows';
  /** Seconds per tier id, at the tier's log-rate cap (a lower bound: the cap is the limit). */
  readonly seconds: Readonly<Record<string, number>>;
}

export interface LoadTimeEstimate {
  readonly tiers: readonly LoadTier[];
  readonly tables: readonly TableLoadEstimate[];
  readonly totalSeconds: Readonly<Record<string, number>>;
}

export function tableLogBytes(rows: number, bytes: number): number {
  if (bytes <= 0) return rows * LOG_BYTES_PER_ROW_WITHOUT_SIZE;
  return Math.ceil(Math.max(bytes * LOG_BYTES_PER_DATA_BYTE, rows * MIN_LOG_BYTES_PER_ROW));
}

/** Seconds to load each table on each tier: log bytes ÷ log rate (performance.md §3.1). */
export function estimateLoadTime(
  tables: readonly Pick<TableDataReport, 'schema' | 'table' | 'rows' | 'bytes'>[],
  tiers: readonly LoadTier[] = LOAD_TIERS,
): LoadTimeEstimate {
  const totalSeconds: Record<string, number> = {};
  for (const t of tiers) totalSeconds[t.id] = 0;
  const out = tables.map((t) => {
    const logBytes = tableLogBytes(t.rows, t.bytes);
    const seconds: Record<string, number> = {};
    for (const tier of tiers) {
      const s = logBytes / (tier.logMiBPerSecond * 1024 * 1024);
      seconds[tier.id] = s;
      totalSeconds[tier.id] = (totalSeconds[tier.id] ?? 0) + s;
    }
    return {
      schema: t.schema,
      table: t.table,
      rows: t.rows,
      bytes: t.bytes,
      logBytes,
      basis: t.bytes > 0 ? ('bytes' as const) : ('rows' as const),
      seconds,
    };
  });
  return { tiers, tables: out, totalSeconds };
}
