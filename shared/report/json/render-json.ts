/**
 * report.json: the run report as data for the API, scripts and later tooling. Keys come in a fixed
 * order (top level as declared below, nested objects sorted) so two runs diff cleanly, and a
 * `schemaVersion` lets readers refuse a format they do not know.
 */
import { AsemigError } from '../../errors';
import { HOST_CODES } from '../../host-codes';
import type { RunReport } from '../model';
import { summarizeAssessment } from '../assessment-summary';
import { computeStats } from '../stats';

export const REPORT_SCHEMA_VERSION = 1;

const TOP_LEVEL_ORDER = [
  'schemaVersion',
  'runId',
  'tool',
  'database',
  'status',
  'source',
  'staging',
  'target',
  'startedAt',
  'finishedAt',
  'stats',
  'assessment',
  'objects',
  'tables',
  'typeMappings',
  'profile',
  'diagnostics',
  'outputs',
] as const;

/** Deep copy with object keys sorted; arrays keep their order (it is meaningful). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

export function renderJson(report: RunReport): string {
  const withExtras: Record<string, unknown> = {
    ...report,
    schemaVersion: REPORT_SCHEMA_VERSION,
    stats: computeStats(report),
    // Derived like stats: objects by type, findings by code, effort and load-time estimates.
    assessment: summarizeAssessment(report),
  };
  const ordered: Record<string, unknown> = {};
  for (const k of TOP_LEVEL_ORDER) if (k in withExtras) ordered[k] = sortKeys(withExtras[k]);
  // Optional fields added to the model later still appear, after the known ones, sorted.
  for (const k of Object.keys(withExtras).sort()) if (!(k in ordered)) ordered[k] = sortKeys(withExtras[k]);
  return JSON.stringify(ordered, null, 2) + '\n';
}

/** Read a report.json back; the derived `stats`, `assessment` and `schemaVersion` are dropped. */
export function parseJsonReport(text: string, file = 'report.json'): RunReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new AsemigError(HOST_CODES.reportSchema.code, `not JSON: ${(e as Error).message}`, { file });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new AsemigError(HOST_CODES.reportSchema.code, 'not a report object', { file });
  }
  const { schemaVersion, stats: _stats, assessment: _assessment, ...rest } = data as Record<string, unknown>;
  if (schemaVersion !== REPORT_SCHEMA_VERSION) {
    throw new AsemigError(
      HOST_CODES.reportSchema.code,
      `schema version ${JSON.stringify(schemaVersion)} is not ${REPORT_SCHEMA_VERSION}`,
      { file, field: 'schemaVersion' },
    );
  }
  for (const field of ['runId', 'status', 'objects', 'tables', 'diagnostics'] as const) {
    if (!(field in rest)) {
      throw new AsemigError(HOST_CODES.reportSchema.code, 'required field missing', { file, field });
    }
  }
  return rest as unknown as RunReport;
}
