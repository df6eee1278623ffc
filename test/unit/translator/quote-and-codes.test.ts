import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  quoteIdent,
  quoteParts,
  quoteQualified,
  sqlString,
} from '../../../shared/translator/dialects/tsql/quote';
import { translatorCodes } from '../../../shared/translator/codes';

describe('T-SQL quoting (LEX-04)', () => {
  const idents: [string, string][] = [
    ['orders', '[orders]'],
    ['a]b', '[a]]b]'],
    ['x]]', '[x]]]]]'],
    ['with space', '[with space]'],
    ['[already]', '[[already]]]'],
  ];
  for (const [name, quoted] of idents)
    test(`LEX-04 quoteIdent(${JSON.stringify(name)})`, () => assert.equal(quoteIdent(name), quoted));
  test('quoteQualified / quoteParts', () => {
    assert.equal(quoteQualified('dbo', 'a]b'), '[dbo].[a]]b]');
    assert.equal(quoteParts(['db', undefined, 't']), '[db]..[t]');
  });
  const strings: [string, string][] = [
    ["O'Brien", "N'O''Brien'"],
    ["''", "N''''''"],
    ['', "N''"],
    ['line\nbreak', "N'line\nbreak'"],
  ];
  for (const [value, lit] of strings)
    test(`sqlString(${JSON.stringify(value)})`, () => assert.equal(sqlString(value), lit));
});

describe('diagnostic code catalogue', () => {
  const entries = Object.entries(translatorCodes);
  test('codes are unique and use the area prefixes', () => {
    const codes = entries.map(([, c]) => c.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const c of codes) assert.match(c, /^ASM-(LEX|PARSE|SEC|AZ|STMT|INTERNAL)-\d{3}$/);
  });
  test('rule ids look like spec ids (or NONE for tool-level findings)', () => {
    for (const [, c] of entries) assert.match(c.ruleId, /^([A-Z]+-\d{2}|NONE)$/, c.code);
  });
  test('every entry has a level and a summary', () => {
    for (const [, c] of entries) {
      assert.ok(['AUTO', 'INFO', 'WARN', 'MANUAL', 'BLOCK'].includes(c.level), c.code);
      assert.ok(c.summary.length > 10, c.code);
    }
  });
});
