/**
 * Tokens of ASE Transact-SQL (conversion-rules.md §4.1). Comments are tokens too (kind `comment`)
 * so that nothing in the input is lost; the parser moves them to the AST's `comments` lists.
 */
import type { Span } from '../ast/nodes';

export type TokenKind =
  /** Plain identifier or keyword, `#temp` names included. */
  | 'word'
  /** `[bracketed]` identifier, or `"quoted"` once `set quoted_identifier on` was seen (LEX-01/02). */
  | 'quoted'
  /** `'literal'`, or `"literal"` while quoted_identifier is off (the ASE default, LEX-01). */
  | 'string'
  | 'number'
  /** `0x0A1B` */
  | 'hex'
  /** `$12.50` */
  | 'money'
  /** `@name` */
  | 'variable'
  /** `@@name` */
  | 'global'
  | 'op'
  /** `(` `)` `,` `;` `.` `:` */
  | 'punct'
  | 'comment'
  /** A `go [n]` batch separator line. */
  | 'go'
  /** A character ASE does not accept; kept so that no input is lost. */
  | 'unknown';

export interface Token {
  readonly kind: TokenKind;
  /** Exact source text. */
  readonly text: string;
  /** Unquoted value for `quoted` and `string` (doubled quotes undone); `text` otherwise. */
  readonly value: string;
  readonly span: Span;
  /** Quote character of a `string` or `quoted` token. */
  readonly quote?: "'" | '"' | '[';
  /** `line` (`--`) or `block` (`/* *\/`) for comments. */
  readonly style?: 'line' | 'block';
  /** Repeat count of a `go n` line. */
  readonly repeat?: number;
  /** `N'...'` Unicode literal (T-SQL dialect only). */
  readonly national?: boolean;
  /** True when the token was cut by the end of the input (unterminated string/comment/identifier). */
  readonly unterminated?: boolean;
}

/** Lower-cased word text, or undefined when the token is not a plain word. */
export function wordOf(t: Token | undefined): string | undefined {
  return t !== undefined && t.kind === 'word' ? t.text.toLowerCase() : undefined;
}
