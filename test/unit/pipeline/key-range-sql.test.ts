import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Column } from '../../../shared/catalog/model';
import type { CanonicalValue, KeyRange } from '../../../shared/pipeline/contracts';
import { compareKeys } from '../../../shared/pipeline/decode/compare-values';
import { typeKind } from '../../../shared/pipeline/decode/type-kind';
import { AsemigError } from '../../../shared/errors';
import {
  KEY_COLLATION,
  chunkHashSelect,
  chunkHashSelectFor,
  keyExpr,
  keyLiteral,
  keyOrderChunkHashSelect,
  rangePredicate,
  rowStringExpr,
} from '../../../shared/pipeline/validate/tsql-hash';
import { KEY_ORDER_GROUP_BYTES } from '../../../shared/pipeline/validate/row-hash';
import { column } from '../../helpers/memory-source';

const BIN2 = `COLLATE ${KEY_COLLATION}`;

const cols = {
  id: column('id', 1, 'int', { sql: 'int', base: 'int' }),
  big: column('big', 2, 'unsigned bigint', { sql: 'numeric(20,0)', base: 'numeric', precision: 20 }),
  amt: column('amt', 3, 'numeric', { sql: 'numeric(10,2)', base: 'numeric', precision: 10, scale: 2 }),
  cash: column('cash', 4, 'money', { sql: 'money', base: 'money' }),
  at: column('at', 5, 'datetime', { sql: 'datetime', base: 'datetime' }),
  sat: column('sat', 6, 'smalldatetime', { sql: 'smalldatetime', base: 'smalldatetime' }),
  bdt: column('bdt', 7, 'bigdatetime', { sql: 'datetime2(6)', base: 'datetime2' }),
  day: column('day', 8, 'date', { sql: 'date', base: 'date' }),
  tod: column('tod', 9, 'time', { sql: 'time(3)', base: 'time' }),
  code: column('code', 10, 'varchar', { sql: 'varchar(10)', base: 'varchar', length: 10 }),
  name: column('name', 11, 'univarchar', { sql: 'nvarchar(20)', base: 'nvarchar', length: 20 }),
  bin: column('bin', 12, 'varbinary', { sql: 'varbinary(8)', base: 'varbinary', length: 8 }),
  f: column('f', 13, 'float', { sql: 'float', base: 'float' }),
  r: column('r', 14, 'real', { sql: 'real', base: 'real' }),
  'a]b': column('a]b', 15, 'char', { sql: 'char(3)', base: 'char', length: 3 }),
};
const all: Column[] = Object.values(cols);

