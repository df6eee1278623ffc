import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { col, table } from './build-table';
import { openWith, readAll, rejection } from './offline-fixture';

const people = (): ReturnType<typeof table> =>
  table(
    'dbo',
    'people',
    [
      col('id', 'int'),
      col('name', 'varchar', { length: 20, null: true }),
      col('note', 'text', { null: true }),
    ],
    {
      pk: ['id'],
    },
  );

describe('terminators (BCP-02)', () => {
  for (const chunk of [1, 2, 3, 7, 65536]) {
    test(`BCP-02 multi-character terminators |~| and #~# split across ${chunk}-byte reads`, async () => {
      const t = people();
      const data = '1|~|ann|~|a\tb\nc#~#2|~||~|#~#3|~|😀 x|~|line#~#';
      const manifest = JSON.stringify({
        tables: { 'dbo.people': { fieldTerminator: '|~|', rowTerminator: '#~#' } },
      });
      const src = await openWith({ 'dbo.people.bcp': data, 'manifest.json': manifest }, [t], chunk);
      assert.deepEqual(await readAll(src, t), [
        ['1', 'ann', 'a\tb\nc'],
        ['2', null, null],
        ['3', '😀 x', 'line'],
      ]);
    });
  }

  test('BCP-02 escaped terminators in the manifest (\\t and \\r\\n as written on the bcp command line)', async () => {
    const t = people();
    const manifest = JSON.stringify({ fieldTerminator: '\\t', rowTerminator: '\\r\\n' });
    const src = await openWith(
      { 'dbo.people.dat': '1\tann\tx\r\n2\tbob\ty\r\n', 'manifest.json': manifest },
      [t],
    );
    assert.deepEqual(await readAll(src, t), [
      ['1', 'ann', 'x'],
      ['2', 'bob', 'y'],
    ]);
  });

  test('BCP-02 a newline inside a text field that is not the last one is data, not a row end', async () => {
    const t = table('dbo', 'doc', [col('id', 'int'), col('body', 'text', { null: true }), col('n', 'int')], {
      pk: ['id'],
    });
    const src = await openWith({ 'dbo.doc.bcp': '1\tfirst\nsecond\t5\n2\tx\t6\n' }, [t]);
    assert.deepEqual(await readAll(src, t), [
      ['1', 'first\nsecond', '5'],
      ['2', 'x', '6'],
    ]);
  });
});

describe('format errors name file and line (BCP-02)', () => {
  const cases: readonly [string, string, string, number, Record<string, unknown>?][] = [
    ['BCP-02 CRLF file read with "\\n"', '1\t5\tann\r\n', 'ASM-BCP-005', 1],
    [
      'BCP-02 short row (row terminator inside an int field)',
      '1\t5\tann\n2\t6\n3\t7\tcy\n',
      'ASM-BCP-002',
      2,
    ],
    ['BCP-02 file ends inside a row', '1\t5\tann\n2\t6', 'ASM-BCP-004', 2],
  ];
  for (const [name, data, code, line] of cases) {
    test(name, async () => {
      const t = table('dbo', 'people', [
        col('id', 'int'),
        col('n', 'int', { null: true }),
        col('name', 'varchar', { length: 20, null: true }),
      ]);
      const src = await openWith({ 'dbo.people.bcp': data }, [t]);
      const e = await rejection(() => readAll(src, t));
      assert.equal(e.code, code, e.message);
      assert.equal(e.place['file'], 'dbo.people.bcp');
      assert.equal(e.place['line'], line);
      assert.equal(e.place['object'], 'dbo.people');
    });
  }

  test('BCP-02 too many fields: field terminator inside a non-character last field', async () => {
    const t = table('dbo', 't', [col('id', 'int'), col('n', 'int')]);
    const src = await openWith({ 'dbo.t.bcp': '1\t2\n3\t4\t5\n' }, [t]);
    const e = await rejection(() => readAll(src, t));
    assert.equal(e.code, 'ASM-BCP-003');
    assert.equal(e.place['line'], 2);
    assert.equal(e.place['field'], 'n');
  });

  test('BCP-02 a wrong field terminator fails on the first row, without reading on', async () => {
    const t = table('dbo', 't', [col('id', 'int'), col('s', 'varchar', { length: 10 })]);
    const src = await openWith({ 'dbo.t.bcp': '1|ab\n'.repeat(100000) }, [t]);
    const e = await rejection(() => readAll(src, t));
    assert.deepEqual([e.code, e.place['line'], e.place['field']], ['ASM-BCP-002', 1, 'id']);
  });

  test('BCP-02 a wrong row terminator fails after maxRowBytes instead of buffering the file', async () => {
    const t = table('dbo', 't', [col('id', 'int'), col('s', 'varchar', { length: 10 })]);
    const big = '1\tab\n'.repeat(5000);
    const src = await openWith(
      { 'dbo.t.bcp': big, 'manifest.json': JSON.stringify({ rowTerminator: '#~#', maxRowBytes: 1000 }) },
      [t],
    );
    const e = await rejection(() => readAll(src, t));
    assert.equal(e.code, 'ASM-BCP-004');
    assert.equal(e.place['line'], 1);
  });

  test('BCP-06 a bad value names file, line, column number and column name', async () => {
    const t = table('dbo', 't', [col('id', 'int'), col('d', 'datetime')]);
    const src = await openWith({ 'dbo.t.bcp': '1\tAug  1 2002\n2\tnot a date\n' }, [t]);
    const e = await rejection(() => readAll(src, t));
    assert.equal(e.code, 'ASM-BCP-006');
    assert.deepEqual([e.place['line'], e.place['column'], e.place['field']], [2, 3, 'd']);
  });
});

