/**
 * SYS-60..62: ASE reads and writes `text` columns through a pointer: `select @p = textptr(col)
 * from t where <row>` then `readtext t.col @p offset size` / `writetext t.col @p value`. SQL Server
 * has no pointers once the column is varchar(max), so the pointer select is removed (SYS-60) and
 * its row predicate is reused: readtext → `SELECT SUBSTRING(col, offset + 1, size) FROM t WHERE
 * <row>` (ASE offsets are 0-based, SUBSTRING is 1-based: SYS-61), writetext → `UPDATE t SET col =
 * value WHERE <row>` (SYS-62: fully logged and fires triggers, unlike a minimally logged writetext:
 * INFO). Only done when the pointer select and its uses are in the same statement list and the
 * select reads one table without alias with a where clause; otherwise the readtext/writetext stay
 * carried for a person (MANUAL, unsupported statement) as before.
 */
import type { ColumnRef, Expression } from '../../ast/expressions';
import type { Unparsed } from '../../ast/nodes';
import type { ProcStatement } from '../../ast/procedural';
import type { Select, TableRef, Update } from '../../ast/queries';
import { bin, call, mark, num, str } from '../build';
import type { RuleContext } from '../rule';

interface Pointer {
  readonly select: Select;
  readonly table: TableRef;
  readonly column: string;
  readonly where: Expression;
}

/** `select @p = textptr(col) from t where ...`, with the variable's lower-cased name. */
function pointerSelect(s: ProcStatement): { variable: string; pointer: Pointer } | undefined {
  if (s.kind !== 'Select' || s.items.length !== 1 || s.where === undefined || s.from.length !== 1)
    return undefined;
  if (s.union !== undefined || s.groupBy !== undefined || s.into !== undefined) return undefined;
  const item = s.items[0];
  const table = s.from[0];
  if (item?.assign === undefined || table?.kind !== 'TableRef' || table.alias !== undefined) return undefined;
  const e = item.expr;
  if (e.kind !== 'FunctionCall' || e.name.length !== 1 || e.name[0] !== 'textptr' || e.args.length !== 1)
    return undefined;
  const arg = e.args[0];
  if (arg?.kind !== 'ColumnRef') return undefined;
  const column = arg.parts[arg.parts.length - 1];
  if (column === undefined) return undefined;
  return { variable: item.assign.name.toLowerCase(), pointer: { select: s, table, column, where: s.where } };
}

const NAME = String.raw`((?:[\w#$]+\.){1,3}[\w#$]+)`;
const OPERAND = String.raw`(@[\w#$@]+|\d+)`;
const READTEXT = new RegExp(
  String.raw`^readtext\s+${NAME}\s+(@[\w#$@]+)\s+${OPERAND}\s+${OPERAND}\s*;?$`,
  'i',
);
const WRITETEXT = new RegExp(
  String.raw`^writetext\s+${NAME}\s+(@[\w#$@]+)\s+(?:with\s+log\s+)?('(?:[^']|'')*'|"(?:[^"]|"")*"|@[\w#$@]+|-?\d+(?:\.\d+)?)\s*;?$`,
  'i',
);

/** `t.col` of a readtext/writetext names the pointer's table and column (owner/database parts aside). */
function sameColumn(name: string, p: Pointer): boolean {
  const parts = name.toLowerCase().split('.');
  const column = parts[parts.length - 1];
  const table = parts[parts.length - 2];
  return column === p.column.toLowerCase() && table === p.table.name.name.toLowerCase();
}

function operand(text: string, u: Unparsed): Expression {
  return text.startsWith('@')
    ? mark<Expression>({ kind: 'Variable', name: text, span: u.span })
    : num(text, u.span);
}

function columnRef(p: Pointer, u: Unparsed): ColumnRef {
  return mark<ColumnRef>({ kind: 'ColumnRef', parts: [p.column], span: u.span });
}

