/**
 * POST /api/migrations — validate the body against the declared run options (400 naming the
 * field; nothing is started), then start migrateDatabase with instance id = run id. Starting an
 * id that exists is idempotent: the existing instance's check-status response is returned.
 */
import type { HttpRequest, HttpResponse, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { DurableClient } from 'durable-functions';
import { validateRunOptions } from '../../shared/config/run-options';
import { defaultRunId } from '../../shared/pipeline/run-migration';
import type { MigrateDatabaseInput } from '../../orchestrators/contracts';
import { OrchestratorNames } from '../activities/names';
import { asClientError, readJsonBody } from './http-json';
import { findInstance } from './instances';

export const MAX_START_BODY = 16 * 1024;

export async function startMigration(
  req: HttpRequest,
  client: DurableClient,
  _context: InvocationContext,
  env: NodeJS.ProcessEnv = process.env,
): Promise<HttpResponse | HttpResponseInit> {
  let input: MigrateDatabaseInput;
  try {
    const options = validateRunOptions(await readJsonBody(req, MAX_START_BODY), { env });
    input = { runId: options.runId ?? defaultRunId(), options };
  } catch (e) {
    return asClientError(e);
  }
  if (!(await findInstance(client, input.runId))) {
    await client.startNew(OrchestratorNames.migrateDatabase, { instanceId: input.runId, input });
  }
  return client.createCheckStatusResponse(req, input.runId);
}
