import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { procBody, translateChecked } from './helpers';

// [name, ASE body, expected T-SQL body (exact)]
const cases: Record<string, [string, string, string][]> = {
  'identifiers and literals (LEX-04)': [
    ['brackets with ] doubled', 'select [a]]b] from [we]]ird]', 'SELECT [a]]b]\nFROM [dbo].[we]]ird];'],
    [
      'owner becomes schema, temp tables unqualified',
      'select a from sales.orders, #t',
      'SELECT [a]\nFROM [sales].[orders], [#t];',
    ],
    ["strings keep their type, ' doubled (LEX-01)", "select \"it's\", 'x'", "SELECT 'it''s', 'x';"],
    [
      'alias = expr becomes AS',
      'select total = a + b from t x',
      'SELECT [a] + [b] AS [total]\nFROM [dbo].[t] AS [x];',
    ],
    [
      'trigger pseudo-tables are not schema-qualified',
      'select * from inserted i, deleted',
      'SELECT *\nFROM [inserted] AS [i], [deleted];',
    ],
    [
      'reserved words that can name columns',
      'select open, close from prices where open > close',
      'SELECT [open], [close]\nFROM [dbo].[prices]\nWHERE [open] > [close];',
    ],
    [
      'date parts stay keywords',
      'select dateadd(dd, 1, d) from t',
      'SELECT DATEADD(dd, 1, [d])\nFROM [dbo].[t];',
    ],
  ],
  'precedence kept by parentheses': [
    ['a - (b - c)', 'select a - (b - c)', 'SELECT [a] - ([b] - [c]);'],
    [
      'or inside and',
      'select 1 where (a = 1 or b = 2) and c = 3',
      'SELECT 1\nWHERE ([a] = 1 OR [b] = 2) AND [c] = 3;',
    ],
  ],
  statements: [
    [
      'if / else with blocks, 4-space indentation',
      'if @a = 1\nbegin\nselect 1\nend\nelse\nselect 2',
      'IF @a = 1\nBEGIN\n    SELECT 1;\nEND\nELSE\n    SELECT 2;',
    ],
    [
      'else if stays on one line, no ; before ELSE',
      'if @a = 1 select 1 else if @a = 2 begin select 2 end else select 3',
      'IF @a = 1\n    SELECT 1;\nELSE IF @a = 2\nBEGIN\n    SELECT 2;\nEND\nELSE\n    SELECT 3;',
    ],
    [
      'while, break',
      'while @i < 3 begin select @i = @i + 1 if @i = 2 break end',
      'WHILE @i < 3\nBEGIN\n    SELECT @i = @i + 1;\n    IF @i = 2\n        BREAK;\nEND;',
    ],
    [
      'declare, set, return',
      'declare @a int, @t text\nset @a = 1\nreturn @a',
      'DECLARE @a int, @t varchar(max);\nSET @a = 1;\nRETURN @a;',
    ],
    [
      'exec forms (PROC-03)',
      'exec @rc = dbo.p @a = 1, @b = @x output\nexec p2 default, null',
      'EXEC @rc = [dbo].[p] @a = 1, @b = @x OUTPUT;\nEXEC [dbo].[p2] DEFAULT, NULL;',
    ],
    ['numbered procedure call (PROC-05)', 'exec p;2 1', 'EXEC [dbo].[p__2] 1;'],
    [
      'cursor statements (CUR-01, CUR-04, CUR-05)',
      'declare c cursor for select a from t for update of a\nopen c\nfetch c into @a\nclose c\ndeallocate cursor c',
      'DECLARE [c] CURSOR LOCAL FORWARD_ONLY FOR\n    SELECT [a]\n    FROM [dbo].[t]\n    FOR UPDATE OF [a];\nOPEN [c];\nFETCH NEXT FROM [c] INTO @a;\nCLOSE [c];\nDEALLOCATE [c];',
    ],
    [
      'transactions (TRAN-01)',
      'begin tran\nsave tran s1\nrollback tran s1\ncommit',
      'BEGIN TRANSACTION;\nSAVE TRANSACTION [s1];\nROLLBACK TRANSACTION [s1];\nCOMMIT TRANSACTION;',
    ],
    [
      'insert / update / delete',
      'insert t (a) values (1)\nupdate t set a = 2 where a = 1\ndelete t where a = 2',
      'INSERT INTO [dbo].[t] ([a])\nVALUES (1);\nUPDATE [dbo].[t]\nSET [a] = 2\nWHERE [a] = 1;\nDELETE FROM [dbo].[t]\nWHERE [a] = 2;',
    ],
    [
      'update through an alias of the from list',
      'update x set a = 1 from t x where x.id = 1',
      'UPDATE [x]\nSET [a] = 1\nFROM [dbo].[t] AS [x]\nWHERE [x].[id] = 1;',
    ],
    // the schema translator (catalog) writes the schema; SQL Server ignores it for # tables
    [
      'temp table inside the body',
      'create table #t (a int null)\ndrop table #t',
      'CREATE TABLE [dbo].[#t] (\n    [a] int NULL\n);\nDROP TABLE [#t];',
    ],
  ],
  'comments stay in place (LEX-06)': [
    [
      'leading, trailing and before end',
      '-- first\nselect 1 -- one\nbegin\n  select 2\n  -- last in block\nend',
      '-- first\nSELECT 1; -- one\nBEGIN\n    SELECT 2;\n    -- last in block\nEND;',
    ],
    [
      'block comment inside a statement goes before it',
      'select a, /* the b */ b from t',
      '/* the b */\nSELECT [a], [b]\nFROM [dbo].[t];',
    ],
  ],
};

