/**
 * One statement at the cursor → its AST node. Syntax errors become Unparsed (carried verbatim
 * with code ASM-PARSE-002) and parsing resumes at the next statement start; statement forms we do
 * not model become Unparsed with ASM-PARSE-001. Nothing here throws past parseStatement.
 */
import type { CreateDatabase, If, Statement, Unparsed } from '../ast/nodes';
import { translatorCodes } from '../codes';
import { acceptTerminator, skipToBoundary } from './boundaries';
import { parseAlterTable } from './alter-table';
import { parseCreateIndex } from './create-index';
import { parseCreateTable } from './create-table';
import { MODULE_WORDS, parseModule } from './create-module';
import { parseCreateDefault, parseRule } from './create-rule-default';
import { parseDrop } from './drop';
import { Cursor, ParseError, identValue, isIdentifier } from './cursor';
import { parseGrant } from './grant';
import { parseCondition, recognizeGuard } from './if-guard';
import { parseNameParts } from './names';
import { parsePrint, parseSetOption, parseSetUser, parseUse } from './session';
import { parseSystemProc } from './system-procs';

export interface StatementContext {
  /** True for the first statement of a batch: a bare `sp_xxx` is then a procedure call. */
  readonly batchStart: boolean;
}

export function parseStatement(c: Cursor, ctx: StatementContext): Statement {
  const from = c.pos;
  try {
    const stmt = parseKnown(c, from, ctx);
    acceptTerminator(c);
    return stmt.kind === 'Unparsed' ? stmt : { ...stmt, span: c.spanFrom(from) };
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    c.pos = from;
    skipToBoundary(c, c.word(), from);
    const at = e.token ? `line ${e.token.span.line} column ${e.token.span.column}` : 'end of batch';
    return unparsed(c, from, `syntax error at ${at}: ${e.message}`, translatorCodes.syntaxError.code);
  }
}

function unparsed(c: Cursor, from: number, reason: string, code: string): Unparsed {
  return { kind: 'Unparsed', text: c.sourceText(from), reason, code, span: c.spanFrom(from), comments: [] };
}

function unsupported(c: Cursor, from: number, words: number): Unparsed {
  const first = c.tokens
    .slice(from, from + words)
    .map((t) => t.text.toLowerCase())
    .join(' ');
  c.pos = from;
  skipToBoundary(c, c.word(), from);
  acceptTerminator(c);
  return unparsed(c, from, `unsupported statement '${first}'`, translatorCodes.unsupportedStatement.code);
}

function parseKnown(c: Cursor, from: number, ctx: StatementContext): Statement {
  const w = c.word();
  const first = c.peek();
  if (first === undefined) return c.fail('expected a statement');
  switch (w) {
    case 'create':
      return parseCreate(c, from);
    case 'alter':
      if (c.word(1) !== 'table') return unsupported(c, from, 2);
      c.pos += 2;
      return parseAlterTable(c, from);
    case 'drop':
      c.next();
      return parseDrop(c, from);
    case 'grant':
    case 'revoke':
      c.next();
      return parseGrant(c, from, w === 'grant' ? 'Grant' : 'Revoke');
    case 'use':
      c.next();
      return parseUse(c, from);
    case 'setuser':
      c.next();
      return parseSetUser(c, from);
    case 'print':
      c.next();
      return parsePrint(c, from);
    case 'set':
      c.next();
      return parseSetOption(c, from);
    case 'if':
      c.next();
      return parseIf(c, from);
    case 'exec':
    case 'execute': {
      c.next();
      if (c.peek()?.kind === 'variable' && c.isOp('=', 1)) c.pos += 2;
      const name = c.peek();
      const nameText = name !== undefined && isIdentifier(name) ? identValue(name) : '';
      if (/^sp_/i.test(nameText) && !c.isPunct('.', 1)) return parseSystemProc(c, from);
      if (/^(sybsystemprocs|master)$/i.test(nameText)) {
        // exec sybsystemprocs..sp_foo / master.dbo.sp_foo: same as the bare procedure
        const parts = parseNameParts(c, 'procedure name');
        c.pos--;
        if (/^sp_/i.test(parts[parts.length - 1] ?? '')) return parseSystemProc(c, from);
      }
      return unsupported(c, from, 2);
    }
    case 'begin':
      return parseStray(c);
    case 'while': {
      // procedural loop: carried verbatim as one statement (condition plus body)
      c.next();
      parseCondition(c);
      if (c.isWord('begin')) parseStray(c);
      else skipToBoundary(c, c.word());
      return unparsed(c, from, "unsupported statement 'while'", translatorCodes.unsupportedStatement.code);
    }
    default:
      if (ctx.batchStart && first.kind === 'word' && /^sp_/i.test(first.text))
        return parseSystemProc(c, from);
      return unsupported(c, from, 1);
  }
}

