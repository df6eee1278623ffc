/** Shared by the procedural tests: parse a body, print expressions compactly, translate with the self-check. */
import assert from 'node:assert/strict';
import type { Expression } from '../../../../shared/translator/ast/expressions';
import type { ProcStatement } from '../../../../shared/translator/ast/procedural';
import { parseBodyText } from '../../../../shared/translator/parser/procedural/parse-body';
import type { TranslateOptions } from '../../../../shared/translator/statement-translator';
import { translate, type TranslateResult } from '../../../../shared/translator/translate';
import { assertReparses } from './self-check';

export function body(text: string): ProcStatement[] {
  const r = parseBodyText(text);
  assert.deepEqual(r.diagnostics, []);
  return r.statements;
}

/** The condition of `if <expr> return` (a select list would read `a = b` as an alias). */
export function expr(text: string): Expression {
  const stmts = body(`if ${text} return`);
  const s = stmts[0];
  assert.ok(
    s?.kind === 'IfStatement' && stmts.length === 1,
    `not one if statement: ${stmts.map((x) => x.kind).join(', ')}`,
  );
  return s.condition;
}

/** Compact prefix form: `(and (= a 1) (is-null b))`, for readable expected values. */
export function sx(e: Expression): string {
  switch (e.kind) {
    case 'Literal':
      return e.type === 'string' ? `'${e.value}'` : e.type === 'null' ? 'NULL' : e.value;
    case 'ColumnRef':
      return e.parts.join('.');
    case 'Variable':
    case 'GlobalVariable':
      return e.name;
    case 'Unary':
      return `(${e.op} ${sx(e.operand)})`;
    case 'Binary':
      return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'Between':
      return `(${e.negated ? 'not-' : ''}between ${sx(e.expr)} ${sx(e.low)} ${sx(e.high)})`;
    case 'InList':
      return `(${e.negated ? 'not-' : ''}in ${sx(e.expr)} ${e.list.map(sx).join(' ')})`;
    case 'InQuery':
      return `(${e.negated ? 'not-' : ''}in ${sx(e.expr)} select)`;
    case 'Like':
      return `(${e.negated ? 'not-' : ''}like ${sx(e.expr)} ${sx(e.pattern)}${e.escape ? ` ${sx(e.escape)}` : ''})`;
    case 'IsNull':
      return `(is-${e.negated ? 'not-' : ''}null ${sx(e.expr)})`;
    case 'Exists':
      return '(exists select)';
    case 'Case':
      return `(case${e.operand ? ` ${sx(e.operand)}` : ''} ${e.whens.map((w) => `${sx(w.when)}:${sx(w.then)}`).join(' ')}${e.else ? ` else:${sx(e.else)}` : ''})`;
    case 'FunctionCall':
      return `${e.name.join('.')}(${e.star ? '*' : ''}${e.distinct ? 'distinct ' : ''}${e.args.map(sx).join(' ')})`;
    case 'Convert':
      return `(${e.cast ? 'cast' : 'convert'} ${e.type.name}${e.type.args.length ? `(${e.type.args.join(',')})` : ''} ${sx(e.expr)}${e.style ? ` ${sx(e.style)}` : ''})`;
    case 'Subquery':
      return '(subquery)';
    case 'Paren':
      return `[${sx(e.expr)}]`;
    case 'IdentityFn':
      return `identity(${e.precision})`;
  }
}

/** translate() plus the output self-check and the outcome invariant. */
export function translateChecked(sql: string, options: TranslateOptions = {}): TranslateResult {
  const r = translate(sql, { file: 'case.sql', ...options });
  assert.equal(r.statements.total, r.statements.converted + r.statements.flagged);
  assertReparses(r.sql);
  return r;
}

/** The body lines of a one-module translation between BEGIN and END, de-indented once. */
export function bodyOf(sql: string): string {
  const lines = sql.split('\n');
  const begin = lines.indexOf('BEGIN');
  const end = lines.lastIndexOf('END;');
  assert.ok(begin >= 0 && end > begin, `no BEGIN/END body in:\n${sql}`);
  return lines
    .slice(begin + 1, end)
    .map((l) => l.replace(/^ {4}/, ''))
    .join('\n');
}

/** Translate `create procedure p as <body>` and return the converted body text. */
export function procBody(
  aseBody: string,
  options: TranslateOptions = {},
): { text: string; result: TranslateResult } {
  const result = translateChecked(`create procedure p as\n${aseBody}\n`, options);
  return { text: bodyOf(result.sql), result };
}
