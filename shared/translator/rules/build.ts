/**
 * Small constructors for the nodes rules create; every new node takes the span of what it replaces.
 * What they build is T-SQL already: it is recorded in `built`, and the rule walk does not give it to
 * the rules again (so `rtrim(s)` → `NULLIF(RTRIM(s), '')` is not rewritten a second time).
 */
import type { Expression, FunctionCall, Literal } from '../ast/expressions';
import type { Span } from '../ast/nodes';

export const built = new WeakSet<object>();

export function mark<T extends object>(node: T): T {
  built.add(node);
  return node;
}

export const str = (value: string, span: Span, national = false): Literal =>
  mark({ kind: 'Literal', type: 'string', value, ...(national ? { national } : {}), span });

export const num = (value: number | string, span: Span): Expression => {
  const text = String(value);
  if (text.startsWith('-'))
    return {
      kind: 'Unary',
      op: '-',
      operand: { kind: 'Literal', type: 'number', value: text.slice(1), span },
      span,
    };
  return { kind: 'Literal', type: 'number', value: text, span };
};

export const call = (name: string, args: readonly Expression[], span: Span): FunctionCall =>
  mark({ kind: 'FunctionCall', name: [name], args, span });

export const bin = (op: string, left: Expression, right: Expression, span: Span): Expression =>
  mark({ kind: 'Binary', op, left, right, span });

/** Split a condition into its top-level `and` conjuncts. */
export function conjuncts(e: Expression | undefined): Expression[] {
  if (e === undefined) return [];
  if (e.kind === 'Binary' && e.op === 'and') return [...conjuncts(e.left), ...conjuncts(e.right)];
  if (e.kind === 'Paren' && e.expr.kind === 'Binary' && e.expr.op === 'and') return conjuncts(e.expr);
  return [e];
}

export function andAll(list: readonly Expression[]): Expression | undefined {
  let out: Expression | undefined;
  for (const e of list) out = out === undefined ? e : bin('and', out, e, e.span);
  return out;
}

/** Integer value of a literal (or a negated literal), undefined otherwise. */
export function intValue(e: Expression): number | undefined {
  if (e.kind === 'Literal' && e.type === 'number' && /^\d+$/.test(e.value)) return Number(e.value);
  if (e.kind === 'Unary' && e.op === '-') {
    const v = intValue(e.operand);
    return v === undefined ? undefined : -v;
  }
  if (e.kind === 'Paren') return intValue(e.expr);
  return undefined;
}
