/** generateDdl: phases, FK ordering, quoting, determinism (architecture.md §1, §5). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateDdl } from '../../../shared/catalog/ddl/generate';
import { orderTables } from '../../../shared/catalog/ddl/order';
import type { Catalog } from '../../../shared/catalog/model';
import { catalogOf } from './helpers';

const sqlOf = (c: Catalog, file: string): string => {
  const s = generateDdl(c).scripts.find((x) => x.fileName === file);
  assert.ok(s, `${file} generated`);
  return s.sql;
};

describe('deployment scripts: phases', () => {
  const c = catalogOf(
    [
      'create table acct (acct_no int, nickname char(20) null, active bit, balance money default 0, primary key (acct_no))',
      'create table stock (sku int not null, qty unsigned smallint not null, unique (sku))',
      'create index ix_qty on stock (qty)',
      'create table mv (acct_no int not null, foreign key (acct_no) references acct)',
      'create rule pos as @v > 0',
      "exec sp_bindrule pos, 'stock.sku'",
      'grant all on acct to public',
      'create table joe.t (a int)',
    ].join('\ngo\n'),
  );
  const ddl = generateDdl(c);

  test('five scripts in phase order', () => {
    assert.deepEqual(
      ddl.scripts.map((s) => [s.phase, s.fileName]),
      [
        ['types', '01-types.sql'],
        ['tables', '02-tables.sql'],
        ['constraints', '04-constraints.sql'],
        ['modules', '05-modules.sql'],
        ['permissions', '06-permissions.sql'],
      ],
    );
  });

  test('SEC-08: 01 creates schemas for owners other than dbo', () => {
    assert.match(
      sqlOf(c, '01-types.sql'),
      /IF SCHEMA_ID\(N'joe'\) IS NULL EXEC\(N'CREATE SCHEMA \[joe\]'\);\nGO/,
    );
    assert.doesNotMatch(sqlOf(c, '01-types.sql'), /\[dbo\]/);
  });

  test('DT-01/03/05/21: 02 has explicit nullability, defaults and the primary key only', () => {
    const sql = sqlOf(c, '02-tables.sql');
    assert.ok(
      sql.includes(
        [
          'CREATE TABLE [dbo].[acct] (',
          '    [acct_no] int NOT NULL,',
          '    [nickname] varchar(20) NULL,',
          '    [active] bit NOT NULL,',
          '    [balance] money NOT NULL CONSTRAINT [DF_acct_balance] DEFAULT (0),',
          '    CONSTRAINT [PK_acct] PRIMARY KEY CLUSTERED ([acct_no])',
          ');',
          'GO',
        ].join('\n'),
      ),
      sql,
    );
    assert.doesNotMatch(sql, /FOREIGN KEY|UNIQUE|CREATE INDEX/);
  });

  test('DT-06: unsigned CHECK inline in 02', () => {
    assert.match(
      sqlOf(c, '02-tables.sql'),
      /\[qty\] int NOT NULL CONSTRAINT \[CK_stock_qty_unsigned\] CHECK \(\[qty\] BETWEEN 0 AND 65535\)/,
    );
  });

  test('DDL-31/32, IDX-01, RD-01/04: 04 holds uniques, indexes, FKs WITH CHECK and rule checks', () => {
    const sql = sqlOf(c, '04-constraints.sql');
    assert.match(
      sql,
      /ALTER TABLE \[dbo\]\.\[stock\] ADD CONSTRAINT \[UQ_stock_sku\] UNIQUE NONCLUSTERED \(\[sku\]\);/,
    );
    assert.match(sql, /CREATE NONCLUSTERED INDEX \[ix_qty\] ON \[dbo\]\.\[stock\] \(\[qty\] ASC\);/);
    assert.match(
      sql,
      /ALTER TABLE \[dbo\]\.\[mv\] WITH CHECK ADD CONSTRAINT \[FK_mv_acct_acct_no\] FOREIGN KEY \(\[acct_no\]\) REFERENCES \[dbo\]\.\[acct\] \(\[acct_no\]\);/,
    );
    assert.match(
      sql,
      /IF NOT EXISTS \(SELECT 1 FROM \[dbo\]\.\[stock\] WHERE NOT \(\[sku\] > 0\)\)\n {4}ALTER TABLE \[dbo\]\.\[stock\] WITH CHECK ADD CONSTRAINT \[CK_stock_sku_pos\] CHECK \(\[sku\] > 0\);\nELSE/,
    );
  });

  test('SEC-12: 06 expands grant all on a table', () => {
    assert.match(
      sqlOf(c, '06-permissions.sql'),
      /GRANT SELECT, INSERT, DELETE, UPDATE, REFERENCES ON OBJECT::\[dbo\]\.\[acct\] TO \[public\];/,
    );
  });

  test('every batch ends with GO', () => {
    for (const s of ddl.scripts) {
      const body = s.sql
        .split('\n')
        .filter((l) => !l.startsWith('-- ase-migrate') && !l.startsWith('-- Generated'))
        .join('\n');
      if (body.trim()) assert.match(body, /GO\n$/, s.fileName);
    }
  });

  test('objects: one report per table with its status', () => {
    const acct = ddl.objects.find((o) => o.type === 'table' && o.name === 'dbo.acct');
    assert.equal(acct?.status, 'converted');
    assert.ok(acct?.diagnostics.some((d) => d.code === 'ASM-DT-003'));
  });
});

describe('deployment scripts: ordering, quoting, determinism', () => {
  test('tables ordered by FK dependency (referenced first), whatever the script order', () => {
    const c = catalogOf(
      [
        'create table c (bid int, foreign key (bid) references b(id))',
        'create table b (id int primary key, aid int references a(id))',
        'create table a (id int primary key)',
      ].join('\ngo\n'),
    );
    assert.deepEqual(
      orderTables(c.tables).ordered.map((t) => t.name),
      ['a', 'b', 'c'],
    );
    const sql = sqlOf(c, '02-tables.sql');
    assert.ok(
      sql.indexOf('[dbo].[a]') < sql.indexOf('[dbo].[b]') &&
        sql.indexOf('[dbo].[b]') < sql.indexOf('[dbo].[c]'),
    );
  });

  test('FK cycles are reported and all tables still created', () => {
    const c = catalogOf(
      [
        'create table x (id int primary key, yid int)',
        'create table y (id int primary key, xid int references x(id))',
        'alter table x add constraint fk_xy foreign key (yid) references y(id)',
      ].join('\ngo\n'),
    );
    const ddl = generateDdl(c);
    assert.ok(ddl.diagnostics.some((d) => d.code === 'ASM-CAT-015'));
    const tables = ddl.scripts.find((s) => s.phase === 'tables')?.sql ?? '';
    assert.equal((tables.match(/CREATE TABLE/g) ?? []).length, 2);
    assert.equal((sqlOf(c, '04-constraints.sql').match(/FOREIGN KEY/g) ?? []).length, 2);
  });

  test('LEX: identifiers bracket-quoted with ] doubled everywhere', () => {
    const c = catalogOf(
      'create table [we]]ird] ([co]]l] int default 1, primary key ([co]]l]))\ngo\ncreate index [i]]x] on [we]]ird] ([co]]l])',
    );
    const all = generateDdl(c)
      .scripts.map((s) => s.sql)
      .join('\n');
    assert.ok(all.includes('CREATE TABLE [dbo].[we]]ird]'));
    assert.ok(all.includes('[co]]l] int NOT NULL CONSTRAINT [DF_we]]ird_co]]l] DEFAULT (1)'));
    assert.ok(all.includes('CREATE NONCLUSTERED INDEX [i]]x] ON [dbo].[we]]ird] ([co]]l] ASC);'));
  });

  test('determinism: same catalog → byte-identical scripts; table order in the catalog does not matter', () => {
    const c = catalogOf(
      [
        'create table b (id int primary key)',
        'create table a (id int primary key, bid int references b(id))',
        'create index i on a (bid)',
      ].join('\ngo\n'),
    );
    const one = generateDdl(c).scripts;
    assert.deepEqual(generateDdl(c).scripts, one);
    const reversed = generateDdl({ ...c, tables: [...c.tables].reverse() }).scripts;
    assert.deepEqual(
      reversed.map((s) => s.sql),
      one.map((s) => s.sql),
    );
  });

  test('DDL-10/AZ-05: range partition → RANGE LEFT function and scheme ALL TO [PRIMARY]', () => {
    const c = catalogOf(
      "create table h (id int not null, ts datetime not null) partition by range (ts) (p1 values <= ('20231231'), pmax values <= (MAX))",
    );
    const sql = sqlOf(c, '02-tables.sql');
    assert.match(
      sql,
      /CREATE PARTITION FUNCTION \[pf_h_ts\] \(datetime\) AS RANGE LEFT FOR VALUES \('20231231'\);/,
    );
    assert.match(sql, /CREATE PARTITION SCHEME \[ps_h_ts\] AS PARTITION \[pf_h_ts\] ALL TO \(\[PRIMARY\]\);/);
    assert.match(sql, /\)\nON \[ps_h_ts\] \(\[ts\]\);/);
  });

  test('DDL-33: cross-database FK is flagged with a failing placeholder', () => {
    const c = catalogOf('use db1\ngo\ncreate table t (a int, foreign key (a) references otherdb..p (id))');
    const sql = sqlOf(c, '04-constraints.sql');
    assert.match(sql, /THROW 50000, N'SYB2MS-DDL-33/);
    assert.equal(generateDdl(c).objects.find((o) => o.name === 'dbo.t')?.status, 'manual');
  });

  test('DDL-14: a proxy table is not created (BLOCK on Azure)', () => {
    const c = catalogOf("create existing table rt (a int) external table at 'srv.db.dbo.rt'");
    assert.doesNotMatch(sqlOf(c, '02-tables.sql'), /CREATE TABLE/);
    assert.equal(generateDdl(c).objects.find((o) => o.name === 'dbo.rt')?.status, 'blocked');
  });

  test('SEC-16: revoke becomes DENY', () => {
    const c = catalogOf('create table emp (a int)\ngo\nrevoke select on emp from temp_staff');
    assert.match(
      sqlOf(c, '06-permissions.sql'),
      /DENY SELECT ON OBJECT::\[dbo\]\.\[emp\] TO \[temp_staff\];/,
    );
  });

  test('IDX-13: a unique key that can exceed 900/1700 bytes is MANUAL, a non-unique one WARN', () => {
    const c = catalogOf(
      'create table t (a varchar(1000) not null, b varchar(1000) not null)\ngo\ncreate unique index ux on t (a, b)\ngo\ncreate index ix on t (a, b)',
    );
    const d = generateDdl(c).diagnostics;
    assert.ok(
      d.some((x) => x.code === 'ASM-IDX-014' && x.level === 'MANUAL' && x.message.includes('2000 bytes')),
    );
    assert.ok(d.some((x) => x.code === 'ASM-IDX-013' && x.level === 'WARN'));
  });

  test('IDX-04: non-unique clustered index on an allpages table is reported', () => {
    const c = catalogOf(
      'create table t (a int not null) lock allpages\ngo\ncreate clustered index cx on t (a)',
    );
    assert.ok(c.diagnostics.some((x) => x.code === 'ASM-IDX-004'));
  });

  test('DDL-34: match full adds an all-or-nothing CHECK next to the FK', () => {
    const c = catalogOf(
      'create table p (a int, b int, primary key (a, b))\ngo\ncreate table ch (a int null, b int null, foreign key (a, b) references p (a, b) match full)',
    );
    assert.match(
      sqlOf(c, '04-constraints.sql'),
      /CHECK \(\(\[a\] IS NULL AND \[b\] IS NULL\) OR \(\[a\] IS NOT NULL AND \[b\] IS NOT NULL\)\);/,
    );
  });

  test('a catalog without targets gets the default cast rules first', () => {
    const c = catalogOf('create table t (c char(3) null)');
    const raw = {
      ...c,
      tables: c.tables.map((t) => ({ ...t, columns: t.columns.map(({ target: _t, ...col }) => col) })),
    };
    assert.match(generateDdl(raw).scripts[1]?.sql ?? '', /\[c\] varchar\(3\) NULL/);
  });

  test('DT-09: alias types only on request', () => {
    const c = catalogOf("exec sp_addtype zipcode, 'char(5)', 'not null'");
    assert.doesNotMatch(sqlOf(c, '01-types.sql'), /CREATE TYPE/);
    const withTypes = generateDdl(c, { aliasTypes: true }).scripts[0]?.sql ?? '';
    assert.match(withTypes, /CREATE TYPE \[dbo\]\.\[zipcode\] FROM char\(5\) NOT NULL;/);
  });

  test('modules: translated or carried in a marked comment, never dropped', () => {
    const c = catalogOf('create procedure p as select 1');
    const sql = sqlOf(c, '05-modules.sql');
    assert.match(sql, /PROCEDURE/i);
    assert.ok(generateDdl(c).objects.some((o) => o.type === 'procedure' && o.name === 'dbo.p'));
  });
});
