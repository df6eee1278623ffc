/** COL-06: default and check expression literals with non-ASCII characters get the N prefix. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultExprToTsql, doubleQuotesToTsql } from '../../../shared/catalog/expr/tsql-expr';

describe('COL-06 non-ASCII literals in schema expressions', () => {
  const defaults = [
    { name: 'COL-06 default with é', expr: "'café'", out: "N'café'" },
    { name: 'COL-06 double-quoted default with ü (DDL-35 + COL-06)', expr: '"Grüße"', out: "N'Grüße'" },
    { name: 'COL-06 default with an emoji', expr: "('😀')", out: "N'😀'" },
    { name: 'COL-06 already N-prefixed: not doubled', expr: "N'café'", out: "N'café'" },
    { name: 'COL-06 ASCII default unchanged', expr: "'abc'", out: "'abc'" },
  ];
  for (const c of defaults) test(c.name, () => assert.equal(defaultExprToTsql(c.expr), c.out));

  const checks = [
    {
      name: 'COL-06 check: only the non-ASCII literal is prefixed',
      expr: "status in ('ok', 'geprüft')",
      out: "status in ('ok', N'geprüft')",
    },
    {
      name: 'COL-06 check: a column whose name ends in n is not taken for the prefix',
      expr: "colN = 'é'",
      out: "colN = N'é'",
    },
    {
      name: 'COL-06 non-ASCII in a comment or bracketed name: unchanged',
      expr: '[prüf] = 1 -- prüf',
      out: '[prüf] = 1 -- prüf',
    },
  ];
  for (const c of checks) test(c.name, () => assert.equal(doubleQuotesToTsql(c.expr), c.out));
});
