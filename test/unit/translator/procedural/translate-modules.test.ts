import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertReparses } from './self-check';
import { translateChecked } from './helpers';

describe('module translation: outcome and findings (PROC-01)', () => {
  test('a clean procedure is converted, one object, no findings', () => {
    const r = translateChecked('create procedure p @a int as select a from t where id = @a\n');
    assert.deepEqual(r.statements, { total: 1, converted: 1, flagged: 0 });
    assert.deepEqual(
      r.objects.map((o) => [o.type, o.name, o.status]),
      [['procedure', 'dbo.p', 'converted']],
    );
    assert.deepEqual(r.diagnostics, []);
  });

  test('an unparsable statement is carried in place with a THROW; the rest of the module is converted', () => {
    const r = translateChecked('create procedure p as\nselect 1\ndbcc checkdb\nselect 2\n');
    assert.deepEqual(r.statements, { total: 1, converted: 0, flagged: 1 });
    assert.equal(r.objects[0]?.status, 'manual');
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.line, d.object]),
      [['ASM-PARSE-001', 3, 'dbo.p']],
    );
    assert.ok(
      r.sql.includes(
        "    SELECT 1;\n    -- SYB2MS-ASM-PARSE-001 line 3: dbcc checkdb: not converted (MANUAL): unsupported statement 'dbcc'\n    -- Original ASE text:\n    -- | dbcc checkdb\n    THROW 50000, N'SYB2MS-ASM-PARSE-001 not converted: line 3: dbcc checkdb', 1;\n    SELECT 2;",
      ),
      r.sql,
    );
  });

  test('PROC-08 in a function the placeholder fails without THROW (not allowed there)', () => {
    const r = translateChecked(
      'create function f (@a int) returns int as\nbegin\n  dbcc checkdb\n  return @a\nend\n',
    );
    assert.equal(r.statements.flagged, 1);
    assert.ok(!r.sql.includes('THROW'), r.sql);
    assert.ok(r.sql.includes("RETURN CAST(N'line 3: dbcc checkdb: not converted' AS int);"), r.sql);
  });

  test('PROC-09 a view with an unconvertible part is carried whole', () => {
    const r = translateChecked('create view v as select type, price from titles compute sum(price)\n');
    assert.deepEqual(r.statements, { total: 1, converted: 0, flagged: 1 });
    assert.ok(r.sql.startsWith('-- SYB2MS-PROC-01 view dbo.v: not converted (MANUAL)'), r.sql);
    assert.ok(r.sql.includes('-- | create view v as select type, price from titles compute sum(price)'));
    assert.deepEqual(
      r.diagnostics.map((d) => d.ruleId),
      ['QRY-08'],
    );
  });

  test('a header that cannot be parsed is carried whole (ASM-STMT-001)', () => {
    const r = translateChecked('create procedure p @a as select 1\n');
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      ['ASM-STMT-001'],
    );
    assert.match(r.diagnostics[0]?.message ?? '', /header not understood \(syntax error at line 1/);
    assert.equal(r.statements.flagged, 1);
  });

  test('PROC-05 numbered procedure p;2 becomes p__2 with an INFO finding', () => {
    const r = translateChecked('create procedure p;2 as select 1\n');
    assert.match(r.sql, /^CREATE PROCEDURE \[dbo\]\.\[p__2\]/);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.ruleId, d.level, d.object]),
      [['PROC-05', 'INFO', 'dbo.p__2']],
    );
  });

  test('findings carry the line of the construct, not of the create', () => {
    const r = translateChecked('create procedure p as\nselect 1\nselect * from t where a = null\n');
    assert.deepEqual(
      r.diagnostics.map((d) => [d.ruleId, d.line, d.column]),
      [['QRY-07', 3, 23]],
    );
  });

  test('WARN findings of a converted module are listed above it (SYB2MS markers)', () => {
    const r = translateChecked('create procedure p as\nselect @x = @@identity\n');
    assert.ok(r.sql.startsWith('-- SYB2MS-ID-07 dbo.p: @@identity'), r.sql);
    assert.equal(r.objects[0]?.status, 'warnings');
  });

  test('several modules in several batches: total = converted + flagged', () => {
    const r = translateChecked(
      'create view v as select 1 x\ngo\ncreate procedure p as dbcc checkdb\ngo\ncreate table t (a int)\ngo\n',
    );
    assert.deepEqual(r.statements, { total: 3, converted: 2, flagged: 1 });
  });
});

describe('output self-check rejects ASE-only syntax in T-SQL mode', () => {
  const bad: [string, string][] = [
    ['QRY-01 *= operator', 'CREATE PROCEDURE p AS SELECT * FROM a, b WHERE a.x *= b.y;'],
    ['MSG-02 raiserror without parentheses', "CREATE PROCEDURE p AS raiserror 20001 'x';"],
    ['MSG-01 print with arguments', "CREATE PROCEDURE p AS PRINT 'a', @b;"],
    ['TRG-05 rollback trigger', 'CREATE TRIGGER t ON x AFTER INSERT AS ROLLBACK TRIGGER;'],
    ['QRY-08 compute', 'SELECT a FROM t COMPUTE SUM(a);'],
    ['LOCK-05 hint without WITH', 'SELECT a FROM t HOLDLOCK;'],
    ['LOCK-01 at isolation', 'SELECT a FROM t AT ISOLATION 0;'],
  ];
  for (const [name, tsql] of bad)
    test(name, () => {
      assert.throws(() => assertReparses(`${tsql}\nGO\n`));
    });
  test('T-SQL forms the generator writes are accepted', () => {
    assertReparses(
      "CREATE OR ALTER PROCEDURE [dbo].[p] @a int = NULL OUTPUT AS\nBEGIN\n    SELECT TOP (5) [a] FROM [dbo].[t] WITH (NOLOCK, INDEX([ix])) WHERE [b] = N'x';\n    BEGIN TRY\n        THROW 50000, N'x', 1;\n    END TRY\n    BEGIN CATCH\n        THROW;\n    END CATCH;\n    UPDATE TOP (10) [dbo].[t] SET [a] = IIF(@a > 1, 1, 0);\nEND;\nGO\nTHROW 50000, N'placeholder', 1;\nGO\n",
    );
  });
});
