import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runTranslationCases } from './translate-helpers';
import { translate, translateWith } from '../../../shared/translator/translate';
import { statementTranslators } from '../../../shared/translator/statement-translators';
import type { StatementTranslators } from '../../../shared/translator/statement-translator';

const run = runTranslationCases;

describe('translate: drop (DDL-47)', () => {
  run([
    {
      name: 'DDL-47 drop several tables',
      ase: 'drop table t1, sales.t2',
      tsql: ['DROP TABLE [dbo].[t1], [sales].[t2];'],
      rules: [],
      outcome: 'converted',
    },
    {
      name: 'drop index t.i → DROP INDEX [i] ON [dbo].[t]',
      ase: 'drop index orders.orders_ix',
      tsql: ['DROP INDEX [orders_ix] ON [dbo].[orders];'],
      outcome: 'converted',
    },
    {
      name: 'drop proc / view / trigger',
      ase: 'drop proc p\ndrop view v\ndrop trigger tr',
      tsql: ['DROP PROCEDURE [dbo].[p];', 'DROP VIEW [dbo].[v];', 'DROP TRIGGER [dbo].[tr];'],
    },
    {
      name: 'RD-01 drop rule becomes a comment (rules are CHECK constraints)',
      ase: 'drop rule pct_rule',
      tsql: ['-- SYB2MS-RD-01 drop rule dbo.pct_rule'],
      not: ['DROP RULE'],
      rules: ['RD-01'],
      outcome: 'converted',
    },
    {
      name: 'RD-10 drop default becomes a comment',
      ase: 'drop default zero_dflt',
      tsql: ['-- SYB2MS-RD-01 drop default'],
      not: ['DROP DEFAULT'],
      outcome: 'converted',
    },
    {
      name: 'drop table if exists (ASE 16) → DROP TABLE IF EXISTS',
      ase: 'drop table if exists t1',
      tsql: ['DROP TABLE IF EXISTS [dbo].[t1];'],
      outcome: 'converted',
    },
    {
      name: 'temp table keeps its # name without schema',
      ase: 'drop table #work',
      tsql: ['DROP TABLE [#work];'],
    },
    {
      name: 'SYS-77 drop database is MANUAL',
      ase: 'drop database olddb',
      tsql: ['THROW 50000'],
      rules: ['SYS-77'],
      outcome: 'flagged',
    },
    {
      name: 'AZ-02 drop of another database object is MANUAL on Azure',
      ase: 'drop table otherdb.dbo.t',
      tsql: ['THROW 50000'],
      rules: ['AZ-02'],
      outcome: 'flagged',
    },
    {
      name: 'AZ-02 three-part name kept on SQL Server',
      ase: 'drop table otherdb.dbo.t',
      options: { target: 'sqlserver' },
      tsql: ['DROP TABLE [otherdb].[dbo].[t];'],
      rules: [],
    },
  ]);
});

describe('translate: existence guards (DDL-48)', () => {
  run([
    {
      name: 'DDL-48 if exists (sysobjects … type U) drop table',
      ase: "if exists (select 1 from sysobjects where name = 'orders' and type = 'U')\n  drop table orders",
      tsql: [
        "IF OBJECT_ID(N'[dbo].[orders]', N'U') IS NOT NULL",
        'BEGIN',
        'DROP TABLE [dbo].[orders];',
        'END;',
      ],
      rules: [],
      outcome: 'converted',
    },
    {
      name: 'DDL-48 object_id(...) is not null with owner',
      ase: "if object_id('sales.p') is not null drop procedure sales.p",
      tsql: ["IF OBJECT_ID(N'[sales].[p]') IS NOT NULL", 'DROP PROCEDURE [sales].[p];'],
      outcome: 'converted',
    },
    {
      name: 'DDL-48 if not exists → IS NULL',
      ase: "if not exists (select 1 from sysobjects where name = 'v' and type = 'V') print 'missing'",
      tsql: ["IF OBJECT_ID(N'[dbo].[v]', N'V') IS NULL", "PRINT N'missing';"],
    },
    {
      name: 'DDL-48 guard around a drop rule leaves no T-SQL: kept as a comment, no empty BEGIN END',
      ase: "if exists (select 1 from sysobjects where name = 'r' and type = 'R') drop rule r",
      tsql: ['-- SYB2MS-DDL-48', '-- SYB2MS-RD-01'],
      not: ['BEGIN', 'IF OBJECT_ID'],
      rules: ['RD-01', 'DDL-48'],
      outcome: 'converted',
    },
    {
      name: 'DDL-48 else branch',
      ase: "if object_id('t') is null\n  print 'create'\nelse\n  print 'exists'",
      tsql: ["IF OBJECT_ID(N'[dbo].[t]') IS NULL", "PRINT N'create';", 'ELSE', "PRINT N'exists';", 'END;'],
    },
    {
      name: 'DDL-48 empty then-branch with an else: test inverted',
      ase: "if object_id('r') is not null\n  drop rule r\nelse\n  print 'no rule'",
      tsql: ['-- SYB2MS-RD-01', "IF OBJECT_ID(N'[dbo].[r]') IS NULL", "PRINT N'no rule';"],
      not: ['ELSE'],
    },
    {
      name: 'a flagged statement inside the guard flags the if and fails where it would run',
      ase: "if object_id('t') is not null\n  delete from t",
      tsql: ["IF OBJECT_ID(N'[dbo].[t]') IS NOT NULL", 'BEGIN', '-- | delete from t', 'THROW 50000', 'END;'],
      codes: ['ASM-PARSE-001'],
      outcome: 'flagged',
    },
    {
      name: 'SYS-09 another condition is MANUAL and carried whole',
      ase: "if @@servername = 'PROD' print 'prod'",
      tsql: ["-- | if @@servername = 'PROD' print 'prod'", 'THROW 50000'],
      codes: ['ASM-STMT-003'],
      outcome: 'flagged',
    },
  ]);
});

