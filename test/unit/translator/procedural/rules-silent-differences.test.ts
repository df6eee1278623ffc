/**
 * §10.1 silent differences handled by the rules of issue 3 part 3: group-by extensions
 * (QRY-03..06), comparisons with a parameter defaulting to NULL (QRY-07), convert scale loss
 * (ERR-06), `@@rowcount` at the start of a trigger (TRG-03) and `@@error` checks after DML in a
 * trigger (TRG-08), read-then-update under Azure's RCSI (AZ-13); and the §5 functions of the mapped-functions table (FN-04..FN-70). Each case translates a procedure (with the output self-check) and names its rule id.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translatorCodes, type TranslatorCode } from '../../../../shared/translator/codes';
import type { TranslateOptions } from '../../../../shared/translator/statement-translator';
import { bodyOf, translateChecked } from './helpers';

interface Case {
  readonly name: string;
  readonly ase: string;
  /** Exact converted body; or, for a carried statement, what its marked comment must say. */
  readonly tsql?: string;
  readonly manual?: { readonly ruleId: string; readonly says: string };
  /** Codes reported, in order. */
  readonly codes: readonly TranslatorCode[];
  /** Diagnostic message text expected (substring of the first diagnostic). */
  readonly message?: string;
  /** Translate as `create trigger tr on t for <events>` instead of the procedure. */
  readonly trigger?: string;
  readonly options?: TranslateOptions;
}

const HEADER = 'create procedure p @opt int = null, @req int, @name varchar(30) = null as\n';

