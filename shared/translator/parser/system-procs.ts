/**
 * `exec sp_xxx args` (or a bare `sp_xxx args` opening a batch). Schema procedures become their
 * own nodes (AddType, Bind, Unbind, KeyProc) for the catalog; any other procedure is a
 * SystemProcCall carrying its arguments.
 */
import type {
  AddType,
  Bind,
  KeyProc,
  Nullability,
  QualifiedName,
  Statement,
  SystemProcCall,
  Unbind,
} from '../ast/nodes';
import { tokenize } from '../tokens/tokenize';
import { Cursor, identValue, isIdentifier } from './cursor';
import { parseDataType } from './data-type';
import { namePartsFromString } from './names';

interface Arg {
  /** Unquoted value of a string argument, source text otherwise. */
  readonly value: string;
}

/** Cursor is at the procedure name (after `exec`/`execute`, and `@rc =` when present). */
export function parseSystemProc(c: Cursor, from: number): Statement {
  const procTok = c.next();
  const proc = identValue(procTok).toLowerCase();
  const args = parseArgs(c);
  const base = { span: c.spanFrom(from), comments: [] as const };
  switch (proc) {
    case 'sp_addtype':
      return addType(c, args, base);
    case 'sp_bindrule':
    case 'sp_bindefault':
      return bind(c, proc === 'sp_bindrule' ? 'rule' : 'default', args, base);
    case 'sp_unbindrule':
    case 'sp_unbindefault':
      return unbind(c, proc === 'sp_unbindrule' ? 'rule' : 'default', args, base);
    case 'sp_primarykey':
    case 'sp_foreignkey':
    case 'sp_commonkey':
      return keyProc(c, proc, args, base);
    default: {
      const call: SystemProcCall = { kind: 'SystemProcCall', proc, args: args.map((a) => a.value), ...base };
      return call;
    }
  }
}

function parseArgs(c: Cursor): Arg[] {
  const args: Arg[] = [];
  if (!startsArg(c)) return args;
  do {
    const from = c.pos;
    if (c.peek()?.kind === 'variable' && c.isOp('=', 1)) {
      c.next();
      c.next();
    }
    const t = c.peek();
    if (t === undefined) c.fail('expected an argument');
    if (t.kind === 'string' && c.pos === from) {
      c.next();
      args.push({ value: t.value });
      continue;
    }
    if (isIdentifier(t)) {
      // unquoted names like dbo.t.c
      c.next();
      while (c.isPunct('.') && isIdentifier(c.peek(1))) {
        c.next();
        c.next();
      }
    } else if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      c.next();
      c.next();
    } else if (
      t.kind === 'string' ||
      t.kind === 'number' ||
      t.kind === 'hex' ||
      t.kind === 'money' ||
      t.kind === 'variable' ||
      t.kind === 'global'
    ) {
      c.next();
      if (c.isWord('output', 'out')) c.next();
    } else c.fail('expected an argument');
    args.push({ value: c.sourceText(from) });
  } while (c.acceptPunct(','));
  return args;
}

function startsArg(c: Cursor): boolean {
  const t = c.peek();
  if (t === undefined) return false;
  if (t.kind === 'word') {
    // a statement keyword on the next line is the next statement, not an argument
    const w = t.text.toLowerCase();
    const prev = c.peek(-1);
    return !(
      prev !== undefined &&
      t.span.line > prev.span.line &&
      /^(create|alter|drop|grant|revoke|exec|execute|go|print|use|if|set|select|insert|update|delete|declare|begin|end)$/.test(
        w,
      )
    );
  }
  return (
    ['string', 'quoted', 'number', 'hex', 'money', 'variable', 'global'].includes(t.kind) ||
    (t.kind === 'op' && (t.text === '-' || t.text === '+'))
  );
}

type Base = { span: AddType['span']; comments: readonly [] };

function arg(c: Cursor, args: readonly Arg[], i: number, what: string): string {
  const a = args[i];
  if (a === undefined) c.fail(`missing argument ${i + 1} (${what})`);
  return a.value;
}

function nameFrom(c: Cursor, value: string, what: string): string[] {
  const parts = namePartsFromString(value);
  if (parts === undefined) c.fail(`'${value}' is not a valid ${what}`);
  return parts;
}

function qualified(c: Cursor, parts: readonly string[], what: string): QualifiedName {
  if (parts.length === 1) return { name: parts[0] as string };
  if (parts.length === 2) return { ...(parts[0] ? { owner: parts[0] } : {}), name: parts[1] as string };
  if (parts.length === 3)
    return {
      ...(parts[0] ? { database: parts[0] } : {}),
      ...(parts[1] ? { owner: parts[1] } : {}),
      name: parts[2] as string,
    };
  return c.fail(`${what} has too many parts`);
}

