/**
 * Activity: catalog + DDL to staging; returns counts, the table list and blob names.
 * Telemetry: the run's start (with its table count) and the end of the inventory phase.
 */
import type { InvocationContext } from '@azure/functions';
import { inventoryStep, type InventoryResult } from '../../shared/pipeline/steps/inventory';
import { asResult, stepRun, type ActivityInput, type ActivityResult } from './activity-io';
import { observeActivity } from './activity-telemetry';

export function inventoryActivity(
  input: ActivityInput,
  _context?: InvocationContext,
): Promise<ActivityResult<InventoryResult>> {
  return observeActivity<InventoryResult>(
    input,
    {
      where: { phase: 'inventory' },
      staging: (r) => ({ name: 'write inventory', data: r?.blobs.inventory ?? `${input.runId}/host/` }),
      onSuccess: (run, r, durationMs) => {
        run.runStarted({ tables: r.tables.filter((t) => !t.proxy).length });
        run.phaseFinished('inventory', durationMs);
      },
    },
    () => asResult(() => inventoryStep(stepRun(input))),
  );
}
