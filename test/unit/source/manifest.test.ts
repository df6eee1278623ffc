import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AsemigError } from '../../../shared/errors';
import { parseManifest } from '../../../shared/pipeline/source/offline/manifest';

function fails(text: string): AsemigError {
  try {
    parseManifest(text);
  } catch (e) {
    if (e instanceof AsemigError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('manifest defaults and terminators (BCP-02)', () => {
  test('BCP-01 no manifest: utf8, tab and newline, 32 KB textsize', () => {
    const m = parseManifest(undefined);
    assert.deepEqual(m.defaults, {
      charset: 'utf8',
      fieldTerminator: '\t',
      rowTerminator: '\n',
      textsize: 32768,
      hideVirtualComputed: false,
    });
  });

  const escapes: readonly [string, string][] = [
    ['\\t', '\t'],
    ['\\r\\n', '\r\n'],
    ['|~|', '|~|'],
    ['\\x1e', '\x1e'],
    ['a\\\\b', 'a\\b'],
    ['\t', '\t'],
  ];
  for (const [written, meant] of escapes) {
    test(`BCP-02 terminator ${JSON.stringify(written)} means ${JSON.stringify(meant)}`, () => {
      assert.equal(
        parseManifest(JSON.stringify({ fieldTerminator: written })).defaults.fieldTerminator,
        meant,
      );
    });
  }

  test('BCP-02 per-table terminators override the defaults; server facts are kept', () => {
    const m = parseManifest(
      JSON.stringify({
        database: 'demo',
        charset: 'iso_1',
        server: { version: '16.0 SP04', sortOrder: 'binary', pageSize: 4096, allowNullsByDefault: false },
        tables: { 'sales.orders': { fieldTerminator: '|~|', rowTerminator: '#~#', textsize: 1048576 } },
      }),
    );
    const e = m.tables.get('sales.orders');
    assert.equal(e?.fieldTerminator, '|~|');
    assert.equal(e?.textsize, 1048576);
    assert.equal(e?.charset, 'iso_1');
    assert.deepEqual(m.server, {
      charset: 'iso_1',
      version: '16.0 SP04',
      sortOrder: 'binary',
      pageSize: 4096,
      allowNullsByDefault: false,
    });
  });
});

describe('manifest validation names the field', () => {
  const cases: readonly [string, string, string, string?][] = [
    ['BCP-02 not JSON', '{', 'ASM-SRC-002'],
    ['BCP-02 unknown top-level field', '{"charst":"utf8"}', 'ASM-SRC-003', 'charst'],
    ['BCP-02 empty terminator', '{"fieldTerminator":""}', 'ASM-SRC-003', 'fieldTerminator'],
    [
      'BCP-02 terminator longer than 30',
      JSON.stringify({ rowTerminator: 'x'.repeat(31) }),
      'ASM-SRC-003',
      'rowTerminator',
    ],
    ['BCP-02 unknown escape', '{"rowTerminator":"\\\\q"}', 'ASM-SRC-003', 'rowTerminator'],
    ['BCP-07 textsize not a positive integer', '{"textsize":-1}', 'ASM-SRC-003', 'textsize'],
    ['BCP-02 table key without owner', '{"tables":{"orders":{}}}', 'ASM-SRC-003', 'tables.orders'],
    ['BCP-02 unknown table field', '{"tables":{"dbo.t":{"fil":"x"}}}', 'ASM-SRC-003', 'tables.dbo.t.fil'],
    [
      'BCP-02 data false with a file',
      '{"tables":{"dbo.t":{"data":false,"file":"t.bcp"}}}',
      'ASM-SRC-003',
      'tables.dbo.t.file',
    ],
    [
      'BCP-02 file in a subfolder',
      '{"tables":{"dbo.t":{"file":"../t.bcp"}}}',
      'ASM-SRC-003',
      'tables.dbo.t.file',
    ],
    ['COL-04 cp850 refused', '{"charset":"cp850"}', 'ASM-SRC-004', 'charset'],
    ['COL-05 roman8 refused', '{"charset":"roman8"}', 'ASM-SRC-004', 'charset'],
    [
      'COL-06a sjis refused per table',
      '{"tables":{"dbo.t":{"charset":"sjis"}}}',
      'ASM-SRC-004',
      'tables.dbo.t.charset',
    ],
    [
      'BCP-02 server field of the wrong type',
      '{"server":{"pageSize":"4k"}}',
      'ASM-SRC-003',
      'server.pageSize',
    ],
  ];
  for (const [name, text, code, field] of cases) {
    test(name, () => {
      const e = fails(text);
      assert.equal(e.code, code, e.message);
      assert.equal(e.place.file, 'manifest.json');
      if (field !== undefined) assert.equal(e.place.field, field);
    });
  }
});
