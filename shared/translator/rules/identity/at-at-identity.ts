/**
 * ID-07: `@@identity` → `ISNULL(SCOPE_IDENTITY(), 0)`. SCOPE_IDENTITY keeps a trigger's inserts out
 * (as ASE does); ISNULL keeps ASE's 0 when nothing was inserted. WARN: the value of an insert done
 * inside a called procedure is not visible after EXEC (return it through an OUTPUT parameter).
 */
import type { Expression } from '../../ast/expressions';
import { call, num } from '../build';
import type { RuleContext } from '../rule';

export function atAtIdentity(e: Expression, rc: RuleContext): Expression {
  if (e.kind !== 'GlobalVariable' || e.name !== '@@identity') return e;
  rc.report(
    'identity',
    e.span,
    '@@identity → ISNULL(SCOPE_IDENTITY(), 0); an insert inside a called procedure is not visible after EXEC (ID-07)',
  );
  return call('isnull', [call('scope_identity', [], e.span), num(0, e.span)], e.span);
}
