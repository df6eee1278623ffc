/**
 * CUR-06: `@@sqlstatus` (0 ok, 1 error, 2 no more rows) → `@@FETCH_STATUS` (0 ok, -1 beyond the
 * end or failed, -2 row missing): `= 0` → `= 0`, `= 2` → `= -1`, `= 1` → `NOT IN (0, -1)`,
 * `!= 0` → `<> 0`, `!= 2` → `<> -1`. Any other use (stored in a variable, compared with an
 * expression) is flagged MANUAL and emitted as @@FETCH_STATUS.
 */
import type { Expression, GlobalVariable } from '../../ast/expressions';
import { intValue, num } from '../build';
import type { RuleContext } from '../rule';

const fetchStatus = (span: GlobalVariable['span']): GlobalVariable => ({
  kind: 'GlobalVariable',
  name: '@@fetch_status',
  span,
});
const isSqlstatus = (e: Expression): boolean => e.kind === 'GlobalVariable' && e.name === '@@sqlstatus';

/** Applied to comparisons first (the whole test is rewritten), then to a bare @@sqlstatus left over. */
export function sqlstatus(e: Expression, rc: RuleContext): Expression {
  if (
    e.kind === 'Binary' &&
    ['=', '!=', '<>'].includes(e.op) &&
    (isSqlstatus(e.left) || isSqlstatus(e.right))
  ) {
    const value = intValue(isSqlstatus(e.left) ? e.right : e.left);
    const equal = e.op === '=';
    if (value === 0 || value === 2) {
      rc.report(
        'sqlstatus',
        e.span,
        `@@sqlstatus ${e.op} ${value} → @@FETCH_STATUS ${equal ? '=' : '<>'} ${value === 0 ? 0 : -1} (CUR-06)`,
      );
      return {
        kind: 'Binary',
        op: equal ? '=' : '<>',
        left: fetchStatus(e.span),
        right: num(value === 0 ? 0 : -1, e.span),
        span: e.span,
      };
    }
    if (value === 1) {
      rc.report(
        'sqlstatus',
        e.span,
        `@@sqlstatus ${e.op} 1 → @@FETCH_STATUS ${equal ? 'NOT ' : ''}IN (0, -1) (CUR-06)`,
      );
      return {
        kind: 'InList',
        expr: fetchStatus(e.span),
        list: [num(0, e.span), num(-1, e.span)],
        negated: equal,
        span: e.span,
      };
    }
  }
  if (isSqlstatus(e)) {
    rc.report(
      'sqlstatusOther',
      e.span,
      '@@sqlstatus used other than compared with 0, 1 or 2: values differ in @@FETCH_STATUS (0/-1/-2); rewrite the test (CUR-06)',
    );
    return fetchStatus(e.span);
  }
  return e;
}
