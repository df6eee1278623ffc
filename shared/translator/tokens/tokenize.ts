/**
 * ASE tokenizer (conversion-rules.md §4.1). Never throws: an unterminated string, comment or
 * quoted identifier becomes a token cut at the end of the input plus a diagnostic, and an unknown
 * character becomes an `unknown` token, so every input character ends up in exactly one token
 * (or in whitespace between tokens).
 */
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from '../diagnostics';
import { translatorCodes, type TranslatorCode } from '../codes';
import { LineIndex, isLineBreak } from './line-index';
import type { Token, TokenKind } from './token';

export interface TokenizeOptions {
  readonly file?: string;
  /** State of `quoted_identifier` at the start of the script; ASE default is off (LEX-01). */
  readonly quotedIdentifier?: boolean;
  /**
   * `tsql` reads the generator's output (the self-check): `"..."` are identifiers unless
   * quotedIdentifier says otherwise (QUOTED_IDENTIFIER is ON in SQL Server).
   */
  readonly dialect?: 'ase' | 'tsql';
}

export interface TokenizeResult {
  readonly tokens: Token[];
  readonly diagnostics: Diagnostic[];
  readonly lines: LineIndex;
}

// char-code tests: the tokenizer runs over multi-megabyte ddlgen dumps
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordStart = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 35 || c >= 0xc0;
const isWordPart = (c: number): boolean => isWordStart(c) || isDigit(c) || c === 36 || c === 64;
const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/** Longest first. `*=`/`=*` are the old outer-join operators (QRY-01), `!<`/`!>` are LEX-12. */
const OPERATORS = [
  '*=',
  '=*',
  '!=',
  '!<',
  '!>',
  '<>',
  '<=',
  '>=',
  '||',
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '<',
  '>',
  '&',
  '|',
  '^',
  '~',
  '!',
];
const OPERATOR_START = new Set(OPERATORS.map((o) => o[0] as string));
const PUNCT = '(),;.:';

export function tokenize(text: string, options: TokenizeOptions = {}): TokenizeResult {
  const lines = new LineIndex(text);
  const tokens: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  const tsql = options.dialect === 'tsql';
  let quotedIdentifier = options.quotedIdentifier ?? tsql;
  let i = 0;
  /** Offset where the current line starts, to recognise `go` alone on its line. */
  let lineStart = 0;

  const report = (code: TranslatorCode, at: number, message: string): void => {
    const info = translatorCodes[code];
    const pos = lines.position(at);
    diagnostics.push(
      diagnostic({
        code: info.code,
        ruleId: info.ruleId,
        level: info.level,
        message,
        file: options.file,
        line: pos.line,
        column: pos.column,
      }),
    );
  };
  const push = (kind: TokenKind, start: number, end: number, extra: Partial<Token> = {}): void => {
    const t = text.slice(start, end);
    tokens.push({ kind, text: t, value: t, span: lines.span(start, end), ...extra });
  };

  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1];

    if (isLineBreak(ch)) {
      i += ch === '\r' && next === '\n' ? 2 : 1;
      lineStart = i;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v' || ch === '\u00A0' || ch === '\uFEFF') {
      i++;
      continue;
    }
    const start = i;

    if (ch === '-' && next === '-') {
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      push('comment', start, i, { style: 'line' });
      continue;
    }
    if (ch === '/' && next === '*') {
      // ASE block comments nest: count depth so `/* a /* b */ c */` is one comment.
      let depth = 0;
      while (i < text.length) {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
      const unterminated = depth > 0;
      if (unterminated)
        report('unterminatedComment', start, 'block comment is not closed before the end of the input');
      push('comment', start, i, { style: 'block', ...(unterminated ? { unterminated } : {}) });
      continue;
    }
    // `N'...'` (Unicode literal): T-SQL, also written in ASE scripts shared with SQL Server
    const national =
      (ch === 'N' || ch === 'n') && next === "'" && (i === 0 || !isWordPart(text.charCodeAt(i - 1)));
    if (ch === "'" || ch === '"' || ch === '[' || national) {
      const open = (national ? "'" : ch) as "'" | '"' | '[';
      const close = open === '[' ? ']' : open;
      let value = '';
      let closed = false;
      i += national ? 2 : 1;
      while (i < text.length) {
        const at = text.indexOf(close, i);
        if (at < 0) {
          value += text.slice(i);
          i = text.length;
          break;
        }
        value += text.slice(i, at);
        if (text[at + 1] === close) {
          value += close;
          i = at + 2;
          continue;
        }
        i = at + 1;
        closed = true;
        break;
      }
      const isIdent = open === '[' || (open === '"' && quotedIdentifier);
      if (!closed) {
        if (isIdent)
          report(
            'unterminatedIdentifier',
            start,
            `quoted identifier starting with ${ch} is not closed before the end of the input`,
          );
        else
          report(
            'unterminatedString',
            start,
            `string literal starting with ${open} is not closed before the end of the input`,
          );
      }
      push(isIdent ? 'quoted' : 'string', start, i, {
        value,
        quote: open,
        ...(national ? { national } : {}),
        ...(closed ? {} : { unterminated: true }),
      });
      continue;
    }
    if (ch === '0' && (next === 'x' || next === 'X')) {
      i += 2;
      while (i < text.length && isHex(text.charCodeAt(i))) i++;
      push('hex', start, i);
      continue;
    }
    const code = text.charCodeAt(i);
    if (isDigit(code) || (ch === '.' && isDigit(text.charCodeAt(i + 1)))) {
      i = scanNumber(text, i);
      push('number', start, i);
      continue;
    }
    if (ch === '$' && (isDigit(text.charCodeAt(i + 1)) || next === '.')) {
      i = scanNumber(text, i + 1);
      push('money', start, i);
      continue;
    }
    if (ch === '@') {
      const global = next === '@';
      i += global ? 2 : 1;
      while (i < text.length && isWordPart(text.charCodeAt(i))) i++;
      push(global ? 'global' : 'variable', start, i);
      continue;
    }
    if (isWordStart(code)) {
      i++;
      while (i < text.length && isWordPart(text.charCodeAt(i))) i++;
      const word = text.slice(start, i);
      const lower = i - start <= 3 ? word.toLowerCase() : '';
      const go = lower === 'go' ? goLine(text, lineStart, start, i) : undefined;
      if (go) {
        i = go.end;
        push('go', start, i, { repeat: go.repeat });
        continue;
      }
      push('word', start, i);
      if (lower === 'on' || lower === 'off')
        quotedIdentifier = trackQuotedIdentifier(tokens, quotedIdentifier);
      continue;
    }
    const op = OPERATOR_START.has(ch) ? OPERATORS.find((o) => text.startsWith(o, i)) : undefined;
    if (op !== undefined) {
      i += op.length;
      push('op', start, i);
      continue;
    }
    if (PUNCT.includes(ch)) {
      i++;
      push('punct', start, i);
      continue;
    }
    i++;
    report(
      'unexpectedCharacter',
      start,
      `unexpected character ${JSON.stringify(ch)} (U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`,
    );
    push('unknown', start, i);
  }
  return { tokens, diagnostics, lines };
}

