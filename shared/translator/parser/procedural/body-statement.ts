/**
 * One statement of a procedure, trigger or function body. ASE has no statement terminator, so
 * each parser stops where its grammar ends; an optional `;` is consumed. A syntax error turns
 * the statement into `Unparsed` (ASM-PARSE-002) and parsing resumes at the next statement start,
 * so one bad statement never loses the module.
 */
import type { Variable } from '../../ast/expressions';
import type { Statement, Unparsed } from '../../ast/nodes';
import type {
  Block,
  CursorOp,
  Declare,
  DeclareCursor,
  Fetch,
  ProcStatement,
  RaiseError,
  Transaction,
} from '../../ast/procedural';
import { translatorCodes } from '../../codes';
import { acceptTerminator, skipToBoundary } from '../boundaries';
import { Cursor, ParseError, identValue, isIdentifier } from '../cursor';
import { parseDataType } from '../data-type';
import { parseStatement } from '../statement';
import { parseDelete, parseInsert, parseTruncate, parseUpdate } from './dml';
import { parseExecAny } from './exec';
import { parseExpression, parseList } from './expression';
import { parseSelect } from './select';

const TRAN_WORDS = ['tran', 'transaction', 'work'];

/** Statements until the end of the tokens, or until `end` when `untilEnd` (a begin/end block). */
export function parseBody(c: Cursor, untilEnd = false): ProcStatement[] {
  const out: ProcStatement[] = [];
  while (!c.atEnd() && !(untilEnd && c.isWord('end'))) {
    const before = c.pos;
    out.push(parseBodyStatement(c));
    if (c.pos === before) c.next();
  }
  return out;
}

export function parseBodyStatement(c: Cursor): ProcStatement {
  const from = c.pos;
  try {
    const stmt = parseOne(c, from);
    acceptTerminator(c);
    return stmt;
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    c.pos = from;
    skipToBoundary(c, c.word(), from);
    const at = e.token ? `line ${e.token.span.line} column ${e.token.span.column}` : 'end of batch';
    const u: Unparsed = {
      kind: 'Unparsed',
      text: c.sourceText(from),
      reason: `syntax error at ${at}: ${e.message}`,
      code: translatorCodes.syntaxError.code,
      span: c.spanFrom(from),
      comments: [],
    };
    return u;
  }
}

