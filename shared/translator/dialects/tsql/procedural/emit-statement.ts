/**
 * Procedural statements → T-SQL lines. The table is a mapped type over every statement kind a
 * body can hold, so a kind without an emitter does not compile. Each emitter returns the
 * statement's lines without indentation, terminated with `;`; blocks indent their content by four
 * spaces. Comments are placed where they were: before the statement they precede, after the one
 * they end the line of, before the `END` of the block they close.
 */
import type { Statement } from '../../../ast/nodes';
import type { Exec, ProcStatement, ProcStatementKind } from '../../../ast/procedural';
import { translatorCodes } from '../../../codes';
import { flaggedText } from '../flagged';
import { tsqlName } from '../names';
import { quoteIdent, sqlString } from '../quote';
import { codeType } from './code-type';
import { emitExpression } from './emit-expression';
import { deleteLines, execHook, insertLines, selectLines, tableName, updateLines } from './emit-query';
import type { Gen } from './gen';
import { indent, terminate } from './gen';

type StatementEmitters = {
  readonly [K in ProcStatementKind]: (s: Extract<ProcStatement, { kind: K }>, g: Gen) => string[];
};

/** Schema statements inside a body (`create table #t`, `drop`, `set nocount on`...) use their own translators. */
const delegate = (s: Statement, g: Gen): string[] => {
  const inner = g.ctx.translateInner;
  if (inner === undefined) throw new Error('translateInner is not available');
  const out = inner(s);
  if (out.outcome === 'flagged') g.flagged = true;
  return out.sql === '' ? [] : out.sql.split('\n');
};

/** A statement that is not converted: marked comment with the original, then a failing placeholder. */
function carried(
  g: Gen,
  info: {
    code: string;
    ruleId: string;
    level: 'MANUAL' | 'BLOCK' | 'WARN' | 'INFO' | 'AUTO';
    summary: string;
  },
  label: string,
  message: string,
  text: string,
): string[] {
  g.flagged = true;
  const lines = flaggedText(info, label, message, text).sql.split('\n');
  // THROW is not allowed in a function body: a failing conversion does the same there
  if (g.module === 'function')
    return lines.map((l) =>
      l.startsWith('THROW ') ? `RETURN CAST(${sqlString(`${label}: not converted`)} AS int);` : l,
    );
  return lines;
}

function stmtLabel(s: { span: { line: number } }, text: string): string {
  return `line ${s.span.line}: ${text.split(/\s+/).slice(0, 3).join(' ')}`;
}

