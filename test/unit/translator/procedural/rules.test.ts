import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translatorCodes, type TranslatorCode } from '../../../../shared/translator/codes';
import { rules } from '../../../../shared/translator/rules/registry';
import type { TranslateOptions } from '../../../../shared/translator/statement-translator';
import { procBody, translateChecked, bodyOf } from './helpers';

interface Case {
  readonly name: string;
  readonly ase: string;
  /** Exact converted body. */
  readonly tsql: string;
  /** Codes reported, in order. */
  readonly codes: readonly TranslatorCode[];
  readonly options?: TranslateOptions;
  /** Wrap in a trigger on t for these events instead of a procedure. */
  readonly trigger?: string;
}

function run(c: Case): void {
  let text: string;
  let diagnostics;
  if (c.trigger !== undefined) {
    const r = translateChecked(`create trigger tr on t for ${c.trigger} as\n${c.ase}\n`, c.options);
    text = bodyOf(r.sql);
    diagnostics = r.diagnostics;
  } else {
    const r = procBody(c.ase, c.options);
    text = r.text;
    diagnostics = r.result.diagnostics;
  }
  assert.equal(text, c.tsql);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    c.codes.map((k) => translatorCodes[k].code),
  );
}

const cases: Record<string, Case[]> = {
  'QRY-01 / QRY-02 outer joins': [
    {
      name: 'QRY-01 *= with inner-table predicate moved to ON',
      ase: "select c.name, o.total from cust c, orders o where c.id *= o.cust_id and o.status = 'OPEN' and c.region = 'W'",
      tsql: "SELECT [c].[name], [o].[total]\nFROM [dbo].[cust] AS [c]\n    LEFT OUTER JOIN [dbo].[orders] AS [o] ON [c].[id] = [o].[cust_id] AND [o].[status] = 'OPEN'\nWHERE [c].[region] = 'W';",
      codes: ['outerJoin'],
    },
    {
      name: 'QRY-01 =* makes the left table inner',
      ase: 'select * from a, b where a.x =* b.y',
      tsql: 'SELECT *\nFROM [dbo].[b]\n    LEFT OUTER JOIN [dbo].[a] ON [a].[x] = [b].[y];',
      codes: ['outerJoin'],
    },
    {
      name: 'QRY-01 chain a *= b and b *= c nests',
      ase: 'select * from a, b, c where a.id *= b.a_id and b.id *= c.b_id and c.k = 1',
      tsql: 'SELECT *\nFROM [dbo].[a]\n    LEFT OUTER JOIN [dbo].[b] ON [a].[id] = [b].[a_id]\n    LEFT OUTER JOIN [dbo].[c] ON [b].[id] = [c].[b_id] AND [c].[k] = 1;',
      codes: ['outerJoin'],
    },
    {
      name: 'QRY-01 inner join with a third table stays in WHERE, flagged',
      ase: 'select * from a, b, d where a.id *= b.a_id and b.d_id = d.id',
      tsql: 'SELECT *\nFROM [dbo].[a]\n    LEFT OUTER JOIN [dbo].[b] ON [a].[id] = [b].[a_id], [dbo].[d]\nWHERE [b].[d_id] = [d].[id];',
      codes: ['outerJoinManual', 'outerJoin'],
    },
    {
      name: 'QRY-02 is null on the inner table stays in WHERE, flagged',
      ase: 'select a.id from a, b where a.id *= b.a_id and b.a_id is null',
      tsql: 'SELECT [a].[id]\nFROM [dbo].[a]\n    LEFT OUTER JOIN [dbo].[b] ON [a].[id] = [b].[a_id]\nWHERE [b].[a_id] IS NULL;',
      codes: ['outerJoinIsNull', 'outerJoin'],
    },
    {
      name: 'QRY-01 unqualified columns: best effort with =',
      ase: 'select * from a, b where x *= y',
      tsql: 'SELECT *\nFROM [dbo].[a], [dbo].[b]\nWHERE [x] = [y];',
      codes: ['outerJoinManual'],
    },
    {
      name: 'QRY-01 *= under or: best effort with =',
      ase: 'select * from a, b where a.x *= b.y or a.z = 1',
      tsql: 'SELECT *\nFROM [dbo].[a], [dbo].[b]\nWHERE [a].[x] = [b].[y] OR [a].[z] = 1;',
      codes: ['outerJoinManual'],
    },
  ],
  'QRY-01 outer-join operator outside a where clause': [
    {
      name: 'QRY-01 *= in an if condition: statement carried MANUAL',
      ase: 'if a.x *= b.y return',
      tsql: "-- SYB2MS-QRY-01 line 2: if a.x *=: not converted (MANUAL): outer-join operator outside a where clause: no ANSI join to build (QRY-01)\n-- Original ASE text:\n-- | if a.x *= b.y return\nTHROW 50000, N'SYB2MS-QRY-01 not converted: line 2: if a.x *=', 1;",
      codes: ['outerJoinManual'],
    },
  ],
  'QRY-07 NULL comparisons': [
    {
      name: 'QRY-07 = NULL → IS NULL',
      ase: 'select * from t where a = null',
      tsql: 'SELECT *\nFROM [dbo].[t]\nWHERE [a] IS NULL;',
      codes: ['nullComparison'],
    },
    {
      name: 'QRY-07 != NULL → IS NOT NULL, NULL on the left',
      ase: 'if null <> @a return',
      tsql: 'IF @a IS NOT NULL\n    RETURN;',
      codes: ['nullComparison'],
    },
    {
      name: 'QRY-07 assignment = NULL is not a comparison',
      ase: 'select @a = null\nupdate t set a = null',
      tsql: 'SELECT @a = NULL;\nUPDATE [dbo].[t]\nSET [a] = NULL;',
      codes: [],
    },
  ],
  'QRY-10 set rowcount': [
    {
      name: 'QRY-10 set rowcount n / delete / set rowcount 0 → DELETE TOP',
      ase: 'set rowcount 500\ndelete log where d < @cut\nset rowcount 0',
      tsql: 'DELETE TOP (500) FROM [dbo].[log]\nWHERE [d] < @cut;',
      codes: ['rowcountTop'],
    },
    {
      name: 'QRY-10 with a variable count on update',
      ase: 'set rowcount @n\nupdate t set a = 1\nset rowcount 0',
      tsql: 'UPDATE TOP (@n) [dbo].[t]\nSET [a] = 1;',
      codes: ['rowcountTop'],
    },
  ],
  'QRY-08 compute by': [
    {
      name: 'QRY-08 compute by is carried MANUAL with a failing placeholder',
      ase: 'select type, price from titles order by type compute sum(price) by type',
      tsql: "-- SYB2MS-QRY-08 line 2: select type, price: not converted (MANUAL): compute / compute by: replace with a separate aggregate query (or GROUP BY ROLLUP) (QRY-08)\n-- Original ASE text:\n-- | select type, price from titles order by type compute sum(price) by type\nTHROW 50000, N'SYB2MS-QRY-08 not converted: line 2: select type, price', 1;",
      codes: ['computeBy'],
    },
  ],
  'LOCK hints and isolation': [
    {
      name: 'LOCK-05/06/09 holdlock, noholdlock, index; prefetch dropped',
      ase: 'select * from a holdlock, b noholdlock, c (index ix prefetch 16)',
      tsql: 'SELECT *\nFROM [dbo].[a] WITH (HOLDLOCK), [dbo].[b] WITH (READCOMMITTED), [dbo].[c] WITH (INDEX([ix]));',
      codes: ['lockHint', 'hintDropped'],
    },
    {
      name: 'LOCK-01 at isolation 0 → NOLOCK on tables without their own hint',
      ase: 'select * from a, b holdlock at isolation 0',
      tsql: 'SELECT *\nFROM [dbo].[a] WITH (NOLOCK), [dbo].[b] WITH (HOLDLOCK);',
      codes: ['isolationClause'],
    },
    {
      name: 'LOCK-11 plan dropped',
      ase: "select * from a plan '(t_scan a)'",
      tsql: 'SELECT *\nFROM [dbo].[a];',
      codes: ['planDropped'],
    },
  ],
  'CUR-06 @@sqlstatus': [
    {
      name: 'CUR-06 = 0 → @@FETCH_STATUS = 0',
      ase: 'while @@sqlstatus = 0 fetch c into @a',
      tsql: 'WHILE @@FETCH_STATUS = 0\n    FETCH NEXT FROM [c] INTO @a;',
      codes: ['sqlstatus'],
    },
    {
      name: 'CUR-06 = 2 → = -1',
      ase: 'if @@sqlstatus = 2 break',
      tsql: 'IF @@FETCH_STATUS = -1\n    BREAK;',
      codes: ['sqlstatus'],
    },
    {
      name: 'CUR-06 != 2 → <> -1',
      ase: 'while (@@sqlstatus != 2) break',
      tsql: 'WHILE (@@FETCH_STATUS <> -1)\n    BREAK;',
      codes: ['sqlstatus'],
    },
    {
      name: 'CUR-06 = 1 → NOT IN (0, -1)',
      ase: 'if @@sqlstatus = 1 return',
      tsql: 'IF @@FETCH_STATUS NOT IN (0, -1)\n    RETURN;',
      codes: ['sqlstatus'],
    },
    {
      name: 'CUR-06 stored in a variable: MANUAL',
      ase: 'select @s = @@sqlstatus',
      tsql: 'SELECT @s = @@FETCH_STATUS;',
      codes: ['sqlstatusOther'],
    },
  ],
  'MSG-01 / MSG-02 messages': [
    {
      name: 'MSG-01 print with placeholders → CONCAT',
      ase: 'print "Loaded %1! rows into %2! (100%%)", @n, @tab',
      tsql: "PRINT CONCAT('Loaded ', @n, ' rows into ', @tab, ' (100%)');",
      codes: ['printArgs'],
    },
    {
      name: 'MSG-01 format in a variable → REPLACE chain',
      ase: 'print @fmt, @a',
      tsql: "PRINT REPLACE(@fmt, '%1!', ISNULL(CAST(@a AS nvarchar(4000)), ''));",
      codes: ['printArgs'],
    },
    {
      name: 'MSG-02 literal message → RAISERROR severity 16, number kept in the text',
      ase: 'raiserror 20001 "Bad value: 50%"',
      tsql: "RAISERROR(N'[20001] Bad value: 50%%', 16, 1);",
      codes: ['raiserrorOld'],
    },
    {
      name: 'MSG-02 message with arguments built first',
      ase: 'if @q < 0 raiserror 20010 "Negative quantity for %1!", @sku',
      tsql: "IF @q < 0\nBEGIN\n    DECLARE @syb2ms_msg_2_11 nvarchar(2048);\n    SET @syb2ms_msg_2_11 = REPLACE(CONCAT(N'[20010] ', 'Negative quantity for ', @sku), N'%', N'%%');\n    RAISERROR(@syb2ms_msg_2_11, 16, 1);\nEND;",
      codes: ['raiserrorOld'],
    },
    {
      name: 'MSG-02 number only: MANUAL',
      ase: 'raiserror 20001',
      tsql: "-- SYB2MS-MSG-02 line 2: raiserror 20001: not converted (MANUAL): raiserror with a message from sysusermessages, a variable number or errordata\n-- Original ASE text:\n-- | raiserror 20001\nTHROW 50000, N'SYB2MS-MSG-02 not converted: line 2: raiserror 20001', 1;",
      codes: ['raiserrorManual'],
    },
  ],
  '§4.11 global variables': [
    {
      name: 'SYS-04 same-name globals are upper-cased',
      ase: 'select @@trancount, @@spid',
      tsql: 'SELECT @@TRANCOUNT, @@SPID;',
      codes: [],
    },
    {
      name: 'ERR-02 @@error compared with an ASE number warns',
      ase: 'if @@error = 2601 return',
      tsql: 'IF @@ERROR = 2601\n    RETURN;',
      codes: ['errorNumber'],
    },
    {
      name: 'ERR-02 @@error != 0 is fine',
      ase: 'if @@error != 0 return',
      tsql: 'IF @@ERROR <> 0\n    RETURN;',
      codes: [],
    },
    {
      name: 'TRAN-05 @@tranchained',
      ase: 'select @c = @@tranchained',
      tsql: 'SELECT @c = CASE WHEN @@OPTIONS & 2 = 2 THEN 1 ELSE 0 END;',
      codes: ['tranchained'],
    },
    {
      name: 'TRAN-06 @@transtate = 3',
      ase: 'if @@transtate = 3 return',
      tsql: 'IF (@@TRANCOUNT = 0 OR XACT_STATE() = -1)\n    RETURN;',
      codes: ['transtate'],
    },
    {
      name: 'TRAN-06 @@transtate = 2 is MANUAL',
      ase: 'if @@transtate = 2 return',
      tsql: 'IF @@TRANSTATE = 2\n    RETURN;',
      codes: ['transtateManual'],
    },
    {
      name: 'SYS-10 @@maxpagesize → 8192',
      ase: 'select @p = @@maxpagesize',
      tsql: 'SELECT @p = 8192;',
      codes: ['pageSize'],
    },
    {
      name: 'SYS-12 unknown global is MANUAL',
      ase: 'select @@thresh_hysteresis',
      tsql: 'SELECT @@THRESH_HYSTERESIS;',
      codes: ['unknownGlobal'],
    },
  ],
  'ID-07 @@identity': [
    {
      name: 'ID-07 @@identity → ISNULL(SCOPE_IDENTITY(), 0)',
      ase: 'insert t (a) values (1)\nselect @id = @@identity',
      tsql: 'INSERT INTO [dbo].[t] ([a])\nVALUES (1);\nSELECT @id = ISNULL(SCOPE_IDENTITY(), 0);',
      codes: ['identity'],
    },
  ],
  'TRG-04 / TRG-05 triggers': [
    {
      name: 'TRG-04 update(col) in an insert trigger warns',
      trigger: 'insert, update',
      ase: 'if update(a) return',
      tsql: 'IF UPDATE([a])\n    RETURN;',
      codes: ['updateOnInsert'],
    },
    {
      name: 'TRG-04 update(col) in an update-only trigger is silent',
      trigger: 'update',
      ase: 'if update(a) return',
      tsql: 'IF UPDATE([a])\n    RETURN;',
      codes: [],
    },
    {
      name: 'TRG-05 rollback trigger: MANUAL placeholder at its place',
      trigger: 'delete',
      ase: 'if @@rowcount > 1\n    rollback trigger',
      // TRG-03 captures the count first: the test reads @ase_rowcount
      tsql: "DECLARE @ase_rowcount int;\nSET @ase_rowcount = @@ROWCOUNT;\nIF @ase_rowcount > 1\n    -- SYB2MS-TRG-05 line 3: rollback trigger: not converted (MANUAL): rollback trigger has no SQL Server form: rewrite as an INSTEAD OF trigger that raises the error and returns without the DML (TRG-05)\n    -- Original ASE text:\n    -- | rollback trigger\n    THROW 50000, N'SYB2MS-TRG-05 not converted: line 3: rollback trigger', 1;",
      codes: ['rollbackTrigger', 'triggerRowcount'],
    },
  ],
  'FN string and date functions': [
    {
      name: "FN-13 str_replace → REPLACE(s, a, ISNULL(b, ''))",
      ase: "select str_replace(s, 'a', @b) from t",
      tsql: "SELECT REPLACE([s], 'a', ISNULL(@b, ''))\nFROM [dbo].[t];",
      codes: ['strReplace'],
    },
    {
      name: 'FN-01 char_length → LEN with a warning',
      ase: 'select char_length(@s)',
      tsql: 'SELECT LEN(@s);',
      codes: ['charLength'],
    },
    {
      name: 'FN-40 getdate() warns on Azure (AZ-14)',
      ase: 'select getdate()',
      tsql: 'SELECT GETDATE();',
      codes: ['getdateAzure'],
    },
    {
      name: 'FN-40 getdate() is silent on SQL Server',
      ase: 'select getdate()',
      tsql: 'SELECT GETDATE();',
      codes: [],
      options: { target: 'sqlserver' },
    },
    {
      name: 'FN-42 current_date()',
      ase: 'select current_date()',
      tsql: 'SELECT CAST(GETDATE() AS date);',
      codes: ['currentDate', 'getdateAzure'],
    },
    {
      name: 'FN-47 datepart(cwk) → ISO_WEEK',
      ase: 'select datepart(cwk, @d)',
      tsql: 'SELECT DATEPART(iso_week, @d);',
      codes: ['datePartIso'],
    },
    {
      name: 'FN-49 datepart(cdw) → Monday = 1',
      ase: 'select datepart(cdw, @d)',
      tsql: 'SELECT ((DATEPART(weekday, @d) + @@DATEFIRST - 2) % 7) + 1;',
      codes: ['datePartIso'],
    },
  ],
  'STR-01 / STR-02 concatenation': [
    {
      name: "STR-01 'literal' + nullable → CONCAT",
      ase: "select 'Hello ' + @name + '!'",
      tsql: "SELECT CONCAT('Hello ', @name, '!');",
      codes: ['concatNull'],
    },
    {
      name: "STR-02 '' in a concatenation is one space",
      ase: "select a + '' + b from t",
      tsql: "SELECT CONCAT([a], ' ', [b])\nFROM [dbo].[t];",
      codes: ['concatNull', 'emptyStringSpace'],
    },
    {
      name: 'STR-01 numbers and unknown types are left alone',
      ase: 'select @a + @b, 1 + 2, @n + 1',
      tsql: 'SELECT @a + @b, 1 + 2, @n + 1;',
      codes: [],
    },
    { name: 'STR-01 literals only stay', ase: "select 'a' + 'b'", tsql: "SELECT 'a' + 'b';", codes: [] },
  ],
  'FN renamed functions': [
    {
      name: "FN-07 rtrim → NULLIF(RTRIM(s), '')",
      ase: 'select rtrim(@s)',
      tsql: "SELECT NULLIF(RTRIM(@s), '');",
      codes: ['trimEmpty'],
    },
    {
      name: "FN-08 trim → NULLIF(LTRIM(RTRIM(s)), '')",
      ase: 'select trim(@s)',
      tsql: "SELECT NULLIF(LTRIM(RTRIM(@s)), '');",
      codes: ['trimEmpty'],
    },
    {
      name: 'FN-17 to_unichar → NCHAR',
      ase: 'select to_unichar(65)',
      tsql: 'SELECT NCHAR(65);',
      codes: ['unicodeFunctions'],
    },
    {
      name: 'FN-72 rand2 → RAND(CHECKSUM(NEWID()))',
      ase: 'select rand2() from t',
      tsql: 'SELECT RAND(CHECKSUM(NEWID()))\nFROM [dbo].[t];',
      codes: ['rand2'],
    },
    {
      name: 'FN-74 stddev_pop → STDEVP',
      ase: 'select stddev_pop(x) from t',
      tsql: 'SELECT STDEVP([x])\nFROM [dbo].[t];',
      codes: ['statisticalAggregates'],
    },
    {
      name: 'FN-54 user_id → DATABASE_PRINCIPAL_ID with a warning',
      ase: "select user_id('bob')",
      tsql: "SELECT DATABASE_PRINCIPAL_ID('bob');",
      codes: ['userId'],
    },
  ],
  'FN-32 convert styles': [
    {
      name: 'FN-32 style 112 passes through',
      ase: 'select convert(char(8), @d, 112)',
      tsql: 'SELECT CONVERT(char(8), @d, 112);',
      codes: [],
    },
    {
      name: 'FN-32 style 23 → CONVERT style 126',
      ase: 'select convert(varchar(19), @d, 23)',
      tsql: 'SELECT CONVERT(varchar(19), CONVERT(char(19), @d, 126));',
      codes: ['convertStyle'],
    },
    {
      name: 'FN-32 style 13 → FORMAT',
      ase: 'select convert(varchar(8), @d, 13)',
      tsql: "SELECT CONVERT(varchar(8), FORMAT(@d, N'yy/dd/MM'));",
      codes: ['convertStyle'],
    },
    {
      name: 'FN-32 style in a variable: MANUAL',
      ase: 'select convert(varchar(30), @d, @style)',
      tsql: 'SELECT CONVERT(varchar(30), @d, @style);',
      codes: ['convertStyleManual'],
    },
  ],
  'AZ-02 cross-database names and system procedures': [
    {
      name: 'AZ-02 a table in another database is flagged on Azure',
      ase: 'select * from otherdb..t',
      tsql: 'SELECT *\nFROM [dbo].[t];',
      codes: ['crossDatabaseName'],
    },
    {
      name: 'AZ-02 kept with its database on SQL Server',
      ase: 'insert otherdb.dbo.t values (1)',
      tsql: 'INSERT INTO [otherdb].[dbo].[t]\nVALUES (1);',
      codes: [],
      options: { target: 'sqlserver' },
    },
    {
      name: 'AZ-02 tempdb names are fine',
      ase: 'select * from tempdb..t',
      tsql: 'SELECT *\nFROM [tempdb].[dbo].[t];',
      codes: [],
    },
    {
      name: 'PROC-03 system procedure with a return status keeps its bare name',
      ase: 'exec @rc = sybsystemprocs..sp_x 1',
      tsql: 'EXEC @rc = [sp_x] 1;',
      codes: [],
    },
    {
      name: 'SYS-31 system procedures inside bodies use the system-procedure translators',
      ase: "exec sp_procxmode 'p', 'anymode'",
      tsql: '-- SYB2MS-SYS-31 sp_procxmode p, anymode: dropped; SQL Server has no procedure transaction mode (TRAN-04)',
      codes: ['procDroppedProcxmode'],
    },
  ],
  'PROC-07 dynamic SQL': [
    {
      name: 'PROC-07 exec(@sql) kept with a warning',
      ase: 'exec (@sql)',
      tsql: 'EXEC (@sql);',
      codes: ['dynamicSql'],
    },
    {
      name: 'PROC-07 a text built from parts is assigned with CONCAT first (STR-01)',
      ase: "exec ('select * from ' + @t)",
      tsql: "DECLARE @syb2ms_sql_2_1 nvarchar(max);\nSET @syb2ms_sql_2_1 = CONCAT('select * from ', @t);\nEXEC (@syb2ms_sql_2_1);",
      codes: ['dynamicSql'],
    },
  ],
};

