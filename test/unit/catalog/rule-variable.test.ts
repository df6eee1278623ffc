/** RD-05: the rule variable is replaced token by token, never inside quotes or comments. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { replaceRuleVariable, ruleVariable } from '../../../shared/catalog/expr/rule-variable';
import {
  defaultExprToTsql,
  doubleQuotesToTsql,
  stripOuterParens,
} from '../../../shared/catalog/expr/tsql-expr';

describe('RD-05 rule variable replacement', () => {
  const cases = [
    {
      rule: 'RD-01',
      expr: '@p between 0 and 100 and @p <> 50',
      out: '[pct] between 0 and 100 and [pct] <> 50',
    },
    { rule: 'RD-05', expr: "@z like '[0-9]' and @z <> '@z'", out: "[pct] like '[0-9]' and [pct] <> '@z'" },
    { rule: 'RD-05', expr: '@v <> "@v" /* @v */ -- @v', out: '[pct] <> "@v" /* @v */ -- @v' },
    { rule: 'RD-05', expr: "@v in ('it''s @v', 'x')", out: "[pct] in ('it''s @v', 'x')" },
    { rule: 'RD-05', expr: '@v > @@rowcount', out: '[pct] > @@rowcount' },
    { rule: 'RD-05', expr: '@V = 1 or @v = 2', out: '[pct] = 1 or [pct] = 2' },
    { rule: 'RD-05', expr: '@val > 0 and @value_x > 0', out: '[pct] > 0 and @value_x > 0' },
    { rule: 'RD-05', expr: '[@v] = @v', out: '[@v] = [pct]' },
  ];
  for (const c of cases) {
    test(`${c.rule}: ${c.expr}`, () => assert.equal(replaceRuleVariable(c.expr, '[pct]'), c.out));
  }
  test('RD-01: the variable is the first @name outside quotes', () => {
    assert.equal(ruleVariable("'@x' = @real"), '@real');
    assert.equal(ruleVariable('1 = 1'), undefined);
  });
});

describe('DDL-21 default expressions', () => {
  const cases = [
    { expr: '((0))', out: '0' },
    { expr: '(1) + (2)', out: '(1) + (2)' },
    { expr: "')('", out: "')('" },
    { expr: 'user', out: 'USER_NAME()' },
    { expr: 'getdate()', out: 'getdate()' },
  ];
  for (const c of cases)
    test(`DDL-21: ${c.expr} → ${c.out}`, () => assert.equal(defaultExprToTsql(c.expr), c.out));
  test('stripOuterParens keeps parens that do not wrap the whole text', () =>
    assert.equal(stripOuterParens('(a) and (b)'), '(a) and (b)'));
});

describe('DDL-35 double-quoted strings', () => {
  const cases = [
    { expr: 's = "A"', qi: false, out: "s = 'A'" },
    { expr: `s = "it's"`, qi: false, out: "s = 'it''s'" },
    { expr: 's = "say ""hi"""', qi: false, out: `s = 'say "hi"'` },
    { expr: `s = 'keep "this"'`, qi: false, out: `s = 'keep "this"'` },
    { expr: '"col]x" > 0', qi: true, out: '[col]]x] > 0' },
  ];
  for (const c of cases) {
    test(`DDL-35: ${c.expr} (quoted_identifier ${c.qi ? 'on' : 'off'})`, () => {
      assert.equal(doubleQuotesToTsql(c.expr, c.qi), c.out);
    });
  }
});
