/**
 * Activity: plan one batch of tables into chunks (plans go to staging); returns chunk counts and
 * the tables whose plan failed on a data error.
 * Telemetry: each plan failure with its code and place; a table planned with no chunk (empty)
 * is finished here, so its AsemigTableFinished is emitted here.
 */
import type { InvocationContext } from '@azure/functions';
import { planTablesStep, type PlanTablesResult } from '../../shared/pipeline/steps/plan-tables';
import { asResult, stepRun, type ActivityInput, type ActivityResult } from './activity-io';
import { observeActivity } from './activity-telemetry';

export interface PlanTablesInput extends ActivityInput {
  readonly tables: readonly { readonly schema: string; readonly table: string }[];
}

export function planTablesActivity(
  input: PlanTablesInput,
  _context?: InvocationContext,
): Promise<ActivityResult<PlanTablesResult>> {
  return observeActivity<PlanTablesResult>(
    input,
    {
      where: { phase: 'plan' },
      staging: () => ({ name: 'write plans', data: `${input.runId}/host/plans/` }),
      onSuccess: (run, r) => {
        for (const t of r.tables)
          if (t.chunks === 0) run.tableFinished({ ...t, chunks: 0 }, { rows: 0, bytes: 0, durationMs: 0 });
      },
      innerFailures: (r) => r.failures,
    },
    () => asResult(() => planTablesStep(stepRun(input), input.tables)),
  );
}
