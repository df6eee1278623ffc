import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { one, statements } from './parse-helpers';

describe('parser: create table columns (§1, §2.2)', () => {
  test('DT-xx multiword types are joined and lower-cased', () => {
    const t = one(
      'create table t (a unsigned int, b double precision, c char varying(10), d national char(5), e UNSIGNED BIGINT, f national character varying(20))',
      'CreateTable',
    );
    assert.deepEqual(
      t.columns.map((c) => [c.type?.name, c.type?.args]),
      [
        ['unsigned int', []],
        ['double precision', []],
        ['char varying', [10]],
        ['national char', [5]],
        ['unsigned bigint', []],
        ['national character varying', [20]],
      ],
    );
  });
  test('DT-02 null / not null, ID-01 identity, RD-12 default with LEX-01 "..." literal', () => {
    const t = one(
      'create table t (a int identity, b char(1) default "A" not null, c money default $0.00 null, d datetime default getdate())',
      'CreateTable',
    );
    const [a, b, c, d] = t.columns;
    assert.equal(a?.identity, true);
    assert.equal(b?.nullability, 'not null');
    assert.equal(b?.default?.text, "'A'");
    assert.equal(c?.default?.text, '$0.00');
    assert.equal(c?.nullability, 'null');
    assert.equal(d?.default?.text, 'getdate()');
    assert.equal(d?.nullability, undefined);
  });
  test('named default constraint on a column', () => {
    const t = one('create table t (a int constraint a_df default 0 not null)', 'CreateTable');
    assert.equal(t.columns[0]?.defaultName, 'a_df');
    assert.equal(t.columns[0]?.default?.text, '0');
  });
  test('DT-08 a column named timestamp without a type', () => {
    const t = one('create table t (id int, timestamp)', 'CreateTable');
    assert.equal(t.columns[1]?.name, 'timestamp');
    assert.equal(t.columns[1]?.type, undefined);
  });
  test('computed columns: compute/as, materialized or not', () => {
    const t = one(
      'create table t (a int, b compute a * 2 materialized, c as a + 1 not materialized, d compute a - 1)',
      'CreateTable',
    );
    assert.deepEqual(
      t.columns.slice(1).map((c) => [c.computed?.expr.text, c.computed?.materialized]),
      [
        ['a * 2', true],
        ['a + 1', false],
        ['a - 1', false],
      ],
    );
  });
  test('LEX-01/02 bracketed and (quoted_identifier on) double-quoted names are unquoted', () => {
    const all = statements('set quoted_identifier on\ngo\ncreate table [my]]t] ("col""1" int)');
    const t = all[1];
    assert.ok(t?.kind === 'CreateTable');
    assert.equal(t.name.name, 'my]t');
    assert.equal(t.columns[0]?.name, 'col"1');
  });
  test('column options reported, not dropped: encrypt, in row', () => {
    const t = one(
      'create table t (a varchar(10) encrypt with k1 null, b text in row (200) null)',
      'CreateTable',
    );
    assert.deepEqual(
      t.columns[0]?.extraOptions.map((o) => [o.name, o.value]),
      [['encrypt', 'k1']],
    );
    assert.deepEqual(
      t.columns[1]?.extraOptions.map((o) => [o.name, o.value]),
      [['in row', '(200)']],
    );
  });
  test('trailing comma before the closing parenthesis (accepted by ASE)', () => {
    const t = one('create table t (a int not null, b int null,\n)', 'CreateTable');
    assert.equal(t.columns.length, 2);
  });
});

