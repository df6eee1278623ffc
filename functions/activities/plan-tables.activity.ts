/**
 * Activity: plan one batch of tables into chunks (plans go to staging); returns chunk counts and
 * the tables whose plan failed on a data error.
 */
import type { InvocationContext } from '@azure/functions';
import { planTablesStep, type PlanTablesResult } from '../../shared/pipeline/steps/plan-tables';
import { asResult, stepRun, type ActivityInput, type ActivityResult } from './activity-io';

export interface PlanTablesInput extends ActivityInput {
  readonly tables: readonly { readonly schema: string; readonly table: string }[];
}

export function planTablesActivity(
  input: PlanTablesInput,
  _context?: InvocationContext,
): Promise<ActivityResult<PlanTablesResult>> {
  return asResult(() => planTablesStep(stepRun(input), input.tables));
}
