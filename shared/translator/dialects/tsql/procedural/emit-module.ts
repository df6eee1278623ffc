/**
 * A parsed module → `CREATE PROCEDURE|FUNCTION|TRIGGER|VIEW` text (PROC-01, PROC-05, PROC-08,
 * PROC-09, TRG-01). Bodies are wrapped in one BEGIN ... END (a body that already is one block is
 * not wrapped twice); comments inside the module are placed where they were.
 */
import type { CreateModule, QualifiedName } from '../../../ast/nodes';
import type { ModuleDefinition, Parameter, ProcStatement } from '../../../ast/procedural';
import { tsqlName } from '../names';
import { quoteIdent } from '../quote';
import { codeType } from './code-type';
import { emitExpression } from './emit-expression';
import { selectLines } from './emit-query';
import { emitList, emitStatement } from './emit-statement';
import type { Gen } from './gen';
import { indent } from './gen';

/** PROC-05: `p;2` becomes `p__2`; `p;1` is `p` itself. */
export function numberedName(name: QualifiedName, number: number | undefined): QualifiedName {
  return number !== undefined && number > 1 ? { ...name, name: `${name.name}__${number}` } : name;
}

export function emitModule(stmt: CreateModule, def: ModuleDefinition, g: Gen): string {
  const create = def.orReplace ? 'CREATE OR ALTER' : 'CREATE';
  const name = tsqlName(numberedName(stmt.name, stmt.number), g.ctx);
  const lines: string[] = [];
  switch (def.kind) {
    case 'procedure':
      lines.push(`${create} PROCEDURE ${name}`, ...indent(parameterLines(def.parameters, g)));
      if (def.recompile || def.executeAs !== undefined)
        lines.push(
          `WITH ${[def.recompile ? 'RECOMPILE' : '', def.executeAs !== undefined ? `EXECUTE AS ${def.executeAs.toUpperCase()}` : ''].filter((x) => x !== '').join(', ')}`,
        );
      lines.push('AS', ...body(def.body, stmt, g));
      break;
    case 'function': {
      const params = parameterLines(def.parameters, g);
      lines.push(
        `${create} FUNCTION ${name} (`,
        ...indent(params),
        ')',
        `RETURNS ${codeType(def.returns)}`,
        'AS',
        ...body(def.body, stmt, g),
      );
      break;
    }
    case 'trigger': {
      const timing = def.timing === 'instead of' ? 'INSTEAD OF' : 'AFTER';
      lines.push(
        `${create} TRIGGER ${name} ON ${tsqlName(def.table, g.ctx)}`,
        `${timing} ${def.events.map((e) => e.toUpperCase()).join(', ')}`,
        'AS',
        ...body(def.body, stmt, g),
      );
      break;
    }
    case 'view': {
      const cols = def.columns.length > 0 ? ` (${def.columns.map(quoteIdent).join(', ')})` : '';
      lines.push(
        `${create} VIEW ${name}${cols}`,
        'AS',
        ...g.comments.takeBefore(def.query.span.start),
        ...selectLines(def.query, g),
      );
      if (def.checkOption) lines.push('WITH CHECK OPTION');
      lines[lines.length - 1] += ';';
      lines.push(...g.comments.rest());
      break;
    }
  }
  return lines.join('\n');
}

function parameterLines(params: readonly Parameter[], g: Gen): string[] {
  const out: string[] = [];
  params.forEach((p, i) => {
    out.push(...g.comments.takeBefore(p.span.start));
    let line = `${p.name} ${codeType(p.type)}`;
    if (p.default !== undefined) line += ` = ${emitExpression(p.default, g)}`;
    if (p.output) line += ' OUTPUT';
    if (i < params.length - 1) line += ',';
    const trailing = g.comments.takeTrailing(p.span);
    out.push(trailing.length > 0 ? `${line} ${trailing.join(' ')}` : line);
  });
  return out;
}

function body(statements: readonly ProcStatement[], stmt: CreateModule, g: Gen): string[] {
  const only = statements[0];
  if (statements.length === 1 && only?.kind === 'Block')
    return [...emitStatement(only, g), ...g.comments.rest()];
  return ['BEGIN', ...indent(emitList(statements, g, stmt.span.end)), 'END;', ...g.comments.rest()];
}
