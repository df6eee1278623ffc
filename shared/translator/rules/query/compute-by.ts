/** QRY-08: `compute` / `compute by` was removed from SQL Server: the select is carried for a person to rewrite. */
import type { ProcStatement } from '../../ast/procedural';
import type { RuleContext } from '../rule';
import { manualStatement } from '../rule';

export function computeBy(s: ProcStatement, rc: RuleContext): ProcStatement {
  if (s.kind !== 'Select' || s.compute === undefined) return s;
  const message =
    'compute / compute by: replace with a separate aggregate query (or GROUP BY ROLLUP) (QRY-08)';
  rc.report('computeBy', s.span, message);
  return manualStatement(rc, s, 'computeBy', message);
}