function parseOne(c: Cursor, from: number): ProcStatement {
  const w = c.word();
  const base = { comments: [] as const };
  switch (w) {
    case 'select':
      return parseSelect(c);
    case 'insert':
      return parseInsert(c, from);
    case 'update':
      return parseUpdate(c, from);
    case 'delete':
      return parseDelete(c, from);
    case 'truncate':
      return parseTruncate(c, from);
    case 'declare':
      return parseDeclare(c, from);
    case 'set':
      if (c.peek(1)?.kind === 'variable') {
        c.next();
        const v = variable(c);
        if (!c.isOp('=')) c.fail("expected '=' after the variable");
        c.next();
        return {
          kind: 'SetVariable',
          variable: v,
          expr: parseExpression(c),
          span: c.spanFrom(from),
          ...base,
        };
      }
      return parseSetOption(c, from);
    case 'if': {
      c.next();
      const condition = parseExpression(c);
      const then = parseBodyStatement(c);
      const otherwise = c.accept('else') ? parseBodyStatement(c) : undefined;
      return {
        kind: 'IfStatement',
        condition,
        then,
        ...(otherwise !== undefined ? { else: otherwise } : {}),
        span: c.spanFrom(from),
        ...base,
      };
    }
    case 'while': {
      c.next();
      const condition = parseExpression(c);
      const body = parseBodyStatement(c);
      return { kind: 'While', condition, body, span: c.spanFrom(from), ...base };
    }
    case 'begin':
      return parseBegin(c, from);
    case 'break':
    case 'continue':
      c.next();
      return { kind: 'Jump', jump: w, span: c.spanFrom(from), ...base };
    case 'goto': {
      c.next();
      const label = identValue(c.next());
      return { kind: 'Jump', jump: 'goto', label, span: c.spanFrom(from), ...base };
    }
    case 'return': {
      c.next();
      const expr = startsValue(c) ? parseExpression(c) : undefined;
      return { kind: 'Return', ...(expr !== undefined ? { expr } : {}), span: c.spanFrom(from), ...base };
    }
    case 'print': {
      c.next();
      const format = parseExpression(c);
      if (c.isPunct(',')) c.aseOnly('print with arguments');
      const args = c.acceptPunct(',') ? parseList(c) : [];
      return { kind: 'PrintStatement', format, args, span: c.spanFrom(from), ...base };
    }
    case 'raiserror':
      return parseRaiserror(c, from);
    case 'throw': {
      c.next();
      if (!startsValue(c)) return { kind: 'Throw', span: c.spanFrom(from), ...base };
      const number = parseExpression(c);
      c.expectPunct(',');
      const message = parseExpression(c);
      c.expectPunct(',');
      const state = parseExpression(c);
      return { kind: 'Throw', number, message, state, span: c.spanFrom(from), ...base };
    }
    case 'exec':
    case 'execute':
      // system procedures (sp_addtype, sp_procxmode, sp_bindrule...) have their own translators
      if (isSystemProc(c)) return parseStatement(c, { batchStart: false });
      return parseExecAny(c, from);
    case 'open':
    case 'close':
    case 'deallocate': {
      c.next();
      if (w === 'deallocate') c.accept('cursor');
      const op: CursorOp = { kind: 'CursorOp', op: w, cursor: name(c), span: c.spanFrom(from), ...base };
      return op;
    }
    case 'fetch':
      return parseFetch(c, from);
    case 'commit':
    case 'rollback':
    case 'save':
      return parseTransaction(c, from, w);
    case 'waitfor': {
      c.next();
      const mode = c.expectWord('delay', 'time') as 'delay' | 'time';
      return { kind: 'WaitFor', mode, expr: parseExpression(c), span: c.spanFrom(from), ...base };
    }
    default: {
      // `label:`
      if (isIdentifier(c.peek()) && c.isPunct(':', 1) && (w === undefined || !['end', 'else'].includes(w))) {
        const label = identValue(c.next());
        c.next();
        return { kind: 'Jump', jump: 'label', label, span: c.spanFrom(from), ...base };
      }
      if (w === 'create' && startsModule(c)) return nestedModule(c, from);
      // schema statements and the rest: the top-level parser (create table #t, drop, grant, set options...)
      const s: Statement = parseStatement(c, { batchStart: false });
      return s;
    }
  }
}

/**
 * `set <option> on|off|n|@v`: one value token, since a body statement may follow on the same line
 * after `on` (which the top-level reader treats as continuing); other forms use the top-level parser.
 */
function parseSetOption(c: Cursor, from: number): Statement {
  const option = c.word(1);
  const value = c.peek(2);
  const simple =
    option !== undefined &&
    value !== undefined &&
    !c.isPunct('.', 3) &&
    (value.kind === 'number' ||
      value.kind === 'variable' ||
      ['on', 'off'].includes(value.text.toLowerCase()));
  if (!simple || ['transaction', 'quoted_identifier'].includes(option))
    return parseStatement(c, { batchStart: false });
  c.pos += 3;
  const text = value.kind === 'word' ? value.text.toLowerCase() : value.text;
  return { kind: 'SetOption', option, value: text, span: c.spanFrom(from), comments: [] };
}

/** `create [or replace] view|proc|procedure|trigger|function` */
function startsModule(c: Cursor): boolean {
  const k = c.word(1) === 'or' ? 3 : 1;
  return ['view', 'proc', 'procedure', 'trigger', 'function'].includes(c.word(k) ?? '');
}

/**
 * A module must be alone in its batch: one inside a body means a `go` line is missing. The rest of
 * the batch belongs to it, so all of it is carried (and flagged) as one statement.
 */
function nestedModule(c: Cursor, from: number): Unparsed {
  c.pos = c.tokens.length;
  return {
    kind: 'Unparsed',
    text: c.sourceText(from),
    reason:
      'create view/procedure/trigger/function inside a module body: it must start its own batch (is a go line missing?)',
    code: translatorCodes.syntaxError.code,
    span: c.spanFrom(from),
    comments: [],
  };
}

/** `exec sp_x`, `exec sybsystemprocs..sp_x`, `exec master.dbo.sp_x` (no return status variable). */
function isSystemProc(c: Cursor): boolean {
  const first = c.peek(1);
  if (!isIdentifier(first) || first === undefined) return false;
  const v = identValue(first);
  if (/^sp_/i.test(v)) return !c.isPunct('.', 2);
  if (!/^(sybsystemprocs|master)$/i.test(v)) return false;
  let k = 2;
  while (c.isPunct('.', k)) k++;
  const last = c.peek(k);
  return isIdentifier(last) && last !== undefined && /^sp_/i.test(identValue(last));
}

