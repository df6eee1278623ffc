/**
 * Activity: the run report (json/html/text) and run.json to staging; returns status and blob names.
 * Telemetry: the end of the report phase and AsemigRunFinished with the run's totals (the report
 * is the last step, and the only one that sees every table's outcome).
 */
import type { InvocationContext } from '@azure/functions';
import { reportStep, type ReportInput, type ReportResult } from '../../shared/pipeline/steps/report-step';
import type { RunStatus } from '../../shared/telemetry';
import { asResult, stepRun, type ActivityInput, type ActivityResult } from './activity-io';
import { observeActivity } from './activity-telemetry';

export type ReportActivityInput = ActivityInput & ReportInput;

export function reportActivity(
  input: ReportActivityInput,
  _context?: InvocationContext,
  now: () => number = Date.now,
): Promise<ActivityResult<ReportResult>> {
  return observeActivity<ReportResult>(
    input,
    {
      where: { phase: 'report' },
      staging: (r) => ({ name: 'write report', data: r?.blobs.json ?? `${input.runId}/report/` }),
      onSuccess: (run, r, durationMs) => {
        run.phaseFinished('report', durationMs);
        const started = Date.parse(input.startedAt);
        run.runFinished(runStatus(r.status), {
          rows: r.rows,
          bytes: r.bytes,
          // The orchestrator's start time (its own clock) to now: the run's wall time.
          ...(Number.isFinite(started) ? { durationMs: Math.max(0, now() - started) } : {}),
          tables: r.tables,
          failedTables: r.tables - r.tablesStaged,
        });
      },
    },
    () => asResult(() => reportStep(stepRun(input), input)),
    now,
  );
}

/** An assessment-only report counts as a succeeded run in telemetry. */
function runStatus(s: ReportResult['status']): RunStatus {
  return s === 'failed' ? 'failed' : 'succeeded';
}
