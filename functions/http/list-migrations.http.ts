/**
 * GET /api/migrations[?status=Running,Failed] — the migrateDatabase instances (not the batch
 * sub-orchestrations), newest first, as short views.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { DurableClient, OrchestrationRuntimeStatus } from 'durable-functions';
import { CONFIG_CODES } from '../../shared/config/codes';
import { AsemigError } from '../../shared/errors';
import { OrchestratorNames } from '../activities/names';
import { asClientError, json } from './http-json';
import { migrationView } from './migration-view';

const STATUSES = ['Running', 'Pending', 'Completed', 'Failed', 'Terminated', 'Suspended', 'ContinuedAsNew'];

export async function listMigrations(
  req: HttpRequest,
  client: DurableClient,
  _context: InvocationContext,
): Promise<HttpResponseInit> {
  const wanted = (req.query.get('status') ?? '').split(',').filter(Boolean);
  const bad = wanted.find((s) => !STATUSES.includes(s));
  if (bad)
    return asClientError(
      new AsemigError(CONFIG_CODES.badValue.code, `status '${bad}' is not one of ${STATUSES.join(', ')}`, {
        field: 'status',
      }),
    );
  const all = await client.getStatusBy(
    wanted.length ? { runtimeStatus: wanted as OrchestrationRuntimeStatus[] } : {},
  );
  const runs = all
    .filter((s) => s.name === OrchestratorNames.migrateDatabase)
    .sort((a, b) => +new Date(b.createdTime) - +new Date(a.createdTime))
    .map((s) => {
      const v = migrationView(s);
      return {
        id: v.id,
        runtimeStatus: v.runtimeStatus,
        phase: v.phase,
        createdTime: v.createdTime,
        counts: v.counts,
        links: { self: v.links.self },
      };
    });
  return json(200, { migrations: runs });
}
