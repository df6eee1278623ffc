/**
 * FN-32: datetime styles of `convert(char-type, d, style)`. Styles 0–12 and 100–112 mean the same
 * in both products; the other ASE styles do not exist in SQL Server or mean something else, so
 * they are never passed through: each becomes the FORMAT/CONVERT expression of the spec's table,
 * converted to the requested type. A style given as a variable, or not in the table, is MANUAL.
 */
import type { Convert, Expression } from '../../ast/expressions';
import type { Span } from '../../ast/nodes';
import { call, intValue, num, str } from '../build';
import type { RuleContext } from '../rule';

const CHAR_TYPES = new Set([
  'char',
  'varchar',
  'nchar',
  'nvarchar',
  'unichar',
  'univarchar',
  'character',
  'text',
]);

/** ASE style → FORMAT pattern [culture], or a SQL Server CONVERT style and length. */
const STYLES: Record<
  number,
  { format: string; culture?: boolean } | { style: number; length: number; time6?: boolean }
> = {
  13: { format: 'yy/dd/MM' },
  113: { format: 'yyyy/dd/MM' },
  14: { format: 'MM/yy/dd' },
  114: { format: 'MM/yyyy/dd' },
  15: { format: 'dd/yy/MM' },
  115: { format: 'dd/yyyy/MM' },
  16: { format: 'MMM dd yy HH:mm:ss', culture: true },
  116: { format: 'MMM dd yyyy HH:mm:ss', culture: true },
  17: { format: 'hh:mmtt', culture: true },
  117: { format: 'hh:mmtt', culture: true },
  18: { style: 108, length: 5 },
  118: { style: 108, length: 5 },
  19: { format: 'hh:mm:ss:ffftt', culture: true },
  20: { style: 114, length: 12 },
  21: { format: 'yy/MM/dd HH:mm:ss' },
  22: { format: 'yy/MM/dd hh:mmtt', culture: true },
  23: { style: 126, length: 19 },
  36: { format: 'hh:mm:ss.fffffftt', culture: true },
  136: { format: 'hh:mm:ss.fffffftt', culture: true },
  37: { format: 'HH:mm:ss.ffffff' },
  137: { format: 'HH:mm:ss.ffffff' },
  38: { format: 'MMM dd yy hh:mm:ss.fffffftt', culture: true },
  138: { format: 'MMM dd yyyy hh:mm:ss.fffffftt', culture: true },
  39: { format: 'MMM dd yy HH:mm:ss.ffffff', culture: true },
  139: { format: 'MMM dd yyyy HH:mm:ss.ffffff', culture: true },
  40: { format: 'yy-MM-dd HH:mm:ss.ffffff' },
  140: { style: 121, length: 26, time6: true },
};

const passThrough = (n: number): boolean => (n >= 0 && n <= 12) || (n >= 100 && n <= 112);

function styled(e: Convert, n: number, span: Span): Expression | undefined {
  const m = STYLES[n];
  if (m === undefined) return undefined;
  let text: Expression;
  if ('format' in m) {
    const args: Expression[] = [e.expr, str(m.format, span, true)];
    if (m.culture === true) args.push(str('en-US', span, true));
    text = call('format', args, span);
  } else {
    const value: Expression =
      m.time6 === true
        ? { kind: 'Convert', type: { name: 'datetime2', args: [6], span }, expr: e.expr, cast: true, span }
        : e.expr;
    text = {
      kind: 'Convert',
      type: { name: 'char', args: [m.length], span },
      expr: value,
      style: num(m.style, span),
      targetStyle: true,
      span,
    };
  }
  const { style: _style, ...rest } = e;
  return { ...rest, expr: text };
}

export function convertStyles(e: Expression, rc: RuleContext): Expression {
  if (e.kind !== 'Convert' || e.style === undefined || e.targetStyle === true) return e;
  const n = intValue(e.style);
  if (n !== undefined && passThrough(n)) return e;
  if (n !== undefined && CHAR_TYPES.has(e.type.name)) {
    const out = styled(e, n, e.span);
    if (out !== undefined) {
      rc.report(
        'convertStyle',
        e.span,
        `convert style ${n} means something else (or nothing) in SQL Server: rewritten as FORMAT/CONVERT (FN-32)`,
      );
      return out;
    }
  }
  rc.report(
    'convertStyleManual',
    e.span,
    n === undefined
      ? 'convert style given as an expression: ASE styles 13–23 and 36–40 differ in SQL Server; check the values used (FN-32)'
      : `convert style ${n} has no known SQL Server equivalent for this conversion (FN-32)`,
  );
  return e;
}
