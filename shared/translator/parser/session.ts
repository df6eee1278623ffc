/** `use`, `setuser`, `print`, `set <option>` (SYS-40 … SYS-59, SYS-70, SEC-09). */
import type { Print, SetOption, SetUser, Use } from '../ast/nodes';
import { skipToBoundary } from './boundaries';
import { Cursor, identValue, isIdentifier } from './cursor';

export function parseUse(c: Cursor, from: number): Use {
  if (!isIdentifier(c.peek())) c.fail('expected a database name');
  return { kind: 'Use', database: identValue(c.next()), span: c.spanFrom(from), comments: [] };
}

/** `setuser ['name']`: no argument means back to the original identity. */
export function parseSetUser(c: Cursor, from: number): SetUser {
  const t = c.peek();
  let user: string | undefined;
  if (
    t !== undefined &&
    (t.kind === 'string' ||
      t.kind === 'quoted' ||
      (t.kind === 'word' && t.span.line === c.peek(-1)?.span.line))
  ) {
    c.next();
    user = t.kind === 'word' ? t.text : t.value;
  }
  return { kind: 'SetUser', ...(user !== undefined ? { user } : {}), span: c.spanFrom(from), comments: [] };
}

export function parsePrint(c: Cursor, from: number): Print {
  const argFrom = c.pos;
  skipToBoundary(c, 'print');
  if (c.pos === argFrom) c.fail('expected a message after print');
  // like Expr text: "..." strings (quoted_identifier off) become '...' literals (LEX-01), so the
  // text reads the same whatever the quoted_identifier state was
  const text = c.exprOf(argFrom).text.replace(/;$/, '').trimEnd();
  return { kind: 'Print', text, span: c.spanFrom(from), comments: [] };
}

/** Options whose name has several words. */
const MULTIWORD = [
  ['transaction', 'isolation', 'level'],
  ['close', 'on', 'endtran'],
  ['table', 'count'],
  ['session', 'authorization'],
  ['option'],
];

/** Cursor is after `set`. */
export function parseSetOption(c: Cursor, from: number): SetOption {
  let words: string[] | undefined = MULTIWORD.find((m) => m.every((w, k) => c.word(k) === w));
  if (words !== undefined) c.pos += words.length;
  else {
    const t = c.peek();
    if (t?.kind !== 'word') c.fail('expected a set option');
    words = [c.next().text.toLowerCase()];
  }
  const valueFrom = c.pos;
  skipToBoundary(c, 'set');
  const value = c.sourceText(valueFrom).replace(/;$/, '').trim();
  return { kind: 'SetOption', option: words.join(' '), value, span: c.spanFrom(from), comments: [] };
}
