/** `alter table` actions (DDL-40 … DDL-43). */
import type { AlterAction, AlterTable, ColumnDef } from '../ast/nodes';
import { skipToBoundary } from './boundaries';
import { parseColumnDef } from './column-def';
import { CONSTRAINT_START, parseConstraint } from './constraints';
import { Cursor, identValue, isIdentifier } from './cursor';
import { collectExpr } from './expr';
import { parseQualifiedName } from './names';
import { parsePartition } from './create-table';

const ACTION_WORDS = ['add', 'drop', 'modify', 'replace', 'lock', 'partition', 'unpartition'];

/** Cursor is after `alter table`. */
export function parseAlterTable(c: Cursor, from: number): AlterTable {
  const table = parseQualifiedName(c, 'table name');
  const actions: AlterAction[] = [];
  do {
    actions.push(parseAction(c));
  } while (c.acceptPunct(',') || c.isWord(...ACTION_WORDS));
  return { kind: 'AlterTable', table, actions, span: c.spanFrom(from), comments: [] };
}

function parseAction(c: Cursor): AlterAction {
  const from = c.pos;
  if (c.accept('add')) {
    if (c.isWord(...CONSTRAINT_START) && !(c.isWord('constraint') && c.word(2) === 'default')) {
      const constraint = parseConstraint(c);
      return { action: 'addConstraint', constraint, span: c.spanFrom(from) };
    }
    const columns = columnList(c);
    return { action: 'addColumns', columns, span: c.spanFrom(from) };
  }
  if (c.accept('drop')) {
    if (c.accept('constraint')) {
      const t = c.peek();
      if (!isIdentifier(t)) c.fail('expected a constraint name');
      return { action: 'dropConstraint', name: identValue(c.next()), span: c.spanFrom(from) };
    }
    const names: string[] = [];
    do {
      const t = c.peek();
      if (!isIdentifier(t)) c.fail('expected a column name');
      names.push(identValue(c.next()));
    } while (c.isPunct(',') && isIdentifier(c.peek(1)) && !isActionWord(c.word(1)) && c.acceptPunct(','));
    return { action: 'dropColumns', names, span: c.spanFrom(from) };
  }
  if (c.accept('modify')) return { action: 'modifyColumns', columns: columnList(c), span: c.spanFrom(from) };
  if (c.accept('replace')) {
    const t = c.peek();
    if (!isIdentifier(t)) c.fail('expected a column name');
    const column = identValue(c.next());
    c.expectWord('default');
    if (c.isWord('null') && !isIdentifier(c.peek(1))) {
      c.next();
      return { action: 'replaceDefault', column, span: c.spanFrom(from) };
    }
    const expr = collectExpr(c, () => false, 'default value');
    return { action: 'replaceDefault', column, expr, span: c.spanFrom(from) };
  }
  if (c.accept('lock'))
    return {
      action: 'lock',
      scheme: c.expectWord('allpages', 'datapages', 'datarows'),
      span: c.spanFrom(from),
    };
  if (c.accept('unpartition')) return { action: 'unpartition', span: c.spanFrom(from) };
  if (c.isWord('partition')) {
    if (c.word(1) === 'by') parsePartition(c);
    else {
      c.next();
      if (c.peek()?.kind !== 'number') c.fail('expected a partition count');
      c.next();
    }
    return { action: 'partition', text: c.sourceText(from), span: c.spanFrom(from) };
  }
  // `with exp_row_size = n`, `set ...`, `add ... ` forms we do not model: kept as text, never dropped.
  skipToBoundary(c, 'alter');
  return { action: 'other', text: c.sourceText(from), span: c.spanFrom(from) };
}

function isActionWord(w: string | undefined): boolean {
  return w !== undefined && ACTION_WORDS.includes(w);
}

function columnList(c: Cursor): ColumnDef[] {
  const cols: ColumnDef[] = [parseColumnDef(c)];
  while (c.isPunct(',') && !isActionWord(c.word(1)) && !CONSTRAINT_START.includes(c.word(1) ?? '')) {
    c.next();
    cols.push(parseColumnDef(c));
  }
  return cols;
}