for (const [feature, rows] of Object.entries(cases))
  describe(`rules: ${feature}`, () => {
    for (const c of rows) test(c.name, () => run(c));
  });

describe('rule registry', () => {
  test('every rule cites a spec rule id and has a unique name', () => {
    const names = rules.map((r) => r.name);
    assert.equal(new Set(names).size, names.length);
    for (const r of rules) assert.match(r.ruleId, /^[A-Z]+-\d{2}$/, r.name);
  });
  test('every procedural code cites a rule id a registered rule (or the module translator) reports', () => {
    const ids = new Set([
      ...rules.map((r) => r.ruleId),
      'PROC-05',
      'QRY-02',
      'MSG-01',
      'FN-01',
      'FN-42',
      'FN-47',
      'STR-02',
      'ERR-02',
      'TRAN-05',
      'TRAN-06',
      'SYS-10',
      // the group-by-extensions rule reports these
      'QRY-04',
      'QRY-06',
      // the mapped-functions table (registered as FN-69) reports these
      'FN-04',
      'FN-06',
      'FN-19',
      'FN-64',
      'FN-67',
      'FN-70',
      // the renamed-functions rule covers these
      'FN-17',
      'FN-72',
      'FN-74',
      'FN-54',
      'LOCK-09',
      'LOCK-11',
      // the text-pointers rule (registered as SYS-60) reports this
      'SYS-62',
    ]);
    for (const [key, info] of Object.entries(translatorCodes))
      if (/^ASM-STMT-1\d\d$/.test(info.code)) assert.ok(ids.has(info.ruleId), `${key} ${info.ruleId}`);
  });
});
