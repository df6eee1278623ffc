/** Schema statements end to end through translate() (§1–3): T-SQL text, findings, outcomes. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { translate } from '../../../shared/translator/translate';
import { createSchemaState, schemaStatementTranslators } from '../../../shared/catalog/script/statements';
import { CatalogBuilder } from '../../../shared/catalog/script/builder';

function expectTranslation(
  ase: string,
  expected: { includes: readonly string[]; codes?: readonly string[]; excludes?: readonly string[] },
): void {
  const r = translate(ase, { file: 't.sql' });
  for (const s of expected.includes) assert.ok(r.sql.includes(s), `expected\n${s}\nin\n${r.sql}`);
  for (const s of expected.excludes ?? [])
    assert.ok(!r.sql.includes(s), `did not expect\n${s}\nin\n${r.sql}`);
  for (const c of expected.codes ?? [])
    assert.ok(
      r.diagnostics.some((d) => d.code === c),
      `expected ${c} in ${r.diagnostics.map((d) => d.code).join(', ')}`,
    );
  assert.equal(r.statements.total, r.statements.converted + r.statements.flagged);
}

describe('create table (§1, §2)', () => {
  const cases = [
    {
      name: 'DT-01/03/05/21: explicit nullability, nullable char, bit, named default',
      ase: 'create table acct (acct_no int, nickname char(20) null, active bit, balance money default 0)',
      includes: [
        '[acct_no] int NOT NULL,',
        '[nickname] varchar(20) NULL,',
        '[active] bit NOT NULL,',
        '[balance] money NOT NULL CONSTRAINT [DF_acct_balance] DEFAULT (0)',
      ],
      codes: ['ASM-DT-001', 'ASM-DT-003'],
    },
    {
      name: 'DT-06: unsigned smallint → int + CHECK',
      ase: 'create table stock (sku int not null, qty unsigned smallint not null)',
      includes: ['[qty] int NOT NULL CONSTRAINT [CK_stock_qty_unsigned] CHECK ([qty] BETWEEN 0 AND 65535)'],
      codes: ['ASM-DT-006'],
    },
    {
      name: 'DT-08: timestamp → rowversion with a warning comment',
      ase: 'create table price (sku int not null, amt money not null, ts timestamp)',
      includes: ['[ts] rowversion NOT NULL', '-- SYB2MS-DT-08'],
      codes: ['ASM-DT-009'],
    },
    {
      name: 'ID-01: identity',
      ase: 'create table orders (order_id numeric(12,0) identity, placed datetime not null)',
      includes: ['[order_id] numeric(12,0) IDENTITY(1,1) NOT NULL,', '[placed] datetime NOT NULL'],
    },
    {
      name: 'DDL-20: computed columns',
      ase: 'create table line (qty int not null, price money not null, total compute qty * price materialized)',
      includes: ['[total] AS (qty * price) PERSISTED'],
    },
    {
      name: 'DDL-30/31/32/35: table constraints inline',
      ase: 'create table p (id int primary key)\ngo\ncreate table c (id int not null, pid int null, code char(3) not null, constraint uq_code unique (code), foreign key (pid) references p, check (id > 0))',
      includes: [
        'CONSTRAINT [PK_p] PRIMARY KEY CLUSTERED ([id])',
        'CONSTRAINT [uq_code] UNIQUE NONCLUSTERED ([code])',
        'CONSTRAINT [FK_c_p_pid] FOREIGN KEY ([pid]) REFERENCES [dbo].[p] ([id])',
        'CONSTRAINT [CK_c_1] CHECK (id > 0)',
      ],
    },
    {
      name: 'DDL-01/03/05/09: dropped clauses reported',
      ase: 'create table hist (id int not null) lock datarows with exp_row_size = 120, identity_gap = 100 on hist_seg',
      includes: ['CREATE TABLE [dbo].[hist] (\n    [id] int NOT NULL\n);'],
      excludes: ['hist_seg', 'exp_row_size'],
      codes: ['ASM-DDL-001', 'ASM-DDL-003', 'ASM-DDL-005', 'ASM-DDL-009'],
    },
    {
      name: 'DT-09: user type inlined, type rule as inline CHECK',
      ase: "exec sp_addtype zipcode, 'char(5)', 'not null'\ngo\ncreate rule zip_rule as @z like '[0-9][0-9][0-9][0-9][0-9]'\ngo\nexec sp_bindrule zip_rule, zipcode\ngo\ncreate table cust (id int, zip zipcode)",
      includes: [
        "[zip] char(5) NOT NULL CONSTRAINT [CK_cust_zip_zip_rule] CHECK ([zip] like '[0-9][0-9][0-9][0-9][0-9]')",
        '-- SYB2MS-DT-09 zipcode: user type inlined as char(5) NOT NULL',
      ],
      codes: ['ASM-RD-002', 'ASM-DT-010'],
    },
    {
      name: 'LEX: names with ] are quoted with ] doubled',
      ase: 'create table [a]]b] ([c]]d] int null)',
      includes: ['CREATE TABLE [dbo].[a]]b] (\n    [c]]d] int NULL\n);'],
    },
  ];
  for (const c of cases) test(c.name, () => expectTranslation(c.ase, c));
});

describe('rules, defaults and bindings (§3)', () => {
  test('RD-01/RD-05: sp_bindrule → ALTER TABLE ADD CONSTRAINT CHECK, variable replaced outside literals only', () => {
    expectTranslation(
      "create table quota (pct int not null)\ngo\ncreate rule pct_rule as @p between 0 and 100 and @p <> 50 and 'x@p' <> '@p'\ngo\nexec sp_bindrule pct_rule, 'quota.pct'",
      {
        includes: [
          "ALTER TABLE [dbo].[quota] WITH CHECK ADD CONSTRAINT [CK_quota_pct_pct_rule] CHECK ([pct] between 0 and 100 and [pct] <> 50 and 'x@p' <> '@p');",
          '-- SYB2MS-RD-01 dbo.pct_rule: rule not created',
        ],
        codes: ['ASM-RD-001'],
      },
    );
  });

  test('DDL-35: double-quoted strings in checks and defaults become single-quoted (quoted_identifier off)', () => {
    expectTranslation('create table t (s char(1) default "A", constraint ck_s check (s in ("A", "it\'s")))', {
      includes: [
        "[s] char(1) NOT NULL CONSTRAINT [DF_t_s] DEFAULT ('A')",
        "CONSTRAINT [ck_s] CHECK (s in ('A', 'it''s'))",
      ],
    });
  });

  test('RD-10: sp_bindefault → DEFAULT constraint FOR the column', () => {
    expectTranslation(
      "create table stock (qty int not null)\ngo\ncreate default zero_dflt as 0\ngo\nexec sp_bindefault zero_dflt, 'stock.qty'",
      {
        includes: ['ALTER TABLE [dbo].[stock] ADD CONSTRAINT [DF_stock_qty] DEFAULT (0) FOR [qty];'],
        codes: ['ASM-RD-010'],
      },
    );
  });

  test('RD-07: sp_unbindrule drops the generated CHECK', () => {
    expectTranslation(
      "create table q (p int)\ngo\ncreate rule r as @v > 0\ngo\nexec sp_bindrule r, 'q.p'\ngo\nexec sp_unbindrule 'q.p'",
      {
        includes: ['ALTER TABLE [dbo].[q] DROP CONSTRAINT IF EXISTS [CK_q_p_r];'],
      },
    );
  });

  test('RD-06: access rule is flagged with a failing placeholder', () => {
    const r = translate('create access rule ar as @x = user', {});
    assert.equal(r.statements.flagged, 1);
    assert.match(r.sql, /THROW 50000, N'SYB2MS-RD-06/);
  });

  test('CAT-001: binding an unknown rule is reported at its line', () => {
    const r = translate("create table q (p int)\ngo\nexec sp_bindrule nosuch, 'q.p'", { file: 'b.sql' });
    const d = r.diagnostics.find((x) => x.code === 'ASM-CAT-001');
    assert.equal(d?.line, 3);
    assert.equal(d?.file, 'b.sql');
  });
});

describe('indexes and alter table (§2.4, §2.5)', () => {
  test('IDX-02/06/08/10: options mapped or dropped', () => {
    expectTranslation(
      'create table cust (code int not null)\ngo\ncreate unique nonclustered index ix_cust_code on cust (code) with ignore_dup_key, fillfactor = 80, sorted_data on idx_seg',
      {
        includes: [
          'CREATE UNIQUE NONCLUSTERED INDEX [ix_cust_code] ON [dbo].[cust] ([code] ASC) WITH (IGNORE_DUP_KEY = ON, FILLFACTOR = 80);',
        ],
        codes: ['ASM-IDX-002', 'ASM-IDX-008', 'ASM-IDX-010'],
      },
    );
  });

  test('IDX-12: function-based index → computed column + index', () => {
    expectTranslation(
      'create table cust (lname varchar(30) not null)\ngo\ncreate nonclustered index ix_cust_uname on cust (upper(lname))',
      {
        includes: [
          'ALTER TABLE [dbo].[cust] ADD [__fbi_ix_cust_uname_1] AS (upper(lname));',
          'CREATE NONCLUSTERED INDEX [ix_cust_uname] ON [dbo].[cust] ([__fbi_ix_cust_uname_1] ASC);',
        ],
        codes: ['ASM-IDX-012'],
      },
    );
  });

  test('DDL-40/41/42: add, modify, drop', () => {
    expectTranslation(
      'create table t (a int, b int)\ngo\nalter table t add c varchar(10) null\ngo\nalter table t modify a bigint null\ngo\nalter table t drop b',
      {
        includes: [
          'ALTER TABLE [dbo].[t] ADD [c] varchar(10) NULL;',
          'ALTER TABLE [dbo].[t] ALTER COLUMN [a] bigint NULL;',
          'ALTER TABLE [dbo].[t] DROP COLUMN [b];',
        ],
        codes: ['ASM-DDL-041'],
      },
    );
  });

  test('DDL-40/35: a check written on an added column is kept as its own constraint', () => {
    expectTranslation(
      'create table t (a int not null)\ngo\nalter table t add d int null constraint d_ck check (d >= 0)',
      {
        includes: [
          'ALTER TABLE [dbo].[t] ADD [d] int NULL;',
          'ALTER TABLE [dbo].[t] WITH CHECK ADD CONSTRAINT [d_ck] CHECK (d >= 0);',
        ],
      },
    );
  });

  test('DDL-43: lock change dropped', () => {
    expectTranslation('create table t (a int)\ngo\nalter table t lock datarows', {
      includes: ['-- SYB2MS-DDL-43'],
      codes: ['ASM-DDL-043'],
    });
  });

  test('sp_primarykey becomes a logical key comment', () => {
    expectTranslation('create table t (a int)\ngo\nexec sp_primarykey t, a', {
      includes: ['sp_primarykey (a) recorded as a logical key'],
      codes: ['ASM-CAT-008'],
    });
  });
});

describe('schema state contract', () => {
  test('createSchemaState returns a CatalogBuilder; every schema kind has a translator', () => {
    assert.ok(createSchemaState({}) instanceof CatalogBuilder);
    assert.deepEqual(Object.keys(schemaStatementTranslators).sort(), [
      'AddType',
      'AlterTable',
      'Bind',
      'CreateDefault',
      'CreateIndex',
      'CreateRule',
      'CreateTable',
      'KeyProc',
      'Unbind',
    ]);
  });
});
