/**
 * POST /api/migrations/{id}/cancel — terminate a running migration (and say so: 202). A finished
 * one answers 409 with ASM-HOST-003; an unknown id 404. Staged chunks stay (a later run with
 * `resume` semantics may reuse them); no package is written for a terminated run.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import { CONFIG_CODES } from '../../shared/config/codes';
import { AsemigError } from '../../shared/errors';
import { asClientError, errorResponse, json } from './http-json';
import { findInstance, isActive } from './instances';
import { notFound, runIdParam } from './run-id-param';

export async function cancelMigration(
  req: HttpRequest,
  client: DurableClient,
  _context: InvocationContext,
): Promise<HttpResponseInit> {
  let id: string;
  try {
    id = runIdParam(req);
  } catch (e) {
    return asClientError(e);
  }
  const s = await findInstance(client, id);
  if (!s) return notFound(id);
  if (!isActive(s))
    return errorResponse(
      409,
      new AsemigError(CONFIG_CODES.notRunning.code, `migration ${id} is ${String(s.runtimeStatus)}`, {
        field: 'id',
      }),
    );
  await client.terminate(id, 'cancelled through POST /api/migrations/{id}/cancel');
  return json(202, { id, runtimeStatus: 'Terminating' });
}
