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
    const onDisk = readFileSync(join(repoRoot, 'docs', 'diagnostics.md'), 'utf8');
    assert.equal(onDisk, renderDiagnosticsMarkdown(allCodes()));
  });
});