function scanNumber(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (text[i] === '.') {
    i++;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  }
  if ((text[i] === 'e' || text[i] === 'E') && /[0-9+-]/.test(text[i + 1] ?? '')) {
    const save = i;
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (/[0-9]/.test(text[i] ?? '')) while (i < text.length && /[0-9]/.test(text[i] as string)) i++;
    else i = save;
  }
  return i;
}

/**
 * `go` is a batch separator only when it is alone on its line, optionally followed by a repeat
 * count (LEX-05): `go`, `GO`, `go 5`. Otherwise it is an ordinary word (a column named go).
 */
function goLine(
  text: string,
  lineStart: number,
  start: number,
  wordEnd: number,
): { end: number; repeat: number } | undefined {
  if (text.slice(lineStart, start).trim() !== '') return undefined;
  const rest = /^[ \t]*(\d+)?[ \t]*(?=\r|\n|$)/.exec(text.slice(wordEnd, wordEnd + 64));
  if (rest === null) return undefined;
  const repeat = rest[1] !== undefined ? Number(rest[1]) : 1;
  return { end: wordEnd + rest[0].length, repeat };
}

/** LEX-01: `set quoted_identifier on|off` switches how following `"..."` tokens are read. */
function trackQuotedIdentifier(tokens: readonly Token[], current: boolean): boolean {
  const significant: Token[] = [];
  for (let k = tokens.length - 1; k >= 0 && significant.length < 3; k--) {
    const t = tokens[k] as Token;
    if (t.kind !== 'comment') significant.unshift(t);
  }
  const [a, b, v] = significant;
  if (
    a?.kind === 'word' &&
    b?.kind === 'word' &&
    v?.kind === 'word' &&
    a.text.toLowerCase() === 'set' &&
    b.text.toLowerCase() === 'quoted_identifier'
  ) {
    const value = v.text.toLowerCase();
    if (value === 'on') return true;
    if (value === 'off') return false;
  }
  return current;
}
