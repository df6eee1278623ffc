/** Column and table constraints of create/alter table (conversion-rules.md §2.3, §2.4). */
import type { IndexOption, TableConstraint } from '../ast/nodes';
import { Cursor, identValue, isIdentifier } from './cursor';
import { parenExpr } from './expr';
import { parseQualifiedName } from './names';
import { parseSegment, parseWithOptions } from './options';

export const CONSTRAINT_START = ['constraint', 'primary', 'unique', 'foreign', 'check', 'references'];

/** `(a [asc|desc], b)`: names only; the order words are accepted (ASE allows them in keys). */
export function parseColumnList(c: Cursor, allowOrder = false): string[] {
  c.expectPunct('(');
  const cols: string[] = [];
  do {
    const t = c.peek();
    if (!isIdentifier(t)) c.fail('expected a column name');
    cols.push(identValue(c.next()));
    if (allowOrder && !c.accept('asc')) c.accept('desc');
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return cols;
}

/**
 * One constraint starting at `constraint name` or at its keyword. `column` is set for a
 * column-level constraint: its key list is then that column (and may be omitted).
 */
export function parseConstraint(c: Cursor, column?: string): TableConstraint {
  const from = c.pos;
  let name: string | undefined;
  if (c.accept('constraint')) {
    const t = c.peek();
    if (!isIdentifier(t)) c.fail('expected a constraint name');
    name = identValue(c.next());
  }
  const named = name !== undefined ? { name } : {};
  const base = () => ({ span: c.spanFrom(from), comments: [] });
  if (c.accept('primary', 'key') || c.isWord('unique')) {
    const isUnique = c.word() === 'unique';
    if (isUnique) c.next();
    let clustered: boolean | undefined;
    if (c.accept('clustered')) clustered = true;
    else if (c.accept('nonclustered')) clustered = false;
    if (!c.accept('asc')) c.accept('desc');
    const columns = c.isPunct('(')
      ? parseColumnList(c, true)
      : column !== undefined
        ? [column]
        : c.fail('expected a column list');
    let options: IndexOption[] = [];
    let segment: string | undefined;
    for (;;) {
      if (c.accept('with')) options = options.concat(parseWithOptions(c));
      else if (c.accept('on')) segment = parseSegment(c);
      else break;
    }
    const common = {
      ...named,
      columns,
      ...(clustered !== undefined ? { clustered } : {}),
      options,
      ...(segment !== undefined ? { segment } : {}),
    };
    return isUnique ? { kind: 'Unique', ...common, ...base() } : { kind: 'PrimaryKey', ...common, ...base() };
  }
  if (c.isWord('foreign') || c.isWord('references')) {
    let columns: string[];
    if (c.accept('foreign')) {
      c.expectWord('key');
      columns = parseColumnList(c);
    } else if (column !== undefined) columns = [column];
    else return c.fail('expected foreign key (columns)');
    c.expectWord('references');
    const refTable = parseQualifiedName(c, 'referenced table');
    const refColumns = c.isPunct('(') ? parseColumnList(c) : [];
    const matchFull = c.accept('match', 'full');
    return { kind: 'ForeignKey', ...named, columns, refTable, refColumns, matchFull, ...base() };
  }
  if (c.accept('check')) {
    const expr = parenExpr(c, 'check condition');
    return { kind: 'Check', ...named, expr, ...base() };
  }
  return c.fail('expected primary key, unique, foreign key, references or check');
}