function run(c: Case): void {
  const head = c.trigger !== undefined ? `create trigger tr on t for ${c.trigger} as\n` : HEADER;
  const r = translateChecked(`${head}${c.ase}\n`, c.options);
  const text = bodyOf(r.sql);
  if (c.tsql !== undefined) assert.equal(text, c.tsql);
  if (c.manual !== undefined) {
    const lines = text.split('\n');
    assert.match(lines[0] ?? '', new RegExp(`^-- SYB2MS-${c.manual.ruleId} .*not converted \\(MANUAL\\)`));
    assert.ok(text.includes(c.manual.says), `carried comment lacks "${c.manual.says}":\n${text}`);
    // the original statement is kept whole and the placeholder fails when run
    assert.ok(text.includes(`-- | ${c.ase.split('\n')[0] ?? ''}`), text);
    assert.match(lines[lines.length - 1] ?? '', /^THROW 50000, N'SYB2MS-/);
    assert.equal(r.statements.flagged, 1);
  }
  assert.deepEqual(
    r.diagnostics.map((d) => d.code),
    c.codes.map((k) => translatorCodes[k].code),
  );
  if (c.message !== undefined)
    assert.ok(r.diagnostics[0]?.message.includes(c.message), r.diagnostics[0]?.message);
}

const cases: Record<string, Case[]> = {
  'QRY-03 / QRY-04 / QRY-06 group-by extensions (carried with the column list)': [
    {
      name: 'QRY-03 the ASE manual example: advance neither aggregated nor grouped',
      ase: 'select type, advance, avg(price) from titles where advance > 5000 group by type',
      manual: { ruleId: 'QRY-03', says: 'select-list columns not in GROUP BY: advance —' },
      codes: ['groupByExtended'],
    },
    {
      name: 'QRY-03 every extended column is listed, inside expressions too',
      ase: 'select t.type, t.pub_id, t.price * 2, sum(t.total) from titles t group by t.type',
      manual: { ruleId: 'QRY-03', says: 'not in GROUP BY: t.pub_id, t.price —' },
      codes: ['groupByExtended'],
    },
    {
      name: 'QRY-03 insert ... select carries the whole insert',
      ase: 'insert into s select type, advance, sum(price) from titles group by type',
      manual: { ruleId: 'QRY-03', says: 'not in GROUP BY: advance —' },
      codes: ['groupByExtended'],
    },
    {
      name: 'QRY-03 the second query of a union is checked too',
      ase: 'select type, count(*) from a group by type union select type, pub_id from b group by type',
      manual: { ruleId: 'QRY-03', says: 'not in GROUP BY: pub_id —' },
      codes: ['groupByExtended'],
    },
    {
      name: 'QRY-03 qualified column grouped unqualified is the same column: unchanged',
      ase: 'select t.type, avg(price) from titles t group by type',
      tsql: 'SELECT [t].[type], AVG([price])\nFROM [dbo].[titles] AS [t]\nGROUP BY [type];',
      codes: [],
    },
    {
      name: 'QRY-03 select expression equal to a GROUP BY expression: unchanged',
      ase: 'select datepart(yy, d), count(*) from t group by datepart(yy, d)',
      tsql: 'SELECT DATEPART(yy, [d]), COUNT(*)\nFROM [dbo].[t]\nGROUP BY DATEPART(yy, [d]);',
      codes: [],
    },
    {
      name: 'QRY-03 columns of a subquery belong to the subquery: unchanged',
      ase: 'select x from t where x in (select max(y) from u)',
      tsql: 'SELECT [x]\nFROM [dbo].[t]\nWHERE [x] IN (SELECT MAX([y]) FROM [dbo].[u]);',
      codes: [],
    },
    {
      name: 'QRY-04 aggregate without GROUP BY next to a plain column',
      ase: 'select name, max(salary) from emp',
      manual: { ruleId: 'QRY-04', says: 'next to plain columns: name —' },
      codes: ['aggregateExtended'],
    },
    {
      name: 'QRY-04 aggregates only: unchanged',
      ase: 'select count(*), max(salary) from emp',
      tsql: 'SELECT COUNT(*), MAX([salary])\nFROM [dbo].[emp];',
      codes: [],
    },
    {
      name: 'QRY-06 HAVING on a column not in GROUP BY',
      ase: 'select type, avg(price) from titles group by type having advance > 10',
      manual: { ruleId: 'QRY-06', says: 'HAVING uses columns not in GROUP BY: advance —' },
      codes: ['havingExtended'],
    },
    {
      name: 'QRY-06 HAVING on aggregates and grouped columns: unchanged',
      ase: "select type, avg(price) from titles group by type having avg(price) > 10 and type <> 'x'",
      tsql: "SELECT [type], AVG([price])\nFROM [dbo].[titles]\nGROUP BY [type]\nHAVING AVG([price]) > 10 AND [type] <> 'x';",
      codes: [],
    },
  ],
  'QRY-05 group by all': [
    {
      name: 'QRY-05 WHERE moves into every aggregate; count(*) counts the matching rows',
      ase: 'select type, sum(price), count(*) from titles where advance > 5000 group by all type',
      tsql: 'SELECT [type], SUM(CASE WHEN [advance] > 5000 THEN [price] END), COUNT(CASE WHEN [advance] > 5000 THEN 1 END)\nFROM [dbo].[titles]\nGROUP BY [type];',
      codes: ['groupByAll'],
    },
    {
      name: 'QRY-05 HAVING and ORDER BY aggregates are filtered the same way',
      ase: 'select type, max(price) from titles where pub_id = 1 group by all type having max(price) > 3 order by max(price)',
      tsql: 'SELECT [type], MAX(CASE WHEN [pub_id] = 1 THEN [price] END)\nFROM [dbo].[titles]\nGROUP BY [type]\nHAVING MAX(CASE WHEN [pub_id] = 1 THEN [price] END) > 3\nORDER BY MAX(CASE WHEN [pub_id] = 1 THEN [price] END);',
      codes: ['groupByAll'],
    },
    {
      name: 'QRY-05 without WHERE ALL changes nothing and is dropped',
      ase: 'select type, count(distinct pub_id) from titles group by all type',
      tsql: 'SELECT [type], COUNT(DISTINCT [pub_id])\nFROM [dbo].[titles]\nGROUP BY [type];',
      codes: ['groupByAll'],
    },
    {
      name: 'QRY-05 a subquery in WHERE cannot go inside an aggregate: GROUP BY ALL kept, flagged',
      ase: 'select type, sum(price) from titles where pub_id in (select pub_id from pubs) group by all type',
      tsql: 'SELECT [type], SUM([price])\nFROM [dbo].[titles]\nWHERE [pub_id] IN (SELECT [pub_id] FROM [dbo].[pubs])\nGROUP BY ALL [type];',
      codes: ['groupByAllKept'],
    },
  ],
  'QRY-07 comparisons with a parameter defaulting to NULL': [
    {
      name: 'QRY-07 column = @p where @p defaults to NULL: kept, flagged with the ANSI form',
      ase: 'select a from t where t.c = @opt',
      tsql: 'SELECT [a]\nFROM [dbo].[t]\nWHERE [t].[c] = @opt;',
      codes: ['nullableParameterComparison'],
      message: 'write (t.c = @opt OR (t.c IS NULL AND @opt IS NULL))',
    },
    {
      name: 'QRY-07 <> gets the three-way ANSI form',
      ase: 'select a from t where t.c <> @name',
      tsql: 'SELECT [a]\nFROM [dbo].[t]\nWHERE [t].[c] <> @name;',
      codes: ['nullableParameterComparison'],
      message: '(t.c <> @name OR (t.c IS NULL AND @name IS NOT NULL) OR (t.c IS NOT NULL AND @name IS NULL))',
    },
    {
      name: 'QRY-07 variable to variable, written order kept in the message',
      ase: "if @opt = @req print 'same'",
      tsql: "IF @opt = @req\n    PRINT 'same';",
      codes: ['nullableParameterComparison'],
      message: '@opt = @req: @opt defaults to NULL',
    },
    {
      name: 'QRY-07 a parameter without NULL default is not flagged',
      ase: 'select a from t where t.c = @req',
      tsql: 'SELECT [a]\nFROM [dbo].[t]\nWHERE [t].[c] = @req;',
      codes: [],
    },
    {
      name: 'QRY-07 comparison with a literal is not flagged (no NULL on the other side)',
      ase: 'select a from t where @opt = 1',
      tsql: 'SELECT [a]\nFROM [dbo].[t]\nWHERE @opt = 1;',
      codes: [],
    },
    {
      name: 'QRY-07 optional-filter idiom (@p is null or col = @p) is not flagged',
      ase: 'select a from t where (t.c = @opt or @opt is null) and t.d = 2',
      tsql: 'SELECT [a]\nFROM [dbo].[t]\nWHERE ([t].[c] = @opt OR @opt IS NULL) AND [t].[d] = 2;',
      codes: [],
    },
    {
      name: 'QRY-07 idiom written the ASE way (@p = null) is not flagged either',
      ase: 'select a from t where t.c = @opt or @opt = null',
      tsql: 'SELECT [a]\nFROM [dbo].[t]\nWHERE [t].[c] = @opt OR @opt IS NULL;',
      codes: ['nullComparison'],
    },
  ],
  'ERR-06 convert to a smaller numeric scale': [
    {
      name: 'ERR-06 the spec example: convert(numeric(9,2), expr) truncates',
      ase: 'select @f = convert(numeric(9,2), @amount * 0.0175)',
      tsql: 'SELECT @f = CONVERT(numeric(9, 2), ROUND(@amount * 0.0175, 2, 1));',
      codes: ['scaleTruncation'],
    },
    {
      name: 'ERR-06 literal with more decimals than the scale',
      ase: 'select convert(numeric(5,2), 1.239)',
      tsql: 'SELECT CONVERT(numeric(5, 2), ROUND(1.239, 2, 1));',
      codes: ['scaleTruncation'],
    },
    {
      name: 'ERR-06 literal that fits the scale: unchanged',
      ase: 'select convert(numeric(5,2), 1.2), convert(decimal(5,2), -3)',
      tsql: 'SELECT CONVERT(numeric(5, 2), 1.2), CONVERT(decimal(5, 2), -3);',
      codes: [],
    },
    {
      name: 'ERR-06 cast to money keeps 4 decimals',
      ase: 'select cast(@x as money)',
      tsql: 'SELECT CAST(ROUND(@x, 4, 1) AS money);',
      codes: ['scaleTruncation'],
    },
    {
      name: 'ERR-06 numeric without scale has scale 0',
      ase: 'select convert(numeric(10), @y)',
      tsql: 'SELECT CONVERT(numeric(10), ROUND(@y, 0, 1));',
      codes: ['scaleTruncation'],
    },
    {
      name: 'ERR-06 a value the author already rounded, and non-numeric targets: unchanged',
      ase: 'select convert(numeric(5,2), round(@x, 2)), convert(int, @x), convert(numeric(5,2), null)',
      tsql: 'SELECT CONVERT(numeric(5, 2), ROUND(@x, 2)), CONVERT(int, @x), CONVERT(numeric(5, 2), NULL);',
      codes: [],
    },
  ],
  'TRG-03 @@rowcount at the start of a trigger': [
    {
      name: 'TRG-03 if @@rowcount = 0 return as first statement: count captured first',
      trigger: 'insert',
      ase: 'if @@rowcount = 0 return\ninsert log select * from inserted',
      tsql: 'DECLARE @ase_rowcount int;\nSET @ase_rowcount = @@ROWCOUNT;\nIF @ase_rowcount = 0\n    RETURN;\nINSERT INTO [dbo].[log]\nSELECT *\nFROM [inserted];',
      codes: ['triggerRowcount'],
    },
    {
      name: 'TRG-03 after set nocount on / declare the capture still comes first; later reads untouched',
      trigger: 'update',
      ase: 'set nocount on\ndeclare @n int\nif @@rowcount = 0 return\nselect @n = @@rowcount',
      tsql: 'DECLARE @ase_rowcount int;\nSET @ase_rowcount = @@ROWCOUNT;\nSET NOCOUNT ON;\nDECLARE @n int;\nIF @ase_rowcount = 0\n    RETURN;\nSELECT @n = @@ROWCOUNT;',
      codes: ['triggerRowcount'],
    },
    {
      name: 'TRG-03 body wrapped in begin/end is looked into',
      trigger: 'delete',
      ase: 'begin\nif @@rowcount = 0 return\nend',
      tsql: 'DECLARE @ase_rowcount int;\nSET @ase_rowcount = @@ROWCOUNT;\nIF @ase_rowcount = 0\n    RETURN;',
      codes: ['triggerRowcount'],
    },
    {
      name: "TRG-03 @@rowcount read after a DML statement is that statement's count: unchanged",
      trigger: 'insert',
      ase: 'insert log select * from inserted\nif @@rowcount = 0 return',
      tsql: 'INSERT INTO [dbo].[log]\nSELECT *\nFROM [inserted];\nIF @@ROWCOUNT = 0\n    RETURN;',
      codes: [],
    },
    {
      name: 'TRG-03 @@rowcount inside a nested block is not the start of the trigger: unchanged',
      trigger: 'insert',
      ase: 'if exists (select 1 from inserted)\nbegin\nif @@rowcount = 0 return\nend',
      tsql: 'IF EXISTS (SELECT 1 FROM [inserted])\nBEGIN\n    IF @@ROWCOUNT = 0\n        RETURN;\nEND;',
      codes: [],
    },
    {
      name: 'TRG-03 procedures are not triggers: unchanged',
      ase: 'if @@rowcount = 0 return',
      tsql: 'IF @@ROWCOUNT = 0\n    RETURN;',
      codes: [],
    },
  ],
  'TRG-08 @@error after DML in a trigger': [
    {
      name: 'TRG-08 if @@error != 0 right after an insert is flagged (the check never runs)',
      trigger: 'insert',
      ase: 'insert log select * from inserted\nif @@error != 0 rollback tran',
      tsql: 'INSERT INTO [dbo].[log]\nSELECT *\nFROM [inserted];\nIF @@ERROR <> 0\n    ROLLBACK TRANSACTION;',
      codes: ['triggerErrorCheck'],
    },
    {
      name: 'TRG-08 select @e = @@error after an update inside a block is flagged',
      trigger: 'update',
      ase: 'if update(a)\nbegin\nupdate t2 set x = 1 from inserted i where t2.id = i.id\nselect @e = @@error\nend',
      codes: ['triggerErrorCheck'],
    },
    {
      name: 'TRG-08 @@error after a non-DML statement is not flagged',
      trigger: 'insert',
      ase: "print 'x'\nif @@error != 0 return",
      tsql: "PRINT 'x';\nIF @@ERROR <> 0\n    RETURN;",
      codes: [],
    },
    {
      name: 'TRG-08 the same code in a procedure is not flagged',
      ase: 'insert log values (1)\nif @@error != 0 return',
      tsql: 'INSERT INTO [dbo].[log]\nVALUES (1);\nIF @@ERROR <> 0\n    RETURN;',
      codes: [],
    },
  ],
  '§5 mapped functions (one case per table row)': [
    {
      name: 'FN-04 patindex trims the pattern',
      ase: "select patindex('%ab %', s) from t",
      tsql: "SELECT PATINDEX(RTRIM('%ab %'), [s])\nFROM [dbo].[t];",
      codes: ['patindexTrim'],
    },
    {
      name: 'FN-06 left with a variable length gets the negative-length guard',
      ase: 'select left(s, @n) from t',
      tsql: 'SELECT CASE WHEN @n < 0 THEN NULL ELSE LEFT([s], @n) END\nFROM [dbo].[t];',
      codes: ['negativeLength'],
    },
    {
      name: 'FN-06 right with a variable length gets the negative-length guard',
      ase: 'select right(s, @n) from t',
      tsql: 'SELECT CASE WHEN @n < 0 THEN NULL ELSE RIGHT([s], @n) END\nFROM [dbo].[t];',
      codes: ['negativeLength'],
    },
    {
      name: 'FN-06 non-negative literal lengths stay as written',
      ase: 'select left(s, 2), right(s, 0) from t',
      tsql: 'SELECT LEFT([s], 2), RIGHT([s], 0)\nFROM [dbo].[t];',
      codes: [],
    },
    {
      name: 'FN-19 uhighsurr → high-surrogate range test',
      ase: 'select uhighsurr(s, 2) from t',
      tsql: 'SELECT CASE WHEN UNICODE(SUBSTRING([s], 2, 1)) BETWEEN 55296 AND 56319 THEN 1 ELSE 0 END\nFROM [dbo].[t];',
      codes: ['surrogateTest'],
    },
    {
      name: 'FN-19 ulowsurr → low-surrogate range test',
      ase: 'select ulowsurr(s, @i) from t',
      tsql: 'SELECT CASE WHEN UNICODE(SUBSTRING([s], @i, 1)) BETWEEN 56320 AND 57343 THEN 1 ELSE 0 END\nFROM [dbo].[t];',
      codes: ['surrogateTest'],
    },
    {
      name: 'FN-64 index_colorder → INDEXKEY_PROPERTY IsDescending',
      ase: "select index_colorder('t', 2, 1)",
      tsql: "SELECT CASE INDEXKEY_PROPERTY(OBJECT_ID('t'), 2, 1, 'IsDescending') WHEN 1 THEN 'DESC' ELSE 'ASC' END;",
      codes: ['indexColorder'],
    },
    {
      name: 'FN-67 lockscheme → constant datarows',
      ase: "select @s = lockscheme('t')",
      tsql: "SELECT @s = 'datarows';",
      codes: ['lockscheme'],
    },
    {
      name: 'FN-69 newid() → 32 lower-case hex digits',
      ase: 'select newid()',
      tsql: "SELECT LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''));",
      codes: ['newidFormat'],
    },
    {
      name: 'FN-69 newid(1) → lower-case with dashes',
      ase: 'select newid(1)',
      tsql: 'SELECT LOWER(CONVERT(char(36), NEWID()));',
      codes: ['newidFormat'],
    },
    {
      name: 'FN-69 newid(0x0) → binary(16)',
      ase: 'select newid(0x0)',
      tsql: 'SELECT CONVERT(binary(16), NEWID());',
      codes: ['newidFormat'],
    },
    {
      name: 'FN-70 hash(x, sha256) → lower-case hex of HASHBYTES SHA2_256',
      ase: "select hash(s, 'sha256') from t",
      tsql: "SELECT LOWER(CONVERT(varchar(128), HASHBYTES('SHA2_256', [s]), 2))\nFROM [dbo].[t];",
      codes: ['hashHex'],
    },
    {
      name: 'FN-70 hash(x) defaults to md5',
      ase: 'select hash(s) from t',
      tsql: "SELECT LOWER(CONVERT(varchar(128), HASHBYTES('MD5', [s]), 2))\nFROM [dbo].[t];",
      codes: ['hashHex'],
    },
  ],
  'AZ-13 read-then-update under read committed snapshot': [
    {
      name: 'AZ-13 counter read into a variable then updated: locking read on Azure',
      options: { target: 'azure-sql' },
      ase: "select @n = next_no from counters where k = 'A'\nupdate counters set next_no = @n + 1 where k = 'A'",
      tsql: "SELECT @n = [next_no]\nFROM [dbo].[counters] WITH (READCOMMITTEDLOCK)\nWHERE [k] = 'A';\nUPDATE [dbo].[counters]\nSET [next_no] = @n + 1\nWHERE [k] = 'A';",
      codes: ['readThenUpdate'],
    },
    {
      name: 'AZ-13 only the updated table of a join gets the hint',
      options: { target: 'azure-sql' },
      ase: 'select @n = c.next_no from counters c join kinds k on k.id = c.kind_id\nupdate counters set next_no = @n + 1',
      tsql: 'SELECT @n = [c].[next_no]\nFROM [dbo].[counters] AS [c] WITH (READCOMMITTEDLOCK)\n    INNER JOIN [dbo].[kinds] AS [k] ON [k].[id] = [c].[kind_id];\nUPDATE [dbo].[counters]\nSET [next_no] = @n + 1;',
      codes: ['readThenUpdate'],
    },
    {
      name: 'AZ-13 a read with its own hint (holdlock) is left to it',
      options: { target: 'azure-sql' },
      ase: 'select @n = next_no from counters holdlock\nupdate counters set next_no = @n + 1',
      tsql: 'SELECT @n = [next_no]\nFROM [dbo].[counters] WITH (HOLDLOCK);\nUPDATE [dbo].[counters]\nSET [next_no] = @n + 1;',
      codes: [],
    },
    {
      name: 'AZ-13 another table updated: unchanged',
      options: { target: 'azure-sql' },
      ase: 'select @n = next_no from counters\nupdate other set x = @n',
      tsql: 'SELECT @n = [next_no]\nFROM [dbo].[counters];\nUPDATE [dbo].[other]\nSET [x] = @n;',
      codes: [],
    },
    {
      name: 'AZ-13 SQL Server target (RCSI off by default): unchanged',
      options: { target: 'sqlserver' },
      ase: 'select @n = next_no from counters\nupdate counters set next_no = @n + 1',
      tsql: 'SELECT @n = [next_no]\nFROM [dbo].[counters];\nUPDATE [dbo].[counters]\nSET [next_no] = @n + 1;',
      codes: [],
    },
  ],
};

for (const [feature, list] of Object.entries(cases))
  describe(feature, () => {
    for (const c of list) test(c.name, () => run(c));
  });