export const statementEmitters: StatementEmitters = {
  Select: (s, g) => terminate(selectLines(s, g)),
  Insert: (s, g) => terminate(insertLines(s, g)),
  Update: (s, g) => terminate(updateLines(s, g)),
  Delete: (s, g) => terminate(deleteLines(s, g)),
  Truncate: (s, g) => [`TRUNCATE TABLE ${tableName(s.table, g)};`],
  Declare: (s) => [`DECLARE ${s.variables.map((v) => `${v.name} ${codeType(v.type)}`).join(', ')};`],
  SetVariable: (s, g) => [`SET ${s.variable.name} = ${emitExpression(s.expr, g)};`],
  IfStatement: (s, g) => {
    const lines = [`IF ${emitExpression(s.condition, g)}`, ...branch(s.then, g)];
    if (s.else !== undefined) {
      // no `;` between a block's END and ELSE: it would end the IF statement there
      const last = lines.length - 1;
      lines[last] = (lines[last] as string).replace(/^(\s*END);/, '$1');
      const otherwise = s.else.kind === 'IfStatement' ? emitStatement(s.else, g) : branch(s.else, g);
      // `else if` stays on one line
      if (s.else.kind === 'IfStatement') lines.push(`ELSE ${otherwise[0] ?? ''}`, ...otherwise.slice(1));
      else lines.push('ELSE', ...otherwise);
    }
    return lines;
  },
  While: (s, g) => [`WHILE ${emitExpression(s.condition, g)}`, ...branch(s.body, g)],
  Block: (s, g) => ['BEGIN', ...indent(emitList(s.statements, g, s.span.end)), 'END;'],
  Jump: (s) => {
    switch (s.jump) {
      case 'break':
        return ['BREAK;'];
      case 'continue':
        return ['CONTINUE;'];
      case 'goto':
        return [`GOTO ${s.label ?? ''};`];
      case 'label':
        return [`${s.label ?? ''}:`];
    }
  },
  Return: (s, g) => [s.expr !== undefined ? `RETURN ${emitExpression(s.expr, g)};` : 'RETURN;'],
  PrintStatement: (s, g) => {
    if (s.args.length > 0)
      throw new Error('print with arguments left for the generator (MSG-01 rule did not run)');
    return [`PRINT ${emitExpression(s.format, g)};`];
  },
  RaiseError: (s, g) => {
    if (s.form === 'ase')
      throw new Error('ASE raiserror form left for the generator (MSG-02 rule did not run)');
    const args = [s.message, s.severity, s.state, ...s.args].map((a) =>
      a === undefined ? 'NULL' : emitExpression(a, g),
    );
    const withs = s.with.length > 0 ? ` WITH ${s.with.map((w) => w.toUpperCase()).join(', ')}` : '';
    return [`RAISERROR(${args.join(', ')})${withs};`];
  },
  Throw: (s, g) =>
    s.number === undefined
      ? ['THROW;']
      : [
          `THROW ${emitExpression(s.number, g)}, ${s.message !== undefined ? emitExpression(s.message, g) : "N''"}, ${s.state !== undefined ? emitExpression(s.state, g) : '1'};`,
        ],
  Exec: (s, g) => terminate(execLines(s, g)),
  ExecDynamic: (s, g) => [`EXEC (${s.parts.map((p) => emitExpression(p, g)).join(' + ')});`],
  DeclareCursor: (s, g) => {
    // CUR-01: always LOCAL (ASE cursors in procedures are local); read only → READ_ONLY option
    const readOnly = s.query.forClause?.mode === 'read only';
    const query = readOnly ? { ...s.query, forClause: undefined } : s.query;
    const { forClause: _omit, ...rest } = query;
    const options = ['LOCAL', s.scroll ? 'SCROLL' : 'FORWARD_ONLY'];
    if (s.sensitivity === 'insensitive' || s.sensitivity === 'static') options.push('STATIC');
    else if (s.sensitivity === 'keyset') options.push('KEYSET');
    if (readOnly) options.push('READ_ONLY');
    const lines = selectLines(query.forClause !== undefined ? query : rest, g);
    return terminate([`DECLARE ${quoteIdent(s.name)} CURSOR ${options.join(' ')} FOR`, ...indent(lines)]);
  },
  CursorOp: (s) => [`${s.op.toUpperCase()} ${quoteIdent(s.cursor)};`],
  Fetch: (s, g) => {
    const orientation =
      (s.orientation ?? 'next').toUpperCase() +
      (s.offset !== undefined ? ` ${emitExpression(s.offset, g)}` : '');
    const into = s.into.length > 0 ? ` INTO ${s.into.map((v) => v.name).join(', ')}` : '';
    return [`FETCH ${orientation} FROM ${quoteIdent(s.cursor)}${into};`];
  },
  Transaction: (s) => {
    if (s.op === 'rollback trigger')
      throw new Error('rollback trigger left for the generator (TRG-05 rule did not run)');
    const name = s.name !== undefined ? ` ${s.name.startsWith('@') ? s.name : quoteIdent(s.name)}` : '';
    const verb = {
      begin: 'BEGIN TRANSACTION',
      commit: 'COMMIT TRANSACTION',
      rollback: 'ROLLBACK TRANSACTION',
      save: 'SAVE TRANSACTION',
    }[s.op];
    return [`${verb}${name};`];
  },
  WaitFor: (s, g) => [`WAITFOR ${s.mode.toUpperCase()} ${emitExpression(s.expr, g)};`],
  Manual: (s, g) =>
    carried(
      g,
      { code: s.code, ruleId: s.ruleId, level: 'MANUAL', summary: s.message },
      stmtLabel(s, s.text),
      s.message,
      s.text,
    ),
  TryCatch: (s, g) => [
    'BEGIN TRY',
    ...indent(emitList(s.body, g, s.span.end)),
    'END TRY',
    'BEGIN CATCH',
    ...indent(emitList(s.handler, g, s.span.end)),
    'END CATCH;',
  ],
  Unparsed: (s, g) => {
    const info =
      Object.values(translatorCodes).find((c) => c.code === s.code) ?? translatorCodes.unsupportedStatement;
    g.ctx.report({
      code: s.code,
      ruleId: info.ruleId,
      level: info.level,
      message: s.reason,
      line: s.span.line,
      column: s.span.column,
    });
    return carried(g, info, stmtLabel(s, s.text), s.reason, s.text);
  },
  CreateTable: delegate,
  AlterTable: delegate,
  CreateIndex: delegate,
  CreateRule: delegate,
  CreateDefault: delegate,
  Drop: delegate,
  AddType: delegate,
  Bind: delegate,
  Unbind: delegate,
  KeyProc: delegate,
  SystemProcCall: delegate,
  Grant: delegate,
  Revoke: delegate,
  Use: delegate,
  SetUser: delegate,
  Print: delegate,
  SetOption: delegate,
  If: delegate,
  CreateDatabase: delegate,
  CreateModule: delegate,
};

