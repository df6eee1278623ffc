import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProfileFinding } from '../../../shared/pipeline/source/offline/data-profile';
import { col, table } from './build-table';
import { openWith, readAll } from './offline-fixture';

async function profileOf(
  files: Record<string, string | Buffer>,
  t: ReturnType<typeof table>,
): Promise<ProfileFinding[]> {
  const src = await openWith(files, [t]);
  await readAll(src, t);
  return src.profile() as ProfileFinding[];
}

function find(findings: readonly ProfileFinding[], code: string): ProfileFinding {
  const f = findings.find((d) => d.code === code);
  assert.ok(f, `expected ${code} in ${findings.map((d) => d.code).join(', ')}`);
  return f;
}

describe('data profile findings are aggregated per table, column and kind', () => {
  test('DT-07 dates before 1753 going to a datetime target: one MANUAL finding with count, first line and earliest value', async () => {
    const t = table('dbo', 'h', [
      col('id', 'int'),
      col('d', 'bigdatetime', { target: { sql: 'datetime', base: 'datetime' } }),
    ]);
    const data =
      '1\t1500-01-01 00:00:00\n2\t2000-01-01 00:00:00\n3\t1200-05-05 00:00:00\n4\t1600-01-01 00:00:00\n';
    const f = await profileOf({ 'dbo.h.bcp': data }, t);
    const d = find(f, 'ASM-PROF-003');
    assert.equal(f.filter((x) => x.code === 'ASM-PROF-003').length, 1);
    assert.deepEqual(
      [d.count, d.line, d.level, d.object, d.field, d.ruleId],
      [3, 1, 'MANUAL', 'dbo.h', 'd', 'DT-07'],
    );
    assert.match(d.message, /earliest 1200-05-05 00:00:00\.000000/);
  });

  test('DT-07 pre-1753 dates in a date column with a date target are INFO only', async () => {
    const t = table('dbo', 'h', [col('id', 'int'), col('d', 'date')]);
    const d = find(await profileOf({ 'dbo.h.bcp': '1\t0001-01-01\n' }, t), 'ASM-PROF-003');
    assert.equal(d.level, 'INFO');
  });

  test('DT-07 values outside smalldatetime when the target is smalldatetime', async () => {
    const t = table('dbo', 's', [
      col('id', 'int'),
      col('d', 'datetime', { target: { sql: 'smalldatetime', base: 'smalldatetime' } }),
    ]);
    const d = find(await profileOf({ 'dbo.s.bcp': '1\t2002-01-01\n2\t2090-01-01\n' }, t), 'ASM-PROF-004');
    assert.deepEqual([d.count, d.line], [1, 2]);
  });

  test('DT-07 a datetime fraction off the 1/300 s tick is staged at the nearest tick and reported', async () => {
    const t = table('dbo', 'k', [col('id', 'int'), col('d', 'datetime')]);
    const src = await openWith({ 'dbo.k.bcp': '1\t2002-01-01 00:00:00.001\n2\t2002-01-01 00:00:00.006\n' }, [
      t,
    ]);
    const rows = await readAll(src, t);
    assert.deepEqual(
      rows.map((r) => r[1]),
      ['2002-01-01 00:00:00.000', '2002-01-01 00:00:00.007'],
    );
    const d = find(src.profile() as ProfileFinding[], 'ASM-PROF-010');
    assert.deepEqual([d.count, d.line], [1, 1]);
  });

  test('BCP-07 LOB maximum length and values exactly at the textsize limit', async () => {
    const t = table('dbo', 'l', [
      col('id', 'int'),
      col('body', 'text', { null: true }),
      col('pic', 'image', { null: true }),
    ]);
    const manifest = JSON.stringify({ textsize: 8 });
    const data = `1\tabc\t0102\n2\t12345678\t0102030405060708\n3\tabcdefgh\t\n`;
    const f = await profileOf({ 'dbo.l.bcp': data, 'manifest.json': manifest }, t);
    const max = f
      .filter((d) => d.code === 'ASM-PROF-005')
      .map((d) => `${d.field} ${d.count}`)
      .sort();
    assert.deepEqual(max, ['body 3', 'pic 2']);
    assert.match(find(f, 'ASM-PROF-005').message, /largest 8 bytes/);
    const cut = f
      .filter((d) => d.code === 'ASM-PROF-006')
      .map((d) => `${d.field} ${d.count} ${d.line}`)
      .sort();
    assert.deepEqual(cut, ['body 2 2', 'pic 1 2']);
  });

  test('COL-06b non-ASCII in a char column under iso_1, COL-01 C1 control bytes', async () => {
    const t = table('dbo', 'n', [col('id', 'int'), col('s', 'varchar', { length: 5 })]);
    const data = Buffer.concat([
      Buffer.from('1\tab\n2\t'),
      Buffer.from([0xe9]),
      Buffer.from('\n3\t'),
      Buffer.from([0x85]),
      Buffer.from('\n'),
    ]);
    const f = await profileOf({ 'dbo.n.bcp': data, 'manifest.json': '{"charset":"iso_1"}' }, t);
    assert.deepEqual([find(f, 'ASM-PROF-007').count, find(f, 'ASM-PROF-007').line], [2, 2]);
    assert.deepEqual([find(f, 'ASM-PROF-008').count, find(f, 'ASM-PROF-008').line], [1, 3]);
  });

  test('COL-06 non-ASCII under utf8 is not a finding', async () => {
    const t = table('dbo', 'n', [col('id', 'int'), col('s', 'varchar', { length: 5 })]);
    const f = await profileOf({ 'dbo.n.bcp': '1\téé\n' }, t);
    assert.equal(f.filter((d) => d.code === 'ASM-PROF-007').length, 0);
  });

  test('DT-06 unsigned values beyond the target type and unsigned bigint above the signed range', async () => {
    const t = table('dbo', 'u', [
      col('id', 'int'),
      col('a', 'unsigned smallint', { target: { sql: 'smallint', base: 'smallint' } }),
      col('b', 'unsigned bigint', { target: { sql: 'numeric(20,0)', base: 'numeric', precision: 20 } }),
    ]);
    const data = '1\t65535\t18446744073709551615\n2\t1\t1\n3\t40000\t9223372036854775808\n';
    const f = await profileOf({ 'dbo.u.bcp': data }, t);
    const a = find(f, 'ASM-PROF-009');
    assert.deepEqual([a.field, a.count, a.line, a.level], ['a', 2, 1, 'MANUAL']);
    const b = find(f, 'ASM-PROF-013');
    assert.deepEqual([b.field, b.count], ['b', 2]);
  });

  test('BCP-04 profile counts are not doubled when a chunk is read again after planning', async () => {
    const t = table('dbo', 'e', [col('id', 'int'), col('s', 'varchar', { length: 5, null: true })], {
      pk: ['id'],
    });
    const src = await openWith({ 'dbo.e.bcp': '1\t\n2\t\n3\tx\n' }, [t]);
    await readAll(src, t);
    await readAll(src, t);
    const d = find(src.profile() as ProfileFinding[], 'ASM-PROF-001');
    assert.equal(d.count, 2);
  });
});
