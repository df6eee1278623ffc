/** QRY-08: `compute` / `compute by` was removed from SQL Server: the select is carried for a person to rewrite. */
import type { ProcStatement } from '../../ast/procedural';
import type { RuleContext } from '../rule';
import { textOf } from '../rule';
import { translatorCodes } from '../../codes';

export function computeBy(s: ProcStatement, rc: RuleContext): ProcStatement {
  if (s.kind !== 'Select' || s.compute === undefined) return s;
  const message =
    'compute / compute by: replace with a separate aggregate query (or GROUP BY ROLLUP) (QRY-08)';
  rc.report('computeBy', s.span, message);
  const info = translatorCodes.computeBy;
  return {
    kind: 'Manual',
    text: textOf(rc, s.span),
    ruleId: info.ruleId,
    code: info.code,
    message,
    span: s.span,
    comments: s.comments,
  };
}
