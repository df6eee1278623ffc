/**
 * Expressions → T-SQL text. One emitter per expression kind (a mapped type: a kind without an
 * emitter does not compile). Keywords and built-in function names are upper-case, identifiers
 * bracket-quoted, strings single-quoted with `'` doubled; parentheses are added where a rewritten
 * tree needs them to keep its meaning.
 */
import type { Expression, ExpressionKind } from '../../../ast/expressions';
import { quoteIdent } from '../quote';
import { codeType } from './code-type';
import type { Gen } from './gen';
import { emitSelectInline } from './emit-query';

type ExpressionEmitters = {
  readonly [K in ExpressionKind]: (e: Extract<Expression, { kind: K }>, g: Gen) => string;
};

/** Binding strength; higher binds tighter. */
function precedence(e: Expression): number {
  switch (e.kind) {
    case 'Binary':
      if (e.op === 'or') return 1;
      if (e.op === 'and') return 2;
      if (['*', '/', '%'].includes(e.op)) return 6;
      if (['+', '-', '&', '|', '^'].includes(e.op)) return 5;
      return 4;
    case 'Unary':
      return e.op === 'not' ? 3 : 7;
    case 'Between':
    case 'InList':
    case 'InQuery':
    case 'Like':
    case 'IsNull':
      return 4;
    default:
      return 8;
  }
}

function operand(e: Expression, min: number, g: Gen): string {
  const text = emitExpression(e, g);
  return precedence(e) < min ? `(${text})` : text;
}

/** A line of a literal that sqlcmd would take for a batch separator (`go`, `go 5`). */
const GO_LINE = /(^|[\r\n])[ \t]*go[ \t]*\d*[ \t]*(?=[\r\n]|$)/i;

export function stringLiteral(value: string, nationalPrefix = false): string {
  // COL-06: a literal with non-ASCII characters is always N'...' (rules/string/unicode-literal.ts
  // reports it); this also covers literals that rules build after that rule ran
  const national = nationalPrefix || /\P{ASCII}/u.test(value);
  const quoted = `${national ? 'N' : ''}'${value.replace(/'/g, "''")}'`;
  if (!GO_LINE.test(value)) return quoted;
  // sqlcmd splits batches on a `go` line even inside a string: the line breaks are written as CHAR()
  const q = national ? "N'" : "'";
  return `(${quoted.replace(/\r/g, `' + CHAR(13) + ${q}`).replace(/\n/g, `' + CHAR(10) + ${q}`)})`;
}

export function quoteParts(parts: readonly string[]): string {
  return parts.map((p) => (p === '*' ? '*' : p === '' ? '' : quoteIdent(p))).join('.');
}

const DATE_PART_FUNCTIONS = new Set([
  'dateadd',
  'datediff',
  'datediff_big',
  'datepart',
  'datename',
  'datetrunc',
  'date_bucket',
]);

const OPS: Record<string, string> = { or: 'OR', and: 'AND', '!=': '<>' };

export const expressionEmitters: ExpressionEmitters = {
  Literal: (e) => {
    switch (e.type) {
      case 'string':
        return stringLiteral(e.value, e.national === true);
      case 'null':
        return 'NULL';
      default:
        return e.value;
    }
  },
  ColumnRef: (e) => quoteParts(e.parts),
  Variable: (e) => e.name,
  GlobalVariable: (e) => e.name.toUpperCase(),
  Unary: (e, g) =>
    e.op === 'not' ? `NOT ${operand(e.operand, 3, g)}` : `${e.op}${operand(e.operand, 7, g)}`,
  Binary: (e, g) => {
    const p = precedence(e);
    // left-associative: a right operand of the same strength needs parentheses (a - (b - c))
    const right = operand(e.right, p === 4 ? 5 : p + 1, g);
    return `${operand(e.left, p === 4 ? 5 : p, g)} ${OPS[e.op] ?? e.op} ${right}`;
  },
  Between: (e, g) =>
    `${operand(e.expr, 5, g)} ${e.negated ? 'NOT ' : ''}BETWEEN ${operand(e.low, 5, g)} AND ${operand(e.high, 5, g)}`,
  InList: (e, g) =>
    `${operand(e.expr, 5, g)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map((x) => emitExpression(x, g)).join(', ')})`,
  InQuery: (e, g) =>
    `${operand(e.expr, 5, g)} ${e.negated ? 'NOT ' : ''}IN (${emitSelectInline(e.query, g)})`,
  Like: (e, g) =>
    `${operand(e.expr, 5, g)} ${e.negated ? 'NOT ' : ''}LIKE ${operand(e.pattern, 5, g)}` +
    (e.escape !== undefined ? ` ESCAPE ${operand(e.escape, 5, g)}` : ''),
  IsNull: (e, g) => `${operand(e.expr, 5, g)} IS ${e.negated ? 'NOT ' : ''}NULL`,
  Exists: (e, g) => `EXISTS (${emitSelectInline(e.query, g)})`,
  Case: (e, g) => {
    const parts = ['CASE'];
    if (e.operand !== undefined) parts.push(emitExpression(e.operand, g));
    for (const w of e.whens)
      parts.push(`WHEN ${emitExpression(w.when, g)} THEN ${emitExpression(w.then, g)}`);
    if (e.else !== undefined) parts.push(`ELSE ${emitExpression(e.else, g)}`);
    parts.push('END');
    return parts.join(' ');
  },
  FunctionCall: (e, g) => {
    // built-ins (one part) are keywords: upper-case; user functions are quoted names
    const name = e.name.length === 1 ? (e.name[0] as string).toUpperCase() : quoteParts(e.name);
    if (e.niladic === true) return name;
    if (e.star === true) return `${name}(*)`;
    const first = e.args[0];
    // a date part (`dd`, `month`, `iso_week`) is a keyword, not a column: never bracket-quoted
    if (
      DATE_PART_FUNCTIONS.has(e.name[0] as string) &&
      first?.kind === 'ColumnRef' &&
      first.parts.length === 1 &&
      /^[a-z_]+$/i.test(first.parts[0] as string)
    )
      return `${name}(${[(first.parts[0] as string).toLowerCase(), ...e.args.slice(1).map((a) => emitExpression(a, g))].join(', ')})`;
    return `${name}(${e.distinct === true ? 'DISTINCT ' : ''}${e.args.map((a) => emitExpression(a, g)).join(', ')})`;
  },
  Convert: (e, g) =>
    e.cast === true
      ? `CAST(${emitExpression(e.expr, g)} AS ${codeType(e.type)})`
      : `CONVERT(${codeType(e.type)}, ${emitExpression(e.expr, g)}${e.style !== undefined ? `, ${emitExpression(e.style, g)}` : ''})`,
  Subquery: (e, g) => `(${emitSelectInline(e.query, g)})`,
  Paren: (e, g) => `(${emitExpression(e.expr, g)})`,
  IdentityFn: (e) => `IDENTITY(numeric(${e.precision}, 0), 1, 1)`,
};

export function emitExpression(e: Expression, g: Gen): string {
  const emit = expressionEmitters[e.kind] as (x: Expression, gen: Gen) => string;
  return emit(e, g);
}
