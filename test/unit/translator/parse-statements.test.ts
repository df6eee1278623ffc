import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { one, statements } from './parse-helpers';

describe('parser: rules, defaults, user types, bindings (§3, SYS-25/26)', () => {
  test('RD-01 create rule keeps the condition with its variable', () => {
    const r = one('create rule dbo.pct_rule as @p between 0 and 100 and @p <> 50', 'CreateRule');
    assert.deepEqual(r.name, { owner: 'dbo', name: 'pct_rule' });
    assert.equal(r.expr.text, '@p between 0 and 100 and @p <> 50');
    assert.equal(r.access, undefined);
  });
  test('RD-05 rule literals in double quotes become single-quoted (LEX-01)', () => {
    const r = one('create rule st_rule as @s in ("A", "B")', 'CreateRule');
    assert.equal(r.expr.text, "@s in ('A', 'B')");
  });
  test('RD-06 create access rule / create or access rule', () => {
    assert.equal(one('create access rule r1 as @u = suser_name()', 'CreateRule').access, 'access');
    assert.equal(one('create or access rule r2 as @u = 1', 'CreateRule').access, 'or access');
  });
  test('RD-10 create default ends where the next statement starts (no go)', () => {
    const all = statements(
      'create default d1 as (0)\ncreate table t (a int, b int)\ncreate default d2 as "x"',
    );
    assert.deepEqual(
      all.map((s) => (s.kind === 'CreateDefault' ? s.expr.text : s.kind)),
      ['(0)', 'CreateTable', "'x'"],
    );
  });
  test('RD-10 create default', () => {
    const d = one('create default zero_dflt as 0', 'CreateDefault');
    assert.deepEqual([d.name.name, d.expr.text], ['zero_dflt', '0']);
  });
  test('SYS-25 exec sp_addtype with quoted base type and null type', () => {
    const t = one("exec sp_addtype 'ssn_t', 'varchar(11)', 'not null'", 'AddType');
    assert.deepEqual(
      [t.name, t.baseType.name, t.baseType.args, t.nullability, t.identity],
      ['ssn_t', 'varchar', [11], 'not null', false],
    );
  });
  test('SYS-25 bare sp_addtype at batch start, identity, multiword base type', () => {
    const t = one('sp_addtype id_t, "numeric(10,0)", identity', 'AddType');
    assert.deepEqual([t.baseType.name, t.baseType.args, t.identity], ['numeric', [10, 0], true]);
    const u = one("execute sp_addtype u_t, 'unsigned int'", 'AddType');
    assert.equal(u.baseType.name, 'unsigned int');
  });
  test('SYS-25 sp_addtype with an owner other than dbo is Unparsed (never silently re-owned)', () => {
    assert.equal(one("exec sp_addtype 'ssn_t', 'varchar(11)', 'null', 'dbo'", 'AddType').name, 'ssn_t');
    assert.match(
      one("exec sp_addtype 'ssn_t', 'varchar(11)', 'null', 'bob'", 'Unparsed').reason,
      /owner 'bob'/,
    );
  });
  test('RD-01 sp_bindrule to a column, RD-02 to a type with futureonly', () => {
    const b = one("exec sp_bindrule 'dbo.pct_rule', 'dbo.quota.pct'", 'Bind');
    assert.deepEqual(
      [b.what, b.object, b.target, b.futureOnly],
      [
        'rule',
        { owner: 'dbo', name: 'pct_rule' },
        { kind: 'column', table: { owner: 'dbo', name: 'quota' }, column: 'pct' },
        false,
      ],
    );
    const t = one('exec sp_bindrule pct_rule, pct_t, futureonly', 'Bind');
    assert.deepEqual([t.target, t.futureOnly], [{ kind: 'type', typeName: 'pct_t' }, true]);
  });
  test('RD-10 sp_bindefault and sp_unbindefault / sp_unbindrule', () => {
    assert.equal(one("exec sp_bindefault zero_dflt, 'stock.qty'", 'Bind').what, 'default');
    const u = one("exec sp_unbindefault 'stock.qty'", 'Unbind');
    assert.deepEqual(
      [u.what, u.target],
      ['default', { kind: 'column', table: { name: 'stock' }, column: 'qty' }],
    );
    assert.equal(one("exec sp_unbindrule 'pct_t'", 'Unbind').what, 'rule');
  });
  test('sp_primarykey / sp_foreignkey / sp_commonkey', () => {
    const p = one("exec sp_primarykey 'orders', 'order_id', 'line'", 'KeyProc');
    assert.deepEqual(
      [p.proc, p.table, p.columns],
      ['sp_primarykey', { name: 'orders' }, ['order_id', 'line']],
    );
    const f = one("exec sp_foreignkey 'lines', 'orders', 'order_id'", 'KeyProc');
    assert.deepEqual([f.refTable, f.columns], [{ name: 'orders' }, ['order_id']]);
    assert.equal(one('exec sp_commonkey a, b, x, y', 'KeyProc').proc, 'sp_commonkey');
  });
  test('any other sp_* is a SystemProcCall with unquoted string arguments', () => {
    const s = one("exec sp_procxmode 'dbo.p', 'anymode'", 'SystemProcCall');
    assert.deepEqual([s.proc, s.args], ['sp_procxmode', ['dbo.p', 'anymode']]);
    const n = one('exec @rc = sybsystemprocs..sp_adduser jdoe, @name_in_db = john', 'SystemProcCall');
    assert.deepEqual([n.proc, n.args], ['sp_adduser', ['jdoe', '@name_in_db = john']]);
  });
  test('a bad sp_bindrule target becomes Unparsed, not a wrong Bind', () => {
    const s = one("exec sp_bindrule r, 'a.b.c.d.e'", 'Unparsed');
    assert.equal(s.code, 'ASM-PARSE-002');
  });
});

