/**
 * Views, procedures, triggers and functions (PROC-01): the parsed module goes through the rewrite
 * rules (rules/registry.ts) and the procedural generator. Statements that could not be converted
 * are carried inside the module in marked comments with a failing placeholder, and the module is
 * then `flagged`; a module whose header could not be parsed is carried whole (ASM-STMT-001).
 */
import type { CreateModule } from '../../../ast/nodes';
import type { ModuleDefinition, ProcStatement } from '../../../ast/procedural';
import { translatorCodes } from '../../../codes';
import { applyRules } from '../../../rules/apply';
import { rules } from '../../../rules/registry';
import type { RuleContext } from '../../../rules/rule';
import type { StatementOutput, StatementTranslator, TranslationContext } from '../../../statement-translator';
import { flagged, flaggedText } from '../flagged';
import { reportName } from '../names';
import { emitModule, numberedName } from '../procedural/emit-module';
import { CommentQueue } from '../procedural/gen';
import type { Gen } from '../procedural/gen';

export const translateCreateModule: StatementTranslator<CreateModule> = (stmt, ctx) => {
  const name = reportName(numberedName(stmt.name, stmt.number), ctx);
  const object = { type: stmt.moduleType, name };
  if (stmt.definition === undefined)
    return flagged({
      ctx,
      code: 'moduleNotConverted',
      label: `${stmt.moduleType} ${name}`,
      message: `${stmt.moduleType} header not understood (${stmt.parseError ?? 'not parsed'}); convert it manually`,
      original: stmt.text,
      object,
    });
  if (stmt.number !== undefined && stmt.number > 1) {
    const info = translatorCodes.numberedProcedure;
    ctx.report({
      code: info.code,
      ruleId: info.ruleId,
      level: info.level,
      message: `numbered procedure ${reportName(stmt.name, ctx)};${stmt.number} → ${name}; callers use EXEC ${name} (PROC-05)`,
    });
  }
  const def = applyRules(stmt.definition, rules, ruleContext(stmt.definition, ctx));
  // a rule may carry the view's whole query (compute by): the view cannot be created then
  if (def.kind === 'view' && (def.query as { kind: string }).kind !== 'Select')
    return carriedView(stmt, object);
  const g: Gen = {
    ctx,
    module: def.kind,
    comments: new CommentQueue(
      stmt.comments.filter((c) => c.span.start >= stmt.span.start && c.span.end <= stmt.span.end),
      ctx.source ?? '',
    ),
    flagged: false,
  };
  const sql = emitModule(stmt, def, g);
  if (g.flagged && def.kind === 'view') return carriedView(stmt, object);
  const out: StatementOutput = { sql, outcome: g.flagged ? 'flagged' : 'converted', object };
  return out;
};

/** Start of the first statement a body runs, looking inside leading begin/end blocks. */
function firstStatementStart(body: readonly ProcStatement[]): number | undefined {
  const first = body[0];
  if (first === undefined) return undefined;
  return first.kind === 'Block' ? firstStatementStart(first.statements) : first.span.start;
}

function ruleContext(def: ModuleDefinition, ctx: TranslationContext): RuleContext {
  return {
    module: def.kind,
    triggerEvents: def.kind === 'trigger' ? def.events : [],
    bodyStart: def.kind === 'view' ? undefined : firstStatementStart(def.body),
    nullableParameters:
      def.kind === 'procedure' || def.kind === 'function'
        ? def.parameters
            .filter((p) => p.default?.kind === 'Literal' && p.default.type === 'null')
            .map((p) => p.name.toLowerCase())
        : [],
    target: ctx.options.target,
    ...(ctx.options.raiserrorThrow !== undefined ? { raiserrorThrow: ctx.options.raiserrorThrow } : {}),
    source: ctx.source ?? '',
    report: (code, span, message) => {
      const info = translatorCodes[code];
      ctx.report({
        code: info.code,
        ruleId: info.ruleId,
        level: info.level,
        message,
        line: span.line,
        column: span.column,
      });
    },
  };
}

/** A view is one query: when part of it cannot be converted the whole view is carried. */
function carriedView(stmt: CreateModule, object: { type: string; name: string }): StatementOutput {
  return flaggedText(
    translatorCodes.moduleNotConverted,
    `view ${object.name}`,
    'view query not converted (see the findings of this view)',
    stmt.text,
    object,
  );
}
