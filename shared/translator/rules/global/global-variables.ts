/**
 * §4.11 global variables. Same name in SQL Server (SYS-02, SYS-04, SYS-05, SYS-08, SYS-09): written
 * upper-case. `@@error` compared with a number other than 0 (ERR-02: SQL Server numbers differ,
 * WARN); `@@tranchained` (TRAN-05); `@@transtate = 0` → `XACT_STATE() = 1`, `= 3` →
 * `(@@TRANCOUNT = 0 OR XACT_STATE() = -1)` (TRAN-06, other values MANUAL); `@@maxpagesize` /
 * `@@pagesize` → 8192 (SYS-10). Any other global variable has no SQL Server form: MANUAL (SYS-12).
 * `@@sqlstatus` and `@@identity` have their own rules (CUR-06, ID-07).
 */
import type { Expression, GlobalVariable } from '../../ast/expressions';
import { bin, intValue, mark, num } from '../build';
import type { RuleContext } from '../rule';

const SAME = new Set([
  '@@error',
  '@@rowcount',
  '@@trancount',
  '@@nestlevel',
  '@@spid',
  '@@servername',
  '@@procid',
  '@@textsize',
  '@@language',
  '@@langid',
  '@@datefirst',
  '@@max_connections',
  '@@cpu_busy',
  '@@io_busy',
  '@@idle',
  '@@connections',
  '@@total_read',
  '@@total_write',
  '@@packet_errors',
  '@@fetch_status',
  '@@cursor_rows',
  '@@version',
  '@@dbts',
  '@@lock_timeout',
  '@@options',
  '@@max_precision',
  '@@timeticks',
  '@@total_errors',
  '@@pack_received',
  '@@pack_sent',
  '@@servicename',
  '@@remserver',
  // rules of their own
  '@@sqlstatus',
  '@@identity',
]);

const isGlobal = (e: Expression, name: string): e is GlobalVariable =>
  e.kind === 'GlobalVariable' && e.name === name;
const global = (name: string, e: Expression): GlobalVariable =>
  mark({ kind: 'GlobalVariable', name, span: e.span });

export function globalVariables(e: Expression, rc: RuleContext): Expression {
  const span = e.span;
  if (e.kind === 'Binary' && ['=', '!=', '<>'].includes(e.op)) {
    const value = intValue(isGlobal(e.left, '@@transtate') || isGlobal(e.left, '@@error') ? e.right : e.left);
    const other = isGlobal(e.left, '@@transtate') || isGlobal(e.left, '@@error') ? e.left : e.right;
    if (isGlobal(other, '@@error') && value !== undefined && value !== 0)
      rc.report(
        'errorNumber',
        span,
        `@@error ${e.op} ${value}: SQL Server raises other error numbers; map the number (ERR-02)`,
      );
    if (isGlobal(other, '@@transtate') && (value === 0 || value === 3)) {
      rc.report('transtate', span, `@@transtate ${e.op} ${value} → XACT_STATE() test (TRAN-06)`);
      const test =
        value === 0
          ? bin('=', mark({ kind: 'FunctionCall', name: ['xact_state'], args: [], span }), num(1, span), span)
          : mark<Expression>({
              kind: 'Paren',
              expr: bin(
                'or',
                bin('=', global('@@trancount', e), num(0, span), span),
                bin(
                  '=',
                  mark({ kind: 'FunctionCall', name: ['xact_state'], args: [], span }),
                  num(-1, span),
                  span,
                ),
                span,
              ),
              span,
            });
      return e.op === '='
        ? test
        : mark<Expression>({
            kind: 'Unary',
            op: 'not',
            operand: mark<Expression>({ kind: 'Paren', expr: test, span }),
            span,
          });
    }
    return e;
  }
  if (e.kind !== 'GlobalVariable' || SAME.has(e.name)) return e;
  switch (e.name) {
    case '@@tranchained': {
      rc.report(
        'tranchained',
        span,
        '@@tranchained → CASE WHEN @@OPTIONS & 2 = 2 THEN 1 ELSE 0 END (TRAN-05)',
      );
      const chained = bin('=', bin('&', global('@@options', e), num(2, span), span), num(2, span), span);
      return mark({ kind: 'Case', whens: [{ when: chained, then: num(1, span) }], else: num(0, span), span });
    }
    case '@@maxpagesize':
    case '@@pagesize':
      rc.report('pageSize', span, `${e.name} → 8192 (SYS-10)`);
      return num(8192, span);
    case '@@transtate':
      rc.report(
        'transtateManual',
        span,
        '@@transtate used other than = 0 or = 3: XACT_STATE() has no equivalent value (TRAN-06)',
      );
      return e;
    default:
      rc.report('unknownGlobal', span, `${e.name} has no SQL Server equivalent (SYS-12)`);
      return e;
  }
}
