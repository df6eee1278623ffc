import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCodes, duplicateCodes, renderDiagnosticsMarkdown } from '../../../shared/diagnostic-codes';
import { repoRoot } from '../../helpers/paths';

describe('diagnostic code catalogue', () => {
  test('no code is declared twice across the areas', () => {
    assert.deepEqual(duplicateCodes(), []);
  });

  test('duplicateCodes finds a code claimed by two areas', () => {
    const c = { code: 'ASM-X-001', ruleId: '', level: 'INFO' as const, summary: 's' };
    assert.deepEqual(
      duplicateCodes([
        { ...c, area: 'a' },
        { ...c, area: 'b' },
      ]),
      ['ASM-X-001'],
    );
  });

  test('every code has the ASM-<AREA>-<number> form', () => {
    for (const c of allCodes()) assert.match(c.code, /^ASM-[A-Z]+-\d{3}$/, c.code);
  });

  test('rule ids, where given, look like spec ids (DT-03, COL-06b)', () => {
    for (const c of allCodes())
      if (c.ruleId) assert.match(c.ruleId, /^[A-Z]+-\d+[a-z]?$/, `${c.code} ${c.ruleId}`);
  });

  test('docs/diagnostics.md is in sync (regenerate with npm run docs:diagnostics)', () => {
    const onDisk = readFileSync(join(repoRoot, 'docs', 'diagnostics.md'), 'utf8').split('\n');
    const expected = renderDiagnosticsMarkdown(allCodes()).split('\n');
    // Name the lines that differ instead of dumping two 20 kB strings.
    const missing = expected.filter((l) => !onDisk.includes(l));
    const stale = onDisk.filter((l) => !expected.includes(l));
    assert.ok(
      missing.length === 0 && stale.length === 0 && onDisk.length === expected.length,
      `docs/diagnostics.md is out of date: run \`npm run docs:diagnostics\`.\n` +
        `missing:\n${missing.slice(0, 10).join('\n')}\nstale:\n${stale.slice(0, 10).join('\n')}`,
    );
    assert.deepEqual(onDisk, expected, 'same lines, different order: run `npm run docs:diagnostics`');
  });
});
