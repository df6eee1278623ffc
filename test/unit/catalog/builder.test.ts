/** CatalogBuilder: statements folded in order (§1–3, CAT-11); unknown references reported with code and line. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CatalogBuilder } from '../../../shared/catalog/script/builder';
import { parseScript } from '../../../shared/translator/parser/parse';
import { catalogOf, codes, columnOf, tableOf } from './helpers';

describe('rules and defaults bound to columns and types (§3)', () => {
  test('RD-01: sp_bindrule on a column → CHECK with the variable replaced by the column', () => {
    const c = catalogOf(
      "create table quota (pct int not null)\ngo\ncreate rule pct_rule as @p between 0 and 100 and @p <> 50\ngo\nexec sp_bindrule pct_rule, 'quota.pct'",
    );
    const checks = columnOf(c, 'quota', 'pct').target?.checks;
    assert.deepEqual(checks, [
      { name: 'CK_quota_pct_pct_rule', expr: '[pct] between 0 and 100 and [pct] <> 50', ruleId: 'RD-01' },
    ]);
  });

  test('RD-02: a rule bound to a type reaches existing and later columns of the type', () => {
    const c = catalogOf(
      [
        "exec sp_addtype zipcode, 'char(5)', 'not null'",
        'create table a (zip zipcode)',
        "create rule zip_rule as @z like '[0-9][0-9][0-9][0-9][0-9]'",
        'exec sp_bindrule zip_rule, zipcode',
        'create table b (zip zipcode)',
      ].join('\ngo\n'),
    );
    for (const t of ['a', 'b']) {
      assert.deepEqual(
        columnOf(c, t, 'zip').target?.checks.map((k) => [k.name, k.ruleId]),
        [[`CK_${t}_zip_zip_rule`, 'RD-02']],
      );
    }
  });

  test('RD-02: futureonly leaves existing columns without the rule', () => {
    const c = catalogOf(
      [
        "exec sp_addtype zipcode, 'char(5)'",
        'create table a (zip zipcode)',
        "create rule zip_rule as @z > '0'",
        'exec sp_bindrule zip_rule, zipcode, futureonly',
        'create table b (zip zipcode)',
      ].join('\ngo\n'),
    );
    assert.equal(columnOf(c, 'a', 'zip').target?.checks.length, 0);
    assert.equal(columnOf(c, 'b', 'zip').target?.checks.length, 1);
  });

  test('RD-02: a column rule wins over a later type rule', () => {
    const c = catalogOf(
      [
        "exec sp_addtype code_t, 'int'",
        'create table a (c code_t)',
        'create rule r_col as @x > 0',
        'create rule r_type as @x < 100',
        "exec sp_bindrule r_col, 'a.c'",
        'exec sp_bindrule r_type, code_t',
      ].join('\ngo\n'),
    );
    assert.deepEqual(
      columnOf(c, 'a', 'c').target?.checks.map((k) => k.name),
      ['CK_a_c_r_col'],
    );
  });

  test('RD-10/RD-11: sp_bindefault on a column and on a type become DEFAULT constraints', () => {
    const c = catalogOf(
      [
        "exec sp_addtype qty_t, 'int'",
        'create default zero_dflt as 0',
        'create table stock (qty qty_t, other int)',
        'exec sp_bindefault zero_dflt, qty_t',
        "exec sp_bindefault zero_dflt, 'stock.other'",
      ].join('\ngo\n'),
    );
    assert.deepEqual(columnOf(c, 'stock', 'qty').target?.default, { name: 'DF_stock_qty', expr: '0' });
    assert.deepEqual(columnOf(c, 'stock', 'other').target?.default, { name: 'DF_stock_other', expr: '0' });
    assert.ok(codes(c).includes('ASM-RD-011'));
    assert.ok(codes(c).includes('ASM-RD-010'));
  });

  test('RD-07: sp_unbindrule removes the check', () => {
    const c = catalogOf(
      [
        'create table q (p int)',
        'create rule r as @v > 0',
        "exec sp_bindrule r, 'q.p'",
        "exec sp_unbindrule 'q.p'",
      ].join('\ngo\n'),
    );
    assert.equal(columnOf(c, 'q', 'p').target?.checks.length, 0);
  });
});

describe('unknown references are reported, nothing dropped (CAT-11)', () => {
  const cases = [
    { code: 'ASM-CAT-001', sql: "create table q (p int)\ngo\nexec sp_bindrule nosuch, 'q.p'", line: 3 },
    { code: 'ASM-CAT-002', sql: "create table q (p int)\ngo\nexec sp_bindefault nosuch, 'q.p'", line: 3 },
    { code: 'ASM-CAT-003', sql: 'create index i on nosuch (a)', line: 1 },
    {
      code: 'ASM-CAT-004',
      sql: "create table q (p int)\ngo\ncreate rule r as @v > 0\ngo\nexec sp_bindrule r, 'q.nosuch'",
      line: 5,
    },
    { code: 'ASM-CAT-004', sql: 'create table q (p int, primary key (nosuch))', line: 1 },
    { code: 'ASM-CAT-005', sql: 'create rule r as @v > 0\ngo\nexec sp_bindrule r, nosuchtype', line: 3 },
    { code: 'ASM-CAT-005', sql: 'create table q (p nosuchtype)', line: 1 },
    { code: 'ASM-CAT-006', sql: 'create table q (p int)\ngo\ncreate table q (p int)', line: 3 },
    { code: 'ASM-CAT-007', sql: 'drop table nosuch', line: 1 },
    { code: 'ASM-CAT-009', sql: 'create table ok (a int)\ngo\ncreate table t (a int,,)', line: 3 },
  ];
  for (const k of cases) {
    test(`${k.code} at line ${k.line}: ${k.sql.replace(/\n/g, ' ')}`, () => {
      const c = catalogOf(k.sql);
      const d = c.diagnostics.find((x) => x.code === k.code);
      assert.ok(d, `expected ${k.code}, got ${codes(c).join(', ')}`);
      assert.equal(d.line, k.line);
      assert.equal(d.file, 'test.sql');
    });
  }
});

describe('table statements', () => {
  test('DDL-01/03/05/09: dropped clauses reported INFO, lock scheme recorded', () => {
    const c = catalogOf(
      'create table hist (id int not null) lock datarows with exp_row_size = 120, identity_gap = 100 on hist_seg',
    );
    for (const code of ['ASM-DDL-001', 'ASM-DDL-003', 'ASM-DDL-005', 'ASM-DDL-009'])
      assert.ok(codes(c).includes(code), code);
    assert.equal(tableOf(c, 'hist').lockScheme, 'datarows');
  });

  test('DDL-10: range partition boundaries recorded, MAX dropped', () => {
    const c = catalogOf(
      "create table h (ts datetime not null) partition by range (ts) (p1 values <= ('20231231'), pmax values <= (MAX))",
    );
    assert.deepEqual(tableOf(c, 'h').partition, {
      method: 'range',
      columns: ['ts'],
      boundaries: ["'20231231'"],
    });
  });

  test('DDL-40/41/42: alter table add, modify, drop', () => {
    const c = catalogOf(
      'create table t (a int, b int)\ngo\nalter table t add c varchar(10) null\ngo\nalter table t modify a bigint null\ngo\nalter table t drop b',
    );
    const t = tableOf(c, 't');
    assert.deepEqual(
      t.columns.map((x) => [x.name, x.ordinal, x.target?.type.sql, x.target?.nullable]),
      [
        ['a', 1, 'bigint', true],
        ['c', 2, 'varchar(10)', true],
      ],
    );
    assert.ok(codes(c).includes('ASM-DDL-041'));
  });

  test('IDX-02/08/10/12: index options mapped or reported; function-based key', () => {
    const c = catalogOf(
      'create table cust (code int not null, lname varchar(30) not null)\ngo\ncreate unique nonclustered index ix on cust (code) with ignore_dup_key, fillfactor = 80, sorted_data on idx_seg\ngo\ncreate index ix2 on cust (upper(lname))',
    );
    const [ix, ix2] = tableOf(c, 'cust').indexes;
    assert.equal(ix?.ignoreDupKey, true);
    assert.equal(ix?.fillFactor, 80);
    assert.deepEqual(ix2?.columns, [{ name: '__fbi_ix2_1', order: 'asc' }]);
    assert.deepEqual(ix2?.expressions, ['upper(lname)']);
    for (const code of ['ASM-IDX-002', 'ASM-IDX-008', 'ASM-IDX-010', 'ASM-IDX-012'])
      assert.ok(codes(c).includes(code), code);
  });

  test('sp_primarykey / sp_foreignkey become logical keys', () => {
    const c = catalogOf(
      'create table p (id int)\ngo\ncreate table ch (pid int)\ngo\nexec sp_primarykey p, id\ngo\nexec sp_foreignkey ch, p, pid',
    );
    assert.equal(tableOf(c, 'p').primaryKey?.logicalOnly, true);
    assert.deepEqual(
      tableOf(c, 'ch').foreignKeys.map((f) => [f.refTable.name, f.logicalOnly]),
      [['p', true]],
    );
  });

  test('setuser changes the owner of unqualified names; use sets the database', () => {
    const c = catalogOf(
      "use salesdb\ngo\nsetuser 'joe'\ngo\ncreate table t (a int)\ngo\nsetuser\ngo\ncreate table u (a int)",
    );
    assert.equal(c.database, 'salesdb');
    assert.ok(tableOf(c, 'joe.t'));
    assert.ok(tableOf(c, 'dbo.u'));
  });

  test('DDL-47: drop index t.ix and alter table drop constraint remove them', () => {
    const c = catalogOf(
      'create table t (a int, b int, constraint ck_b check (b > 0))\ngo\ncreate index ix on t (a)\ngo\ndrop index t.ix\ngo\nalter table t drop constraint ck_b',
    );
    assert.deepEqual(tableOf(c, 't').indexes, []);
    assert.deepEqual(tableOf(c, 't').checks, []);
    assert.ok(!codes(c).includes('ASM-CAT-007'));
  });

  test('DDL-41: modify keeps the rule bound to the column', () => {
    const c = catalogOf(
      [
        'create table q (p int)',
        'create rule r as @v > 0',
        "exec sp_bindrule r, 'q.p'",
        'alter table q modify p bigint null',
      ].join('\ngo\n'),
    );
    assert.equal(columnOf(c, 'q', 'p').target?.type.sql, 'bigint');
    assert.equal(columnOf(c, 'q', 'p').target?.checks[0]?.name, 'CK_q_p_r');
  });

  test('CAT-009 only for schema statements the parser could not read, not for data statements', () => {
    assert.ok(!codes(catalogOf('insert t values (1)')).includes('ASM-CAT-009'));
  });

  test('drop removes; if-guarded statements are folded', () => {
    const c = catalogOf(
      "if object_id('t') is not null drop table t\ngo\ncreate table t (a int)\ngo\ncreate table gone (a int)\ngo\ndrop table gone",
    );
    assert.deepEqual(
      c.tables.map((t) => t.name),
      ['t'],
    );
  });

  test('grant/revoke recorded as permissions; modules keep their text', () => {
    const c = catalogOf(
      'create table t (a int)\ngo\ncreate procedure p as select 1\ngo\ngrant select on t to public\ngo\nrevoke select on t from bob',
    );
    assert.deepEqual(
      c.permissions.map((p) => [p.action, p.principals.join()]),
      [
        ['grant', 'public'],
        ['revoke', 'bob'],
      ],
    );
    assert.equal(c.modules[0]?.sourceText, 'create procedure p as select 1');
  });

  test('apply() returns the findings and snapshot() applies cast rules', () => {
    const b = new CatalogBuilder();
    const { script } = parseScript(
      "exec sp_bindrule nosuch, 'x.y'\ngo\ncreate table t (c char(3) null)",
      'f.sql',
    );
    const [first, second] = script.batches.map((x) => x.statements[0]);
    assert.ok(first && second);
    assert.deepEqual(
      b.apply(first, 'f.sql').map((d) => d.code),
      ['ASM-CAT-001'],
    );
    assert.equal(b.hasApplied(first), true);
    b.apply(second, 'f.sql');
    assert.equal(b.snapshot().tables[0]?.columns[0]?.target?.type.sql, 'varchar(3)');
  });
});
