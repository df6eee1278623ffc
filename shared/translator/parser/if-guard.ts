/**
 * `if [not] exists (select ... from sysobjects where name = 'x' [and type = 'U'])` and
 * `if object_id('x') is [not] null` (DDL-48): the condition is kept as text and, when it is one of
 * these existence tests, `guard` names the object so the translator can emit OBJECT_ID(...).
 */
import type { Expr, If } from '../ast/nodes';
import { tokenize } from '../tokens/tokenize';
import type { Token } from '../tokens/token';
import { Cursor } from './cursor';
import { startsStatement } from './boundaries';
import { namePartsFromString } from './names';

/** Collect the condition: up to the first statement keyword at parenthesis depth 0. */
export function parseCondition(c: Cursor): Expr {
  const from = c.pos;
  let depth = 0;
  while (!c.atEnd()) {
    if (depth === 0 && c.pos > from && (startsStatement(c, 'if') || (c.isWord('begin') && depth === 0)))
      break;
    if (c.isPunct('(')) depth++;
    if (c.isPunct(')')) depth--;
    c.next();
  }
  if (c.pos === from) c.fail('expected a condition after if');
  return c.exprOf(from);
}

export function recognizeGuard(condition: Expr): If['guard'] {
  const { tokens } = tokenize(condition.text, { quotedIdentifier: false });
  const sig = tokens.filter((t) => t.kind !== 'comment');
  const w = (k: number): string | undefined =>
    sig[k]?.kind === 'word' ? sig[k]?.text.toLowerCase() : undefined;
  const p = (k: number, s: string): boolean => sig[k]?.kind === 'punct' && sig[k]?.text === s;

  // object_id('x' [, 'U']) is [not] null
  if (w(0) === 'object_id' && p(1, '(') && sig[2]?.kind === 'string') {
    let k = 3;
    let type: string | undefined;
    if (p(k, ',') && sig[k + 1]?.kind === 'string') {
      type = sig[k + 1]?.value;
      k += 2;
    }
    if (!p(k, ')') || w(k + 1) !== 'is') return undefined;
    const negated = w(k + 2) !== 'not';
    const end = negated ? k + 2 : k + 3;
    if (w(end) !== 'null' || sig.length !== end + 1) return undefined;
    return withObject(sig[2]?.value, type, negated);
  }
  // [not] exists (select ... from sysobjects where ...)
  let k = 0;
  const negated = w(0) === 'not';
  if (negated) k++;
  if (w(k) !== 'exists' || !p(k + 1, '(') || !p(sig.length - 1, ')')) return undefined;
  const inner = sig.slice(k + 2, sig.length - 1);
  return sysobjectsTest(inner, negated);
}

function sysobjectsTest(inner: readonly Token[], negated: boolean): If['guard'] {
  const lw = (t: Token | undefined): string | undefined =>
    t?.kind === 'word' ? t.text.toLowerCase() : undefined;
  if (lw(inner[0]) !== 'select') return undefined;
  const fromAt = inner.findIndex((t) => lw(t) === 'from');
  const table = inner
    .slice(
      fromAt + 1,
      inner.findIndex((t, i) => i > fromAt && lw(t) === 'where'),
    )
    .map((t) => t.text.toLowerCase())
    .join('');
  if (fromAt < 0 || !/^(dbo\.)?sysobjects$/.test(table)) return undefined;
  let name: string | undefined;
  let type: string | undefined;
  const whereAt = inner.findIndex((t) => lw(t) === 'where');
  if (whereAt < 0) return undefined;
  // only conjunctions of `col = 'lit'` / `id = object_id('lit')` / `uid = user_id(...)` are an existence test
  const conds = splitAnd(inner.slice(whereAt + 1));
  for (const cond of conds) {
    const col = lw(cond[0])?.replace(/^.*\./, '');
    const isEq = cond[1]?.kind === 'op' && cond[1].text === '=';
    if (!isEq) return undefined;
    if (col === 'name' && cond.length === 3 && cond[2]?.kind === 'string') name = cond[2].value;
    else if (col === 'type' && cond.length === 3 && cond[2]?.kind === 'string') type = cond[2].value.trim();
    else if (col === 'id' && lw(cond[2]) === 'object_id' && cond[4]?.kind === 'string' && cond.length === 6)
      name = cond[4].value;
    else if (col === 'uid' && (lw(cond[2]) === 'user_id' || cond[2]?.kind === 'number')) continue;
    else return undefined;
  }
  return withObject(name, type, negated);
}

function splitAnd(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && t.text === '(') depth++;
    if (t.kind === 'punct' && t.text === ')') depth--;
    if (depth === 0 && t.kind === 'word' && t.text.toLowerCase() === 'and') out.push([]);
    else (out[out.length - 1] as Token[]).push(t);
  }
  return out;
}

function withObject(raw: string | undefined, type: string | undefined, negated: boolean): If['guard'] {
  if (raw === undefined) return undefined;
  const parts = namePartsFromString(raw);
  if (parts === undefined || parts.length > 3) return undefined;
  const name = parts[parts.length - 1] as string;
  const owner = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  const database = parts.length === 3 ? parts[0] : undefined;
  return {
    object: { ...(database ? { database } : {}), ...(owner ? { owner } : {}), name },
    ...(type !== undefined && type !== '' ? { type: type.toUpperCase() } : {}),
    negated,
  };
}