describe('parser: security (§7)', () => {
  test('SEC-10 grant object privileges to several principals', () => {
    const g = one('grant select, insert on dbo.orders to clerk, public', 'Grant');
    assert.deepEqual(
      [g.privileges, g.object, g.principals, g.withGrantOption],
      [['select', 'insert'], { owner: 'dbo', name: 'orders' }, ['clerk', 'public'], false],
    );
  });
  test('SEC-11 column list before or after on', () => {
    assert.deepEqual(one('grant select (a, b) on t to u', 'Grant').columns, ['a', 'b']);
    assert.deepEqual(one('grant select on t (a, b) to u', 'Grant').columns, ['a', 'b']);
  });
  test('SEC-12 all [privileges]', () => {
    assert.deepEqual(one('grant all privileges on t to u', 'Grant').privileges, ['all']);
  });
  test('SEC-14 statement permissions have no object', () => {
    const g = one('grant create table, create procedure to dev', 'Grant');
    assert.deepEqual([g.privileges, g.object], [['create table', 'create procedure'], undefined]);
  });
  test('SEC-15 with grant option; revoke grant option for … cascade', () => {
    assert.equal(one('grant select on t to u with grant option', 'Grant').withGrantOption, true);
    const r = one('revoke grant option for select on t from u cascade', 'Revoke');
    assert.deepEqual([r.kind, r.grantOptionFor, r.cascade, r.privileges], ['Revoke', true, true, ['select']]);
  });
  test('SEC-09 setuser with and without a name', () => {
    assert.equal(one("setuser 'dbo'", 'SetUser').user, 'dbo');
    assert.equal(one('setuser', 'SetUser').user, undefined);
  });
});