describe('translate: carried statements (PROC-01, SYS-77, unparsed)', () => {
  run([
    {
      name: 'PROC-01 a procedure is carried verbatim in a marked comment with a failing placeholder',
      // a header the parser cannot read keeps the module carried whole
      ase: 'create procedure dbo.p @a int\nwith unknown_option\nas\n  select @a /* note */\n  print "x */ y"',
      tsql: [
        '-- SYB2MS-PROC-01 procedure dbo.p: not converted (MANUAL)',
        '-- | create procedure dbo.p @a int',
        '-- |   print "x */ y"',
        "THROW 50000, N'SYB2MS-PROC-01 not converted: procedure dbo.p', 1;",
      ],
      codes: ['ASM-STMT-001'],
      outcome: 'flagged',
    },
    {
      name: 'PROC-05 numbered procedure p;2 becomes p__2',
      ase: 'create proc p;2 as return 0',
      tsql: ['CREATE PROCEDURE [dbo].[p__2]'],
      outcome: 'converted',
    },
    {
      name: 'SYS-77 create database is MANUAL',
      ase: 'create database salesdb on datadev = 200',
      tsql: ['-- | create database salesdb on datadev = 200', 'THROW 50000'],
      rules: ['SYS-77'],
      outcome: 'flagged',
    },
    {
      name: 'ASM-PARSE-001 unsupported statement carried with the parser code',
      ase: 'truncate table t',
      tsql: ['-- | truncate table t', 'THROW 50000'],
      codes: ['ASM-PARSE-001'],
      outcome: 'flagged',
    },
    {
      name: 'ASM-PARSE-002 syntax error carried with the parser code',
      ase: 'create table t (a int,, b int)',
      tsql: ['-- | create table t (a int,, b int)', 'THROW 50000'],
      codes: ['ASM-PARSE-002'],
      outcome: 'flagged',
    },
    {
      name: 'a go line inside a string literal cannot end the batch',
      ase: "print 'a'\ngo\ncreate view v as select '\ngo\n' as x",
      tsql: ["PRINT N'a';", "SELECT ('' + CHAR(10) + 'go' + CHAR(10) + '') AS [x];"],
    },
  ]);
});

describe('translate: script output and accounting', () => {
  test('LEX-05 one GO per input batch, GO n kept', () => {
    const r = translate("print 'a'\ngo\nprint 'b'\ngo 3\n");
    assert.equal(r.sql, "PRINT N'a';\nGO\n\nPRINT N'b';\nGO 3\n");
  });
  test('LEX-06 comments are kept in place around the statement', () => {
    const r = translate("-- before\nprint 'a' -- same line\n/* batch end */\ngo");
    assert.equal(r.sql, "-- before\nPRINT N'a';\n-- same line\n/* batch end */\nGO\n");
  });
  test('§0.1 a WARN finding is written as a SYB2MS comment before the statement', () => {
    const r = translate('revoke select on t from u');
    assert.match(r.sql, /^-- SYB2MS-SEC-16 dbo\.t: revoke from u → DENY/);
  });
  test('SEC-08 after setuser, unqualified names belong to that owner until plain setuser', () => {
    const r = translate(
      "setuser 'sales'\ngo\ncreate proc p as select 1\ngo\ngrant all on p to u\ngo\nsetuser\ngo\ndrop table t",
    );
    assert.match(r.sql, /GRANT EXECUTE ON OBJECT::\[sales\]\.\[p\] TO \[u\];/);
    assert.match(r.sql, /DROP TABLE \[dbo\]\.\[t\];/);
  });
  test('diagnostics carry file, line and column of their statement', () => {
    const r = translate("print 'a'\ngo\n\n  setuser 'x'", { file: 'sec.sql' });
    assert.deepEqual(
      r.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId]),
      [['sec.sql', 4, 3, 'SEC-09']],
    );
  });
  test('objects: one entry per object, worst status wins, compatible with ObjectReport', () => {
    const r = translate("use db\ngo\ncreate view v as select 1\ngo\nprint 'x'\ngo\ngrant select on v to u");
    const byName = Object.fromEntries(r.objects.map((o) => [`${o.type} ${o.name}`, [o.status, o.line]]));
    assert.deepEqual(byName['database db'], ['blocked', 1]);
    assert.deepEqual(byName['view dbo.v'], ['converted', 3]);
    assert.deepEqual(byName['other print'], ['converted', 5]);
    assert.deepEqual(byName['permission dbo.v'], ['converted', 7]);
  });
  test('total = converted + flagged, counting an if as one statement', () => {
    const r = translate(
      "use db\ngo\nif object_id('t') is not null\nbegin\n drop table t\n print 'x'\nend\ngo\nselect 1\ngrant select on t to u",
    );
    assert.deepEqual(r.statements, { total: 4, converted: 2, flagged: 2 });
  });
  test('a translator that throws flags its statement with ASM-INTERNAL-002 and the script goes on', () => {
    const failing: StatementTranslators = {
      ...statementTranslators,
      Print: () => {
        throw new Error('boom');
      },
    };
    const r = translateWith("print 'a'\ngo\nsetuser 'x'", {}, failing);
    assert.deepEqual(r.statements, { total: 2, converted: 1, flagged: 1 });
    const internal = r.diagnostics.filter((d) => d.code === 'ASM-INTERNAL-002');
    assert.equal(internal.length, 1);
    assert.match(internal[0]?.message ?? '', /Print translator failed: boom/);
    assert.match(r.sql, /-- \| print 'a'\nTHROW 50000/);
    assert.match(r.sql, /EXECUTE AS USER = N'x';/);
  });
});
