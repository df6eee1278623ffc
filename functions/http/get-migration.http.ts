/** GET /api/migrations/{id} — phase, per-table progress, counts, throughput, ETA, report links. */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import { asClientError, json } from './http-json';
import { findInstance } from './instances';
import { migrationView } from './migration-view';
import { notFound, runIdParam } from './run-id-param';

export async function getMigration(
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
  return s ? json(200, migrationView(s)) : notFound(id);
}