describe('parser: session statements', () => {
  test('AZ-01 use', () => {
    assert.equal(one('use salesdb', 'Use').database, 'salesdb');
  });
  test('print keeps its arguments; "..." literal becomes single-quoted', () => {
    assert.equal(one('print "hello"', 'Print').text, "'hello'");
    assert.equal(one("print 'loaded %1! rows', @n", 'Print').text, "'loaded %1! rows', @n");
  });
  const sets: [string, string, string][] = [
    ['set nocount on', 'nocount', 'on'],
    ['set rowcount 10', 'rowcount', '10'],
    ['set transaction isolation level 1', 'transaction isolation level', '1'],
    ['set close on endtran on', 'close on endtran', 'on'],
    ['set identity_insert dbo.t on', 'identity_insert', 'dbo.t on'],
    ['set quoted_identifier off', 'quoted_identifier', 'off'],
  ];
  for (const [sql, option, value] of sets) {
    test(`SYS-4x ${sql}`, () => {
      const s = one(sql, 'SetOption');
      assert.deepEqual([s.option, s.value], [option, value]);
    });
  }
});

describe('parser: drop, create database, modules (DDL-47, SYS-77, PROC-01)', () => {
  test('DDL-47 drop several tables', () => {
    const d = one('drop table dbo.t1, t2', 'Drop');
    assert.deepEqual([d.objectType, d.names], ['table', [{ owner: 'dbo', name: 't1' }, { name: 't2' }]]);
  });
  test('drop index t.i gives the table', () => {
    const d = one('drop index orders.orders_ix, dbo.lines.lines_ix', 'Drop');
    assert.deepEqual(d.names, [{ name: 'orders_ix' }, { name: 'lines_ix' }]);
    assert.deepEqual(d.indexTables, [{ name: 'orders' }, { owner: 'dbo', name: 'lines' }]);
  });
  test('drop table if exists (ASE 16)', () => {
    const d = one('drop table if exists t', 'Drop');
    assert.deepEqual([d.ifExists, d.names], [true, [{ name: 't' }]]);
  });
  test('drop proc is drop procedure; drop rule / default', () => {
    assert.equal(one('drop proc p', 'Drop').objectType, 'procedure');
    assert.equal(one('drop rule r', 'Drop').objectType, 'rule');
    assert.equal(one('drop default d', 'Drop').objectType, 'default');
  });
  test('SYS-77 create database keeps its text', () => {
    const d = one('create database salesdb on datadev = 200 log on logdev = 50', 'CreateDatabase');
    assert.equal(d.name, 'salesdb');
    assert.equal(d.text, 'create database salesdb on datadev = 200 log on logdev = 50');
  });
  const modules: { sql: string; type: string; name: string; number?: number; table?: string }[] = [
    { sql: 'create view v as select 1 as x', type: 'view', name: 'v' },
    { sql: 'create procedure dbo.p @a int as select @a', type: 'procedure', name: 'p' },
    { sql: 'create proc p;2 as return 0', type: 'procedure', name: 'p', number: 2 },
    {
      sql: 'create trigger tr on dbo.t for insert, update as print "x"',
      type: 'trigger',
      name: 'tr',
      table: 't',
    },
    { sql: 'create function f(@a int) returns int as begin return @a end', type: 'function', name: 'f' },
    { sql: 'create or replace procedure p as select 1', type: 'procedure', name: 'p' },
  ];
  for (const m of modules) {
    test(`PROC-01 module: ${m.sql.slice(0, 30)}`, () => {
      const s = one(m.sql, 'CreateModule');
      assert.deepEqual(
        [s.moduleType, s.name.name, s.number, s.table?.name],
        [m.type, m.name, m.number, m.table],
      );
      assert.equal(s.text, m.sql);
    });
  }
  test('a module extends to the end of its batch', () => {
    const all = statements(
      'create procedure p as\nselect 1\ngrant select on t to u\ngo\ngrant execute on p to u',
    );
    assert.deepEqual(
      all.map((s) => s.kind),
      ['CreateModule', 'Grant'],
    );
    assert.ok(all[0]?.kind === 'CreateModule' && all[0].text.endsWith('grant select on t to u'));
  });
});

