/**
 * A small lexical scan of ASE expression text (`Expr.text`): enough to know which characters are
 * code and which are inside string literals, quoted identifiers or comments, so that rewrites
 * (RD-05 variable replacement) never touch text inside quotes.
 */

export type Piece =
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'variable'; readonly text: string }
  | { readonly kind: 'quoted'; readonly text: string };

const VAR_CHAR = /[A-Za-z0-9_$#@\u0080-\uffff]/;

/** Splits expression text into code, `@variable` tokens and quoted/comment pieces, losslessly. */
export function scanExpr(text: string): Piece[] {
  const pieces: Piece[] = [];
  let code = '';
  const flush = (): void => {
    if (code) pieces.push({ kind: 'code', text: code });
    code = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === "'" || c === '"') {
      flush();
      const end = closeQuote(text, i, c);
      pieces.push({ kind: 'quoted', text: text.slice(i, end) });
      i = end;
    } else if (c === '[') {
      flush();
      const end = closeQuote(text, i, ']');
      pieces.push({ kind: 'quoted', text: text.slice(i, end) });
      i = end;
    } else if (c === '-' && next === '-') {
      flush();
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      pieces.push({ kind: 'quoted', text: text.slice(i, end) });
      i = end;
    } else if (c === '/' && next === '*') {
      flush();
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      pieces.push({ kind: 'quoted', text: text.slice(i, end) });
      i = end;
    } else if (c === '@' && next !== '@' && (i === 0 || !VAR_CHAR.test(text[i - 1] as string))) {
      flush();
      let end = i + 1;
      while (end < text.length && VAR_CHAR.test(text[end] as string)) end++;
      pieces.push({ kind: 'variable', text: text.slice(i, end) });
      i = end;
    } else if (c === '@') {
      // `@@global`: consume the whole token as code so its tail is not seen as a variable.
      let end = i;
      while (end < text.length && VAR_CHAR.test(text[end] as string)) end++;
      code += text.slice(i, end);
      i = end;
    } else {
      code += c;
      i++;
    }
  }
  flush();
  return pieces;
}

/** Index just after the closing quote (a doubled quote is an escaped one); end of text if unclosed. */
function closeQuote(text: string, start: number, close: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === close) {
      if (text[i + 1] === close) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}
