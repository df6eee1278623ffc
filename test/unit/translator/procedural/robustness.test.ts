/**
 * Mutated procedural inputs (fixture files with tokens dropped, repeated or swapped, seeded so a
 * failure reproduces): translate never throws, never hides a statement (total = converted +
 * flagged), never fails inside a translator (ASM-INTERNAL-002), and what it emits re-parses
 * (unless the input itself had a lexical error, which is carried as written and flagged).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { translate } from '../../../../shared/translator/translate';
import { fixturesDir } from '../../../helpers/paths';
import { assertReparses } from './self-check';

const dir = join(fixturesDir, 'translator', 'procedural');
const inputs = readdirSync(dir)
  .filter((f) => f.endsWith('.ase.sql'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'begin',
  'end',
  'if',
  'else',
  'select',
  'from',
  'where',
  '(',
  ')',
  ',',
  '*=',
  'go',
  "'",
  'case',
  '@@sqlstatus',
  'print',
];

function mutate(text: string, next: () => number): string {
  const parts = text.split(/(\s+)/);
  const at = Math.floor(next() * parts.length);
  const pick = (): string => WORDS[Math.floor(next() * WORDS.length)] as string;
  switch (Math.floor(next() * 3)) {
    case 0:
      parts.splice(at, 1 + Math.floor(next() * 3));
      break;
    case 1:
      parts.splice(at, 0, ` ${pick()} `);
      break;
    default:
      parts.splice(at, 0, parts[Math.floor(next() * parts.length)] ?? '');
  }
  return parts.join('');
}

describe('procedural robustness (mutated fixtures)', () => {
  test('400 mutations: no throw, invariant holds, no translator failure, output re-parses', () => {
    const next = rng(20261125);
    for (let i = 0; i < 400; i++) {
      const input = mutate(inputs[i % inputs.length] as string, next);
      const r = translate(input, { file: `mutant-${i}.sql` });
      assert.equal(r.statements.total, r.statements.converted + r.statements.flagged, `mutant ${i}`);
      const internal = r.diagnostics.filter((d) => d.code === 'ASM-INTERNAL-002');
      assert.deepEqual(
        internal.map((d) => d.message),
        [],
        `mutant ${i}:\n${input}`,
      );
      // an unterminated comment or string in the input is carried as written (ASM-LEX-00x, MANUAL)
      if (!r.diagnostics.some((d) => d.code.startsWith('ASM-LEX-'))) assertReparses(r.sql);
    }
  });
});
