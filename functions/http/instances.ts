/** Instance look-ups shared by the HTTP and timer functions. */
import type { DurableClient, DurableOrchestrationStatus } from 'durable-functions';

/**
 * The instance's status, or undefined when it does not exist. durable-functions 3.x getStatus
 * throws on 404 (PR #512, platform-notes §1.5); older hosts answered with an empty body.
 */
export async function findInstance(
  client: DurableClient,
  id: string,
): Promise<DurableOrchestrationStatus | undefined> {
  try {
    const s = await client.getStatus(id);
    return s && s.instanceId ? s : undefined;
  } catch (e) {
    if (/404|not found/i.test(e instanceof Error ? e.message : String(e))) return undefined;
    throw e;
  }
}

export const ACTIVE_STATUSES = ['Running', 'Pending', 'ContinuedAsNew', 'Suspended'] as const;

export function isActive(s: DurableOrchestrationStatus): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(String(s.runtimeStatus));
}
