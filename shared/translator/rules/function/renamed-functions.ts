/**
 * §5 functions with another name or a small wrapper in SQL Server: `ltrim/rtrim/trim(s)` →
 * `NULLIF(LTRIM(s), '')` (FN-07/FN-08: ASE returns NULL for an empty result); `to_unichar` → NCHAR,
 * `uscalar` → UNICODE (FN-17/FN-18); `rand2()` → `RAND(CHECKSUM(NEWID()))` (FN-72);
 * `stddev`/`stddev_samp`/`stdev` → STDEV, `stddev_pop` → STDEVP, `variance`/`var_samp` → VAR,
 * `var_pop` → VARP (FN-74); `user_id` → DATABASE_PRINCIPAL_ID (FN-54, ids differ: WARN).
 */
import type { Expression, FunctionCall } from '../../ast/expressions';
import { call, str } from '../build';
import type { RuleContext } from '../rule';

const AGGREGATES: Record<string, string> = {
  stddev: 'stdev',
  stdev: 'stdev',
  stddev_samp: 'stdev',
  stddev_pop: 'stdevp',
  variance: 'var',
  var_samp: 'var',
  var_pop: 'varp',
};

const renamed = (e: FunctionCall, name: string): FunctionCall => ({ ...e, name: [name] });

export function renamedFunctions(e: Expression, rc: RuleContext): Expression {
  if (e.kind !== 'FunctionCall' || e.name.length !== 1) return e;
  const name = e.name[0] as string;
  const span = e.span;
  switch (name) {
    case 'ltrim':
    case 'rtrim':
    case 'trim': {
      const [s] = e.args;
      if (s === undefined || e.args.length !== 1) return e;
      rc.report(
        'trimEmpty',
        span,
        `${name}(s) → NULLIF(${name === 'trim' ? 'LTRIM(RTRIM(s))' : name.toUpperCase() + '(s)'}, '') (FN-07)`,
      );
      const trimmed =
        name === 'trim' ? call('ltrim', [call('rtrim', [s], span)], span) : call(name, [s], span);
      return call('nullif', [trimmed, str('', span)], span);
    }
    case 'to_unichar':
      rc.report('unicodeFunctions', span, 'to_unichar → NCHAR (FN-17)');
      return renamed(e, 'nchar');
    case 'uscalar':
      rc.report('unicodeFunctions', span, 'uscalar → UNICODE (FN-18)');
      return renamed(e, 'unicode');
    case 'rand2':
      rc.report('rand2', span, 'rand2() → RAND(CHECKSUM(NEWID())) (FN-72)');
      return call('rand', [call('checksum', [call('newid', [], span)], span)], span);
    case 'user_id':
      rc.report('userId', span, 'user_id → DATABASE_PRINCIPAL_ID: stored ASE uids do not match (FN-54)');
      return renamed(e, 'database_principal_id');
    default: {
      const to = AGGREGATES[name];
      if (to === undefined || to === name) return e;
      rc.report('statisticalAggregates', span, `${name} → ${to.toUpperCase()} (FN-74)`);
      return renamed(e, to);
    }
  }
}
