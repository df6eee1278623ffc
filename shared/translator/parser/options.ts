/** `with name = value, flag, ...` option lists of tables and indexes (DDL-0x, IDX-xx). */
import type { IndexOption } from '../ast/nodes';
import { Cursor, identValue, isIdentifier } from './cursor';
import { startsStatement } from './boundaries';

/** Words that end an option value because they start the next clause. */
const CLAUSE_WORDS = new Set(['on', 'lock', 'partition', 'with', 'external', 'local', 'at']);

export function parseWithOptions(c: Cursor): IndexOption[] {
  const options: IndexOption[] = [];
  do {
    const from = c.pos;
    const nameTok = c.peek();
    if (!isIdentifier(nameTok)) c.fail('expected an option name after with');
    const name = identValue(c.next()).toLowerCase();
    let value: string | undefined;
    if (c.isOp('=')) {
      c.next();
      const vFrom = c.pos;
      while (!c.atEnd() && !c.isPunct(',') && !c.isPunct(')') && !c.isPunct(';')) {
        const w = c.word();
        if (c.pos > vFrom && w !== undefined && (CLAUSE_WORDS.has(w) || startsStatement(c, 'create'))) break;
        c.next();
      }
      if (c.pos === vFrom) c.fail(`expected a value for option ${name}`);
      value = c.sourceText(vFrom);
    } else {
      // flags like `sorted_data`, `ignore_dup_row`; multiword ones (`statistics using 20 values`) kept whole.
      while (!c.atEnd() && !c.isPunct(',') && !c.isPunct(')') && !c.isPunct(';')) {
        const kind = c.peek()?.kind;
        if (kind !== 'word' && kind !== 'number') break;
        const w = c.word();
        if (w !== undefined && (CLAUSE_WORDS.has(w) || startsStatement(c, 'create'))) break;
        c.next();
      }
      const extra = c.sourceText(from + 1);
      if (extra !== '') value = extra;
    }
    options.push({ name, ...(value !== undefined ? { value } : {}), span: c.spanFrom(from) });
  } while (c.acceptPunct(','));
  return options;
}

/** `on segment` (the word after `on`, possibly quoted). */
export function parseSegment(c: Cursor): string {
  if (!isIdentifier(c.peek()) && c.peek()?.kind !== 'string') c.fail('expected a segment name after on');
  const t = c.next();
  return t.kind === 'word' ? t.text : t.value;
}
