/**
 * Scripts of an offline source are decoded with the manifest's charset, like the bcp data
 * (open.ts uses the same fieldDecoder): é/ü in string literals and comments of a Latin-1 ddlgen
 * script reach the catalog reader and the translator unchanged; a script that is not valid in the
 * declared charset is ASM-SRC error with file and line, never silently replaced.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openOfflineSource, type ScriptFile } from '../../../shared/pipeline/source/offline/open';
import { translate } from '../../../shared/translator/translate';
import { catalogOf } from './build-table';
import { writeFolder } from './offline-fixture';

const SCRIPT =
  '-- Lieferant: Müller & Söhne, café\n' +
  'create procedure dbo.greet as\n' +
  "  select 'Grüße aus Zürich' as msg\n" +
  'go\n';

async function scriptsSeen(files: Record<string, string | Buffer>): Promise<readonly ScriptFile[]> {
  let seen: readonly ScriptFile[] = [];
  const src = await openOfflineSource(writeFolder(files), {
    readCatalog: (texts) => {
      seen = texts;
      return catalogOf([]);
    },
  });
  await src.catalog();
  return seen;
}

describe('offline source: scripts decoded by the manifest charset', () => {
  const cases: ReadonlyArray<readonly [string, string, Buffer]> = [
    ['iso_1 (Latin-1) script', 'iso_1', Buffer.from(SCRIPT, 'latin1')],
    ['latin1 alias', 'latin1', Buffer.from(SCRIPT, 'latin1')],
    ['cp1252 script', 'cp1252', Buffer.from(SCRIPT, 'latin1')],
    ['utf8 script', 'utf8', Buffer.from(SCRIPT, 'utf8')],
  ];
  for (const [name, charset, bytes] of cases) {
    test(`${name}: é/ü in comments and string literals reach the translator`, async () => {
      const seen = await scriptsSeen({
        'manifest.json': JSON.stringify({ charset }),
        'procs.sql': bytes,
      });
      const text = seen.find((s) => s.path.endsWith('procs.sql'))?.text;
      assert.equal(text, SCRIPT);
      const out = translate(text ?? '', { file: 'procs.sql' }).sql;
      for (const k of ['Müller & Söhne, café', 'Grüße aus Zürich']) assert.ok(out.includes(k), k);
    });
  }

  test('Latin-1 bytes with a utf8 manifest: coded error naming file and line', async () => {
    await assert.rejects(
      scriptsSeen({
        'manifest.json': JSON.stringify({ charset: 'utf8' }),
        'procs.sql': Buffer.from(SCRIPT, 'latin1'),
      }),
      (e: { code?: string; place?: { file?: string; line?: number } }) => {
        assert.match(String(e.code), /^ASM-/);
        assert.equal(e.place?.file, 'procs.sql');
        assert.equal(e.place?.line, 1);
        return true;
      },
    );
  });
});
