/**
 * A cursor over the significant tokens (no comments, no `go`) of one batch. Statement parsers
 * advance it and raise ParseError on a syntax error; parse.ts catches that, carries the statement
 * verbatim as Unparsed and resynchronises, so no parser function needs its own recovery.
 */
import type { Expr, Span } from '../ast/nodes';
import type { LineIndex } from '../tokens/line-index';
import type { Token } from '../tokens/token';

export class ParseError extends Error {
  constructor(
    message: string,
    readonly token: Token | undefined,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

export class Cursor {
  pos = 0;
  /** `tsql` when reading generated T-SQL: ASE-only forms are then syntax errors (output self-check). */
  dialect: 'ase' | 'tsql' = 'ase';

  /** Fail on an ASE-only construct when reading T-SQL. */
  aseOnly(what: string): void {
    if (this.dialect === 'tsql') this.fail(`${what} is ASE syntax, not T-SQL`);
  }

  constructor(
    readonly tokens: readonly Token[],
    readonly text: string,
    readonly lines: LineIndex,
  ) {}

  peek(k = 0): Token | undefined {
    return this.tokens[this.pos + k];
  }

  /** Lower-cased word at offset k, or undefined when that token is not a plain word. */
  word(k = 0): string | undefined {
    const t = this.peek(k);
    return t?.kind === 'word' ? t.text.toLowerCase() : undefined;
  }

  isWord(...words: string[]): boolean {
    const w = this.word();
    return w !== undefined && words.includes(w);
  }

  isPunct(p: string, k = 0): boolean {
    const t = this.peek(k);
    return t?.kind === 'punct' && t.text === p;
  }

  isOp(o: string, k = 0): boolean {
    const t = this.peek(k);
    return t?.kind === 'op' && t.text === o;
  }

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  next(): Token {
    const t = this.tokens[this.pos];
    if (t === undefined) throw new ParseError('unexpected end of batch', this.tokens[this.tokens.length - 1]);
    this.pos++;
    return t;
  }

  accept(...words: string[]): boolean {
    for (let k = 0; k < words.length; k++) if (this.word(k) !== words[k]) return false;
    this.pos += words.length;
    return true;
  }

  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.pos++;
    return true;
  }

  expectWord(...words: string[]): string {
    const w = this.word();
    if (w === undefined || !words.includes(w)) this.fail(`expected ${words.join(' or ')}`);
    this.pos++;
    return w;
  }

  expectPunct(p: string): Token {
    if (!this.isPunct(p)) this.fail(`expected '${p}'`);
    return this.next();
  }

  fail(message: string): never {
    const t = this.peek();
    const found = t === undefined ? 'end of batch' : `'${t.text.slice(0, 40)}'`;
    throw new ParseError(`${message}, found ${found}`, t ?? this.tokens[this.tokens.length - 1]);
  }

  /** Span from token index `from` to the last consumed token. */
  spanFrom(from: number): Span {
    const first = this.tokens[from];
    const last = this.tokens[Math.max(from, this.pos - 1)];
    const start = first?.span.start ?? 0;
    return this.lines.span(start, Math.max(start, last?.span.end ?? start));
  }

  /** Source text of tokens [from, to), comments between them included. */
  sourceText(from: number, to: number = this.pos): string {
    const first = this.tokens[from];
    const last = this.tokens[to - 1];
    if (first === undefined || last === undefined || to <= from) return '';
    return this.text.slice(first.span.start, last.span.end);
  }

  /**
   * An Expr of tokens [from, to): source text re-joined exactly, except that double-quoted
   * strings become single-quoted literals (LEX-01: with QUOTED_IDENTIFIER ON a "..." would be a
   * column name), with `'` doubled.
   */
  exprOf(from: number, to: number = this.pos): Expr {
    let text = '';
    let prevEnd = -1;
    for (let k = from; k < to; k++) {
      const t = this.tokens[k] as Token;
      if (prevEnd >= 0) text += this.text.slice(prevEnd, t.span.start);
      text += t.kind === 'string' && t.quote === '"' ? `'${t.value.replace(/'/g, "''")}'` : t.text;
      prevEnd = t.span.end;
    }
    return { kind: 'Expr', text, span: this.spanFrom2(from, to) };
  }

  private spanFrom2(from: number, to: number): Span {
    const first = this.tokens[from];
    const last = this.tokens[to - 1];
    const start = first?.span.start ?? this.tokens[this.pos - 1]?.span.end ?? 0;
    return this.lines.span(start, Math.max(start, last?.span.end ?? start));
  }
}

export function isIdentifier(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'word' || t.kind === 'quoted');
}

/** Identifier value: unquoted for `[x]`/`"x"`, as written for plain words. */
export function identValue(t: Token): string {
  return t.kind === 'quoted' ? t.value : t.text;
}
