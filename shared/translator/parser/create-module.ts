/** `create view|procedure|trigger|function` (PROC-01): kept whole for the procedural issue. */
import type { CreateModule, QualifiedName } from '../ast/nodes';
import { Cursor } from './cursor';
import { parseQualifiedName } from './names';

export const MODULE_WORDS: Record<string, CreateModule['moduleType']> = {
  view: 'view',
  procedure: 'procedure',
  proc: 'procedure',
  trigger: 'trigger',
  function: 'function',
};

/** Views, procedures, triggers, functions extend to the end of their batch (ASE requires that). */
export function parseModule(c: Cursor, from: number, moduleType: CreateModule['moduleType']): CreateModule {
  c.next();
  const name = parseQualifiedName(c, `${moduleType} name`);
  let number: number | undefined;
  if (moduleType === 'procedure' && c.isPunct(';') && c.peek(1)?.kind === 'number') {
    c.next();
    number = Number(c.next().text);
  }
  let table: QualifiedName | undefined;
  if (moduleType === 'trigger' && c.accept('on')) table = parseQualifiedName(c, 'trigger table');
  c.pos = c.tokens.length;
  return {
    kind: 'CreateModule',
    moduleType,
    name,
    ...(number !== undefined ? { number } : {}),
    ...(table !== undefined ? { table } : {}),
    text: c.sourceText(from),
    span: c.spanFrom(from),
    comments: [],
  };
}
