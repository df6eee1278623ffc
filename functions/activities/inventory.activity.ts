/** Activity: catalog + DDL to staging; returns counts, the table list and blob names. */
import type { InvocationContext } from '@azure/functions';
import { inventoryStep, type InventoryResult } from '../../shared/pipeline/steps/inventory';
import { asResult, stepRun, type ActivityInput, type ActivityResult } from './activity-io';

export function inventoryActivity(
  input: ActivityInput,
  _context?: InvocationContext,
): Promise<ActivityResult<InventoryResult>> {
  return asResult(() => inventoryStep(stepRun(input)));
}