/** `sp_addtype name, 'varchar(11)' [, 'null' | 'not null' | 'nonull' | 'identity'] [, owner]` (SYS-25). */
function addType(c: Cursor, args: readonly Arg[], base: Base): AddType {
  const name = nameFrom(c, arg(c, args, 0, 'type name'), 'type name');
  const typeText = arg(c, args, 1, 'base type');
  const tt = tokenize(typeText, { quotedIdentifier: true });
  const tc = new Cursor(tt.tokens, typeText, tt.lines);
  const parsed = parseDataType(tc);
  if (!tc.atEnd()) c.fail(`'${typeText}' is not a data type`);
  // the span inside the string is meaningless in the script: use the statement's
  const baseType = { ...parsed, span: base.span };
  let nullability: Nullability | undefined;
  let identity = false;
  const third = args[2]?.value.toLowerCase().replace(/\s+/g, ' ');
  if (third === 'null') nullability = 'null';
  else if (third === 'not null' || third === 'nonull') nullability = 'not null';
  else if (third === 'identity') identity = true;
  else if (third !== undefined) c.fail(`unknown sp_addtype null type '${args[2]?.value}'`);
  if (args.length > 4) c.fail('sp_addtype takes at most 4 arguments');
  // the AST has no owner for a type: only the default owner can be carried without loss
  const owner = args[3]?.value;
  if (owner !== undefined && owner.toLowerCase() !== 'dbo')
    c.fail(`sp_addtype owner '${owner}' is not supported (types are created in dbo)`);
  return {
    kind: 'AddType',
    name: name[name.length - 1] as string,
    baseType,
    ...(nullability ? { nullability } : {}),
    identity,
    ...base,
  };
}

function target(c: Cursor, value: string): Bind['target'] {
  const parts = nameFrom(c, value, 'binding target');
  if (parts.length === 1) return { kind: 'type', typeName: parts[0] as string };
  const column = parts[parts.length - 1] as string;
  return { kind: 'column', table: qualified(c, parts.slice(0, -1), 'table'), column };
}

/** `sp_bindrule rule, 'table.column' | usertype [, futureonly]` (RD-01/02, RD-10/11). */
function bind(c: Cursor, what: 'rule' | 'default', args: readonly Arg[], base: Base): Bind {
  const object = qualified(c, nameFrom(c, arg(c, args, 0, `${what} name`), `${what} name`), what);
  const tgt = target(c, arg(c, args, 1, 'table.column or user type'));
  const fourth = args[2]?.value.toLowerCase();
  if (fourth !== undefined && fourth !== 'futureonly') c.fail(`unexpected argument '${args[2]?.value}'`);
  if (args.length > 3) c.fail(`sp_bind${what} takes at most 3 arguments`);
  return { kind: 'Bind', what, object, target: tgt, futureOnly: fourth === 'futureonly', ...base };
}

function unbind(c: Cursor, what: 'rule' | 'default', args: readonly Arg[], base: Base): Unbind {
  const tgt = target(c, arg(c, args, 0, 'table.column or user type'));
  const second = args[1]?.value.toLowerCase();
  if (second !== undefined && second !== 'futureonly') c.fail(`unexpected argument '${args[1]?.value}'`);
  if (args.length > 2) c.fail(`sp_unbind${what} takes at most 2 arguments`);
  return { kind: 'Unbind', what, target: tgt, ...base };
}

function keyProc(c: Cursor, proc: KeyProc['proc'], args: readonly Arg[], base: Base): KeyProc {
  const table = qualified(c, nameFrom(c, arg(c, args, 0, 'table'), 'table name'), 'table');
  let rest = args.slice(1);
  let refTable: QualifiedName | undefined;
  if (proc !== 'sp_primarykey') {
    refTable = qualified(c, nameFrom(c, arg(c, args, 1, 'referenced table'), 'table name'), 'table');
    rest = args.slice(2);
  }
  if (rest.length === 0) c.fail(`${proc} needs at least one column`);
  const columns = rest.map((a) => {
    const parts = nameFrom(c, a.value, 'column name');
    if (parts.length !== 1) c.fail(`'${a.value}' is not a column name`);
    return parts[0] as string;
  });
  return { kind: 'KeyProc', proc, table, ...(refTable ? { refTable } : {}), columns, ...base };
}