for (const [feature, rows] of Object.entries(cases))
  describe(`generator: ${feature}`, () => {
    for (const [name, ase, expected] of rows)
      test(name, () => {
        assert.equal(procBody(ase).text, expected);
      });
  });

describe('generator: module headers', () => {
  test('procedure with parameters, recompile, comments on parameter lines', () => {
    const r = translateChecked(
      'create procedure dbo.p\n  @a int = null, -- key\n  @b char(10) output\nwith recompile\nas\nselect 1\n',
    );
    assert.equal(
      r.sql,
      'CREATE PROCEDURE [dbo].[p]\n    @a int = NULL, -- key\n    @b char(10) OUTPUT\nWITH RECOMPILE\nAS\nBEGIN\n    SELECT 1;\nEND;\nGO\n',
    );
  });
  test('TRG-01 trigger: for → AFTER', () => {
    const r = translateChecked('create trigger tr on t for insert, update as\nselect 1\n');
    assert.equal(
      r.sql,
      'CREATE TRIGGER [dbo].[tr] ON [dbo].[t]\nAFTER INSERT, UPDATE\nAS\nBEGIN\n    SELECT 1;\nEND;\nGO\n',
    );
  });
  test('PROC-08 function: its begin/end block is the body', () => {
    const r = translateChecked('create function f (@a int) returns int as\nbegin\n  return @a * 2\nend\n');
    assert.equal(
      r.sql,
      'CREATE FUNCTION [dbo].[f] (\n    @a int\n)\nRETURNS int\nAS\nBEGIN\n    RETURN @a * 2;\nEND;\nGO\n',
    );
  });
  test('PROC-09 view with columns and check option', () => {
    const r = translateChecked('create view v (a) as select x from t with check option\n');
    assert.equal(
      r.sql,
      'CREATE VIEW [dbo].[v] ([a])\nAS\nSELECT [x]\nFROM [dbo].[t]\nWITH CHECK OPTION;\nGO\n',
    );
  });
  test('create or replace → CREATE OR ALTER', () => {
    assert.match(
      translateChecked('create or replace procedure p as select 1\n').sql,
      /^CREATE OR ALTER PROCEDURE \[dbo\]\.\[p\]/,
    );
  });
});