function execLines(s: Exec, g: Gen): string[] {
  const rc = s.returnVar !== undefined ? `${s.returnVar.name} = ` : '';
  // PROC-05: numbered procedure p;n → p__n (n = 1 is the procedure itself)
  const proc =
    s.number !== undefined && s.number > 1
      ? { ...s.procedure, name: `${s.procedure.name}__${s.number}` }
      : s.procedure;
  const args = s.args.map(
    (a) =>
      (a.name !== undefined ? `${a.name} = ` : '') +
      (a.value !== undefined ? emitExpression(a.value, g) : 'DEFAULT') +
      (a.output ? ' OUTPUT' : ''),
  );
  const withs = s.recompile ? ' WITH RECOMPILE' : '';
  // a system procedure is found from any database by its bare name (sybsystemprocs..sp_x too)
  const system =
    /^sp_/i.test(proc.name) &&
    (proc.database === undefined || /^(sybsystemprocs|master)$/i.test(proc.database));
  const target = system && proc.owner === undefined ? quoteIdent(proc.name) : tsqlName(proc, g.ctx);
  return [`EXEC ${rc}${target}${args.length > 0 ? ` ${args.join(', ')}` : ''}${withs}`];
}
execHook.emit = execLines;

/** The body of if/while: a block as is, a single statement indented. */
function branch(s: ProcStatement, g: Gen): string[] {
  const lines = emitStatement(s, g);
  return s.kind === 'Block' ? lines : indent(lines);
}

export function emitStatement(s: ProcStatement, g: Gen): string[] {
  const emit = statementEmitters[s.kind] as (x: ProcStatement, gen: Gen) => string[];
  const leading = g.comments.takeBefore(s.span.start);
  const lines = emit(s, g);
  // comments inside the statement that no nested statement took (a comment in a select list)
  const inner = g.comments.takeBefore(s.span.end);
  const trailing = g.comments.takeTrailing(s.span);
  if (trailing.length > 0 && lines.length > 0)
    lines[lines.length - 1] = `${lines[lines.length - 1] as string} ${trailing.join(' ')}`;
  return [...leading, ...inner, ...lines];
}

/** Statements of a block; comments left before `end` (offset `endOffset`) come last. */
export function emitList(statements: readonly ProcStatement[], g: Gen, endOffset: number): string[] {
  const lines = statements.flatMap((s) => emitStatement(s, g));
  return [...lines, ...g.comments.takeBefore(endOffset)];
}
