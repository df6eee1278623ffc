import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { col, table } from './build-table';
import { openWith, readAll, rejection } from './offline-fixture';

const t1 = () => table('dbo', 'a', [col('id', 'int')], { pk: ['id'] });
const t2 = () => table('sales', 'b', [col('id', 'int')], { pk: ['id'] });

describe('tables and data files (BCP-01)', () => {
  test('BCP-01 <owner>.<table>.bcp, <table>.dat (unique name) and a manifest-named file are matched', async () => {
    const t3 = table('hr', 'c', [col('id', 'int')], { pk: ['id'] });
    const src = await openWith(
      {
        'dbo.a.bcp': '1\n',
        'b.dat': '2\n',
        'export_c.out': '3\n',
        'manifest.json': '{"tables":{"hr.c":{"file":"export_c.out"}}}',
      },
      [t1(), t2(), t3],
    );
    const cat = await src.catalog();
    assert.equal(cat.tables.length, 3);
    assert.deepEqual(await readAll(src, t2()), [['2']]);
    assert.deepEqual(await readAll(src, t3), [['3']]);
  });

  test('BCP-01 a table without a data file is an error naming the table', async () => {
    const src = await openWith({ 'dbo.a.bcp': '1\n' }, [t1(), t2()]);
    const e = await rejection(() => src.catalog());
    assert.deepEqual([e.code, e.place['object']], ['ASM-SRC-005', 'sales.b']);
  });

  test('BCP-01 "data": false declares an intentionally empty table: one empty chunk', async () => {
    const src = await openWith(
      { 'dbo.a.bcp': '1\n', 'manifest.json': '{"tables":{"sales.b":{"data":false}}}' },
      [t1(), t2()],
    );
    await src.catalog();
    const plan = await src.planChunks(t2(), 10);
    assert.equal(plan.chunks.length, 1);
    assert.deepEqual(await readAll(src, t2()), []);
    assert.ok(plan.diagnostics.some((d) => d.code === 'ASM-BCP-103'));
  });

  test('BCP-01 a data file with no table is an error naming the file', async () => {
    const src = await openWith({ 'dbo.a.bcp': '1\n', 'dbo.zz.bcp': '1\n' }, [t1()]);
    const e = await rejection(() => src.catalog());
    assert.deepEqual([e.code, e.place['file']], ['ASM-SRC-006', 'dbo.zz.bcp']);
  });

  test('BCP-01 two files for one table are an error', async () => {
    const src = await openWith({ 'dbo.a.bcp': '1\n', 'dbo.a.dat': '1\n' }, [t1()]);
    assert.equal((await rejection(() => src.catalog())).code, 'ASM-SRC-007');
  });

  test('BCP-01 a manifest table not in the scripts is an error', async () => {
    const src = await openWith({ 'dbo.a.bcp': '1\n', 'manifest.json': '{"tables":{"dbo.nope":{}}}' }, [t1()]);
    const e = await rejection(() => src.catalog());
    assert.deepEqual([e.code, e.place['field']], ['ASM-SRC-003', 'tables.dbo.nope']);
  });

  test('CAT-11 other files are reported as ignored, not silently skipped', async () => {
    const src = await openWith({ 'dbo.a.bcp': '1\n', 'README.md': 'hello' }, [t1()]);
    const cat = await src.catalog();
    assert.ok(cat.diagnostics.some((d) => d.code === 'ASM-SRC-011' && d.file === 'README.md'));
  });

  test('CAT-11 server facts and database name come from the manifest', async () => {
    const src = await openWith(
      {
        'dbo.a.bcp': '1\n',
        'manifest.json': '{"database":"demo","server":{"version":"16.0","sortOrder":"nocase"}}',
      },
      [t1()],
    );
    const cat = await src.catalog();
    assert.equal(cat.database, 'demo');
    assert.deepEqual(cat.server, { charset: 'utf8', version: '16.0', sortOrder: 'nocase' });
  });
});
