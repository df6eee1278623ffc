/** GET /api/openapi.json — the API document, with RunOptions taken from the declared options. */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { runOptionsJsonSchema } from '../../shared/config/run-options';
import document from './openapi.json';
import { json } from './http-json';

export function openApiDocument(): Record<string, unknown> {
  return {
    ...document,
    components: {
      ...document.components,
      schemas: { ...document.components.schemas, RunOptions: runOptionsJsonSchema() },
    },
  };
}

export function serveOpenApi(_req: HttpRequest, _context: InvocationContext): HttpResponseInit {
  return json(200, openApiDocument());
}
