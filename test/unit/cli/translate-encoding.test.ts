/**
 * `translate --encoding` (issue 3 item 5): Latin-1 and Windows-1252 scripts with é/ü in string
 * literals and comments translate with every character kept; an undecodable byte is a coded error
 * with the file and line; an unknown encoding is a usage error.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../cli/main';
import { fakeIo } from './fake-io';

const SCRIPT =
  '/* Kunden: Müller & Söhne, café */\n' +
  'create procedure dbo.greet as\n' +
  'begin\n' +
  '  -- grüße: é ü\n' +
  "  select 'Grüße aus Zürich, café' as msg\n" +
  'end\n' +
  'go\n';
/** Characters that only survive when the bytes are decoded in the declared charset. */
const KEPT = ['Müller & Söhne, café', 'grüße: é ü', 'Grüße aus Zürich, café'];

interface Out {
  sql: string;
  diagnostics: { code: string; severity: string; line: number; message: string }[];
  objects: { name: string; status: string }[];
}

describe('translate --encoding (Latin-1 input)', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'asemig-enc-'));
    await writeFile(join(dir, 'latin1.sql'), Buffer.from(SCRIPT, 'latin1'));
    // 0x80 is € in Windows-1252 and a C1 control in ISO-8859-1.
    await writeFile(
      join(dir, 'cp1252.sql'),
      Buffer.from(SCRIPT.replace('café */', 'café \u0080 */'), 'latin1'),
    );
    await writeFile(
      join(dir, 'cp1252-undefined.sql'),
      Buffer.concat([Buffer.from('select 1\ngo\nselect '), Buffer.from([0x81]), Buffer.from('\n')]),
    );
    await writeFile(join(dir, 'utf8.sql'), Buffer.from(SCRIPT, 'utf8'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  const ok: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
    ['latin1 file, string literals and comments', 'latin1.sql', 'latin1', KEPT],
    ['cp1252 file, € from byte 0x80', 'cp1252.sql', 'cp1252', [...KEPT, 'café €']],
    ['utf8 stays the default', 'utf8.sql', 'utf8', KEPT],
  ];
  for (const [name, file, encoding, kept] of ok) {
    test(name, async () => {
      const io = fakeIo();
      const args = ['translate', '--json', join(dir, file)];
      if (encoding !== 'utf8') args.push('--encoding', encoding);
      assert.equal(await run(args, io), 0, io.err());
      const o = JSON.parse(io.out()) as Out;
      for (const k of kept) assert.ok(o.sql.includes(k), `${k} kept in ${o.sql}`);
      assert.ok(!o.sql.includes('\uFFFD'), 'no replacement character');
      assert.deepEqual(
        o.objects.map((x) => x.name),
        ['dbo.greet'],
      );
    });
  }

  test('latin1 bytes read as utf8 (the default) are refused with ASM-CLI-005, not replaced', async () => {
    const io = fakeIo();
    assert.equal(await run(['translate', '--json', join(dir, 'latin1.sql')], io), 2);
    assert.match(io.err(), /ASM-CLI-005 .*latin1\.sql:1/);
    assert.equal(io.out(), '');
  });

  test('cp1252: an undefined byte (0x81) is ASM-CLI-005 with file and line', async () => {
    const io = fakeIo();
    const file = join(dir, 'cp1252-undefined.sql');
    assert.equal(await run(['translate', '--encoding', 'cp1252', file], io), 2);
    assert.match(io.err(), /ASM-CLI-005 .*cp1252-undefined\.sql:3: not valid cp1252: byte 0x81/);
  });

  test('stdin honours --encoding too', async () => {
    const io = fakeIo({ stdin: Buffer.from(SCRIPT, 'latin1') });
    assert.equal(await run(['translate', '--json', '--encoding', 'latin1'], io), 0, io.err());
    const o = JSON.parse(io.out()) as Out;
    for (const k of KEPT) assert.ok(o.sql.includes(k), k);
  });

  test('unknown --encoding is a usage error naming the option (exit 2)', async () => {
    const io = fakeIo();
    assert.equal(await run(['translate', '--encoding', 'ebcdic', join(dir, 'utf8.sql')], io), 2);
    assert.match(io.err(), /ASM-CLI-001 encoding: must be one of utf8, latin1, cp1252/);
  });
});
