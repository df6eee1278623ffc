import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../../shared/translator/tokens/tokenize';
import type { TokenKind } from '../../../shared/translator/tokens/token';

/** [kind, text] pairs of the non-comment tokens. */
function kinds(sql: string, quotedIdentifier = false): [TokenKind, string][] {
  return tokenize(sql, { quotedIdentifier }).tokens.map((t) => [t.kind, t.text]);
}

describe('tokenizer: literals and identifiers (LEX-01, LEX-02)', () => {
  const cases: { name: string; sql: string; qi?: boolean; kind: TokenKind; value: string }[] = [
    { name: "LEX-01 'single' string with doubled quote", sql: "'it''s'", kind: 'string', value: "it's" },
    {
      name: 'LEX-01 "double" is a string while quoted_identifier is off',
      sql: '"a""b"',
      kind: 'string',
      value: 'a"b',
    },
    {
      name: 'LEX-01 "double" is an identifier once quoted_identifier is on',
      sql: '"a""b"',
      qi: true,
      kind: 'quoted',
      value: 'a"b',
    },
    { name: 'LEX-02 [bracketed] identifier with ]] doubled', sql: '[x]]y]', kind: 'quoted', value: 'x]y' },
    { name: 'hex literal', sql: '0x0aFF', kind: 'hex', value: '0x0aFF' },
    { name: 'integer', sql: '42', kind: 'number', value: '42' },
    { name: 'decimal with exponent', sql: '1.5e-3', kind: 'number', value: '1.5e-3' },
    { name: 'money literal', sql: '$12.50', kind: 'money', value: '$12.50' },
    { name: 'local variable', sql: '@cust_id', kind: 'variable', value: '@cust_id' },
    { name: 'global variable', sql: '@@rowcount', kind: 'global', value: '@@rowcount' },
    { name: '#temp table name is a word', sql: '#work_t', kind: 'word', value: '#work_t' },
    { name: 'word with $ and #', sql: 'a$b#c', kind: 'word', value: 'a$b#c' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const { tokens, diagnostics } = tokenize(c.sql, { quotedIdentifier: c.qi ?? false });
      assert.equal(tokens.length, 1);
      assert.equal(tokens[0]?.kind, c.kind);
      assert.equal(tokens[0]?.value, c.value);
      assert.deepEqual(diagnostics, []);
    });
  }

  test('LEX-01 set quoted_identifier on/off switches the reading of "..." mid-script', () => {
    const toks = tokenize(
      'select "a"\nset quoted_identifier on\nselect "b"\nset quoted_identifier off\nselect "c"',
    ).tokens;
    const dq = toks.filter((t) => t.text.startsWith('"')).map((t) => t.kind);
    assert.deepEqual(dq, ['string', 'quoted', 'string']);
  });
});

describe('tokenizer: operators (LEX-11, LEX-12)', () => {
  const cases: [string, string[]][] = [
    ['a *= b', ['*=']],
    ['a =* b', ['=*']],
    ['a != b', ['!=']],
    ['a !< b', ['!<']],
    ['a !> b', ['!>']],
    ['a ^ b', ['^']],
    ['a <> b', ['<>']],
    ['a >= b', ['>=']],
    ['a || b', ['||']],
  ];
  for (const [sql, ops] of cases) {
    test(`LEX-12 operator in '${sql}'`, () => {
      assert.deepEqual(
        kinds(sql)
          .filter(([k]) => k === 'op')
          .map(([, t]) => t),
        ops,
      );
    });
  }
});

