import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expr, sx } from './helpers';

// [input, expected prefix form]
const cases: Record<string, [string, string][]> = {
  'literals, names, variables (LEX-10)': [
    ["'it''s'", "'it's'"],
    ['"double"', "'double'"],
    ['12.5', '12.5'],
    ['0x0A', '0x0A'],
    ['$3.50', '$3.50'],
    ['null', 'NULL'],
    ['@v', '@v'],
    ['@@ROWCOUNT', '@@rowcount'],
    ['db..t.c', 'db..t.c'],
    ['[a]]b].c', 'a]b.c'],
    ['t.*', 't.*'],
  ],
  precedence: [
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* [(+ 1 2)] 3)'],
    ['- a + b', '(+ (- a) b)'],
    ["'a' + b + 'c'", "(+ (+ 'a' b) 'c')"],
    ['a & b | c', '(| (& a b) c)'],
    ['~a', '(~ a)'],
  ],
  'comparisons incl. LEX-12 and QRY-01 operators': [
    ['a != b', '(!= a b)'],
    ['a !< b', '(!< a b)'],
    ['a !> b', '(!> a b)'],
    ['a.x *= b.y', '(*= a.x b.y)'],
    ['a.x =* b.y', '(=* a.x b.y)'],
    ['a = null', '(= a NULL)'],
  ],
  'boolean logic': [
    ['a = 1 or b = 2 and c = 3', '(or (= a 1) (and (= b 2) (= c 3)))'],
    ['not a = 1 and b = 2', '(and (not (= a 1)) (= b 2))'],
  ],
  predicates: [
    ['a between 1 and 5 and b = 1', '(and (between a 1 5) (= b 1))'],
    ['a not between 1 and 5', '(not-between a 1 5)'],
    ['a in (1, 2, 3)', '(in a 1 2 3)'],
    ['a not in (select x from t)', '(not-in a select)'],
    ["a like 'x%' escape '\\'", "(like a 'x%' '\\')"],
    ["a not like 'x%'", "(not-like a 'x%')"],
    ['a is null', '(is-null a)'],
    ['a is not null', '(is-not-null a)'],
    ['exists (select 1 from t)', '(exists select)'],
  ],
  'case, functions, convert (FN-30)': [
    ["case a when 1 then 'x' else 'y' end", "(case a 1:'x' else:'y')"],
    ["case when a > 1 then 'x' end", "(case (> a 1):'x')"],
    ['count(*)', 'count(*)'],
    ['count(distinct a)', 'count(distinct a)'],
    ['GETDATE()', 'getdate()'],
    ['dbo.f(a, 1)', 'dbo.f(a 1)'],
    ['convert(varchar(10), d, 112)', '(convert varchar(10) d 112)'],
    ['convert(numeric(10, 2), x)', '(convert numeric(10,2) x)'],
    ['cast(x as int)', '(cast int x)'],
    ['left(s, 2)', 'left(s 2)'],
    ['update(col)', 'update(col)'],
    ['user', 'user()'],
    ['(select max(a) from t)', '(subquery)'],
    ['identity(10)', 'identity(10)'],
  ],
};

for (const [feature, rows] of Object.entries(cases))
  describe(`expression parser: ${feature}`, () => {
    for (const [input, expected] of rows)
      test(input, () => {
        assert.equal(sx(expr(input)), expected);
      });
  });
