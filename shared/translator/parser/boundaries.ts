/**
 * Where a statement ends. ASE needs no terminator between statements, so a statement the parser
 * does not understand (or one with a syntax error) extends to the next word that can only start a
 * new statement at that point, or to a `;`. Keywords that also occur inside statements are
 * excluded by context (`update ... set`, `insert ... select`, `grant delete`, `for update`,
 * `alter table t drop c`, `case ... end`).
 */
import type { Token } from '../tokens/token';
import { Cursor } from './cursor';

export const STATEMENT_KEYWORDS = new Set([
  'create',
  'alter',
  'drop',
  'grant',
  'revoke',
  'use',
  'setuser',
  'print',
  'set',
  'if',
  'exec',
  'execute',
  'declare',
  'begin',
  'end',
  'else',
  'while',
  'return',
  'insert',
  'update',
  'delete',
  'select',
  'truncate',
  'dump',
  'load',
  'checkpoint',
  'dbcc',
  'raiserror',
  'commit',
  'rollback',
  'waitfor',
  'fetch',
  'deallocate',
  'reorg',
  'readtext',
  'writetext',
]);

/** Words after which a statement keyword belongs to the current statement. */
const CONTINUES_AFTER = new Set([
  'grant',
  'revoke',
  'for',
  'of',
  'instead',
  'after',
  'union',
  'all',
  'on',
  'with',
  'as',
  'to',
  'from',
]);

/** True when the token at the cursor starts a new statement of a batch whose current statement began with `first`. */
export function startsStatement(c: Cursor, first: string | undefined, caseDepth = 0): boolean {
  const w = c.word();
  if (w === undefined || !STATEMENT_KEYWORDS.has(w)) return false;
  const prev = c.peek(-1);
  if (prev !== undefined && prev.kind === 'punct' && prev.text === ',') return false;
  if (prev !== undefined && prev.kind === 'op' && prev.text === '=') return false;
  const prevWord = prev?.kind === 'word' ? prev.text.toLowerCase() : undefined;
  if (prevWord !== undefined && CONTINUES_AFTER.has(prevWord)) return false;
  switch (w) {
    case 'set':
      return first !== 'update';
    case 'select':
      return first !== 'insert' && first !== 'declare';
    case 'drop':
      return first !== 'alter';
    case 'end':
      return caseDepth === 0;
    default:
      return true;
  }
}

/**
 * Advance past the current statement's remaining tokens: stop before the next statement start at
 * parenthesis depth 0, or after a `;`. Always consumes at least one token when not at the end, so
 * callers make progress on any input.
 */
export function skipToBoundary(c: Cursor, first: string | undefined, from = c.pos): void {
  let depth = 0;
  let caseDepth = 0;
  if (c.pos === from && !c.atEnd()) bump(c.next());
  while (!c.atEnd()) {
    const t = c.peek() as Token;
    if (depth === 0 && startsStatement(c, first, caseDepth)) return;
    c.next();
    bump(t);
    if (depth === 0 && t.kind === 'punct' && t.text === ';') return;
  }
  function bump(t: Token): void {
    if (t.kind === 'punct' && t.text === '(') depth++;
    else if (t.kind === 'punct' && t.text === ')') depth = Math.max(0, depth - 1);
    else if (t.kind === 'word') {
      const w = t.text.toLowerCase();
      if (w === 'case') caseDepth++;
      else if (w === 'end' && caseDepth > 0) caseDepth--;
    }
  }
}

/** Consume an optional `;` ending the statement. */
export function acceptTerminator(c: Cursor): void {
  c.acceptPunct(';');
}