describe('tokenizer: comments (LEX-06)', () => {
  test('LEX-06 line comment kept as a token with its span', () => {
    const t = tokenize('select 1 -- note\nselect 2').tokens.find((x) => x.kind === 'comment');
    assert.equal(t?.text, '-- note');
    assert.equal(t?.style, 'line');
    assert.deepEqual([t?.span.line, t?.span.column], [1, 10]);
  });
  test('LEX-06 nested block comments are one token', () => {
    const toks = tokenize('/* a /* b */ c */ x').tokens;
    assert.deepEqual(
      toks.map((t) => t.kind),
      ['comment', 'word'],
    );
    assert.equal(toks[0]?.text, '/* a /* b */ c */');
  });
  test('a go line inside a block comment is not a separator', () => {
    const toks = tokenize('/*\ngo\n*/\nselect 1').tokens;
    assert.equal(toks.filter((t) => t.kind === 'go').length, 0);
  });
});

describe('tokenizer: go batch separator (LEX-05)', () => {
  const cases: { name: string; sql: string; gos: number; repeat?: number }[] = [
    { name: 'go alone on its line', sql: 'select 1\ngo\nselect 2', gos: 1 },
    { name: 'GO upper case with trailing blanks', sql: 'select 1\nGO  \nselect 2', gos: 1 },
    { name: 'go with a repeat count', sql: 'select 1\ngo 5\n', gos: 1, repeat: 5 },
    { name: 'indented go', sql: 'select 1\n   go\n', gos: 1 },
    { name: 'go after other text on the line is a word', sql: 'select 1 go\n', gos: 0 },
    { name: 'go followed by text is a word', sql: 'go to\n', gos: 0 },
    { name: 'go inside a string is not a separator', sql: "select '\ngo\n'", gos: 0 },
    { name: 'go at end of input without newline', sql: 'select 1\ngo', gos: 1 },
  ];
  for (const c of cases) {
    test(`LEX-05 ${c.name}`, () => {
      const gos = tokenize(c.sql).tokens.filter((t) => t.kind === 'go');
      assert.equal(gos.length, c.gos);
      if (c.repeat !== undefined) assert.equal(gos[0]?.repeat, c.repeat);
    });
  }
});

describe('tokenizer: line ends and positions', () => {
  const variants: [string, string][] = [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ];
  for (const [name, nl] of variants) {
    test(`${name} line ends give the same lines and columns`, () => {
      const toks = tokenize(`create table t${nl}  (a int)${nl}go${nl}drop table t`).tokens;
      const drop = toks.find((t) => t.text === 'drop');
      const paren = toks.find((t) => t.text === '(');
      assert.deepEqual([paren?.span.line, paren?.span.column], [2, 3]);
      assert.deepEqual([drop?.span.line, drop?.span.column], [4, 1]);
      assert.equal(toks.filter((t) => t.kind === 'go').length, 1);
    });
  }
  test('a mix of CR, LF and CRLF counts each break once', () => {
    const toks = tokenize('a\r\nb\rc\nd').tokens;
    assert.deepEqual(
      toks.map((t) => t.span.line),
      [1, 2, 3, 4],
    );
  });
});

describe('tokenizer: bad input never throws', () => {
  const cases: { name: string; sql: string; code: string; line: number }[] = [
    { name: 'unterminated string', sql: "select 1\nselect 'abc", code: 'ASM-LEX-001', line: 2 },
    { name: 'unterminated double-quoted string', sql: 'select "abc', code: 'ASM-LEX-001', line: 1 },
    { name: 'unterminated block comment', sql: 'select 1\n\n/* never closed', code: 'ASM-LEX-002', line: 3 },
    { name: 'unterminated bracket identifier', sql: 'select [abc', code: 'ASM-LEX-003', line: 1 },
    { name: 'unexpected character', sql: 'select 1 \u0001', code: 'ASM-LEX-004', line: 1 },
  ];
  for (const c of cases) {
    test(`${c.name} → ${c.code} with its line`, () => {
      const { tokens, diagnostics } = tokenize(c.sql);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0]?.code, c.code);
      assert.equal(diagnostics[0]?.line, c.line);
      // no character is lost: token texts plus whitespace rebuild the input
      assert.equal(
        tokens
          .map((t) => t.text)
          .join('')
          .replace(/\s/g, ''),
        c.sql.replace(/\s/g, ''),
      );
    });
  }
});
