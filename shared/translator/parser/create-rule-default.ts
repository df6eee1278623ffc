/** `create rule` (RD-01, RD-06 access rules) and `create default` (RD-10). */
import type { CreateDefault, CreateRule } from '../ast/nodes';
import { skipToBoundary, startsStatement } from './boundaries';
import { Cursor } from './cursor';
import { collectExpr } from './expr';
import { parseQualifiedName } from './names';

/** `create [or | and] [access] rule name as <condition>` (RD-01, RD-06). */
export function parseRule(c: Cursor, from: number): CreateRule {
  let access: CreateRule['access'];
  if (c.accept('or', 'access')) access = 'or access';
  else if (c.accept('and', 'access')) access = 'access';
  else if (c.accept('access')) access = 'access';
  c.expectWord('rule');
  const name = parseQualifiedName(c, 'rule name');
  c.expectWord('as');
  const exprFrom = c.pos;
  skipToBoundary(c, 'create', exprFrom);
  if (c.isPunct(';', -1)) c.pos--;
  const expr = c.exprOf(exprFrom);
  return {
    kind: 'CreateRule',
    name,
    expr,
    ...(access !== undefined ? { access } : {}),
    span: c.spanFrom(from),
    comments: [],
  };
}

/** Cursor is after `create default`. */
export function parseCreateDefault(c: Cursor, from: number): CreateDefault {
  const name = parseQualifiedName(c, 'default name');
  c.expectWord('as');
  const expr = collectExpr(c, (cc) => startsStatement(cc, 'create'), 'default value');
  return { kind: 'CreateDefault', name, expr, span: c.spanFrom(from), comments: [] };
}