describe('parser: constraints (§2.3)', () => {
  test('column constraints: primary key, unique, references, check', () => {
    const t = one(
      'create table t (a int primary key, b int unique nonclustered, c int references p (id), d int check (d > 0), e int constraint e_fk references q)',
      'CreateTable',
    );
    const kinds = t.columns.map((c) => c.constraints.map((k) => k.kind).join());
    assert.deepEqual(kinds, ['PrimaryKey', 'Unique', 'ForeignKey', 'Check', 'ForeignKey']);
    const fk = t.columns[2]?.constraints[0];
    assert.ok(fk?.kind === 'ForeignKey');
    assert.deepEqual([fk.columns, fk.refTable.name, fk.refColumns], [['c'], 'p', ['id']]);
    const fk2 = t.columns[4]?.constraints[0];
    assert.ok(fk2?.kind === 'ForeignKey');
    assert.deepEqual([fk2.name, fk2.refColumns], ['e_fk', []]);
  });
  test('table constraints named and unnamed, clustered, options, on segment, match full', () => {
    const t = one(
      `create table t (a int not null, b int not null, c int null,
        constraint t_pk primary key clustered (a, b) with fillfactor = 80, max_rows_per_page = 10 on seg1,
        unique nonclustered (c),
        constraint t_fk foreign key (c) references dbo.p (id) match full,
        constraint t_ck check (c <> a))`,
      'CreateTable',
    );
    const [pk, uq, fk, ck] = t.constraints;
    assert.ok(pk?.kind === 'PrimaryKey');
    assert.deepEqual([pk.name, pk.columns, pk.clustered, pk.segment], ['t_pk', ['a', 'b'], true, 'seg1']);
    assert.deepEqual(
      pk.options.map((o) => [o.name, o.value]),
      [
        ['fillfactor', '80'],
        ['max_rows_per_page', '10'],
      ],
    );
    assert.ok(uq?.kind === 'Unique');
    assert.deepEqual([uq.name, uq.clustered, uq.columns], [undefined, false, ['c']]);
    assert.ok(fk?.kind === 'ForeignKey');
    assert.deepEqual([fk.refTable, fk.matchFull], [{ owner: 'dbo', name: 'p' }, true]);
    assert.ok(ck?.kind === 'Check');
    assert.equal(ck.expr.text, 'c <> a');
  });
});

describe('parser: table clauses (§2.1)', () => {
  test('DDL-0x lock scheme, with options, on segment', () => {
    const t = one(
      "create table dbo.t (a int) lock datarows with exp_row_size = 1, identity_gap = 100, dml_logging = minimal on 'default'",
      'CreateTable',
    );
    assert.deepEqual(t.name, { owner: 'dbo', name: 't' });
    assert.equal(t.lockScheme, 'datarows');
    assert.deepEqual(
      t.options.map((o) => [o.name, o.value]),
      [
        ['exp_row_size', '1'],
        ['identity_gap', '100'],
        ['dml_logging', 'minimal'],
      ],
    );
    assert.equal(t.segment, 'default');
  });
  const partitions: {
    name: string;
    clause: string;
    method: string;
    columns: string[];
    parts: number;
    count?: number;
  }[] = [
    {
      name: 'range',
      clause: 'partition by range (a) (p1 values <= (10) on s1, p2 values <= (MAX))',
      method: 'range',
      columns: ['a'],
      parts: 2,
    },
    {
      name: 'hash with count',
      clause: 'partition by hash (a, b) 4',
      method: 'hash',
      columns: ['a', 'b'],
      parts: 0,
      count: 4,
    },
    {
      name: 'hash with names',
      clause: 'partition by hash (a) (p1 on s1, p2 on s2)',
      method: 'hash',
      columns: ['a'],
      parts: 2,
    },
    {
      name: 'list',
      clause: "partition by list (a) (east values ('NY', 'NJ'), west values ('CA'))",
      method: 'list',
      columns: ['a'],
      parts: 2,
    },
    {
      name: 'roundrobin',
      clause: 'partition by roundrobin 3 on (s1, s2, s3)',
      method: 'roundrobin',
      columns: [],
      parts: 3,
      count: 3,
    },
  ];
  for (const p of partitions) {
    test(`DDL-09 partition by ${p.name}`, () => {
      const t = one(`create table t (a int, b int) ${p.clause}`, 'CreateTable');
      assert.equal(t.partition?.method, p.method);
      assert.deepEqual(t.partition?.columns, p.columns);
      assert.equal(t.partition?.partitions.length, p.parts);
      assert.equal(t.partition?.count, p.count);
    });
  }
  test('range partition bounds and segments are kept', () => {
    const t = one(
      'create table t (a int) partition by range (a) (p1 values <= (10) on s1, p2 values <= (MAX))',
      'CreateTable',
    );
    assert.deepEqual(t.partition?.partitions, [
      { name: 'p1', values: ['10'], segment: 's1' },
      { name: 'p2', values: ['MAX'] },
    ]);
  });
  test('DDL-14 create existing table … external table at', () => {
    const t = one("create existing table rt (a int) external table at 'SRV.db.dbo.t'", 'CreateTable');
    assert.deepEqual(t.proxy, { location: 'SRV.db.dbo.t' });
  });
  test('DDL-14 create table … at location (proxy)', () => {
    const t = one("create table rt (a int) at 'SRV.db.dbo.t'", 'CreateTable');
    assert.deepEqual(t.proxy, { location: 'SRV.db.dbo.t' });
  });
});