describe('parser: existence guards (DDL-48)', () => {
  const cases: { name: string; sql: string; object: object; type?: string; negated: boolean }[] = [
    {
      name: 'if exists … sysobjects name and type',
      sql: "if exists (select 1 from sysobjects where name = 't' and type = 'U') drop table t",
      object: { name: 't' },
      type: 'U',
      negated: false,
    },
    {
      name: 'if not exists … sysobjects',
      sql: "if not exists (select * from dbo.sysobjects where name = 't') create table t (a int)",
      object: { name: 't' },
      negated: true,
    },
    {
      name: 'id = object_id(...)',
      sql: "if exists (select 1 from sysobjects where id = object_id('dbo.p') and type = 'P') drop proc dbo.p",
      object: { owner: 'dbo', name: 'p' },
      type: 'P',
      negated: false,
    },
    {
      name: 'object_id is not null',
      sql: "if object_id('dbo.t') is not null drop table dbo.t",
      object: { owner: 'dbo', name: 't' },
      negated: false,
    },
    {
      name: 'object_id is null',
      sql: "IF OBJECT_ID('t') IS NULL create table t (a int)",
      object: { name: 't' },
      negated: true,
    },
    {
      name: 'double-quoted name (quoted_identifier off)',
      sql: 'if exists (select 1 from sysobjects where name = "t" and type = "U") drop table t',
      object: { name: 't' },
      type: 'U',
      negated: false,
    },
  ];
  for (const c of cases) {
    test(`DDL-48 ${c.name}`, () => {
      const s = one(c.sql, 'If');
      assert.deepEqual(s.guard, {
        object: c.object,
        ...(c.type !== undefined ? { type: c.type } : {}),
        negated: c.negated,
      });
      assert.equal(s.then.length, 1);
    });
  }
  test('begin … end block and else branch', () => {
    const s = one(
      "if object_id('t') is null\nbegin\n  create table t (a int)\n  grant select on t to public\nend\nelse\n  print 'exists'",
      'If',
    );
    assert.deepEqual(
      s.then.map((x) => x.kind),
      ['CreateTable', 'Grant'],
    );
    assert.deepEqual(
      s.else?.map((x) => x.kind),
      ['Print'],
    );
  });
  test('other conditions have no guard', () => {
    assert.equal(one('if @@error != 0 print "failed"', 'If').guard, undefined);
    assert.equal(one("if exists (select 1 from orders where id = 1) print 'x'", 'If').guard, undefined);
  });
});

describe('parser: anything else is Unparsed, never dropped', () => {
  test('unsupported statements carry their text and ASM-PARSE-001', () => {
    const all = statements(
      "insert into t values (1, 'a')\nupdate t set a = 2 where b = 1\ndelete from t\nselect * from t",
    );
    assert.deepEqual(
      all.map((s) => (s.kind === 'Unparsed' ? [s.code, s.text] : s.kind)),
      [
        ['ASM-PARSE-001', "insert into t values (1, 'a')"],
        ['ASM-PARSE-001', 'update t set a = 2 where b = 1'],
        ['ASM-PARSE-001', 'delete from t'],
        ['ASM-PARSE-001', 'select * from t'],
      ],
    );
  });
  test('a syntax error makes one statement Unparsed and parsing resumes at the next statement', () => {
    const all = statements('create table t (a int,, b int)\ncreate index ix on t (a)');
    assert.deepEqual(
      all.map((s) => s.kind),
      ['Unparsed', 'CreateIndex'],
    );
    const u = all[0];
    assert.ok(u?.kind === 'Unparsed');
    assert.equal(u.code, 'ASM-PARSE-002');
    assert.match(u.reason, /line 1 column 23/);
    assert.equal(u.text, 'create table t (a int,, b int)');
  });
  test('begin … end outside an if is one Unparsed statement', () => {
    const all = statements('begin\n  select 1\n  select 2\nend\ngrant select on t to u');
    assert.deepEqual(
      all.map((s) => s.kind),
      ['Unparsed', 'Grant'],
    );
  });
});
