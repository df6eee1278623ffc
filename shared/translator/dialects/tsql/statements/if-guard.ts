/**
 * `if [not] exists (select ... from sysobjects where name = 't' and type = 'U')` and
 * `if object_id('t') is [not] null` → `IF OBJECT_ID(N'[dbo].[t]', N'U') IS [NOT] NULL` (DDL-48),
 * followed by the translated guarded statements. Any other condition is procedural code: flagged.
 */
import type { If, Statement } from '../../../ast/nodes';
import type { StatementOutput, StatementTranslator, TranslationContext } from '../../../statement-translator';
import { tokenize } from '../../../tokens/tokenize';
import { flagged, originalText } from '../flagged';
import { isCrossDatabase, reportName, tsqlName } from '../names';
import { sqlString } from '../quote';
import { noteLine, reportCode } from '../report-code';

/** ASE sysobjects.type → SQL Server OBJECT_ID type; other ASE types are tested without a type. */
const TYPES: Record<string, string> = { U: 'U', V: 'V', P: 'P', TR: 'TR', RI: 'F' };

export const translateIf: StatementTranslator<If> = (stmt, ctx) => {
  const original = originalText(ctx, stmt.span);
  const guard = stmt.guard;
  if (guard === undefined) {
    return flagged({
      ctx,
      code: 'guardNotRecognised',
      label: 'if',
      message: `condition '${stmt.condition.text.slice(0, 120)}' is not an existence test (SYS-09 for other catalog queries)`,
      original,
      object: { type: 'other', name: `if at line ${stmt.span.line}` },
    });
  }
  const name = reportName(guard.object, ctx);
  const object = { type: 'other', name: `if exists ${name}` };
  if (isCrossDatabase(guard.object, ctx))
    return flagged({
      ctx,
      code: 'crossDatabaseName',
      label: `if exists ${name}`,
      message: `${name} is in another database (AZ-02)`,
      original,
      object,
    });
  if (ctx.translateInner === undefined)
    throw new Error('translateInner missing from the translation context');

  const then = branch(stmt.then, ctx);
  const otherwise = stmt.else !== undefined ? branch(stmt.else, ctx) : undefined;
  const outcome = then.flagged || otherwise?.flagged ? 'flagged' : 'converted';
  const objectOut = then.object ?? object;
  if (!then.executable && !(otherwise?.executable ?? false)) {
    reportCode(ctx, 'guardWithoutEffect', `guard on ${name}: the guarded statements produce no T-SQL`);
    return {
      sql: [
        noteLine('guardWithoutEffect', name, 'guard kept as a comment; its statements produce no T-SQL'),
        then.sql,
        otherwise?.sql ?? '',
      ]
        .filter((s) => s !== '')
        .join('\n'),
      outcome,
      object: objectOut,
    };
  }
  const type = guard.type !== undefined ? TYPES[guard.type] : undefined;
  const test = (negated: boolean): string =>
    `IF OBJECT_ID(${sqlString(tsqlName(guard.object, ctx))}${type !== undefined ? `, ${sqlString(type)}` : ''}) IS ${negated ? '' : 'NOT '}NULL`;
  // An empty BEGIN END is invalid T-SQL: a branch with only comments is moved out of the IF
  // (and when that is the then-branch, the test is inverted to guard the else-branch).
  const lines: string[] = [];
  if (!then.executable && otherwise !== undefined) {
    if (then.sql !== '') lines.push(then.sql);
    lines.push(test(!guard.negated), 'BEGIN', indent(otherwise.sql), 'END;');
  } else {
    lines.push(test(guard.negated), 'BEGIN', indent(then.sql));
    if (otherwise !== undefined && otherwise.executable)
      lines.push('END', 'ELSE', 'BEGIN', indent(otherwise.sql), 'END;');
    else lines.push('END;', ...(otherwise !== undefined && otherwise.sql !== '' ? [otherwise.sql] : []));
  }
  return { sql: lines.join('\n'), outcome, object: objectOut };
};

interface Branch {
  readonly sql: string;
  readonly executable: boolean;
  readonly flagged: boolean;
  readonly object?: StatementOutput['object'];
}

function branch(statements: readonly Statement[], ctx: TranslationContext): Branch {
  const outs = statements.map((s) => (ctx.translateInner as (s: Statement) => StatementOutput)(s));
  const sql = outs
    .map((o) => o.sql)
    .filter((s) => s !== '')
    .join('\n');
  return {
    sql,
    executable: isExecutable(sql),
    flagged: outs.some((o) => o.outcome === 'flagged'),
    ...(outs.length === 1 && outs[0]?.object !== undefined ? { object: outs[0].object } : {}),
  };
}

/** True when T-SQL text has something other than comments (an empty BEGIN END is invalid). */
export function isExecutable(sql: string): boolean {
  return tokenize(sql, { quotedIdentifier: true }).tokens.some((t) => t.kind !== 'comment');
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => (l === '' ? l : '    ' + l))
    .join('\n');
}
