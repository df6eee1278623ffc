/** `exec|execute [@rc =] proc[;n] [@p =] value [output], ... [with recompile]` and `exec (@sql)` (PROC-03, PROC-07). */
import type { Variable } from '../../ast/expressions';
import type { Exec, ExecArg, ExecDynamic } from '../../ast/procedural';
import { Cursor } from '../cursor';
import { parseQualifiedName } from '../names';
import { parseExpression } from './expression';

export function parseExecAny(c: Cursor, from: number): Exec | ExecDynamic {
  if (c.isPunct('(', 1)) {
    c.next();
    c.next();
    const parts = [parseExpression(c)];
    while (c.acceptPunct(',')) parts.push(parseExpression(c));
    c.expectPunct(')');
    return { kind: 'ExecDynamic', parts, span: c.spanFrom(from), comments: [] };
  }
  return parseExec(c, from);
}

export function parseExec(c: Cursor, from: number): Exec {
  c.expectWord('exec', 'execute');
  let returnVar: Variable | undefined;
  const t = c.peek();
  if (t?.kind === 'variable' && c.isOp('=', 1)) {
    c.pos += 2;
    returnVar = { kind: 'Variable', name: t.text, span: t.span };
  }
  const procedure = parseQualifiedName(c, 'procedure name');
  let number: number | undefined;
  if (c.isPunct(';') && c.peek(1)?.kind === 'number') {
    c.next();
    number = Number(c.next().text);
  }
  const args: ExecArg[] = [];
  if (startsArgument(c)) {
    do args.push(parseArg(c));
    while (c.acceptPunct(','));
  }
  const recompile = c.accept('with', 'recompile');
  return {
    kind: 'Exec',
    ...(returnVar !== undefined ? { returnVar } : {}),
    procedure,
    ...(number !== undefined ? { number } : {}),
    args,
    recompile,
    span: c.spanFrom(from),
    comments: [],
  };
}

/** Arguments start on the same logical statement: a value, a variable, `default`, a name that is not a keyword. */
function startsArgument(c: Cursor): boolean {
  const t = c.peek();
  if (t === undefined) return false;
  if (['string', 'number', 'hex', 'money', 'variable', 'global'].includes(t.kind)) return true;
  if (t.kind === 'op' && (t.text === '-' || t.text === '+')) return true;
  if (t.kind === 'word') return ['default', 'null'].includes(t.text.toLowerCase());
  return false;
}

function parseArg(c: Cursor): ExecArg {
  const t = c.peek();
  let name: string | undefined;
  if (t?.kind === 'variable' && c.isOp('=', 1)) {
    c.pos += 2;
    name = t.text;
  }
  if (c.accept('default')) return { ...(name !== undefined ? { name } : {}), output: false };
  const value = parseExpression(c);
  const output = c.accept('output') || c.accept('out');
  return { ...(name !== undefined ? { name } : {}), value, output };
}
