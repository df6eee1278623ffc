/**
 * Expression parser for procedural code (precedence climbing). Levels, loosest first: `or`,
 * `and`, `not`, predicates (comparisons incl. ASE `*=`/`=*`/`!<`/`!>`, `between`, `in`,
 * `like ... escape`, `is [not] null`), `+ - & | ^` (string `+` included), `* / %`, unary.
 */
import type { Expression, FunctionCall } from '../../ast/expressions';
import type { Span } from '../../ast/nodes';
import { Cursor, identValue, isIdentifier } from '../cursor';
import { parseDataType } from '../data-type';
import { NOT_A_VALUE, RESERVED_FUNCTIONS } from './reserved';
import { parseSelect } from './select';

const COMPARISON = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '!<', '!>', '*=', '=*']);
const ADDITIVE = new Set(['+', '-', '&', '|', '^', '||']);
const MULTIPLICATIVE = new Set(['*', '/', '%']);
/** Niladic functions ASE accepts without parentheses. */
const NILADIC = new Set(['user', 'current_timestamp', 'session_user', 'system_user', 'current_user']);

export function parseExpression(c: Cursor): Expression {
  return parseOr(c);
}

function spanOf(c: Cursor, from: number): Span {
  return c.spanFrom(from);
}

function parseOr(c: Cursor): Expression {
  const from = c.pos;
  let left = parseAnd(c);
  while (c.accept('or')) left = { kind: 'Binary', op: 'or', left, right: parseAnd(c), span: spanOf(c, from) };
  return left;
}

function parseAnd(c: Cursor): Expression {
  const from = c.pos;
  let left = parseNot(c);
  while (c.accept('and'))
    left = { kind: 'Binary', op: 'and', left, right: parseNot(c), span: spanOf(c, from) };
  return left;
}

function parseNot(c: Cursor): Expression {
  const from = c.pos;
  if (c.accept('not')) return { kind: 'Unary', op: 'not', operand: parseNot(c), span: spanOf(c, from) };
  return parsePredicate(c);
}

function parsePredicate(c: Cursor): Expression {
  const from = c.pos;
  let left = parseAdditive(c);
  for (;;) {
    const t = c.peek();
    if (t?.kind === 'op' && COMPARISON.has(t.text)) {
      if (t.text === '*=' || t.text === '=*') c.aseOnly(`outer-join operator ${t.text}`);
      c.next();
      left = { kind: 'Binary', op: t.text, left, right: parseAdditive(c), span: spanOf(c, from) };
      continue;
    }
    if (c.isWord('is')) {
      c.next();
      const negated = c.accept('not');
      c.expectWord('null');
      left = { kind: 'IsNull', expr: left, negated, span: spanOf(c, from) };
      continue;
    }
    const negated = c.isWord('not') && ['between', 'in', 'like'].includes(c.word(1) ?? '');
    if (negated) c.next();
    if (c.accept('between')) {
      const low = parseAdditive(c);
      c.expectWord('and');
      const high = parseAdditive(c);
      left = { kind: 'Between', expr: left, low, high, negated, span: spanOf(c, from) };
    } else if (c.accept('in')) {
      c.expectPunct('(');
      if (c.isWord('select')) {
        const query = parseSelect(c);
        c.expectPunct(')');
        left = { kind: 'InQuery', expr: left, query, negated, span: spanOf(c, from) };
      } else {
        const list = parseList(c);
        c.expectPunct(')');
        left = { kind: 'InList', expr: left, list, negated, span: spanOf(c, from) };
      }
    } else if (c.accept('like')) {
      const pattern = parseAdditive(c);
      const escape = c.accept('escape') ? parseAdditive(c) : undefined;
      left = {
        kind: 'Like',
        expr: left,
        pattern,
        ...(escape !== undefined ? { escape } : {}),
        negated,
        span: spanOf(c, from),
      };
    } else return left;
  }
}

/** A value without comparisons or logic (`-1`, `'A%'`, `null`, `@a + 1`): parameter defaults. */
export function parseOperand(c: Cursor): Expression {
  return parseAdditive(c);
}

function parseAdditive(c: Cursor): Expression {
  const from = c.pos;
  let left = parseMultiplicative(c);
  for (;;) {
    const t = c.peek();
    if (t?.kind !== 'op' || !ADDITIVE.has(t.text)) return left;
    c.next();
    const op = t.text === '||' ? '+' : t.text;
    left = { kind: 'Binary', op, left, right: parseMultiplicative(c), span: spanOf(c, from) };
  }
}

function parseMultiplicative(c: Cursor): Expression {
  const from = c.pos;
  let left = parseUnary(c);
  for (;;) {
    const t = c.peek();
    if (t?.kind !== 'op' || !MULTIPLICATIVE.has(t.text)) return left;
    c.next();
    left = { kind: 'Binary', op: t.text, left, right: parseUnary(c), span: spanOf(c, from) };
  }
}

function parseUnary(c: Cursor): Expression {
  const from = c.pos;
  const t = c.peek();
  if (t?.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '~')) {
    c.next();
    return { kind: 'Unary', op: t.text, operand: parseUnary(c), span: spanOf(c, from) };
  }
  return parsePrimary(c);
}

export function parseList(c: Cursor): Expression[] {
  const list = [parseExpression(c)];
  while (c.acceptPunct(',')) list.push(parseExpression(c));
  return list;
}

