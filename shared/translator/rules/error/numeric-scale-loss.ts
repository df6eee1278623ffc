/**
 * ERR-06: an explicit `convert(numeric(p,s), x)` that drops decimals truncates in ASE and rounds in
 * SQL Server: `convert(numeric(5,2), 1.239)` is 1.23 in ASE, 1.24 in SQL Server [A34][M18]. The
 * operand becomes `ROUND(x, s, 1)` (third argument 1 = truncate), which is exact when x has no more
 * than s decimals, so it is applied whenever x's scale is not known to fit (a literal shows it).
 * Same for `money` / `smallmoney` (4 decimals).
 */
import type { Convert, Expression } from '../../ast/expressions';
import { call, mark, num } from '../build';
import type { RuleContext } from '../rule';

const EXACT = new Set(['numeric', 'decimal', 'dec']);
const MONEY = new Set(['money', 'smallmoney']);

/** Target scale of an exact numeric type, undefined for other types. */
function targetScale(c: Convert): number | undefined {
  const name = c.type.name.toLowerCase();
  if (MONEY.has(name)) return 4;
  if (!EXACT.has(name)) return undefined;
  const s = c.type.args[1];
  return typeof s === 'number' ? s : 0;
}

/** Decimals of a number literal (`1.239` → 3), undefined when x is not a plain number. */
function literalScale(e: Expression): number | undefined {
  if (e.kind === 'Unary' && (e.op === '-' || e.op === '+')) return literalScale(e.operand);
  if (e.kind === 'Paren') return literalScale(e.expr);
  if (e.kind !== 'Literal' || (e.type !== 'number' && e.type !== 'money')) return undefined;
  if (/[eE]/.test(e.value)) return undefined;
  const dot = e.value.indexOf('.');
  return dot < 0 ? 0 : e.value.length - dot - 1;
}

const isRound = (e: Expression): boolean =>
  e.kind === 'FunctionCall' && e.name.length === 1 && e.name[0] === 'round';

export function numericScaleLoss(e: Expression, rc: RuleContext): Expression {
  if (e.kind !== 'Convert') return e;
  const scale = targetScale(e);
  if (scale === undefined) return e;
  const from = literalScale(e.expr);
  // a literal that fits, NULL, or a value the author already rounded: nothing is lost
  if (from !== undefined && from <= scale) return e;
  if ((e.expr.kind === 'Literal' && e.expr.type !== 'number' && e.expr.type !== 'money') || isRound(e.expr))
    return e;
  rc.report(
    'scaleTruncation',
    e.span,
    `convert to ${e.type.name}${e.type.args.length > 0 ? `(${e.type.args.join(',')})` : ''}: ASE truncates extra decimals, SQL Server rounds → ROUND(x, ${scale}, 1) (ERR-06)`,
  );
  return mark({ ...e, expr: call('round', [e.expr, num(scale, e.span), num(1, e.span)], e.span) });
}
