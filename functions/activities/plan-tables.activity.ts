/** Activity: plan one batch of tables into chunks (plans go to staging); returns chunk counts. */
import type { InvocationContext } from '@azure/functions';
import { planTablesStep, type PlannedTable } from '../../shared/pipeline/steps/plan-tables';
import { asResult, stepRun, type ActivityInput, type ActivityResult } from './activity-io';

export interface PlanTablesInput extends ActivityInput {
  readonly tables: readonly { readonly schema: string; readonly table: string }[];
}

export function planTablesActivity(
  input: PlanTablesInput,
  _context?: InvocationContext,
): Promise<ActivityResult<{ tables: PlannedTable[] }>> {
  return asResult(async () => ({ tables: await planTablesStep(stepRun(input), input.tables) }));
}
