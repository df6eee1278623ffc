/**
 * Issue 3 translator gaps: non-ASCII literals get the N prefix (COL-06), `sp_procxmode` tags
 * (TRAN-04), readtext/writetext/textptr (SYS-60..63) and raiserror number mapping (MSG-03). Each
 * case translates a procedure (with the output self-check) and names its rule id.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translatorCodes, type TranslatorCode } from '../../../../shared/translator/codes';
import type { TranslateOptions } from '../../../../shared/translator/statement-translator';
import { bodyOf, translateChecked } from './helpers';

interface Case {
  readonly name: string;
  readonly ase: string;
  /** Exact converted body. */
  readonly tsql?: string;
  /** Codes reported, in order. */
  readonly codes: readonly TranslatorCode[];
  /** Substring of the first diagnostic's message. */
  readonly message?: string;
  readonly options?: TranslateOptions;
}

const HEADER = 'create procedure p @v varchar(30) = null as\n';

function run(c: Case): void {
  const r = translateChecked(`${HEADER}${c.ase}\n`, c.options);
  if (c.tsql !== undefined) assert.equal(bodyOf(r.sql), c.tsql);
  assert.deepEqual(
    r.diagnostics.map((d) => d.code),
    c.codes.map((k) => translatorCodes[k].code),
  );
  if (c.message !== undefined)
    assert.ok(r.diagnostics[0]?.message.includes(c.message), r.diagnostics[0]?.message);
}

const cases: Record<string, Case[]> = {
  'COL-06 non-ASCII string literals keep every character (N prefix)': [
    {
      name: 'COL-06 é in a select literal',
      ase: "select 'café'",
      tsql: "SELECT N'café';",
      codes: ['unicodeLiteral'],
    },
    {
      name: 'COL-06 ü in an assignment',
      ase: "select @v = 'Grüße'",
      tsql: "SELECT @v = N'Grüße';",
      codes: ['unicodeLiteral'],
    },
    {
      name: 'COL-06 emoji (outside the BMP) in a comparison',
      ase: "if @v = 'ok 😀' return",
      tsql: "IF @v = N'ok 😀'\n    RETURN;",
      codes: ['unicodeLiteral'],
    },
    {
      name: 'COL-06 ASCII-only literal: unchanged, nothing reported',
      ase: "select 'plain'",
      tsql: "SELECT 'plain';",
      codes: [],
    },
  ],
  'TRAN-04 sp_procxmode tags': [
    {
      name: "TRAN-04 'chained': tag dropped, WARN on the procedure",
      ase: "exec sp_procxmode 'dbo.p', 'chained'",
      tsql: '-- SYB2MS-TRAN-04 sp_procxmode dbo.p, chained: dropped; the body was written for chained mode (implicit transactions): run callers with SET IMPLICIT_TRANSACTIONS ON or add explicit BEGIN TRAN / COMMIT in the converted body',
      codes: ['procxmodeChained'],
      message: 'SET IMPLICIT_TRANSACTIONS ON',
    },
    {
      name: "TRAN-04 'CHAINED' in capitals and a bare name",
      ase: 'exec sp_procxmode p, CHAINED',
      codes: ['procxmodeChained'],
      message: "sp_procxmode dbo.p 'chained'",
    },
    {
      name: "TRAN-04 'unchained': dropped with INFO only",
      ase: "exec sp_procxmode 'p', 'unchained'",
      tsql: '-- SYB2MS-SYS-31 sp_procxmode p, unchained: dropped; SQL Server has no procedure transaction mode (TRAN-04)',
      codes: ['procDroppedProcxmode'],
    },
    {
      name: "TRAN-04 'anymode': dropped with INFO only",
      ase: "exec sp_procxmode 'p', 'anymode'",
      codes: ['procDroppedProcxmode'],
    },
  ],
  'SYS-60..63 text pointers (readtext / writetext / textptr / textvalid)': [
    {
      name: 'SYS-60 + SYS-61 the spec example: pointer select removed, readtext → SUBSTRING (offset + 1)',
      ase: 'select @p = textptr(body) from doc where id = 7\nreadtext doc.body @p 100 50',
      tsql: 'SELECT SUBSTRING([body], 101, 50)\nFROM [dbo].[doc]\nWHERE [id] = 7;',
      codes: [],
    },
    {
      name: 'SYS-61 variable offset and size: start is offset + 1',
      ase: 'select @p = textptr(body) from doc where id = 7\nreadtext dbo.doc.body @p @off @len',
      tsql: 'SELECT SUBSTRING([body], @off + 1, @len)\nFROM [dbo].[doc]\nWHERE [id] = 7;',
      codes: [],
    },
    {
      name: 'SYS-62 writetext → UPDATE with the remembered predicate (INFO: logged, fires triggers)',
      ase: "select @p = textptr(body) from doc where id = 7\nwritetext doc.body @p 'it''s new'",
      tsql: "UPDATE [dbo].[doc]\nSET [body] = 'it''s new'\nWHERE [id] = 7;",
      codes: ['writetextUpdate'],
      message: 'fires update triggers',
    },
    {
      name: 'SYS-62 writetext with log and a variable value',
      ase: 'select @p = textptr(body) from doc where id = 7\nwritetext doc.body @p with log @v',
      tsql: 'UPDATE [dbo].[doc]\nSET [body] = @v\nWHERE [id] = 7;',
      codes: ['writetextUpdate'],
    },
    {
      name: 'SYS-63 textvalid(...) → 1',
      ase: "if textvalid('doc.body', @p) = 1 return",
      tsql: 'IF 1 = 1\n    RETURN;',
      codes: ['textvalidTrue'],
    },
  ],
  'MSG-03 raiserror numbers kept with THROW (number + 50000)': [
    {
      name: 'MSG-03 the spec example: raiserror, rollback, return → rollback first, THROW 70010',
      ase: 'raiserror 20010 "Negative quantity for %1!", @v\nrollback tran\nreturn -1',
      tsql: "DECLARE @syb2ms_msg_2_1 nvarchar(2048);\nSET @syb2ms_msg_2_1 = CONCAT('Negative quantity for ', @v);\nROLLBACK TRANSACTION;\nTHROW 70010, @syb2ms_msg_2_1, 1;\nRETURN -1;",
      codes: ['raiserrorOld', 'raiserrorThrow'],
    },
    {
      name: 'MSG-03 literal message then return: % kept as is (THROW does not format)',
      ase: 'raiserror 20001 "50% done"\nreturn',
      tsql: "THROW 70001, N'50% done', 1;\nRETURN;",
      codes: ['raiserrorOld', 'raiserrorThrow'],
      message: 'raiserror 20001',
    },
    {
      name: 'MSG-03 execution continues after the raiserror: RAISERROR kept (ASE continues)',
      ase: 'raiserror 20002 "go on"\nselect 1',
      tsql: "RAISERROR(N'[20002] go on', 16, 1);\nSELECT 1;",
      codes: ['raiserrorOld'],
    },
    {
      name: 'MSG-03 number below 20000: RAISERROR kept',
      ase: 'raiserror 17001 "system range"\nreturn',
      tsql: "RAISERROR(N'[17001] system range', 16, 1);\nRETURN;",
      codes: ['raiserrorOld'],
    },
    {
      name: 'MSG-03 project option off: RAISERROR kept',
      ase: 'raiserror 20003 "off"\nreturn',
      tsql: "RAISERROR(N'[20003] off', 16, 1);\nRETURN;",
      codes: ['raiserrorOld'],
      options: { raiserrorThrow: false },
    },
  ],
};

