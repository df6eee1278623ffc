import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScript } from '../../../shared/translator/parser/parse';
import { tokenize } from '../../../shared/translator/tokens/tokenize';
import { translate } from '../../../shared/translator/translate';
import { fixturesDir } from '../../helpers/paths';

const FIXTURES = ['ddlgen-sales.sql', 'separators-go.sql', 'separators-none.sql'];

/** Deterministic PRNG (mulberry32) so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GARBAGE = [
  "'",
  '"',
  '[',
  ']',
  '(',
  ')',
  '/*',
  '*/',
  '--',
  '\ngo\n',
  ',',
  ';',
  'begin',
  'end',
  'if',
  'create',
  '\r',
  '\u0000',
  '$',
  '@',
  '0x',
  'exec sp_',
  'else',
];

function mutate(text: string, r: () => number): string {
  const at = Math.floor(r() * text.length);
  switch (Math.floor(r() * 4)) {
    case 0:
      return text.slice(0, at); // truncation
    case 1:
      return text.slice(0, at) + GARBAGE[Math.floor(r() * GARBAGE.length)] + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + Math.floor(r() * 40));
    default: {
      const other = Math.floor(r() * text.length);
      return text.slice(0, at) + text.slice(other, other + 30) + text.slice(at);
    }
  }
}

/** Every significant token lies inside a top-level statement span: no input is dropped. */
function assertNothingDropped(text: string): void {
  const { script } = parseScript(text);
  const spans = script.batches.flatMap((b) => b.statements.map((s) => s.span));
  for (const t of tokenize(text).tokens) {
    if (t.kind === 'comment' || t.kind === 'go') continue;
    const covered = spans.some((s) => s.start <= t.span.start && t.span.start < s.end);
    assert.ok(
      covered,
      `token ${JSON.stringify(t.text)} at ${t.span.line}:${t.span.column} is in no statement`,
    );
  }
}

describe('robustness: mutated fixture scripts', () => {
  for (const name of FIXTURES) {
    const text = readFileSync(join(fixturesDir, 'translator', name), 'utf8');
    test(`${name}: 150 truncations/garbage edits never throw, lose no token, and keep total = converted + flagged`, () => {
      const r = rng(name.length * 7919);
      for (let i = 0; i < 150; i++) {
        let mutated = text;
        const edits = 1 + Math.floor(r() * 3);
        for (let k = 0; k < edits; k++) mutated = mutate(mutated, r);
        const res = translate(mutated, { file: name });
        assert.equal(
          res.statements.total,
          res.statements.converted + res.statements.flagged,
          `iteration ${i}`,
        );
        assertNothingDropped(mutated);
      }
    });
  }
  test('pure garbage and empty input', () => {
    for (const text of [
      '',
      '\n\n',
      'go',
      ')))(((',
      "'",
      '/*',
      '[',
      'if',
      'begin',
      'end end end',
      'create',
      'exec',
      '\u0000\u0001',
      'if exists (',
      'grant',
      'set',
    ]) {
      const res = translate(text);
      assert.equal(res.statements.total, res.statements.converted + res.statements.flagged);
      assertNothingDropped(text);
    }
  });
});
