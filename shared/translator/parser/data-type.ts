/**
 * Column types as written, multiword forms joined with single spaces and lower-cased
 * (`unsigned int`, `double precision`, `char varying`, `national char varying`).
 */
import type { DataTypeRef } from '../ast/nodes';
import { Cursor, identValue, isIdentifier } from './cursor';

/** Words that may follow the first word of a type to form a multiword type name. */
const CONTINUATIONS: Record<string, readonly string[]> = {
  unsigned: ['bigint', 'int', 'integer', 'smallint', 'tinyint'],
  double: ['precision'],
  char: ['varying'],
  character: ['varying'],
  nchar: ['varying'],
  binary: ['varying'],
  national: ['char', 'character', 'varchar'],
  long: ['varchar', 'nvarchar', 'binary'],
};

export function parseDataType(c: Cursor): DataTypeRef {
  const from = c.pos;
  const first = c.peek();
  if (!isIdentifier(first)) c.fail('expected a data type');
  const words: string[] = [identValue(c.next()).toLowerCase()];
  // owner-qualified user type: dbo.ssn
  while (c.isPunct('.') && isIdentifier(c.peek(1))) {
    c.next();
    words[words.length - 1] += '.' + identValue(c.next()).toLowerCase();
  }
  for (;;) {
    const last = words[words.length - 1] as string;
    const cont = CONTINUATIONS[last];
    const w = c.word();
    if (cont === undefined || w === undefined || !cont.includes(w)) break;
    words.push(w);
    c.next();
  }
  const args: (number | 'max')[] = [];
  if (c.isPunct('(')) {
    c.next();
    for (;;) {
      const t = c.next();
      if (t.kind === 'number' && /^\d+$/.test(t.text)) args.push(Number(t.text));
      else if (t.kind === 'word' && t.text.toLowerCase() === 'max') args.push('max');
      else c.fail(`expected a length, precision or scale`);
      if (c.acceptPunct(')')) break;
      c.expectPunct(',');
    }
  }
  return { name: words.join(' '), args, span: c.spanFrom(from) };
}