/** The value of a writetext: a literal (single- or double-quoted, LEX-01), a number or a variable. */
function writeValue(text: string, u: Unparsed): Expression {
  if (text.startsWith("'")) return str(text.slice(1, -1).replace(/''/g, "'"), u.span);
  if (text.startsWith('"')) return str(text.slice(1, -1).replace(/""/g, '"'), u.span);
  return operand(text, u);
}

function readtext(u: Unparsed, pointers: Map<string, Pointer>): Select | undefined {
  const m = READTEXT.exec(u.text.trim());
  const p = m?.[2] !== undefined ? pointers.get(m[2].toLowerCase()) : undefined;
  if (m === null || p === undefined || !sameColumn(m[1] ?? '', p)) return undefined;
  const offsetText = m[3] ?? '0';
  // 0-based ASE offset → 1-based SUBSTRING start
  const start = /^\d+$/.test(offsetText)
    ? num(Number(offsetText) + 1, u.span)
    : bin('+', operand(offsetText, u), num(1, u.span), u.span);
  return mark<Select>({
    kind: 'Select',
    distinct: false,
    items: [{ expr: call('substring', [columnRef(p, u), start, operand(m[4] ?? '0', u)], u.span) }],
    from: p.select.from,
    where: p.where,
    orderBy: [],
    span: u.span,
    comments: u.comments,
  });
}

function writetext(u: Unparsed, pointers: Map<string, Pointer>, rc: RuleContext): Update | undefined {
  const m = WRITETEXT.exec(u.text.trim());
  const p = m?.[2] !== undefined ? pointers.get(m[2].toLowerCase()) : undefined;
  if (m === null || p === undefined || !sameColumn(m[1] ?? '', p)) return undefined;
  rc.report(
    'writetextUpdate',
    u.span,
    `writetext ${m[1] ?? ''} → UPDATE ... SET ${p.column} = value WHERE <row of the textptr select>: fully logged and fires update triggers, unlike writetext (SYS-62)`,
  );
  return mark<Update>({
    kind: 'Update',
    table: p.table.name,
    set: [{ column: columnRef(p, u), expr: writeValue(m[3] ?? "''", u) }],
    from: [],
    where: p.where,
    span: u.span,
    comments: u.comments,
  });
}

export function textPointers(list: readonly ProcStatement[], rc: RuleContext): ProcStatement[] {
  const pointers = new Map<string, Pointer>();
  const out: ProcStatement[] = [];
  const used = new Set<Select>();
  for (const s of list) {
    const ptr = pointerSelect(s);
    if (ptr !== undefined) {
      pointers.set(ptr.variable, ptr.pointer);
      out.push(s);
      continue;
    }
    if (s.kind === 'Unparsed') {
      const word = s.text.trimStart().slice(0, 9).toLowerCase();
      const replaced = word.startsWith('readtext')
        ? readtext(s, pointers)
        : word.startsWith('writetext')
          ? writetext(s, pointers, rc)
          : undefined;
      if (replaced !== undefined) {
        const p = [...pointers.values()].find((x) => x.where === replaced.where);
        if (p !== undefined) used.add(p.select);
        out.push(replaced);
        continue;
      }
    }
    out.push(s);
  }
  // SYS-60: a pointer select whose reads/writes were all rewritten is no longer needed
  return out.filter((s) => !(s.kind === 'Select' && used.has(s) && !hasUnconverted(out, s)));
}

/** A readtext/writetext still carried after the pointer select (it may use the pointer: keep the select). */
function hasUnconverted(list: readonly ProcStatement[], select: Select): boolean {
  const at = list.indexOf(select);
  return list.slice(at + 1).some((s) => s.kind === 'Unparsed' && /^\s*(readtext|writetext)\b/i.test(s.text));
}

/** SYS-63: without pointers, `textvalid('t.col', @p)` is always true. */
export function textvalid(e: Expression, rc: RuleContext): Expression {
  if (e.kind !== 'FunctionCall' || e.name.length !== 1 || e.name[0] !== 'textvalid') return e;
  rc.report(
    'textvalidTrue',
    e.span,
    'textvalid(...) → 1: SQL Server has no text pointers to invalidate (SYS-63)',
  );
  return num(1, e.span);
}