function parseCreate(c: Cursor, from: number): Statement {
  c.next();
  // `create or alter` is the T-SQL form the generator writes for `create or replace`
  if ((c.accept('or', 'replace') || c.accept('or', 'alter')) && MODULE_WORDS[c.word() ?? ''] === undefined)
    c.fail('expected view, procedure, trigger or function after create or replace');
  const w = c.word();
  if (w !== undefined && MODULE_WORDS[w] !== undefined) return parseModule(c, from, MODULE_WORDS[w]);
  if (c.accept('table')) return parseCreateTable(c, from, false);
  if (c.accept('existing', 'table')) return parseCreateTable(c, from, true);
  if (c.isWord('unique', 'clustered', 'nonclustered', 'index')) return parseCreateIndex(c, from);
  if (c.isWord('rule') || c.isWord('access') || (c.isWord('or', 'and') && c.word(1) === 'access'))
    return parseRule(c, from);
  if (c.accept('default')) return parseCreateDefault(c, from);
  if (c.accept('database')) {
    const t = c.peek();
    if (!isIdentifier(t)) c.fail('expected a database name');
    const name = identValue(c.next());
    skipToBoundary(c, 'create', c.pos - 1);
    const d: CreateDatabase = {
      kind: 'CreateDatabase',
      name,
      text: c.sourceText(from),
      span: c.spanFrom(from),
      comments: [],
    };
    return d;
  }
  return unsupported(c, from, 2);
}

/** Cursor is after `if`. */
function parseIf(c: Cursor, from: number): If {
  const condition = parseCondition(c);
  const guard = recognizeGuard(condition);
  const then = parseBranch(c);
  let otherwise: Statement[] | undefined;
  if (c.accept('else')) otherwise = parseBranch(c);
  return {
    kind: 'If',
    condition,
    ...(guard !== undefined ? { guard } : {}),
    then,
    ...(otherwise !== undefined ? { else: otherwise } : {}),
    span: c.spanFrom(from),
    comments: [],
  };
}

/** One statement, or a `begin ... end` block of statements. */
function parseBranch(c: Cursor): Statement[] {
  if (c.isWord('begin') && !['tran', 'transaction', 'distributed'].includes(c.word(1) ?? '')) {
    c.next();
    const body: Statement[] = [];
    while (!c.atEnd() && !c.isWord('end')) body.push(parseStatement(c, { batchStart: false }));
    c.expectWord('end');
    return body;
  }
  if (c.atEnd()) c.fail('expected a statement after the condition');
  return [parseStatement(c, { batchStart: false })];
}

/** Used by parse.ts when a top-level `end`/`else`/`begin` block has no `if`: carried verbatim. */
export function parseStray(c: Cursor): Unparsed {
  const from = c.pos;
  if (c.isWord('begin') && !['tran', 'transaction', 'distributed'].includes(c.word(1) ?? '')) {
    // a whole begin ... end block: consume to the matching end
    let depth = 0;
    while (!c.atEnd()) {
      const w = c.word();
      c.next();
      if (w === 'begin' || w === 'case') depth++;
      else if (w === 'end') {
        depth--;
        if (depth === 0) break;
      }
    }
    return unparsed(c, from, 'begin ... end block outside an if', translatorCodes.unsupportedStatement.code);
  }
  return unsupported(c, from, 1);
}
