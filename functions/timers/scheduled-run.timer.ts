/**
 * Timer: starts the run a schedule declares (ASEMIG_SCHEDULES), with run id
 * `sched-<name>-<yyyyMMddHHmm>` (UTC fire minute, so a timer delivered twice starts one run).
 * Skipped while an earlier run of the same schedule is still Running/Pending: overlapping
 * rehearsal loads would compete for the same source and staging.
 */
import type { InvocationContext, Timer } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import { OrchestrationRuntimeStatus } from 'durable-functions';
import type { Schedule } from '../../shared/config/schedules';
import type { MigrateDatabaseInput } from '../../orchestrators/contracts';
import { OrchestratorNames } from '../activities/names';
import { findInstance } from '../http/instances';

export type ScheduledRunOutcome =
  | { readonly started: string }
  | { readonly skipped: string; readonly reason: 'still-running' | 'already-started' };

export function scheduleRunId(name: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 12);
  return `sched-${name}-${stamp}`;
}

export async function runSchedule(
  schedule: Schedule,
  _timer: Timer,
  client: DurableClient,
  context: InvocationContext,
  now: Date = new Date(),
): Promise<ScheduledRunOutcome> {
  const prefix = `sched-${schedule.name}-`;
  const active = await client.getStatusBy({
    runtimeStatus: [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending],
  });
  const previous = active.find(
    (s) => s.name === OrchestratorNames.migrateDatabase && s.instanceId.startsWith(prefix),
  );
  if (previous) {
    context.log(`schedule ${schedule.name}: ${previous.instanceId} is still running; not starting another`);
    return { skipped: previous.instanceId, reason: 'still-running' };
  }
  const runId = scheduleRunId(schedule.name, now);
  if (await findInstance(client, runId)) return { skipped: runId, reason: 'already-started' };
  const input: MigrateDatabaseInput = { runId, options: { ...schedule.options, runId } };
  await client.startNew(OrchestratorNames.migrateDatabase, { instanceId: runId, input });
  context.log(`schedule ${schedule.name}: started ${runId}`);
  return { started: runId };
}