for (const [feature, list] of Object.entries(cases))
  describe(feature, () => {
    for (const c of list) test(c.name, () => run(c));
  });

describe('TRAN-04 sp_procxmode in a schema script', () => {
  test("TRAN-04 'chained' after create procedure: WARN attached to the procedure", () => {
    const r = translateChecked("create procedure p as select 1\ngo\nexec sp_procxmode 'p', 'chained'\n");
    const d = r.diagnostics.find((x) => x.code === translatorCodes.procxmodeChained.code);
    assert.ok(d, JSON.stringify(r.diagnostics));
    assert.equal(d.level, 'WARN');
    assert.equal(d.ruleId, 'TRAN-04');
    assert.equal(d.object, 'dbo.p');
    assert.match(r.sql, /-- SYB2MS-TRAN-04 sp_procxmode dbo\.p, chained: dropped;/);
  });
});

describe('SYS-60..62 text pointers not rewritable: still carried (MANUAL)', () => {
  const carried = [
    { name: 'SYS-61 readtext without a pointer select in the same list', ase: 'readtext doc.body @p 0 10' },
    {
      name: 'SYS-61 pointer select without a where clause (row unknown)',
      ase: 'select @p = textptr(body) from doc\nreadtext doc.body @p 0 10',
    },
    {
      name: 'SYS-61 readtext of another column than the pointer',
      ase: 'select @p = textptr(body) from doc where id = 7\nreadtext doc.other @p 0 10',
    },
    {
      name: 'SYS-60 pointer select in an if branch, readtext outside it',
      ase: 'if @v is null\n  select @p = textptr(body) from doc where id = 7\nreadtext doc.body @p 0 10',
    },
  ];
  for (const c of carried)
    test(c.name, () => {
      const r = translateChecked(`${HEADER}${c.ase}\n`);
      const text = bodyOf(r.sql);
      assert.ok(text.includes('-- | readtext doc.'), text);
      assert.match(text, /THROW 50000, N'SYB2MS-/);
      assert.ok(r.diagnostics.some((d) => d.code === translatorCodes.unsupportedStatement.code));
      // the pointer select is kept when its readtext could not be rewritten
      if (c.ase.includes('textptr')) assert.match(text, /TEXTPTR\(\[body\]\)/);
    });
});