describe('parser: alter table (DDL-40 … DDL-43)', () => {
  const cases: { name: string; sql: string; actions: string[] }[] = [
    {
      name: 'DDL-40 add columns',
      sql: 'alter table t add c1 int null, c2 varchar(10) default "x" null',
      actions: ['addColumns'],
    },
    {
      name: 'add constraint',
      sql: 'alter table t add constraint t_pk primary key (a)',
      actions: ['addConstraint'],
    },
    { name: 'drop constraint', sql: 'alter table t drop constraint t_pk', actions: ['dropConstraint'] },
    { name: 'DDL-42 drop columns', sql: 'alter table t drop c1, c2', actions: ['dropColumns'] },
    { name: 'DDL-41 modify', sql: 'alter table t modify c varchar(40) null', actions: ['modifyColumns'] },
    { name: 'replace default', sql: 'alter table t replace c default 0', actions: ['replaceDefault'] },
    {
      name: 'replace default null',
      sql: 'alter table t replace c default null',
      actions: ['replaceDefault'],
    },
    { name: 'DDL-43 lock', sql: 'alter table t lock datarows', actions: ['lock'] },
    { name: 'DDL-43 partition n', sql: 'alter table t partition 4', actions: ['partition'] },
    { name: 'DDL-43 unpartition', sql: 'alter table t unpartition', actions: ['unpartition'] },
    { name: 'other forms kept as text', sql: 'alter table t with exp_row_size = 10', actions: ['other'] },
    {
      name: 'several actions',
      sql: 'alter table t add c int null drop d',
      actions: ['addColumns', 'dropColumns'],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const s = one(c.sql, 'AlterTable');
      assert.deepEqual(
        s.actions.map((a) => a.action),
        c.actions,
      );
    });
  }
  test('add columns carry their definitions', () => {
    const s = one('alter table t add c1 int null, c2 varchar(10) default "x" null', 'AlterTable');
    const a = s.actions[0];
    assert.ok(a?.action === 'addColumns');
    assert.deepEqual(
      a.columns.map((c) => [c.name, c.type?.name, c.default?.text]),
      [
        ['c1', 'int', undefined],
        ['c2', 'varchar', "'x'"],
      ],
    );
  });
  test('replace default null has no expression', () => {
    const a = one('alter table t replace c default null', 'AlterTable').actions[0];
    assert.ok(a?.action === 'replaceDefault');
    assert.equal(a.expr, undefined);
  });
});

describe('parser: create index (§2.4)', () => {
  test('IDX unique clustered, asc/desc, with options, on segment', () => {
    const i = one(
      'create unique clustered index ix on dbo.t (a asc, b desc) with fillfactor = 70, ignore_dup_key, sorted_data on seg2',
      'CreateIndex',
    );
    assert.deepEqual(
      [i.name, i.table, i.unique, i.clustered, i.segment, i.local],
      ['ix', { owner: 'dbo', name: 't' }, true, true, 'seg2', false],
    );
    assert.deepEqual(i.columns, [
      { name: 'a', order: 'asc' },
      { name: 'b', order: 'desc' },
    ]);
    assert.deepEqual(
      i.options.map((o) => o.name),
      ['fillfactor', 'ignore_dup_key', 'sorted_data'],
    );
  });
  test('multiword flag option keeps its words: with statistics using 20 values', () => {
    const i = one('create index ix on t (a) with statistics using 20 values', 'CreateIndex');
    assert.deepEqual(
      i.options.map((o) => [o.name, o.value]),
      [['statistics', 'using 20 values']],
    );
  });
  test('IDX-12 expression key', () => {
    const i = one('create index ix on t (upper(name), id)', 'CreateIndex');
    assert.equal(i.columns[0]?.expr?.text, 'upper(name)');
    assert.equal(i.columns[1]?.name, 'id');
  });
  test('local index', () => {
    const i = one('create nonclustered index ix on t (a) local index p1 on s1, p2', 'CreateIndex');
    assert.equal(i.local, true);
    assert.equal(i.clustered, false);
  });
});
