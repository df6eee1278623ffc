/**
 * `create [or replace] view|procedure|trigger|function` (PROC-01). The module extends to the end
 * of its batch (ASE requires that). Its header and body are parsed into `definition`; when the
 * header cannot be parsed the module is kept whole (text only) with `parseError`, and statements
 * the body parser cannot handle are Unparsed inside the body, never a whole-module failure.
 */
import type { CreateModule, QualifiedName } from '../ast/nodes';
import type { ModuleDefinition } from '../ast/procedural';
import { Cursor, ParseError } from './cursor';
import { parseQualifiedName } from './names';
import { parseDefinition } from './procedural/module-definition';

export const MODULE_WORDS: Record<string, CreateModule['moduleType']> = {
  view: 'view',
  procedure: 'procedure',
  proc: 'procedure',
  trigger: 'trigger',
  function: 'function',
};

export function parseModule(c: Cursor, from: number, moduleType: CreateModule['moduleType']): CreateModule {
  const orReplace = ['replace', 'alter'].includes(c.peek(-1)?.text.toLowerCase() ?? '');
  c.next();
  const name = parseQualifiedName(c, `${moduleType} name`);
  let number: number | undefined;
  if (moduleType === 'procedure' && c.isPunct(';') && c.peek(1)?.kind === 'number') {
    c.next();
    number = Number(c.next().text);
  }
  let table: QualifiedName | undefined;
  if (moduleType === 'trigger' && c.isWord('on')) {
    const at = c.pos;
    c.next();
    table = parseQualifiedName(c, 'trigger table');
    c.pos = at;
  }
  let definition: ModuleDefinition | undefined;
  let parseError: string | undefined;
  try {
    definition = parseDefinition(c, moduleType, orReplace);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const at = e.token ? `line ${e.token.span.line} column ${e.token.span.column}` : 'end of batch';
    parseError = `syntax error at ${at}: ${e.message}`;
  }
  c.pos = c.tokens.length;
  return {
    kind: 'CreateModule',
    moduleType,
    name,
    ...(number !== undefined ? { number } : {}),
    ...(table !== undefined ? { table } : {}),
    text: c.sourceText(from),
    ...(definition !== undefined ? { definition } : {}),
    ...(parseError !== undefined ? { parseError } : {}),
    span: c.spanFrom(from),
    comments: [],
  };
}