function name(c: Cursor): string {
  const t = c.next();
  if (!isIdentifier(t)) c.fail('expected a name');
  return identValue(t);
}

function variable(c: Cursor): Variable {
  const t = c.next();
  if (t.kind !== 'variable') c.fail('expected a variable');
  return { kind: 'Variable', name: t.text, span: t.span };
}

/** True when a value follows on the same statement (for `return [expr]`, `throw [args]`). */
function startsValue(c: Cursor): boolean {
  const t = c.peek();
  if (t === undefined) return false;
  if (['string', 'number', 'hex', 'money', 'variable', 'global'].includes(t.kind)) return true;
  if (t.kind === 'op') return t.text === '-' || t.text === '+' || t.text === '~';
  if (t.kind === 'punct') return t.text === '(';
  if (t.kind === 'word') return ['null', 'case', 'convert', 'cast'].includes(t.text.toLowerCase());
  return false;
}

function parseBegin(c: Cursor, from: number): ProcStatement {
  const next = c.word(1);
  if (next !== undefined && ['tran', 'transaction', 'distributed'].includes(next)) {
    c.next();
    c.accept('distributed');
    c.next();
    const n = optionalName(c);
    const t: Transaction = { kind: 'Transaction', op: 'begin', ...n, span: c.spanFrom(from), comments: [] };
    return t;
  }
  if (next === 'try') {
    c.pos += 2;
    const body = parseBody(c, true);
    c.expectWord('end');
    c.expectWord('try');
    c.expectWord('begin');
    c.expectWord('catch');
    const handler = parseBody(c, true);
    c.expectWord('end');
    c.expectWord('catch');
    return { kind: 'TryCatch', body, handler, span: c.spanFrom(from), comments: [] };
  }
  c.next();
  const statements = parseBody(c, true);
  c.expectWord('end');
  const b: Block = { kind: 'Block', statements, span: c.spanFrom(from), comments: [] };
  return b;
}

function optionalName(c: Cursor): { name?: string } {
  const t = c.peek();
  if (t?.kind === 'variable') return { name: c.next().text };
  if (isIdentifier(t) && !c.isPunct(':', 1) && !RESERVED_AFTER_TRAN.has(t?.text.toLowerCase() ?? ''))
    return { name: identValue(c.next()) };
  return {};
}

/** A word after `commit tran` that starts the next statement, not a transaction name. */
const RESERVED_AFTER_TRAN = new Set([
  'select',
  'insert',
  'update',
  'delete',
  'if',
  'while',
  'return',
  'end',
  'else',
  'begin',
  'exec',
  'execute',
  'declare',
  'set',
  'print',
  'raiserror',
  'commit',
  'rollback',
  'save',
  'open',
  'close',
  'fetch',
  'deallocate',
  'goto',
  'break',
  'continue',
  'create',
  'drop',
  'truncate',
  'waitfor',
  'throw',
]);

function parseTransaction(c: Cursor, from: number, w: 'commit' | 'rollback' | 'save'): Transaction {
  c.next();
  if (w === 'rollback' && c.accept('trigger')) {
    c.aseOnly('rollback trigger');
    let raiserror: RaiseError | undefined;
    if (c.isWord('with') && c.word(1) === 'raiserror') {
      c.next();
      raiserror = parseRaiserror(c, c.pos);
    }
    return {
      kind: 'Transaction',
      op: 'rollback trigger',
      ...(raiserror !== undefined ? { raiserror } : {}),
      span: c.spanFrom(from),
      comments: [],
    };
  }
  const word = c.word();
  if (word !== undefined && TRAN_WORDS.includes(word)) c.next();
  const n = optionalName(c);
  return { kind: 'Transaction', op: w, ...n, span: c.spanFrom(from), comments: [] };
}

