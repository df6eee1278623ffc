/** Activity: the run report (json/html/text) and run.json to staging; returns status and blob names. */
import type { InvocationContext } from '@azure/functions';
import { reportStep, type ReportInput, type ReportResult } from '../../shared/pipeline/steps/report-step';
import { asResult, stepRun, type ActivityInput, type ActivityResult } from './activity-io';

export type ReportActivityInput = ActivityInput & ReportInput;

export function reportActivity(
  input: ReportActivityInput,
  _context?: InvocationContext,
): Promise<ActivityResult<ReportResult>> {
  return asResult(() => reportStep(stepRun(input), input));
}
