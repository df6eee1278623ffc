import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TranslateOptions } from '../../../shared/translator/statement-translator';
import { translate, type TranslateResult } from '../../../shared/translator/translate';

export interface Expectation {
  /** Substrings the output must contain, in this order. */
  readonly tsql?: readonly string[];
  /** Substrings the output must not contain. */
  readonly not?: readonly string[];
  /** Rule ids of the diagnostics, in order (codes checked separately when given). */
  readonly rules?: readonly string[];
  readonly codes?: readonly string[];
  readonly outcome?: 'converted' | 'flagged';
}

/** translate() + the checks every case shares; returns the result for extra assertions. */
export function expectTranslation(
  ase: string,
  e: Expectation,
  options: TranslateOptions = {},
): TranslateResult {
  const r = translate(ase, { file: 'case.sql', ...options });
  let from = 0;
  for (const piece of e.tsql ?? []) {
    const at = r.sql.indexOf(piece, from);
    assert.ok(at >= 0, `expected ${JSON.stringify(piece)} in output:\n${r.sql}`);
    from = at + piece.length;
  }
  for (const piece of e.not ?? [])
    assert.ok(!r.sql.includes(piece), `did not expect ${JSON.stringify(piece)} in output:\n${r.sql}`);
  // the catalog's own findings (ASM-CAT-*) about the same statements are tested in its area
  const mine = r.diagnostics.filter((d) => !d.code.startsWith('ASM-CAT-'));
  if (e.rules !== undefined)
    assert.deepEqual(
      mine.map((d) => d.ruleId),
      e.rules,
    );
  if (e.codes !== undefined)
    assert.deepEqual(
      mine.map((d) => d.code),
      e.codes,
    );
  if (e.outcome !== undefined)
    assert.deepEqual(r.statements, {
      total: 1,
      converted: e.outcome === 'converted' ? 1 : 0,
      flagged: e.outcome === 'flagged' ? 1 : 0,
    });
  assert.equal(r.statements.total, r.statements.converted + r.statements.flagged);
  return r;
}

/** One row of a translation table: the ASE input, its name (with the rule id) and what to expect. */
export interface TranslationCase extends Expectation {
  readonly name: string;
  readonly ase: string;
  readonly options?: TranslateOptions;
}

/** One `test` per case, inside the caller's `describe`. */
export function runTranslationCases(cases: readonly TranslationCase[]): void {
  for (const c of cases) test(c.name, () => void expectTranslation(c.ase, c, c.options));
}
