/**
 * §5.3 date functions: `getdate()` stays GETDATE() but returns UTC on Azure SQL Database (FN-40,
 * AZ-14: WARN there); `current_date()` → `CAST(GETDATE() AS date)`, `current_time()` →
 * `CAST(GETDATE() AS time(3))`, `current_bigdatetime()` → `SYSDATETIME()` (FN-42, FN-43);
 * `datepart(cwk|cyr|cdw, d)` → ISO-week expressions (FN-47 – FN-49).
 */
import type { ColumnRef, Expression } from '../../ast/expressions';
import type { Span } from '../../ast/nodes';
import { bin, call, num } from '../build';
import type { RuleContext } from '../rule';

const cast = (expr: Expression, name: string, args: number[], span: Span): Expression => ({
  kind: 'Convert',
  type: { name, args, span },
  expr,
  cast: true,
  span,
});
const part = (name: string, span: Span): ColumnRef => ({ kind: 'ColumnRef', parts: [name], span });

function datePartName(e: Expression | undefined): string | undefined {
  return e?.kind === 'ColumnRef' && e.parts.length === 1 ? (e.parts[0] as string).toLowerCase() : undefined;
}

/** AZ-14: the current date and time are UTC in Azure SQL Database. */
function utcWarning(name: string, span: Span, rc: RuleContext): void {
  if (rc.target === 'azure-sql')
    rc.report(
      'getdateAzure',
      span,
      `${name}() returns UTC in Azure SQL Database; use a local-time function where business dates are meant (FN-40, AZ-14)`,
    );
}

export function dateFunctions(e: Expression, rc: RuleContext): Expression {
  if (e.kind !== 'FunctionCall' || e.name.length !== 1) return e;
  const span = e.span;
  switch (e.name[0]) {
    case 'getdate':
      utcWarning('getdate', span, rc);
      return e;
    case 'current_date':
      rc.report('currentDate', span, 'current_date() → CAST(GETDATE() AS date) (FN-42)');
      utcWarning('current_date', span, rc);
      return cast(call('getdate', [], span), 'date', [], span);
    case 'current_time':
      rc.report('currentDate', span, 'current_time() → CAST(GETDATE() AS time(3)) (FN-42)');
      utcWarning('current_time', span, rc);
      return cast(call('getdate', [], span), 'time', [3], span);
    case 'current_bigdatetime':
      rc.report('currentDate', span, 'current_bigdatetime() → SYSDATETIME() (FN-43)');
      utcWarning('current_bigdatetime', span, rc);
      return call('sysdatetime', [], span);
    case 'datepart': {
      const p = datePartName(e.args[0]);
      const d = e.args[1];
      if (d === undefined) return e;
      if (p === 'calweekofyear' || p === 'cwk') {
        rc.report('datePartIso', span, `datepart(${p}) → DATEPART(ISO_WEEK, d) (FN-47)`);
        return call('datepart', [part('iso_week', span), d], span);
      }
      if (p === 'calyearofweek' || p === 'cyr') {
        rc.report('datePartIso', span, `datepart(${p}) → ISO year expression (FN-48)`);
        const shifted = call(
          'dateadd',
          [
            part('day', span),
            bin('-', num(26, span), call('datepart', [part('iso_week', span), d], span), span),
            d,
          ],
          span,
        );
        return call('year', [shifted], span);
      }
      if (p === 'caldayofweek' || p === 'cdw') {
        rc.report(
          'datePartIso',
          span,
          `datepart(${p}) → Monday = 1 expression independent of DATEFIRST (FN-49)`,
        );
        const weekday = call('datepart', [part('weekday', span), d], span);
        const shifted = bin(
          '-',
          bin('+', weekday, { kind: 'GlobalVariable', name: '@@datefirst', span }, span),
          num(2, span),
          span,
        );
        return bin(
          '+',
          { kind: 'Paren', expr: bin('%', { kind: 'Paren', expr: shifted, span }, num(7, span), span), span },
          num(1, span),
          span,
        );
      }
      return e;
    }
    default:
      return e;
  }
}