/** `raiserror n ["msg" | @msg] [, args] [with errordata ...]` (ASE) or `raiserror(msg, sev, state [, args]) [with ...]` (T-SQL). */
function parseRaiserror(c: Cursor, from: number): RaiseError {
  c.expectWord('raiserror');
  if (c.isPunct('(')) {
    c.next();
    const message = parseExpression(c);
    c.expectPunct(',');
    const severity = parseExpression(c);
    c.expectPunct(',');
    const state = parseExpression(c);
    const args = c.acceptPunct(',') ? parseList(c) : [];
    c.expectPunct(')');
    const withs = parseWith(c);
    return {
      kind: 'RaiseError',
      form: 'tsql',
      message,
      severity,
      state,
      args,
      with: withs,
      span: c.spanFrom(from),
      comments: [],
    };
  }
  c.aseOnly('raiserror without parentheses');
  const number = parseExpression(c);
  c.acceptPunct(',');
  let message;
  const t = c.peek();
  if (t !== undefined && (t.kind === 'string' || t.kind === 'variable')) message = parseExpression(c);
  const args = message !== undefined && c.acceptPunct(',') ? parseList(c) : [];
  const withs = parseWith(c);
  return {
    kind: 'RaiseError',
    form: 'ase',
    number,
    ...(message !== undefined ? { message } : {}),
    args,
    with: withs,
    span: c.spanFrom(from),
    comments: [],
  };
}

function parseWith(c: Cursor): string[] {
  if (!c.isWord('with') || !['errordata', 'nowait', 'log', 'seterror'].includes(c.word(1) ?? '')) return [];
  c.next();
  const words: string[] = [];
  do {
    const w = c.expectWord('errordata', 'nowait', 'log', 'seterror');
    if (w === 'errordata') {
      // `with errordata select-list`: kept as text for the MANUAL note (MSG-02)
      const start = c.pos;
      parseList(c);
      words.push(`errordata ${c.sourceText(start)}`);
    } else words.push(w);
  } while (c.acceptPunct(','));
  return words;
}

function parseDeclare(c: Cursor, from: number): Declare | DeclareCursor {
  c.next();
  if (isIdentifier(c.peek()) && c.peek()?.kind !== 'variable') {
    const cursor = name(c);
    const words: string[] = [];
    while (!c.isWord('cursor'))
      words.push(
        c.expectWord(
          'insensitive',
          'semi_sensitive',
          'scroll',
          'no_scroll',
          'local',
          'global',
          'forward_only',
          'static',
          'keyset',
          'dynamic',
          'fast_forward',
          'read_only',
          'scroll_locks',
          'optimistic',
        ),
      );
    c.next();
    while (!c.isWord('for'))
      words.push(
        c.expectWord(
          'local',
          'global',
          'forward_only',
          'scroll',
          'static',
          'keyset',
          'dynamic',
          'fast_forward',
          'read_only',
          'scroll_locks',
          'optimistic',
        ),
      );
    c.expectWord('for');
    const query = parseSelect(c);
    const sensitivity = words.find(
      (x) => x === 'insensitive' || x === 'semi_sensitive' || x === 'static' || x === 'keyset',
    );
    const readOnly = words.includes('read_only') && query.forClause === undefined;
    return {
      kind: 'DeclareCursor',
      name: cursor,
      ...(sensitivity !== undefined ? { sensitivity } : {}),
      scroll: words.includes('scroll'),
      query: readOnly ? { ...query, forClause: { mode: 'read only', columns: [] } } : query,
      span: c.spanFrom(from),
      comments: [],
    };
  }
  const variables: Declare['variables'][number][] = [];
  do {
    const v = c.next();
    if (v.kind !== 'variable') c.fail('expected a variable name');
    c.accept('as');
    variables.push({ name: v.text, type: parseDataType(c) });
  } while (c.acceptPunct(','));
  return { kind: 'Declare', variables, span: c.spanFrom(from), comments: [] };
}

function parseFetch(c: Cursor, from: number): Fetch {
  c.next();
  let orientation: string | undefined;
  let offset;
  const w = c.word();
  if (
    w !== undefined &&
    ['next', 'prior', 'first', 'last', 'absolute', 'relative'].includes(w) &&
    !c.isWord('into')
  ) {
    // `fetch next c` vs a cursor named next: an orientation is followed by a name or `from`
    if (isIdentifier(c.peek(1)) || w === 'absolute' || w === 'relative') {
      c.next();
      orientation = w;
      if (w === 'absolute' || w === 'relative') offset = parseExpression(c);
    }
  }
  c.accept('from');
  const cursor = name(c);
  const into: Variable[] = [];
  if (c.accept('into')) {
    do into.push(variable(c));
    while (c.acceptPunct(','));
  }
  return {
    kind: 'Fetch',
    ...(orientation !== undefined ? { orientation } : {}),
    ...(offset !== undefined ? { offset } : {}),
    cursor,
    into,
    span: c.spanFrom(from),
    comments: [],
  };
}
