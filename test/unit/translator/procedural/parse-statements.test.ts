import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProcStatement } from '../../../../shared/translator/ast/procedural';
import { body, sx } from './helpers';

type Case = [name: string, input: string, check: (s: ProcStatement[]) => void];

function one<K extends ProcStatement['kind']>(
  list: ProcStatement[],
  kind: K,
): Extract<ProcStatement, { kind: K }> {
  assert.equal(list.length, 1, `one statement expected, got ${list.map((s) => s.kind).join(', ')}`);
  const s = list[0] as ProcStatement;
  assert.equal(s.kind, kind);
  return s as Extract<ProcStatement, { kind: K }>;
}

const cases: Record<string, Case[]> = {
  'select (§4.8)': [
    [
      'distinct, top, alias forms',
      "select distinct top 10 a, b x, c as 'y', z = d + 1 from t",
      (l) => {
        const s = one(l, 'Select');
        assert.equal(s.distinct, true);
        assert.equal(s.top && sx(s.top), '10');
        assert.deepEqual(
          s.items.map((i) => i.alias),
          [undefined, 'x', 'y', 'z'],
        );
      },
    ],
    [
      'variable assignment',
      'select @a = max(x), @b = 1 from t',
      (l) => {
        assert.deepEqual(
          one(l, 'Select').items.map((i) => i.assign?.name),
          ['@a', '@b'],
        );
      },
    ],
    [
      'select into with identity(n) (ID-06)',
      'select id = identity(10), name into #t from cust',
      (l) => {
        const s = one(l, 'Select');
        assert.equal(s.into?.name, '#t');
        assert.equal(s.items[0]?.expr.kind, 'IdentityFn');
      },
    ],
    [
      'old-style joins and hints (LOCK-05, LOCK-09)',
      'select * from orders o holdlock, cust c (index ix_c prefetch 16 mru) where o.c = c.id',
      (l) => {
        const s = one(l, 'Select');
        assert.deepEqual(
          s.from.map((f) =>
            f.kind === 'TableRef'
              ? [f.alias, f.hints.map((h) => h.name + (h.value ? `=${h.value}` : ''))]
              : f.kind,
          ),
          [
            ['o', ['holdlock']],
            ['c', ['index=ix_c', 'prefetch=16', 'mru']],
          ],
        );
      },
    ],
    [
      'ANSI joins',
      'select * from a inner join b on a.id = b.id left outer join c on c.id = b.id cross join d',
      (l) => {
        const f = one(l, 'Select').from[0];
        assert.ok(
          f?.kind === 'Join' && f.type === 'cross' && f.left.kind === 'Join' && f.left.type === 'left',
        );
      },
    ],
    [
      'derived table',
      'select x.n from (select n = count(*) from t) x',
      (l) => {
        assert.equal(one(l, 'Select').from[0]?.kind, 'DerivedTable');
      },
    ],
    [
      'group by all, having, order by',
      'select k, count(*) from t where a > 1 group by all k having count(*) > 1 order by k desc, 2',
      (l) => {
        const s = one(l, 'Select');
        assert.equal(s.groupBy?.all, true);
        assert.deepEqual(
          s.orderBy.map((o) => o.direction),
          ['desc', undefined],
        );
      },
    ],
    [
      'compute by (QRY-08)',
      'select type, price from titles order by type compute sum(price) by type',
      (l) => {
        assert.equal(one(l, 'Select').compute?.text, 'compute sum(price) by type');
      },
    ],
    [
      'union all',
      'select a from t union all select a from u order by 1',
      (l) => {
        const s = one(l, 'Select');
        assert.equal(s.union?.all, true);
        assert.equal(s.union?.query.orderBy.length, 1);
      },
    ],
    [
      'at isolation and plan (LOCK-01, LOCK-11)',
      "select a from t at isolation read uncommitted plan '(t_scan t)'",
      (l) => {
        const s = one(l, 'Select');
        assert.deepEqual([s.isolation, s.plan], ['read uncommitted', '(t_scan t)']);
      },
    ],
    [
      'two selects without a terminator',
      'select a from t select b from u',
      (l) => {
        assert.deepEqual(
          l.map((s) => s.kind),
          ['Select', 'Select'],
        );
      },
    ],
  ],
  'insert, update, delete, truncate': [
    [
      'insert without into',
      "insert t values (1, 'a')",
      (l) => {
        const s = one(l, 'Insert');
        assert.equal(s.table.name, 't');
        assert.equal(s.source.kind, 'values');
      },
    ],
    [
      'insert column list + select',
      'insert into t (a, b) select a, b from u',
      (l) => {
        const s = one(l, 'Insert');
        assert.deepEqual(s.columns, ['a', 'b']);
        assert.equal(s.source.kind, 'select');
      },
    ],
    ['insert exec', 'insert #t exec p 1', (l) => assert.equal(one(l, 'Insert').source.kind, 'exec')],
    [
      'update from',
      'update t set a = u.a, @n = @n + 1 from t, u where t.id = u.id',
      (l) => {
        const s = one(l, 'Update');
        assert.equal(s.from.length, 2);
        assert.deepEqual(
          s.set.map((a) => a.column.kind),
          ['ColumnRef', 'Variable'],
        );
      },
    ],
    [
      'delete t from',
      'delete t from t, u where t.id = u.id',
      (l) => assert.equal(one(l, 'Delete').from.length, 2),
    ],
    [
      'delete where current of (CUR-11)',
      'delete from t where current of c',
      (l) => assert.equal(one(l, 'Delete').currentOf, 'c'),
    ],
    ['truncate', 'truncate table #t', (l) => assert.equal(one(l, 'Truncate').table.name, '#t')],
  ],
  'control flow': [
    [
      'declare',
      'declare @a int, @b numeric(10, 2)',
      (l) => {
        assert.deepEqual(
          one(l, 'Declare').variables.map((v) => `${v.name} ${v.type.name}`),
          ['@a int', '@b numeric'],
        );
      },
    ],
    ['set variable', 'set @a = 1', (l) => assert.equal(one(l, 'SetVariable').variable.name, '@a')],
    [
      'if / else if / else',
      'if @a = 1 print "one" else if @a = 2 print "two" else print "many"',
      (l) => {
        const s = one(l, 'IfStatement');
        assert.equal(s.else?.kind, 'IfStatement');
      },
    ],
    [
      'while with begin/end, break, continue',
      'while 1 = 1 begin if @a > 1 break continue end',
      (l) => {
        const s = one(l, 'While');
        assert.ok(s.body.kind === 'Block' && s.body.statements.length === 2);
      },
    ],
    [
      'goto and label',
      'goto done done: return',
      (l) =>
        assert.deepEqual(
          l.map((s) => s.kind),
          ['Jump', 'Jump', 'Return'],
        ),
    ],
    [
      'return with status (PROC-02)',
      'return -1',
      (l) => assert.equal(sx(one(l, 'Return').expr as never), '(- 1)'),
    ],
    [
      'return without value before a statement',
      'return select 1',
      (l) =>
        assert.deepEqual(
          l.map((s) => s.kind),
          ['Return', 'Select'],
        ),
    ],
    [
      'print with args (MSG-01)',
      'print "%1! rows", @n',
      (l) => assert.equal(one(l, 'PrintStatement').args.length, 1),
    ],
    ['waitfor', "waitfor delay '00:00:05'", (l) => assert.equal(one(l, 'WaitFor').mode, 'delay')],
    [
      'if update(col) in triggers (TRG-04)',
      'if update(a) or update(b) return',
      (l) => assert.equal(one(l, 'IfStatement').condition.kind, 'Binary'),
    ],
  ],
  'raiserror (MSG-02)': [
    [
      'old form with args',
      'raiserror 20001 "bad %1!", @v',
      (l) => {
        const s = one(l, 'RaiseError');
        assert.deepEqual([s.form, s.number && sx(s.number), s.args.length], ['ase', '20001', 1]);
      },
    ],
    ['number only', 'raiserror 20001', (l) => assert.equal(one(l, 'RaiseError').message, undefined)],
    [
      'variable message',
      'raiserror 20001 @msg',
      (l) => assert.equal(one(l, 'RaiseError').message?.kind, 'Variable'),
    ],
    [
      'new form',
      "raiserror('x %s', 16, 1, @a) with nowait",
      (l) => {
        const s = one(l, 'RaiseError');
        assert.deepEqual([s.form, s.with], ['tsql', ['nowait']]);
      },
    ],
  ],
  'exec (PROC-03, PROC-05, PROC-07)': [
    [
      'return status, named, output',
      'exec @rc = dbo.p @a = 1, @b = @x output',
      (l) => {
        const s = one(l, 'Exec');
        assert.equal(s.returnVar?.name, '@rc');
        assert.deepEqual(
          s.args.map((a) => [a.name, a.output]),
          [
            ['@a', false],
            ['@b', true],
          ],
        );
      },
    ],
    [
      'numbered procedure',
      'execute p;2 1, default',
      (l) => {
        const s = one(l, 'Exec');
        assert.equal(s.number, 2);
        assert.equal(s.args[1]?.value, undefined);
      },
    ],
    ['dynamic', "exec ('select * from ' + @t)", (l) => assert.equal(one(l, 'ExecDynamic').parts.length, 1)],
  ],
  'cursors (CUR-01 – CUR-05)': [
    [
      'declare for update of',
      'declare c cursor for select a from t for update of a',
      (l) => {
        const s = one(l, 'DeclareCursor');
        assert.deepEqual(s.query.forClause, { mode: 'update', columns: ['a'] });
      },
    ],
    [
      'scroll insensitive (CUR-02)',
      'declare c insensitive scroll cursor for select a from t',
      (l) => {
        const s = one(l, 'DeclareCursor');
        assert.deepEqual([s.scroll, s.sensitivity], [true, 'insensitive']);
      },
    ],
    [
      'open, fetch into, close, deallocate cursor',
      'open c fetch c into @a, @b close c deallocate cursor c',
      (l) => {
        assert.deepEqual(
          l.map((s) => s.kind),
          ['CursorOp', 'Fetch', 'CursorOp', 'CursorOp'],
        );
      },
    ],
    [
      'fetch with orientation',
      'fetch absolute 5 c into @a',
      (l) => assert.equal(one(l, 'Fetch').orientation, 'absolute'),
    ],
  ],
  'transactions (TRAN-01, TRG-05)': [
    [
      'begin/save/rollback/commit',
      'begin tran t1 save tran s1 rollback tran s1 commit work',
      (l) => {
        assert.deepEqual(
          l.map((s) => (s.kind === 'Transaction' ? `${s.op}:${s.name ?? ''}` : s.kind)),
          ['begin:t1', 'save:s1', 'rollback:s1', 'commit:'],
        );
      },
    ],
    [
      'rollback trigger with raiserror',
      'rollback trigger with raiserror 20050 "no"',
      (l) => {
        const s = one(l, 'Transaction');
        assert.equal(s.op, 'rollback trigger');
        assert.equal(s.raiserror?.form, 'ase');
      },
    ],
  ],
  'schema statements inside bodies': [
    [
      'create/drop temp table, set option',
      'create table #t (a int null) set nocount on drop table #t',
      (l) => {
        assert.deepEqual(
          l.map((s) => s.kind),
          ['CreateTable', 'SetOption', 'Drop'],
        );
      },
    ],
  ],
  'error recovery: one bad statement, the rest parsed': [
    [
      'syntax error',
      'select a from where x = 1 select b from t',
      (l) => {
        assert.deepEqual(
          l.map((s) => s.kind),
          ['Unparsed', 'Select'],
        );
        assert.equal(l[0]?.kind === 'Unparsed' && l[0].code, 'ASM-PARSE-002');
      },
    ],
    [
      'unknown statement',
      'dbcc checktable(t) select 1',
      (l) =>
        assert.deepEqual(
          l.map((s) => s.kind),
          ['Unparsed', 'Select'],
        ),
    ],
    [
      'inside a block',
      'begin select a, from t end select 2',
      (l) => {
        assert.ok(l[0]?.kind === 'Block' && l[0].statements[0]?.kind === 'Unparsed');
        assert.equal(l[1]?.kind, 'Select');
      },
    ],
  ],
};

for (const [feature, rows] of Object.entries(cases))
  describe(`body parser: ${feature}`, () => {
    for (const [name, input, check] of rows) test(name, () => check(body(input)));
  });
