/**
 * Parser entry: script text → batches (`go` lines, LEX-05) → statements. Never throws: lexical
 * problems and unparsed statements come back as diagnostics, and every input statement is in the
 * AST (Unparsed when not understood).
 */
import type { Batch, Comment, CreateTable, Script, Statement, Unparsed } from '../ast/nodes';
import { translatorCodes } from '../codes';
import type { Diagnostic } from '../diagnostics';
import { diagnostic } from '../diagnostics';
import type { LineIndex } from '../tokens/line-index';
import type { Token } from '../tokens/token';
import { tokenize } from '../tokens/tokenize';
import { attachComments, distributeComments, toComment } from './comments';
import { Cursor } from './cursor';
import { skipToBoundary } from './boundaries';
import { parseStatement, parseStray } from './statement';

export interface ParseOptions {
  /** `quoted_identifier` at the start of the script (ASE default off, LEX-01). */
  readonly quotedIdentifier?: boolean;
  /** `tsql` to read generated T-SQL (output self-check); default `ase`. */
  readonly dialect?: 'ase' | 'tsql';
}

export interface ParseResult {
  readonly script: Script;
  /** Lexical findings and one diagnostic per Unparsed statement. */
  readonly diagnostics: Diagnostic[];
}

export function parseScript(text: string, file?: string, options: ParseOptions = {}): ParseResult {
  const detailed = parseScriptDetailed(text, file, options);
  return { script: detailed.script, diagnostics: [...detailed.lexical, ...detailed.unparsed] };
}

/** As parseScript, with lexical and unparsed-statement diagnostics apart (translate reports the latter per statement). */
export function parseScriptDetailed(
  text: string,
  file: string | undefined,
  options: ParseOptions = {},
): { script: Script; lexical: Diagnostic[]; unparsed: Diagnostic[] } {
  const { tokens, diagnostics, lines } = tokenize(text, {
    ...(file !== undefined ? { file } : {}),
    ...(options.quotedIdentifier !== undefined ? { quotedIdentifier: options.quotedIdentifier } : {}),
    ...(options.dialect !== undefined ? { dialect: options.dialect } : {}),
  });
  const batches: Batch[] = [];
  let chunk: Token[] = [];
  let batchStart = 0;
  const flush = (endOffset: number, repeat: number): void => {
    if (chunk.length > 0)
      batches.push(parseBatch(text, lines, chunk, batchStart, endOffset, repeat, options.dialect ?? 'ase'));
    chunk = [];
  };
  for (const t of tokens) {
    if (t.kind === 'go') {
      flush(lineStartOf(text, t.span.start), t.repeat ?? 1);
      batchStart = t.span.end;
    } else chunk.push(t);
  }
  flush(text.length, 1);
  const unparsed: Diagnostic[] = [];
  const visit = (s: Statement): void => {
    if (s.kind === 'Unparsed') unparsed.push(unparsedDiagnostic(s, file));
    if (s.kind === 'If') [...s.then, ...(s.else ?? [])].forEach(visit);
    // statements inside a module body that the body parser could not read
    if (s.kind === 'CreateModule')
      forEachUnparsed(s.definition, (u) => unparsed.push(unparsedDiagnostic(u, file)));
  };
  batches.forEach((b) => b.statements.forEach(visit));
  return {
    script: { kind: 'Script', ...(file !== undefined ? { file } : {}), batches },
    lexical: diagnostics,
    unparsed,
  };
}

export function unparsedDiagnostic(s: Unparsed, file: string | undefined): Diagnostic {
  const info =
    Object.values(translatorCodes).find((c) => c.code === s.code) ?? translatorCodes.unsupportedStatement;
  return diagnostic({
    code: s.code,
    ruleId: info.ruleId,
    level: info.level,
    message: s.reason,
    file,
    line: s.span.line,
    column: s.span.column,
  });
}

/** Unparsed statements anywhere inside a module definition (bodies, blocks, branches). */
function forEachUnparsed(node: unknown, f: (u: Unparsed) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => forEachUnparsed(n, f));
  if ((node as { kind?: unknown }).kind === 'Unparsed') return f(node as Unparsed);
  for (const [k, v] of Object.entries(node)) if (k !== 'span' && k !== 'comments') forEachUnparsed(v, f);
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function parseBatch(
  text: string,
  lines: LineIndex,
  chunk: readonly Token[],
  start: number,
  end: number,
  repeat: number,
  dialect: 'ase' | 'tsql',
): Batch {
  const significant = chunk.filter((t) => t.kind !== 'comment');
  const comments: Comment[] = chunk.filter((t) => t.kind === 'comment').map(toComment);
  const c = new Cursor(significant, text, lines);
  c.dialect = dialect;
  const statements: Statement[] = [];
  while (!c.atEnd()) {
    const from = c.pos;
    try {
      if (c.isWord('begin', 'end', 'else')) statements.push(parseStray(c));
      else statements.push(parseStatement(c, { batchStart: statements.length === 0 }));
    } catch (e) {
      // a parser bug must not lose the statement: carry it verbatim
      c.pos = from;
      skipToBoundary(c, c.word(), from);
      statements.push({
        kind: 'Unparsed',
        text: c.sourceText(from),
        reason: `parser failure: ${e instanceof Error ? e.message : String(e)}`,
        code: translatorCodes.syntaxError.code,
        span: c.spanFrom(from),
        comments: [],
      });
    }
    if (c.pos === from) c.next();
  }
  const attached = attachComments(
    statements,
    comments,
    (s) => lines.position(Math.max(s.span.start, s.span.end - 1)).line,
  );
  const lineOf = (offset: number): number => lines.position(offset).line;
  const withParts = attached.statements.map((s) =>
    s.kind === 'CreateTable' && s.comments.length > 0 ? tableComments(s, lineOf) : s,
  );
  const trimmedStart = firstNonBlank(text, start, end);
  return {
    kind: 'Batch',
    statements: withParts,
    text: text.slice(trimmedStart, end).replace(/\s+$/, ''),
    span: lines.span(trimmedStart, end),
    repeat,
    comments: attached.rest,
  };
}

function firstNonBlank(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && /\s/.test(text[i] as string)) i++;
  return i;
}

/** Columns and table constraints get the comments written inside the table's parentheses. */
function tableComments(t: CreateTable, lineOf: (offset: number) => number): CreateTable {
  const inner = t.comments.filter((c) => c.span.start > t.span.start && c.span.start < t.span.end);
  if (inner.length === 0) return t;
  type Part = CreateTable['columns'][number] | CreateTable['constraints'][number];
  const parts = distributeComments<Part>([...t.columns, ...t.constraints], inner, lineOf);
  return {
    ...t,
    columns: parts.slice(0, t.columns.length) as CreateTable['columns'][number][],
    constraints: parts.slice(t.columns.length) as CreateTable['constraints'][number][],
  };
}
