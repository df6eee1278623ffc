import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CreateModule } from '../../../../shared/translator/ast/nodes';
import type { ModuleDefinition } from '../../../../shared/translator/ast/procedural';
import { parseScript } from '../../../../shared/translator/parser/parse';
import { sx } from './helpers';

function module(sql: string): { m: CreateModule; def: ModuleDefinition } {
  const r = parseScript(sql, 'm.sql');
  const m = r.script.batches[0]?.statements[0];
  assert.ok(m?.kind === 'CreateModule', `not a module: ${m?.kind}`);
  assert.equal(m.parseError, undefined);
  assert.ok(m.definition !== undefined);
  return { m, def: m.definition };
}

describe('module headers (PROC-01, PROC-05, PROC-08, PROC-09, TRG-01)', () => {
  const cases: [string, string, (m: CreateModule, d: ModuleDefinition) => void][] = [
    [
      'PROC-01 parameters with defaults and output, parenthesised',
      "create procedure dbo.p (@a int = 1, @b varchar(10) = 'A%', @c int output) with recompile as return",
      (m, d) => {
        assert.ok(d.kind === 'procedure');
        assert.deepEqual(
          d.parameters.map((p) => [p.name, p.type.name, p.default && sx(p.default), p.output]),
          [
            ['@a', 'int', '1', false],
            ['@b', 'varchar', "'A%'", false],
            ['@c', 'int', undefined, true],
          ],
        );
        assert.equal(d.recompile, true);
        assert.equal(m.name.owner, 'dbo');
      },
    ],
    [
      'PROC-01 parameters without parentheses, out',
      'create proc p @a int, @b int out as select 1',
      (_m, d) => {
        assert.ok(d.kind === 'procedure' && d.parameters[1]?.output === true && d.body.length === 1);
      },
    ],
    ['PROC-05 numbered procedure', 'create procedure p;2 as return', (m) => assert.equal(m.number, 2)],
    [
      'PROC-01 create or replace',
      'create or replace procedure p as return',
      (_m, d) => assert.equal(d.orReplace, true),
    ],
    [
      'TRG-01 trigger events',
      'create trigger t on dbo.pay for insert, delete as return',
      (m, d) => {
        assert.ok(d.kind === 'trigger');
        assert.deepEqual([d.table.name, d.events, m.table?.name], ['pay', ['insert', 'delete'], 'pay']);
      },
    ],
    [
      'TRG-01 instead of trigger',
      'create trigger t on v instead of update as return',
      (_m, d) => assert.ok(d.kind === 'trigger' && d.timing === 'instead of'),
    ],
    [
      'PROC-09 view with columns and check option',
      'create view v (a, b) as select x, y from t with check option',
      (_m, d) => {
        assert.ok(d.kind === 'view');
        assert.deepEqual([d.columns, d.checkOption], [['a', 'b'], true]);
      },
    ],
    [
      'PROC-08 scalar function',
      'create function dbo.f (@a int) returns int as begin return @a * 2 end',
      (_m, d) => {
        assert.ok(d.kind === 'function');
        assert.equal(d.returns.name, 'int');
        assert.equal(d.body[0]?.kind, 'Block');
      },
    ],
  ];
  for (const [name, sql, check] of cases)
    test(name, () => {
      const { m, def } = module(sql);
      check(m, def);
    });

  test('a header that cannot be parsed keeps the module whole with parseError', () => {
    const r = parseScript('create procedure p @a as select 1', 'm.sql');
    const m = r.script.batches[0]?.statements[0];
    assert.ok(m?.kind === 'CreateModule');
    assert.equal(m.definition, undefined);
    assert.match(m.parseError ?? '', /syntax error at line 1/);
    assert.equal(m.text, 'create procedure p @a as select 1');
  });

  test('an unparsable body statement is Unparsed inside the body and reported by parseScript', () => {
    const r = parseScript('create procedure p as\nselect 1\ndbcc checkdb\nselect 2', 'm.sql');
    const m = r.script.batches[0]?.statements[0];
    assert.ok(m?.kind === 'CreateModule' && m.definition?.kind === 'procedure');
    assert.deepEqual(
      m.definition.body.map((s) => s.kind),
      ['Select', 'Unparsed', 'Select'],
    );
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.line]),
      [['ASM-PARSE-001', 3]],
    );
  });
});
