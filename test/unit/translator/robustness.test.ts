import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { severityOf, type Diagnostic } from '../../../shared/translator/diagnostics';
import { parseScript } from '../../../shared/translator/parser/parse';
import { statementTranslators } from '../../../shared/translator/statement-translators';
import type { StatementTranslators } from '../../../shared/translator/statement-translator';
import { tokenize } from '../../../shared/translator/tokens/tokenize';
import { translate, translateWith } from '../../../shared/translator/translate';
import { fixturesDir, repoRoot, sharedSamplesDir } from '../../helpers/paths';
import { MUTATIONS, mutate as mutateAs, rng as seeded, type Mutation } from './fuzz-mutations';

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

/** `*.sql` files of a folder and its subfolders; expected T-SQL outputs (`*.tsql.sql`) are not inputs. */
function sqlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sqlFiles(p);
    return e.name.endsWith('.sql') && !e.name.endsWith('.tsql.sql') ? [p] : [];
  });
}

/** 3,000 by default (about 20 s on 2 cores); ASEMIG_FUZZ_ITERATIONS=100000 for a long local run. */
const ITERATIONS = Number(process.env['ASEMIG_FUZZ_ITERATIONS'] ?? '') || 3000;
const SEED = Number(process.env['ASEMIG_FUZZ_SEED'] ?? '') || 20261125;

/**
 * The registry with every translator call counted: the step count of one case. A translator that
 * loops or re-translates would show here as a count out of proportion to the input's tokens.
 */
function countingRegistry(): { registry: StatementTranslators; calls: () => number } {
  let calls = 0;
  const registry: Record<string, unknown> = {};
  for (const [kind, fn] of Object.entries(statementTranslators)) {
    registry[kind] = (...args: unknown[]): unknown => {
      calls += 1;
      return (fn as (...a: unknown[]) => unknown)(...args);
    };
  }
  return { registry: registry as unknown as StatementTranslators, calls: () => calls };
}

const CODE = /^ASM-[A-Z0-9]+-\d{3}$/;
const LEVELS = new Set(['AUTO', 'INFO', 'WARN', 'MANUAL', 'BLOCK']);

function assertCoded(d: Diagnostic, lines: number, where: string): void {
  assert.match(d.code, CODE, `${where}: uncoded finding ${JSON.stringify(d)}`);
  assert.ok(LEVELS.has(d.level), `${where}: level ${d.level}`);
  assert.equal(d.severity, severityOf(d.level), `${where}: severity of ${d.code}`);
  assert.ok(
    Number.isInteger(d.line) && d.line >= 0 && d.line <= lines,
    `${where}: line ${d.line} of ${lines}`,
  );
  assert.ok(d.message.length > 0, `${where}: ${d.code} has no message`);
}

describe('robustness: fuzzing real inputs (issue 3 item 5)', () => {
  const inputs = [
    ...sqlFiles(join(repoRoot, 'samples', 'ase-demo')),
    ...sqlFiles(join(fixturesDir, 'translator')),
  ];
  const shared = sqlFiles(sharedSamplesDir);

  function fuzz(files: readonly string[], iterations: number, seed: number): Record<Mutation, number> {
    const texts = files.map((f) => ({ name: relative(repoRoot, f), text: readFileSync(f, 'utf8') }));
    const r = seeded(seed);
    const used = Object.fromEntries(MUTATIONS.map((m) => [m, 0])) as Record<Mutation, number>;
    for (let i = 0; i < iterations; i++) {
      const input = texts[i % texts.length];
      assert.ok(input);
      let text = input.text;
      const kinds: Mutation[] = [];
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
        const kind = MUTATIONS[Math.floor(r() * MUTATIONS.length)] as Mutation;
        kinds.push(kind);
        used[kind] += 1;
        text = mutateAs(text, kind, r);
      }
      const where = `case ${i} (seed ${seed}, ${input.name}, ${kinds.join('+')})`;
      const { registry, calls } = countingRegistry();
      let res;
      try {
        res = translateWith(text, { file: 'fuzz.sql' }, registry);
      } catch (e) {
        assert.fail(`${where}: translate threw ${(e as Error).stack ?? String(e)}`);
      }
      const { total, converted, flagged } = res.statements;
      assert.equal(total, converted + flagged, `${where}: total = converted + flagged`);
      // Step bound: every statement (top-level or nested under IF) costs one translator call and
      // holds at least one token, so calls and statements never outnumber the tokens (plus one for
      // an empty script). A translator that loops or re-translates shows as a count past this.
      const tokens = tokenize(text).tokens.length;
      assert.ok(calls() >= total, `${where}: ${calls()} translator calls for ${total} statements`);
      assert.ok(calls() <= tokens + 1, `${where}: ${calls()} translator calls for ${tokens} tokens`);
      // Output bound: carried text, a marked comment and a placeholder per statement, not more.
      assert.ok(
        res.sql.length <= 8 * text.length + 2000 * (total + 1),
        `${where}: ${res.sql.length} output chars for ${text.length} input chars`,
      );
      const lines = text.split(/\r\n|\r|\n/).length;
      for (const d of res.diagnostics) assertCoded(d, lines, where);
      // Every failure is a coded error finding: a flagged statement never goes without one.
      if (flagged > 0) {
        assert.ok(
          res.diagnostics.some((d) => d.severity === 'error'),
          `${where}: ${flagged} flagged statement(s) and no error finding`,
        );
      }
      assert.ok(
        !res.diagnostics.some((d) => d.code === 'ASM-INTERNAL-002'),
        `${where}: a translator threw: ${res.diagnostics.find((d) => d.code === 'ASM-INTERNAL-002')?.message}`,
      );
    }
    return used;
  }

  test(`project samples and fixtures: ${ITERATIONS} seeded mutations, no crash, bounded steps, coded findings`, (t) => {
    assert.ok(inputs.length >= 5, `found inputs: ${inputs.join(', ')}`);
    const used = fuzz(inputs, ITERATIONS, SEED);
    t.diagnostic(`inputs ${inputs.length}, mutations ${JSON.stringify(used)}`);
    for (const m of MUTATIONS) assert.ok(used[m] > 0, `mutation ${m} was exercised`);
  });

  test('team samples (../shared/samples/ase), when present', (t) => {
    if (shared.length === 0) {
      t.diagnostic(`did not run: no scripts in ${sharedSamplesDir}`);
      console.log(`fuzz: team samples did not run (no scripts in ${sharedSamplesDir})`);
      return;
    }
    const used = fuzz(shared, Math.max(300, Math.floor(ITERATIONS / 5)), SEED + 1);
    t.diagnostic(`team samples ${shared.length}, mutations ${JSON.stringify(used)}`);
  });
});
