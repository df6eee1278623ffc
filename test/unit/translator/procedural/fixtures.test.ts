/**
 * Whole-file fixture pairs: real-looking ASE procedures and triggers (written for these tests) and
 * the exact T-SQL expected, plus the output self-check and the rule ids each file must report.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fixturesDir } from '../../../helpers/paths';
import { translateChecked } from './helpers';

const dir = join(fixturesDir, 'translator', 'procedural');

// [fixture, statements {total, converted, flagged}, rule ids reported in order]
const pairs: [string, [number, number, number], string[]][] = [
  ['cursor-loop', [1, 1, 0], ['CUR-06', 'QRY-07', 'CUR-06', 'MSG-02', 'MSG-01']],
  ['outer-join-report', [1, 1, 0], ['QRY-01', 'QRY-07']],
  ['rowcount-purge', [1, 1, 0], ['FN-40', 'QRY-10', 'MSG-01']],
  ['numbered-procedure', [3, 3, 0], ['PROC-05', 'STR-01']],
  [
    'trigger-update-rollback',
    [1, 0, 1],
    ['TRG-04', 'TRG-05', 'TRG-04', 'QRY-01', 'FN-40', 'ID-07', 'TRG-03'],
  ],
];

describe('fixture pairs: ASE input → expected T-SQL', () => {
  for (const [name, [total, converted, flagged], ruleIds] of pairs)
    test(name, () => {
      const ase = readFileSync(join(dir, `${name}.ase.sql`), 'utf8');
      const expected = readFileSync(join(dir, `${name}.tsql.sql`), 'utf8');
      const r = translateChecked(ase, { file: `${name}.ase.sql` });
      assert.equal(r.sql, expected);
      assert.deepEqual(r.statements, { total, converted, flagged });
      assert.deepEqual(
        r.diagnostics.map((d) => d.ruleId),
        ruleIds,
      );
    });
});