describe('typed key literals per target type (DT-06, DT-07, BCP-14)', () => {
  const cases: { name: string; col: Column; value: CanonicalValue; sql: string }[] = [
    { name: 'DT-06 int unquoted', col: cols.id, value: '-66', sql: '-66' },
    {
      name: 'DT-06 unsigned bigint beyond 2^63 unquoted',
      col: cols.big,
      value: '18446744073709551615',
      sql: '18446744073709551615',
    },
    { name: 'ERR-06 numeric keeps its scale', col: cols.amt, value: '-1.50', sql: '-1.50' },
    { name: 'DT-00 money unquoted', col: cols.cash, value: '12.3400', sql: '12.3400' },
    {
      name: "DT-07 datetime: ISO 8601 with 'T', style 126 (DATEFORMAT dmy cannot swap day and month)",
      col: cols.at,
      value: '2024-02-03 04:05:06.997',
      sql: "CONVERT(datetime, '2024-02-03T04:05:06.997', 126)",
    },
    {
      name: 'DT-07 smalldatetime converted to its own type',
      col: cols.sat,
      value: '2024-02-03 04:05:00.000',
      sql: "CONVERT(smalldatetime, '2024-02-03T04:05:00.000', 126)",
    },
    {
      name: 'DT-08 bigdatetime as datetime2(6)',
      col: cols.bdt,
      value: '2024-02-03 04:05:06.123456',
      sql: "CONVERT(datetime2(6), '2024-02-03T04:05:06.123456', 126)",
    },
    { name: 'date style 23', col: cols.day, value: '0001-01-01', sql: "CONVERT(date, '0001-01-01', 23)" },
    { name: 'time', col: cols.tod, value: '23:59:59.997', sql: "CONVERT(time(3), '23:59:59.997')" },
    { name: 'varchar as N-literal, quote doubled', col: cols.code, value: "O'B", sql: "N'O''B'" },
    { name: 'BCP-07 binary as 0x', col: cols.bin, value: Uint8Array.of(0xab, 1), sql: '0xAB01' },
    { name: 'empty binary as 0x', col: cols.bin, value: new Uint8Array(0), sql: '0x' },
    { name: 'BCP-13 float as E-notation float literal', col: cols.f, value: '0.125', sql: '0.125E0' },
    { name: 'BCP-13 float with exponent', col: cols.f, value: '1e+300', sql: '1E+300' },
    {
      name: 'BCP-13 real converted to real so = is exact',
      col: cols.r,
      value: '0.1',
      sql: 'CONVERT(real, 0.1E0)',
    },
    { name: 'NULL', col: cols.id, value: null, sql: 'NULL' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(keyLiteral(c.value, c.col), c.sql));

  const bad: { name: string; col: Column; value: CanonicalValue }[] = [
    {
      name: 'int key that is not a number (no SQL can be smuggled in)',
      col: cols.id,
      value: '1; DROP TABLE x',
    },
    { name: 'datetime key not in canonical form', col: cols.at, value: "2024-02-03' OR 1=1 --" },
    { name: 'date key not in canonical form', col: cols.day, value: '03/02/2024' },
    { name: 'float key NaN', col: cols.f, value: 'NaN' },
    { name: 'bytes for an int key', col: cols.id, value: Uint8Array.of(1) },
    { name: 'text for a binary key', col: cols.bin, value: 'AB01' },
  ];
  for (const c of bad) {
    test(`refused: ${c.name}`, () =>
      assert.throws(
        () => keyLiteral(c.value, c.col),
        (e: unknown) =>
          e instanceof AsemigError && e.code === 'ASM-STAGE-002' && e.place?.field === c.col.name,
      ));
  }
});

describe('string keys compare under BIN2 on the target (COL-11, STR-08)', () => {
  test('varchar is converted to nvarchar of its length first (code units, not code-page bytes)', () =>
    assert.equal(keyExpr('code', cols.code), `CONVERT(nvarchar(10), [code]) ${BIN2}`));
  test('nvarchar only gets the collation', () => assert.equal(keyExpr('name', cols.name), `[name] ${BIN2}`));
  test('char with ] in its name is bracket-quoted with ] doubled', () =>
    assert.equal(keyExpr('a]b', cols['a]b']), `CONVERT(nvarchar(3), [a]]b]) ${BIN2}`));
  test('non-string keys are compared as they are (seekable)', () => {
    for (const c of [cols.id, cols.at, cols.bin, cols.f]) assert.equal(keyExpr(c.name, c), `[${c.name}]`);
  });

  // Keys 'a', 'B', 'c': case-insensitive order is a < B < c, code-unit (BIN2) order is B < a < c.
  const keys = ['a', 'B', 'c'];
  const kinds = [typeKind({ base: 'varchar', length: 10 })];
  const planned = [...keys].sort((x, y) => compareKeys(kinds, [x], [y]));
  test('the planner orders string keys by code unit (chunk-planner.ts sorts with compareKeys)', () => {
    assert.deepEqual(planned, ['B', 'a', 'c']);
    const codeUnits = [...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    assert.deepEqual(planned, codeUnits);
    // A case-insensitive collation would order them differently: the reason for BIN2.
    const ci = [...keys].sort((x, y) => x.localeCompare(y, 'en', { sensitivity: 'base' }));
    assert.notDeepEqual(planned, ci);
  });
  test('BMP order equals code-point order; a surrogate pair sorts before U+E000..U+FFFF (BIN2 compares code units)', () => {
    const bmp = ['\u00e9', 'Z', '\u4e2d', '\uff21', '\ud7ff', 'a'];
    const byPoint = [...bmp].sort((x, y) => (x.codePointAt(0) ?? 0) - (y.codePointAt(0) ?? 0));
    assert.deepEqual(
      [...bmp].sort((x, y) => compareKeys(kinds, [x], [y])),
      byPoint,
    );
    // The one difference from code-point order: U+1F600 (pair D83D DE00) < U+FF21 in code units.
    assert.equal(compareKeys(kinds, ['\u{1f600}'], ['\uff21']), -1);
  });
  test('STR-08 trailing blanks are ignored, as = and ORDER BY do on the target', () =>
    assert.equal(compareKeys(kinds, ['B  '], ['B']), 0));

  // Chunks of one key each: (-, B], (B, a], (a, -).
  const ranges: KeyRange[] = [
    { keyColumns: ['code'], upTo: ['B'] },
    { keyColumns: ['code'], after: ['B'], upTo: ['a'] },
    { keyColumns: ['code'], after: ['a'] },
  ];
  const expr = `CONVERT(nvarchar(10), [code]) ${BIN2}`;
  const predicates = [`${expr} <= N'B'`, `${expr} > N'B' AND ${expr} <= N'a'`, `${expr} > N'a'`];
  ranges.forEach((r, i) =>
    test(`chunk ${i} predicate: ${predicates[i]}`, () => assert.equal(rangePredicate(r, all), predicates[i])),
  );
  test('under BIN2 (= the planner order) every key falls in exactly one chunk', () => {
    const inRange = (r: KeyRange, k: string): boolean =>
      (!r.after || compareKeys(kinds, [k], r.after) > 0) && (!r.upTo || compareKeys(kinds, [k], r.upTo) <= 0);
    for (const k of keys) assert.equal(ranges.filter((r) => inRange(r, k)).length, 1, k);
    // Under a case-insensitive comparison, 'a' <= 'B' would also put 'a' in chunk 0: a reload of
    // chunk 0 would delete chunk 1's row.
    assert.ok('a'.localeCompare('B', 'en', { sensitivity: 'base' }) <= 0);
  });
});

describe('typed range predicates (BCP-14 reload replaces exactly its range)', () => {
  const cases: { name: string; range: KeyRange; sql: string }[] = [
    {
      name: 'int key, no quotes',
      range: { keyColumns: ['id'], after: ['65'], upTo: ['66'] },
      sql: '[id] > 65 AND [id] <= 66',
    },
    {
      name: 'DT-07 datetime key, ISO literal of its own type',
      range: { keyColumns: ['at'], upTo: ['2024-02-03 04:05:06.997'] },
      sql: "[at] <= CONVERT(datetime, '2024-02-03T04:05:06.997', 126)",
    },
    {
      name: 'composite (varchar, int) key is lexicographic with BIN2 equality',
      range: { keyColumns: ['code', 'id'], after: ['east', '10'] },
      sql: `(CONVERT(nvarchar(10), [code]) ${BIN2} > N'east' OR (CONVERT(nvarchar(10), [code]) ${BIN2} = N'east' AND [id] > 10))`,
    },
    {
      name: 'binary key',
      range: { keyColumns: ['bin'], upTo: [Uint8Array.of(0xff)] },
      sql: '[bin] <= 0xFF',
    },
    { name: 'open range', range: { keyColumns: ['id'] }, sql: '1 = 1' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(rangePredicate(c.range, all), c.sql));
  test('a key column unknown to the table is refused with the column name', () =>
    assert.throws(
      () => rangePredicate({ keyColumns: ['nope'], upTo: ['1'] }, all),
      (e: unknown) => e instanceof AsemigError && e.code === 'ASM-STAGE-006' && e.place?.field === 'nope',
    ));
  test('without columns the old untyped form is kept for existing callers', () =>
    assert.equal(rangePredicate({ keyColumns: ['id'], upTo: ['10'] }), "[id] <= N'10'"));
});

describe('chunk-hash SELECTs per hash method', () => {
  const staged = [cols.code, cols.id, cols.name];
  const where = rangePredicate({ keyColumns: ['code', 'id'], upTo: ['m', '5'] }, all);
  const sql = keyOrderChunkHashSelect('[dbo].[t]', staged, [cols.code, cols.id], where);
  const order = `o.[k1] ${BIN2}, o.[k2], o.[s] ${BIN2}`;
  test('key-order-v1: one HASHBYTES over STRING_AGG of row strings in key order, per 64 MiB group', () => {
    assert.ok(
      sql.includes(`HASHBYTES('SHA2_256', STRING_AGG(o.[s], N'') WITHIN GROUP (ORDER BY ${order})) AS d`),
      sql,
    );
    assert.ok(sql.includes(`OVER (ORDER BY ${order.replace(/o\./g, 'r.')} ROWS UNBOUNDED PRECEDING)`), sql);
    assert.ok(sql.includes(`/ ${KEY_ORDER_GROUP_BYTES} AS grp`));
    assert.ok(sql.includes('WITHIN GROUP (ORDER BY g.grp)'));
    assert.ok(sql.includes(`${rowStringExpr(staged)} AS [s]`));
    assert.ok(sql.includes(`CONVERT(nvarchar(10), [code]) ${BIN2} AS [k1], [id] AS [k2]`));
    assert.ok(sql.includes(`FROM [dbo].[t] WHERE ${where}) AS r`));
  });
  test('key-order-v1: zero rows give n = 0 and SHA-256 of 0x (the JS empty chunk)', () => {
    assert.ok(sql.startsWith('SELECT ISNULL(SUM(g.n), 0) AS n,'));
    assert.ok(sql.includes(', 2), 0x)), 2) AS h'));
  });
  test('the row string is nvarchar(max) so STRING_AGG is not cut at 8000 bytes', () =>
    assert.ok(rowStringExpr(staged).startsWith("CONVERT(nvarchar(max), N'')")));
  test('chunkHashSelectFor: key-order-v1 → key-order SELECT; sorted-rows-v1 or absent → sorted SELECT', () => {
    assert.equal(chunkHashSelectFor('key-order-v1', '[dbo].[t]', staged, [cols.code, cols.id], where), sql);
    const sorted = chunkHashSelect('[dbo].[t]', staged, where);
    assert.equal(chunkHashSelectFor('sorted-rows-v1', '[dbo].[t]', staged, [], where), sorted);
    assert.equal(chunkHashSelectFor(undefined, '[dbo].[t]', staged, [], where), sorted);
    assert.ok(sorted.includes('WITHIN GROUP (ORDER BY r.h)'));
  });
});