function parsePrimary(c: Cursor): Expression {
  const from = c.pos;
  const t = c.peek();
  if (t === undefined) return c.fail('expected an expression');
  switch (t.kind) {
    case 'string':
      c.next();
      return {
        kind: 'Literal',
        type: 'string',
        value: t.value,
        ...(t.national === true ? { national: true } : {}),
        span: t.span,
      };
    case 'number':
    case 'hex':
    case 'money':
      c.next();
      return { kind: 'Literal', type: t.kind, value: t.text, span: t.span };
    case 'variable':
      c.next();
      return { kind: 'Variable', name: t.text, span: t.span };
    case 'global':
      c.next();
      return { kind: 'GlobalVariable', name: t.text.toLowerCase(), span: t.span };
    case 'op':
      if (t.text === '*') {
        c.next();
        return { kind: 'ColumnRef', parts: ['*'], span: t.span };
      }
      return c.fail('expected an expression');
    case 'punct':
      if (t.text !== '(') return c.fail('expected an expression');
      c.next();
      if (c.isWord('select')) {
        const query = parseSelect(c);
        c.expectPunct(')');
        return { kind: 'Subquery', query, span: spanOf(c, from) };
      }
      {
        const expr = parseExpression(c);
        c.expectPunct(')');
        return { kind: 'Paren', expr, span: spanOf(c, from) };
      }
    case 'word':
    case 'quoted':
      return parseWordPrimary(c, from);
    default:
      return c.fail('expected an expression');
  }
}

function parseWordPrimary(c: Cursor, from: number): Expression {
  const w = c.word();
  if (w === 'null') {
    c.next();
    return { kind: 'Literal', type: 'null', value: 'null', span: spanOf(c, from) };
  }
  if (w === 'case') return parseCase(c, from);
  if (w === 'exists') {
    c.next();
    c.expectPunct('(');
    const query = parseSelect(c);
    c.expectPunct(')');
    return { kind: 'Exists', query, span: spanOf(c, from) };
  }
  if (w === 'convert' && c.isPunct('(', 1)) {
    c.pos += 2;
    const type = parseDataType(c);
    c.expectPunct(',');
    const expr = parseExpression(c);
    const style = c.acceptPunct(',') ? parseExpression(c) : undefined;
    c.expectPunct(')');
    return { kind: 'Convert', type, expr, ...(style !== undefined ? { style } : {}), span: spanOf(c, from) };
  }
  if (w === 'cast' && c.isPunct('(', 1)) {
    c.pos += 2;
    const expr = parseExpression(c);
    c.expectWord('as');
    const type = parseDataType(c);
    c.expectPunct(')');
    return { kind: 'Convert', type, expr, cast: true, span: spanOf(c, from) };
  }
  if (w === 'identity' && c.isPunct('(', 1) && c.peek(2)?.kind === 'number' && c.isPunct(')', 3)) {
    c.pos += 2;
    const precision = Number(c.next().text);
    c.next();
    return { kind: 'IdentityFn', precision, span: spanOf(c, from) };
  }
  if (w !== undefined && NILADIC.has(w) && !c.isPunct('(', 1) && !c.isPunct('.', 1)) {
    c.next();
    return { kind: 'FunctionCall', name: [w], args: [], niladic: true, span: spanOf(c, from) };
  }
  if (w !== undefined && NOT_A_VALUE.has(w) && !(RESERVED_FUNCTIONS.has(w) && c.isPunct('(', 1)))
    return c.fail('expected an expression');
  const parts: string[] = [identValue(c.next())];
  while (c.isPunct('.')) {
    c.next();
    if (c.isPunct('.')) {
      parts.push('');
      continue;
    }
    if (c.isOp('*')) {
      c.next();
      parts.push('*');
      break;
    }
    if (!isIdentifier(c.peek())) c.fail("expected a name after '.'");
    parts.push(identValue(c.next()));
  }
  if (c.isPunct('(')) return parseCall(c, from, parts);
  return { kind: 'ColumnRef', parts, span: spanOf(c, from) };
}

function parseCall(c: Cursor, from: number, parts: string[]): FunctionCall {
  c.expectPunct('(');
  // built-ins are case-insensitive; user functions keep their spelling
  const name = parts.length === 1 ? [(parts[0] as string).toLowerCase()] : parts;
  if (c.isOp('*') && c.isPunct(')', 1)) {
    c.pos += 2;
    return { kind: 'FunctionCall', name, args: [], star: true, span: spanOf(c, from) };
  }
  const distinct = c.accept('distinct');
  if (!distinct) c.accept('all');
  const args = c.isPunct(')') ? [] : parseList(c);
  c.expectPunct(')');
  return { kind: 'FunctionCall', name, args, ...(distinct ? { distinct } : {}), span: spanOf(c, from) };
}

function parseCase(c: Cursor, from: number): Expression {
  c.expectWord('case');
  const operand = c.isWord('when') ? undefined : parseExpression(c);
  const whens: { when: Expression; then: Expression }[] = [];
  while (c.accept('when')) {
    const when = parseExpression(c);
    c.expectWord('then');
    whens.push({ when, then: parseExpression(c) });
  }
  if (whens.length === 0) c.fail('expected when in case');
  const otherwise = c.accept('else') ? parseExpression(c) : undefined;
  c.expectWord('end');
  return {
    kind: 'Case',
    ...(operand !== undefined ? { operand } : {}),
    whens,
    ...(otherwise !== undefined ? { else: otherwise } : {}),
    span: spanOf(c, from),
  };
}
