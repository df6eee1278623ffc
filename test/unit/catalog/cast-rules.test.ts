/** Cast rules (conversion-rules §1.1 and §1.2–1.6): every row of the type table, overrides, castRule. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCastRules } from '../../../shared/catalog/cast-rules/apply';
import { defaultCastRules } from '../../../shared/catalog/cast-rules/default-rules';
import { parseCastOverrides } from '../../../shared/catalog/cast-rules/overrides';
import { isAsemigError } from '../../../shared/errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/paths';
import { catalogOf, codes, columnOf } from './helpers';

interface Row {
  readonly rule: string;
  readonly decl: string;
  readonly sql: string;
  readonly nullable: boolean;
  readonly castRule: string;
  readonly code?: string;
  readonly check?: string;
  readonly loadable?: boolean;
  readonly options?: { keepNullableChar?: boolean; datetimeAsDatetime2?: boolean };
}

// One row per line of the §1.1 master table (and its length/option variants).
const rows: readonly Row[] = [
  { rule: 'DT-03', decl: 'char(10) not null', sql: 'char(10)', nullable: false, castRule: 'DT-00-char' },
  {
    rule: 'DT-03',
    decl: 'char(10) null',
    sql: 'varchar(10)',
    nullable: true,
    castRule: 'DT-03-nullable-char',
    code: 'ASM-DT-003',
  },
  {
    rule: 'DT-03',
    decl: 'char(10) null',
    sql: 'char(10)',
    nullable: true,
    castRule: 'DT-03-nullable-char-kept',
    code: 'ASM-DT-004',
    options: { keepNullableChar: true },
  },
  {
    rule: 'DT-03',
    decl: 'char(9000) not null',
    sql: 'varchar(max)',
    nullable: false,
    castRule: 'DT-03-char-max',
    code: 'ASM-DT-012',
  },
  { rule: 'DT-10', decl: 'char not null', sql: 'char(1)', nullable: false, castRule: 'DT-00-char' },
  { rule: 'STR-05', decl: 'varchar(20) null', sql: 'varchar(20)', nullable: true, castRule: 'DT-00-varchar' },
  {
    rule: 'STR-05',
    decl: 'char varying(20) null',
    sql: 'varchar(20)',
    nullable: true,
    castRule: 'DT-00-varchar',
  },
  {
    rule: 'DT-00',
    decl: 'varchar(9000) null',
    sql: 'varchar(max)',
    nullable: true,
    castRule: 'DT-00-varchar-max',
    code: 'ASM-DT-012',
  },
  {
    rule: 'COL-06b',
    decl: 'nchar(10) not null',
    sql: 'nchar(10)',
    nullable: false,
    castRule: 'DT-00-nchar',
    code: 'ASM-DT-015',
  },
  {
    rule: 'COL-06b',
    decl: 'nvarchar(30) null',
    sql: 'nvarchar(30)',
    nullable: true,
    castRule: 'DT-00-nvarchar',
    code: 'ASM-DT-015',
  },
  {
    rule: 'COL-06b',
    decl: 'nvarchar(5000) null',
    sql: 'nvarchar(max)',
    nullable: true,
    castRule: 'DT-00-nchar-max',
    code: 'ASM-DT-012',
  },
  {
    rule: 'CAT-03',
    decl: 'unichar(10) not null',
    sql: 'nchar(10)',
    nullable: false,
    castRule: 'DT-00-unichar',
  },
  {
    rule: 'CAT-03',
    decl: 'univarchar(100) null',
    sql: 'nvarchar(100)',
    nullable: true,
    castRule: 'DT-00-univarchar',
  },
  {
    rule: 'CAT-03',
    decl: 'univarchar(4001) null',
    sql: 'nvarchar(max)',
    nullable: true,
    castRule: 'DT-00-unichar-max',
    code: 'ASM-DT-012',
  },
  { rule: 'DT-00', decl: 'unitext null', sql: 'nvarchar(max)', nullable: true, castRule: 'DT-00-unitext' },
  {
    rule: 'SYS-60',
    decl: 'text null',
    sql: 'varchar(max)',
    nullable: true,
    castRule: 'DT-00-text',
    code: 'ASM-DT-011',
  },
  {
    rule: 'SYS-60',
    decl: 'image null',
    sql: 'varbinary(max)',
    nullable: true,
    castRule: 'DT-00-image',
    code: 'ASM-DT-011',
  },
  { rule: 'FN-30', decl: 'binary(8) not null', sql: 'binary(8)', nullable: false, castRule: 'DT-00-binary' },
  {
    rule: 'DT-03',
    decl: 'binary(8) null',
    sql: 'varbinary(8)',
    nullable: true,
    castRule: 'DT-03-nullable-binary',
    code: 'ASM-DT-003',
  },
  {
    rule: 'FN-30',
    decl: 'varbinary(16) null',
    sql: 'varbinary(16)',
    nullable: true,
    castRule: 'DT-00-varbinary',
  },
  {
    rule: 'DT-03',
    decl: 'varbinary(9000) null',
    sql: 'varbinary(max)',
    nullable: true,
    castRule: 'DT-03-binary-max',
    code: 'ASM-DT-012',
  },
  { rule: 'DT-05', decl: 'bit', sql: 'bit', nullable: false, castRule: 'DT-05-bit' },
  { rule: 'DT-05', decl: 'bit null', sql: 'bit', nullable: false, castRule: 'DT-05-bit', code: 'ASM-DT-005' },
  { rule: 'DT-00', decl: 'tinyint not null', sql: 'tinyint', nullable: false, castRule: 'DT-00-tinyint' },
  { rule: 'DT-00', decl: 'smallint not null', sql: 'smallint', nullable: false, castRule: 'DT-00-smallint' },
  { rule: 'DT-00', decl: 'integer not null', sql: 'int', nullable: false, castRule: 'DT-00-int' },
  { rule: 'DT-00', decl: 'bigint null', sql: 'bigint', nullable: true, castRule: 'DT-00-bigint' },
  {
    rule: 'DT-06',
    decl: 'unsigned tinyint not null',
    sql: 'tinyint',
    nullable: false,
    castRule: 'DT-06-unsigned-tinyint',
  },
  {
    rule: 'DT-06',
    decl: 'unsigned smallint not null',
    sql: 'int',
    nullable: false,
    castRule: 'DT-06-unsigned-smallint',
    code: 'ASM-DT-006',
    check: '[c] BETWEEN 0 AND 65535',
  },
  {
    rule: 'DT-06',
    decl: 'unsigned int not null',
    sql: 'bigint',
    nullable: false,
    castRule: 'DT-06-unsigned-int',
    code: 'ASM-DT-006',
    check: '[c] BETWEEN 0 AND 4294967295',
  },
  {
    rule: 'DT-06',
    decl: 'unsigned bigint not null',
    sql: 'numeric(20,0)',
    nullable: false,
    castRule: 'DT-06-unsigned-bigint',
    code: 'ASM-DT-007',
    check: '[c] >= 0',
  },
  {
    rule: 'ERR-06',
    decl: 'numeric(10,2) not null',
    sql: 'numeric(10,2)',
    nullable: false,
    castRule: 'DT-00-numeric',
  },
  {
    rule: 'ERR-06',
    decl: 'decimal(5) not null',
    sql: 'decimal(5,0)',
    nullable: false,
    castRule: 'DT-00-decimal',
  },
  { rule: 'ERR-06', decl: 'dec not null', sql: 'decimal(18,0)', nullable: false, castRule: 'DT-00-decimal' },
  {
    rule: 'DT-00',
    decl: 'float(10) not null',
    sql: 'float(24)',
    nullable: false,
    castRule: 'DT-00-float-single',
  },
  {
    rule: 'DT-00',
    decl: 'float(20) not null',
    sql: 'float(53)',
    nullable: false,
    castRule: 'DT-00-float-double',
  },
  {
    rule: 'FN-31',
    decl: 'float not null',
    sql: 'float(53)',
    nullable: false,
    castRule: 'DT-00-float-double',
  },
  {
    rule: 'FN-31',
    decl: 'double precision not null',
    sql: 'float(53)',
    nullable: false,
    castRule: 'DT-00-float-double',
  },
  { rule: 'DT-00', decl: 'real not null', sql: 'real', nullable: false, castRule: 'DT-00-real' },
  { rule: 'DT-00', decl: 'money not null', sql: 'money', nullable: false, castRule: 'DT-00-money' },
  { rule: 'DT-00', decl: 'smallmoney null', sql: 'smallmoney', nullable: true, castRule: 'DT-00-smallmoney' },
  { rule: 'DT-07', decl: 'datetime not null', sql: 'datetime', nullable: false, castRule: 'DT-07-datetime' },
  {
    rule: 'DT-07',
    decl: 'datetime not null',
    sql: 'datetime2(3)',
    nullable: false,
    castRule: 'DT-07-datetime2',
    code: 'ASM-DT-008',
    options: { datetimeAsDatetime2: true },
  },
  {
    rule: 'DT-00',
    decl: 'smalldatetime null',
    sql: 'smalldatetime',
    nullable: true,
    castRule: 'DT-00-smalldatetime',
  },
  { rule: 'DT-00', decl: 'date not null', sql: 'date', nullable: false, castRule: 'DT-00-date' },
  { rule: 'DT-00', decl: 'time not null', sql: 'time(3)', nullable: false, castRule: 'DT-00-time' },
  {
    rule: 'DT-00',
    decl: 'bigdatetime not null',
    sql: 'datetime2(6)',
    nullable: false,
    castRule: 'DT-00-bigdatetime',
  },
  { rule: 'DT-00', decl: 'bigtime null', sql: 'time(6)', nullable: true, castRule: 'DT-00-bigtime' },
  {
    rule: 'DT-08',
    decl: 'timestamp',
    sql: 'rowversion',
    nullable: false,
    castRule: 'DT-08-timestamp',
    code: 'ASM-DT-009',
    loadable: false,
  },
  {
    rule: 'DT-08',
    decl: 'timestamp null',
    sql: 'rowversion',
    nullable: false,
    castRule: 'DT-08-timestamp',
    code: 'ASM-DT-009',
    loadable: false,
  },
  {
    rule: 'DT-00',
    decl: 'sysname not null',
    sql: 'sysname',
    nullable: false,
    castRule: 'DT-00-sysname',
    code: 'ASM-DT-014',
  },
  {
    rule: 'DT-00',
    decl: 'longsysname null',
    sql: 'nvarchar(255)',
    nullable: true,
    castRule: 'DT-00-longsysname',
  },
];

describe('cast rules: §1.1 master type table', () => {
  for (const r of rows) {
    test(`${r.rule}: ${r.decl}${r.options ? ` ${JSON.stringify(r.options)}` : ''} → ${r.sql}`, () => {
      const c = catalogOf(`create table t (c ${r.decl})`, r.options ?? {});
      const col = columnOf(c, 't', 'c');
      assert.ok(col.target, 'target filled');
      assert.equal(col.target.type.sql, r.sql);
      assert.equal(col.target.nullable, r.nullable);
      assert.equal(col.target.castRule, r.castRule);
      assert.equal(col.target.loadable, r.loadable ?? true);
      if (r.code) assert.ok(codes(c).includes(r.code), `expected ${r.code} in ${codes(c).join(',')}`);
      assert.deepEqual(
        col.target.checks.map((k) => k.expr),
        r.check ? [r.check] : [],
      );
    });
  }

  test('DT-00: a Java class / unknown type is flagged MANUAL and kept as written', () => {
    const c = catalogOf('create table t (c java.lang.String null)');
    const col = columnOf(c, 't', 'c');
    assert.equal(col.target?.castRule, 'DT-00-unmapped');
    assert.ok(c.diagnostics.some((d) => d.code === 'ASM-DT-013' && d.level === 'MANUAL'));
  });

  test('docs/cast-rules.md lists every default rule, in order', () => {
    const doc = readFileSync(join(repoRoot, 'docs', 'cast-rules.md'), 'utf8');
    const positions = defaultCastRules.map((r) => doc.indexOf(`| ${r.id} `));
    for (const [i, p] of positions.entries())
      assert.ok(p >= 0, `${defaultCastRules[i]?.id} missing from docs/cast-rules.md`);
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
  });

  test('every default rule id is unique and cites a rule id', () => {
    const ids = defaultCastRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of defaultCastRules) assert.match(r.ruleId, /^DT-\d\d$/);
  });
});

describe('cast rules: nullability (§1.2) and identity (§1.6)', () => {
  const cases = [
    { rule: 'DT-01', sql: 'create table t (c int)', nullable: false, code: 'ASM-DT-001' },
    { rule: 'DT-01', sql: 'create table t (c int null)', nullable: true, code: undefined },
    {
      rule: 'DT-04',
      sql: "exec sp_addtype nn, 'varchar(10)', 'null'\ngo\ncreate table t (c nn)",
      nullable: true,
      code: undefined,
    },
    {
      rule: 'DT-04',
      sql: "exec sp_addtype nn, 'varchar(10)', 'null'\ngo\ncreate table t (c nn not null)",
      nullable: false,
      code: undefined,
    },
    { rule: 'ID-01', sql: 'create table t (c numeric(12,0) identity)', nullable: false, code: undefined },
  ];
  for (const k of cases) {
    test(`${k.rule}: ${k.sql.replace(/\n/g, ' ')} → ${k.nullable ? 'NULL' : 'NOT NULL'}`, () => {
      const c = catalogOf(k.sql);
      assert.equal(columnOf(c, 't', 'c').target?.nullable, k.nullable);
      assert.equal(codes(c).includes('ASM-DT-001'), k.code === 'ASM-DT-001');
    });
  }

  test('DT-01: allow nulls by default (server fact) makes an undeclared column NULL', () => {
    const c = catalogOf('create table t (c int)', { server: { allowNullsByDefault: true } });
    assert.equal(columnOf(c, 't', 'c').target?.nullable, true);
  });

  test('ID-01: identity gets IDENTITY(1,1) and keeps numeric(p,0)', () => {
    const t = columnOf(catalogOf('create table t (c numeric(12,0) identity)'), 't', 'c').target;
    assert.deepEqual(t?.identity, { seed: 1, increment: 1 });
    assert.equal(t?.type.sql, 'numeric(12,0)');
  });
});

describe('cast rules: user types, defaults, computed columns', () => {
  test('DT-09: user type inlined with its length; castRule is the base type rule', () => {
    const c = catalogOf(
      "exec sp_addtype zipcode, 'char(5)', 'not null'\ngo\ncreate table cust (id int, zip zipcode)",
    );
    const col = columnOf(c, 'cust', 'zip');
    assert.equal(col.source.type.userType, 'zipcode');
    assert.equal(col.target?.type.sql, 'char(5)');
    assert.equal(col.target?.nullable, false);
    assert.ok(codes(c).includes('ASM-DT-010'));
  });

  test('DDL-21: inline default gets DF_<table>_<col>', () => {
    const col = columnOf(catalogOf('create table acct (balance money default 0)'), 'acct', 'balance');
    assert.deepEqual(col.target?.default, { name: 'DF_acct_balance', expr: '0' });
  });

  test('DDL-21: default user → USER_NAME()', () => {
    const col = columnOf(catalogOf('create table t (who varchar(30) default user)'), 't', 'who');
    assert.equal(col.target?.default?.expr, 'USER_NAME()');
  });

  test('DDL-20: materialized computed column is PERSISTED and not loadable', () => {
    const col = columnOf(
      catalogOf(
        'create table line (qty int not null, price money not null, total compute qty * price materialized)',
      ),
      'line',
      'total',
    );
    assert.deepEqual(col.target?.computed, { expr: 'qty * price', persisted: true });
    assert.equal(col.target?.loadable, false);
  });

  test('DDL-20: non-deterministic getdate() materialized becomes datetime NOT NULL + DEFAULT', () => {
    const c = catalogOf('create table line (stamped compute getdate() materialized)');
    const t = columnOf(c, 'line', 'stamped').target;
    assert.equal(t?.type.sql, 'datetime');
    assert.equal(t?.default?.name, 'DF_line_stamped');
    assert.equal(t?.computed, undefined);
    assert.ok(codes(c).includes('ASM-DDL-020'));
  });
});

describe('cast rules: user overrides', () => {
  test('override wins over the default rule and castRule records it', () => {
    const overrides = parseCastOverrides(
      '[{ "match": { "table": "dbo.orders", "column": "note", "base": "text" }, "to": "nvarchar(max)" }]',
    );
    const c = catalogOf('create table orders (note text null, other text null)', { overrides });
    assert.equal(columnOf(c, 'orders', 'note').target?.type.sql, 'nvarchar(max)');
    assert.equal(columnOf(c, 'orders', 'note').target?.castRule, 'override-1');
    assert.equal(columnOf(c, 'orders', 'other').target?.castRule, 'DT-00-text');
    assert.ok(codes(c).includes('ASM-DT-016'));
  });

  test('override templates take the source length', () => {
    const overrides = parseCastOverrides('[{ "match": { "base": "varchar" }, "to": "nvarchar({length})" }]');
    const c = catalogOf('create table t (c varchar(40) null)', { overrides });
    assert.equal(columnOf(c, 't', 'c').target?.type.sql, 'nvarchar(40)');
  });

  test('first matching override wins', () => {
    const overrides = parseCastOverrides(
      '[{ "match": { "column": "c" }, "to": "bigint" }, { "match": { "base": "int" }, "to": "numeric(10,0)" }]',
    );
    assert.equal(
      columnOf(catalogOf('create table t (c int)', { overrides }), 't', 'c').target?.type.sql,
      'bigint',
    );
  });

  test('every JSON example in docs/cast-rules.md is a valid override file (ID-01 option recipe applies)', () => {
    const doc = readFileSync(join(repoRoot, 'docs', 'cast-rules.md'), 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    assert.ok(blocks.length >= 2);
    const parsed = blocks.map((b) => parseCastOverrides(b, 'docs/cast-rules.md'));
    const recipes = parsed[parsed.length - 1] ?? [];
    const c = catalogOf('create table t (id numeric(8,0) identity, x text null)', { overrides: recipes });
    assert.equal(columnOf(c, 't', 'id').target?.type.sql, 'int');
    assert.equal(columnOf(c, 't', 'x').target?.type.sql, 'nvarchar(max)');
  });

  test('applying twice does not duplicate cast findings', () => {
    const c = catalogOf('create table t (c char(3) null)');
    const again = applyCastRules(c);
    assert.equal(again.diagnostics.length, c.diagnostics.length);
  });

  const bad = [
    { text: 'not json', code: 'ASM-CAT-100', field: undefined },
    { text: '{}', code: 'ASM-CAT-100', field: undefined },
    { text: '[1]', code: 'ASM-CAT-101', field: '[0]' },
    { text: '[{ "match": { "base": "text" } }]', code: 'ASM-CAT-101', field: '[0].to' },
    { text: '[{ "match": {}, "to": "int" }]', code: 'ASM-CAT-101', field: '[0].match' },
    { text: '[{ "match": { "colour": "x" }, "to": "int" }]', code: 'ASM-CAT-102', field: '[0].match.colour' },
    { text: '[{ "match": { "base": 3 }, "to": "int" }]', code: 'ASM-CAT-101', field: '[0].match.base' },
    {
      text: '[{ "match": { "base": "text" }, "to": "varchar(9000)" }]',
      code: 'ASM-CAT-103',
      field: '[0].to',
    },
    { text: '[{ "match": { "base": "text" }, "to": "blob" }]', code: 'ASM-CAT-103', field: '[0].to' },
    {
      text: '[{ "match": { "base": "text" }, "to": "int", "extra": 1 }]',
      code: 'ASM-CAT-102',
      field: '[0].extra',
    },
  ];
  for (const b of bad) {
    test(`override file rejected: ${b.text} → ${b.code} ${b.field ?? ''}`, () => {
      assert.throws(
        () => parseCastOverrides(b.text, 'casts.json'),
        (e: unknown) =>
          isAsemigError(e) && e.code === b.code && e.place.file === 'casts.json' && e.place.field === b.field,
      );
    });
  }
});
