/**
 * POST /api/translate — `{ sql, target?, file? }` → the `ase-migrate translate --json` contract
 * `{ sql, diagnostics: [{ code, severity, line, message, ruleId, level, column, object?, file }],
 * statements }`, synchronously. The snippet is size-limited (64 KiB) so a request stays well
 * inside the 230 s HTTP limit; whole databases go through POST /api/migrations.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { CONFIG_CODES } from '../../shared/config/codes';
import { AsemigError } from '../../shared/errors';
import type { TargetPlatform } from '../../shared/translator/statement-translator';
import { translatePreview } from '../../shared/translator/preview';
import { asClientError, json, readJsonBody } from './http-json';

export const MAX_SNIPPET_BYTES = 64 * 1024;
const TARGETS: readonly TargetPlatform[] = ['azure-sql', 'sqlserver'];

function bad(field: string, message: string): never {
  throw new AsemigError(CONFIG_CODES.badValue.code, message, { field });
}

export async function translateSnippet(
  req: HttpRequest,
  _context: InvocationContext,
): Promise<HttpResponseInit> {
  try {
    // A little room for the JSON envelope; the snippet itself is checked below.
    const body = await readJsonBody(req, MAX_SNIPPET_BYTES + 1024);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new AsemigError(CONFIG_CODES.notObject.code, 'body must be a JSON object', { field: '(body)' });
    const b = body as Record<string, unknown>;
    for (const k of Object.keys(b))
      if (!['sql', 'target', 'file'].includes(k))
        throw new AsemigError(CONFIG_CODES.unknownField.code, `${k} is not a translate option`, { field: k });
    if (typeof b.sql !== 'string') bad('sql', 'sql must be a string');
    if (Buffer.byteLength(b.sql, 'utf8') > MAX_SNIPPET_BYTES)
      throw new AsemigError(
        CONFIG_CODES.snippetTooLarge.code,
        `sql is larger than ${MAX_SNIPPET_BYTES} bytes: translate files with the CLI or a migration`,
        { field: 'sql' },
      );
    const target = (b.target ?? 'azure-sql') as TargetPlatform;
    if (!TARGETS.includes(target)) bad('target', `target must be one of ${TARGETS.join(', ')}`);
    if (b.file !== undefined && (typeof b.file !== 'string' || b.file.length > 200))
      bad('file', 'file must be a string of at most 200 characters');
    const file = (b.file as string | undefined) ?? 'snippet.sql';
    return json(200, translatePreview(b.sql, { file, target }));
  } catch (e) {
    return asClientError(e);
  }
}
