/**
 * Output self-check: every batch the translator emits is read back with the project's own parser
 * in T-SQL mode. A module must parse whole (header and body) with no Unparsed statement inside; a
 * batch of procedural statements (a THROW placeholder, PRINT, a converted statement) must parse as
 * such. Batches of schema statements are written by the schema translators (shared/catalog) in
 * forms this parser does not read (`IDENTITY(1,1)`, `OBJECT::`): they are not checked here.
 * Comment-only batches (a BLOCK finding) have nothing to read.
 */
import assert from 'node:assert/strict';
import { parseScriptDetailed } from '../../../../shared/translator/parser/parse';
import { parseBodyText } from '../../../../shared/translator/parser/procedural/parse-body';

function unparsedIn(node: unknown, out: string[]): string[] {
  if (node === null || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    node.forEach((n) => unparsedIn(n, out));
    return out;
  }
  const n = node as { kind?: string; text?: string; reason?: string };
  if (n.kind === 'Unparsed') out.push(`${n.reason ?? ''}: ${n.text ?? ''}`);
  for (const [k, v] of Object.entries(node)) if (k !== 'span' && k !== 'comments') unparsedIn(v, out);
  return out;
}

const PROCEDURAL = new Set([
  'throw',
  'select',
  'insert',
  'update',
  'delete',
  'declare',
  'while',
  'begin',
  'raiserror',
  'print',
  'return',
  'waitfor',
  'truncate',
  'open',
  'fetch',
  'close',
  'deallocate',
  'commit',
  'rollback',
  'save',
]);

export function assertReparses(tsql: string): void {
  const parsed = parseScriptDetailed(tsql, 'output.sql', { dialect: 'tsql' });
  assert.deepEqual(parsed.lexical, [], `lexical findings in the output:\n${tsql}`);
  for (const batch of parsed.script.batches) {
    const first = batch.statements[0];
    if (first === undefined) continue;
    if (first.kind === 'CreateModule') {
      assert.equal(
        first.parseError,
        undefined,
        `module does not re-parse: ${first.parseError ?? ''}\n${batch.text}`,
      );
      assert.equal(batch.statements.length, 1);
      assert.deepEqual(unparsedIn(first.definition, []), [], `unparsed statements in:\n${batch.text}`);
      continue;
    }
    const word = /^\s*([a-z]+)/i
      .exec(batch.text.replace(/^(\s*(--[^\n]*|\/\*[\s\S]*?\*\/))*/, ''))?.[1]
      ?.toLowerCase();
    if (word === undefined || !PROCEDURAL.has(word)) continue;
    const body = parseBodyText(batch.text, { dialect: 'tsql' });
    assert.deepEqual(body.diagnostics, []);
    assert.deepEqual(unparsedIn(body.statements, []), [], `batch does not re-parse:\n${batch.text}`);
  }
}
