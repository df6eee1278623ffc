/**
 * Timer: purges the history of finished orchestrations older than the retention
 * (ASEMIG_HISTORY_RETENTION_DAYS, default 30): a large Instances table slows every status
 * query (platform-notes §2.1). Running instances are never purged.
 */
import type { InvocationContext, Timer } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import { OrchestrationRuntimeStatus } from 'durable-functions';

export const DEFAULT_PURGE_CRON = '0 30 3 * * *';
const DAY_MS = 86_400_000;

export async function purgeHistory(
  retentionDays: number,
  _timer: Timer,
  client: DurableClient,
  context: InvocationContext,
  now: Date = new Date(),
): Promise<number> {
  const result = await client.purgeInstanceHistoryBy({
    createdTimeFrom: new Date(0),
    createdTimeTo: new Date(now.getTime() - retentionDays * DAY_MS),
    runtimeStatus: [
      OrchestrationRuntimeStatus.Completed,
      OrchestrationRuntimeStatus.Failed,
      OrchestrationRuntimeStatus.Terminated,
    ],
  });
  context.log(
    `purged the history of ${result.instancesDeleted} instance(s) older than ${retentionDays} days`,
  );
  return result.instancesDeleted;
}
