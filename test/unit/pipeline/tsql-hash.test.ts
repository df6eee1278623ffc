import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalExpr,
  keyLiteral,
  rangePredicate,
  rowStringExpr,
} from '../../../shared/pipeline/validate/tsql-hash';
import { column } from '../../helpers/memory-source';

describe('T-SQL canonical expressions per target type (reproduce row-hash.ts on the target)', () => {
  const cases: {
    name: string;
    src: string;
    target: { sql: string; base: string; precision?: number };
    expr: string;
  }[] = [
    {
      name: 'int as decimal text',
      src: 'int',
      target: { sql: 'int', base: 'int' },
      expr: 'CONVERT(nvarchar(60), [c])',
    },
    {
      name: 'numeric keeps its scale',
      src: 'numeric',
      target: { sql: 'numeric(10,2)', base: 'numeric' },
      expr: 'CONVERT(nvarchar(60), [c])',
    },
    {
      name: 'money style 2 (4 decimals)',
      src: 'money',
      target: { sql: 'money', base: 'money' },
      expr: 'CONVERT(nvarchar(60), [c], 2)',
    },
    {
      name: 'date style 23',
      src: 'date',
      target: { sql: 'date', base: 'date' },
      expr: 'CONVERT(nvarchar(10), [c], 23)',
    },
    {
      name: 'datetime style 121',
      src: 'datetime',
      target: { sql: 'datetime', base: 'datetime' },
      expr: 'CONVERT(nvarchar(23), [c], 121)',
    },
    {
      name: 'bigdatetime → datetime2(6) style 121',
      src: 'bigdatetime',
      target: { sql: 'datetime2(6)', base: 'datetime2' },
      expr: 'CONVERT(nvarchar(26), CONVERT(datetime2(6), [c]), 121)',
    },
    {
      name: 'bigtime → time(6)',
      src: 'bigtime',
      target: { sql: 'time(6)', base: 'time' },
      expr: 'CONVERT(nvarchar(15), CONVERT(time(6), [c]), 121)',
    },
    {
      name: 'BCP-07 binary as upper-case hex (style 2)',
      src: 'varbinary',
      target: { sql: 'varbinary(10)', base: 'varbinary' },
      expr: 'CONVERT(nvarchar(max), CONVERT(varbinary(max), [c]), 2)',
    },
    {
      name: 'float as its 8 bytes',
      src: 'float',
      target: { sql: 'float', base: 'float' },
      expr: 'CONVERT(nvarchar(16), CONVERT(varbinary(8), CONVERT(float(53), [c])), 2)',
    },
    {
      name: 'real as its 4 bytes',
      src: 'real',
      target: { sql: 'real', base: 'real' },
      expr: 'CONVERT(nvarchar(8), CONVERT(varbinary(4), CONVERT(real, [c])), 2)',
    },
    {
      name: 'varchar widened to nvarchar (UTF-16LE bytes)',
      src: 'varchar',
      target: { sql: 'varchar(10)', base: 'varchar' },
      expr: 'CONVERT(nvarchar(max), [c])',
    },
  ];
  for (const c of cases) {
    test(c.name, () => assert.equal(canonicalExpr(column('c', 1, c.src, c.target)), c.expr));
  }
  test('row string: NULL marker, DATALENGTH/2 length (not LEN, which drops trailing spaces), identifiers quoted', () => {
    const e = rowStringExpr([column('a]b', 1, 'varchar', { sql: 'varchar(5)', base: 'varchar' })]);
    assert.ok(e.includes("CASE WHEN [a]]b] IS NULL THEN N'N;'"));
    assert.ok(e.includes('DATALENGTH(CONVERT(nvarchar(max), [a]]b])) / 2'));
    assert.ok(!/\bLEN\(/.test(e));
  });
});

describe('key range predicates', () => {
  const cases: { name: string; range: Parameters<typeof rangePredicate>[0]; sql: string }[] = [
    { name: 'open range', range: undefined, sql: '1 = 1' },
    {
      name: 'first chunk (upTo only, inclusive)',
      range: { keyColumns: ['id'], upTo: ['10'] },
      sql: "[id] <= N'10'",
    },
    {
      name: 'last chunk (after only, exclusive)',
      range: { keyColumns: ['id'], after: ['10'] },
      sql: "[id] > N'10'",
    },
    {
      name: 'composite key is lexicographic',
      range: { keyColumns: ['a', 'b'], after: ['1', 'x'] },
      sql: "([a] > N'1' OR ([a] = N'1' AND [b] > N'x'))",
    },
    {
      name: 'quote in a key value is doubled',
      range: { keyColumns: ['n'], upTo: ["O'Brien"] },
      sql: "[n] <= N'O''Brien'",
    },
  ];
  for (const c of cases) test(c.name, () => assert.equal(rangePredicate(c.range), c.sql));
  test('binary key values are 0x literals', () =>
    assert.equal(keyLiteral(new Uint8Array([0xab, 1])), '0xAB01'));
});
