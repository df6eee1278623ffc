/**
 * GET /api/migrations/{id} — phase, counts, throughput, ETA, report links; while the run is
 * active also per-table progress read from staging (live-progress.ts), since custom status
 * carries counts only.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import { asClientError, json } from './http-json';
import { findInstance, isActive } from './instances';
import { liveProgress } from './live-progress';
import { migrationView } from './migration-view';
import { notFound, runIdParam } from './run-id-param';

export async function getMigration(
  req: HttpRequest,
  client: DurableClient,
  _context: InvocationContext,
  env: NodeJS.ProcessEnv = process.env,
  now: () => number = Date.now,
): Promise<HttpResponseInit> {
  let id: string;
  try {
    id = runIdParam(req);
  } catch (e) {
    return asClientError(e);
  }
  const s = await findInstance(client, id);
  if (!s) return notFound(id);
  const view = migrationView(s);
  if (!isActive(s)) return json(200, view);
  return json(200, { ...view, progress: await liveProgress(s, { env, now }) });
}
