/**
 * Headers of `create procedure|function|trigger|view` (PROC-01, PROC-08, PROC-09, TRG-01) and
 * their bodies. The cursor is just after the module name (and `;n` of a numbered procedure).
 */
import type { Expression } from '../../ast/expressions';
import type { ModuleDefinition, Parameter } from '../../ast/procedural';
import type { CreateModule } from '../../ast/nodes';
import { Cursor, identValue, isIdentifier } from '../cursor';
import { parseDataType } from '../data-type';
import { parseQualifiedName } from '../names';
import { parseBody } from './body-statement';
import { parseOperand } from './expression';
import { parseSelect } from './select';

export function parseDefinition(
  c: Cursor,
  moduleType: CreateModule['moduleType'],
  orReplace: boolean,
): ModuleDefinition {
  switch (moduleType) {
    case 'procedure': {
      const parameters = parseParameters(c, false);
      let recompile = false;
      let executeAs: string | undefined;
      while (c.accept('with')) {
        if (c.accept('recompile')) recompile = true;
        else if (c.accept('execute', 'as')) executeAs = c.expectWord('owner', 'caller');
        else c.fail('expected recompile or execute as after with');
        c.acceptPunct(',');
      }
      c.expectWord('as');
      const body = parseBody(c);
      return {
        kind: 'procedure',
        parameters,
        recompile,
        ...(executeAs !== undefined ? { executeAs } : {}),
        body,
        orReplace,
      };
    }
    case 'function': {
      const parameters = parseParameters(c, true);
      c.expectWord('returns');
      const returns = parseDataType(c);
      while (c.accept('with')) {
        // `with recompile` / `with schemabinding`: not carried by ASE functions; tolerated
        c.next();
        c.acceptPunct(',');
      }
      c.expectWord('as');
      const body = parseBody(c);
      return { kind: 'function', parameters, returns, body, orReplace };
    }
    case 'trigger': {
      c.expectWord('on');
      const table = parseQualifiedName(c, 'trigger table');
      let timing: 'for' | 'instead of' | 'after';
      if (c.accept('instead', 'of')) timing = 'instead of';
      else timing = c.expectWord('for', 'after') as 'for' | 'after';
      const events: ('insert' | 'update' | 'delete')[] = [];
      do events.push(c.expectWord('insert', 'update', 'delete') as 'insert' | 'update' | 'delete');
      while (c.acceptPunct(','));
      c.expectWord('as');
      return { kind: 'trigger', table, timing, events, body: parseBody(c), orReplace };
    }
    case 'view': {
      const columns: string[] = [];
      if (c.acceptPunct('(')) {
        do {
          const t = c.next();
          if (!isIdentifier(t)) c.fail('expected a view column name');
          columns.push(identValue(t));
        } while (c.acceptPunct(','));
        c.expectPunct(')');
      }
      c.expectWord('as');
      const query = parseSelect(c);
      const checkOption = c.accept('with', 'check', 'option');
      c.acceptPunct(';');
      if (!c.atEnd()) c.fail('unexpected text after the view query');
      return { kind: 'view', columns, query, checkOption, orReplace };
    }
  }
}

/** `[(] @p type [= default] [output|out], ... [)]` */
function parseParameters(c: Cursor, parenthesised: boolean): Parameter[] {
  const params: Parameter[] = [];
  const paren = c.acceptPunct('(');
  if (parenthesised && !paren && !c.isWord('returns')) c.fail("expected '(' before the parameters");
  while (c.peek()?.kind === 'variable') {
    const from = c.pos;
    const name = c.next().text;
    c.accept('as');
    const type = parseDataType(c);
    let def: Expression | undefined;
    if (c.isOp('=')) {
      c.next();
      // a default is a constant: a comparison after it is a syntax error, not part of the value
      def = parseOperand(c);
    }
    const output = c.accept('output') || c.accept('out');
    params.push({
      name,
      type,
      ...(def !== undefined ? { default: def } : {}),
      output,
      span: c.spanFrom(from),
    });
    if (!c.acceptPunct(',')) break;
  }
  if (paren) c.expectPunct(')');
  return params;
}
