/** `drop <type> [if exists] name[, name]`, `drop index t.i` (DDL-47). */
import type { Drop, QualifiedName } from '../ast/nodes';
import { Cursor } from './cursor';
import { parseNameParts, toQualified } from './names';

/** `drop <type> name[, name]`; `drop index t.i[, t2.i2]` (DDL-47). */
export function parseDrop(c: Cursor, from: number): Drop {
  const typeWord = c.expectWord(
    'table',
    'view',
    'procedure',
    'proc',
    'trigger',
    'rule',
    'default',
    'index',
    'function',
    'database',
    'type',
    'role',
    'login',
    'user',
  );
  const objectType = typeWord === 'proc' ? 'procedure' : typeWord;
  const ifExists = c.accept('if', 'exists');
  const names: QualifiedName[] = [];
  const indexTables: (QualifiedName | undefined)[] = [];
  do {
    const parts = parseNameParts(c, `${objectType} name`);
    if (objectType === 'index') {
      if (parts.length < 2) c.fail('drop index needs table.index');
      names.push({ name: parts[parts.length - 1] as string });
      indexTables.push(toQualified(parts.slice(0, -1), 'table name', c));
    } else names.push(toQualified(parts, `${objectType} name`, c));
  } while (c.acceptPunct(','));
  return {
    kind: 'Drop',
    objectType,
    names,
    ...(objectType === 'index' ? { indexTables } : {}),
    ...(ifExists ? { ifExists } : {}),
    span: c.spanFrom(from),
    comments: [],
  };
}
