/**
 * Expressions inside schema statements are kept as source text (ast/nodes.ts `Expr`). This
 * collects the tokens of one expression: balanced parentheses, stopping at depth 0 where the
 * caller's `stop` says the clause ends.
 */
import type { Expr } from '../ast/nodes';
import { Cursor } from './cursor';

export function collectExpr(c: Cursor, stop: (c: Cursor) => boolean, what: string): Expr {
  const from = c.pos;
  let depth = 0;
  let caseDepth = 0;
  while (!c.atEnd()) {
    if (depth === 0 && c.pos > from && stop(c)) break;
    if (c.isPunct(')')) {
      if (depth === 0) break;
      depth--;
    } else if (c.isPunct('(')) depth++;
    else if (depth === 0 && c.isPunct(',')) break;
    else if (c.isPunct(';') && depth === 0) break;
    else if (c.isWord('case')) caseDepth++;
    else if (c.isWord('end') && caseDepth > 0) caseDepth--;
    c.next();
  }
  if (c.pos === from) c.fail(`expected ${what}`);
  if (depth > 0) c.fail(`unbalanced parentheses in ${what}`);
  return c.exprOf(from);
}

/** `( ... )` balanced; returns the Expr of what is inside the parentheses. */
export function parenExpr(c: Cursor, what: string): Expr {
  c.expectPunct('(');
  const from = c.pos;
  let depth = 0;
  while (!c.atEnd()) {
    if (c.isPunct('(')) depth++;
    else if (c.isPunct(')')) {
      if (depth === 0) break;
      depth--;
    }
    c.next();
  }
  if (c.pos === from) c.fail(`expected ${what}`);
  const expr = c.exprOf(from);
  c.expectPunct(')');
  return expr;
}