describe('character sets (BCP-08, COL-01)', () => {
  test('BCP-08 invalid UTF-8 is an error with line and byte column, never U+FFFD', async () => {
    const t = table('dbo', 't', [col('id', 'int'), col('s', 'varchar', { length: 10 })]);
    const data = Buffer.concat([Buffer.from('1\tok\n2\tab'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    const src = await openWith({ 'dbo.t.bcp': data }, [t]);
    const e = await rejection(() => readAll(src, t));
    assert.equal(e.code, 'ASM-BCP-001');
    assert.deepEqual(
      [e.place['file'], e.place['line'], e.place['column'], e.place['field']],
      ['dbo.t.bcp', 2, 5, 's'],
    );
  });

  test('COL-01 iso_1 maps every byte to its code point (0x80 stays U+0080, not the euro sign)', async () => {
    const t = table('dbo', 't', [col('id', 'int'), col('s', 'varchar', { length: 10 })]);
    const data = Buffer.concat([Buffer.from('1\t'), Buffer.from([0xe9, 0x80]), Buffer.from('\n')]);
    const src = await openWith({ 'dbo.t.bcp': data, 'manifest.json': '{"charset":"iso_1"}' }, [t]);
    assert.deepEqual(await readAll(src, t), [['1', 'é\u0080']]);
  });

  test('COL-01 cp1252 decodes 0x80 as the euro sign and rejects undefined byte 0x81', async () => {
    const t = table('dbo', 't', [col('id', 'int'), col('s', 'varchar', { length: 10 })]);
    const ok = await openWith(
      { 'dbo.t.bcp': Buffer.from([0x31, 0x09, 0x80, 0x0a]), 'manifest.json': '{"charset":"cp1252"}' },
      [t],
    );
    assert.deepEqual(await readAll(ok, t), [['1', '€']]);
    const bad = await openWith(
      { 'dbo.t.bcp': Buffer.from([0x31, 0x09, 0x81, 0x0a]), 'manifest.json': '{"charset":"cp1252"}' },
      [t],
    );
    assert.equal((await rejection(() => readAll(bad, t))).code, 'ASM-BCP-001');
  });

  test('BCP-08 a UTF-8 byte order mark is skipped and reported', async () => {
    const t = table('dbo', 't', [col('id', 'int')], { pk: ['id'] });
    const src = await openWith(
      { 'dbo.t.bcp': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('1\n2\n')]) },
      [t],
    );
    assert.deepEqual(await readAll(src, t), [['1'], ['2']]);
    assert.ok(src.profile().some((d) => d.code === 'ASM-PROF-012'));
  });
});

describe('NULL and empty fields (BCP-03, BCP-04, STR-02)', () => {
  const t = (): ReturnType<typeof table> =>
    table('dbo', 'e', [
      col('id', 'int'),
      col('opt', 'varchar', { length: 5, null: true }),
      col('req', 'varchar', { length: 5, null: false }),
      col('fix', 'char', { length: 3, null: false }),
      col('n', 'int', { null: true }),
    ]);

  test('BCP-04 empty field: NULL in a nullable column, " " (padded for char) in a NOT NULL character column', async () => {
    const tbl = t();
    const src = await openWith({ 'dbo.e.bcp': '1\t\t\t\t\n2\t \t \tab \t7\n' }, [tbl]);
    assert.deepEqual(await readAll(src, tbl), [
      ['1', null, ' ', '   ', null],
      ['2', ' ', ' ', 'ab ', '7'],
    ]);
    const codes = src
      .profile()
      .map((d) => `${d.code} ${(d as { field?: string }).field}`)
      .sort();
    assert.deepEqual(codes, ['ASM-PROF-001 opt', 'ASM-PROF-002 fix', 'ASM-PROF-002 req']);
  });

  test('BCP-03 empty field in a NOT NULL int column is an error', async () => {
    const tbl = table('dbo', 'e', [col('id', 'int'), col('n', 'int')]);
    const src = await openWith({ 'dbo.e.bcp': '1\t2\n2\t\n' }, [tbl]);
    const e = await rejection(() => readAll(src, tbl));
    assert.deepEqual([e.code, e.place['line'], e.place['field']], ['ASM-BCP-009', 2, 'n']);
  });
});

describe('computed and timestamp columns are in the file (BCP-10, BCP-11)', () => {
  test('BCP-11 every column is read, computed and timestamp included', async () => {
    const tbl = table('dbo', 'c', [
      col('id', 'int'),
      col('twice', 'int', { computed: { expr: 'id * 2', materialized: false } }),
      col('ts', 'timestamp', { null: true }),
    ]);
    const src = await openWith({ 'dbo.c.bcp': '1\t2\t0000000000000001\n' }, [tbl]);
    const rows = await readAll(src, tbl);
    assert.equal(rows[0]?.[1], '2');
    assert.deepEqual([...(rows[0]?.[2] as Uint8Array)], [0, 0, 0, 0, 0, 0, 0, 1]);
  });

  test('BCP-11 with --hide-vcc (hideVirtualComputed) the virtual computed column is absent from the file and null in the row', async () => {
    const tbl = table('dbo', 'c', [
      col('id', 'int'),
      col('twice', 'int', { computed: { expr: 'id * 2', materialized: false } }),
      col('m', 'int', { computed: { expr: 'id + 1', materialized: true } }),
    ]);
    const manifest = JSON.stringify({ tables: { 'dbo.c': { hideVirtualComputed: true } } });
    const src = await openWith({ 'dbo.c.bcp': '1\t2\n', 'manifest.json': manifest }, [tbl]);
    assert.deepEqual(await readAll(src, tbl), [['1', null, '2']]);
  });
});
