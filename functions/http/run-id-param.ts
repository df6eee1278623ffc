/** The `{id}` route parameter, checked like a run id before it reaches the Durable client. */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { CONFIG_CODES } from '../../shared/config/codes';
import { RUN_OPTION_SPECS } from '../../shared/config/run-options';
import { AsemigError } from '../../shared/errors';
import { errorResponse } from './http-json';

export function runIdParam(req: HttpRequest): string {
  const id = req.params.id ?? '';
  const pattern = RUN_OPTION_SPECS.find((s) => s.name === 'runId')?.pattern;
  if (!pattern || !pattern.test(id))
    throw new AsemigError(CONFIG_CODES.badValue.code, `id must be a run id (${String(pattern)})`, {
      field: 'id',
    });
  return id;
}

export function notFound(id: string): HttpResponseInit {
  return errorResponse(
    404,
    new AsemigError(CONFIG_CODES.notFound.code, `no migration ${id}`, { field: 'id' }),
  );
}
