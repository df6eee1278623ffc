/**
 * JSON responses and coded errors for the HTTP functions: every 4xx body is
 * `{ error: { code, message, field? } }`, so a client sees which field to fix.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { CONFIG_CODES } from '../../shared/config/codes';
import { AsemigError } from '../../shared/errors';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'content-type': 'application/json', ...headers } };
}

export function errorResponse(status: number, e: AsemigError): HttpResponseInit {
  return json(status, {
    error: {
      code: e.code,
      message: e.message,
      ...(e.place.field !== undefined ? { field: e.place.field } : {}),
      ...(e.place.object !== undefined ? { object: e.place.object } : {}),
    },
  });
}

/** The parsed JSON body; a body that is not JSON is an ASM-CFG-001 error naming `(body)`. */
export async function readJsonBody(req: HttpRequest, maxBytes: number): Promise<unknown> {
  const text = await req.text();
  if (Buffer.byteLength(text, 'utf8') > maxBytes)
    throw new AsemigError(
      CONFIG_CODES.snippetTooLarge.code,
      `request body is larger than ${maxBytes} bytes`,
      {
        field: '(body)',
      },
    );
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new AsemigError(CONFIG_CODES.notObject.code, `body is not JSON: ${(e as Error).message}`, {
      field: '(body)',
    });
  }
}

/** 400 for input errors (413 for size), rethrow anything else (the host answers 500). */
export function asClientError(e: unknown): HttpResponseInit {
  if (e instanceof AsemigError)
    return errorResponse(e.code === CONFIG_CODES.snippetTooLarge.code ? 413 : 400, e);
  throw e;
}
