/**
 * translate(): ASE script → T-SQL script, per-object results and diagnostics
 * (architecture.md §4). Statements are translated in input order by the registry; a translator
 * that throws flags its statement (ASM-INTERNAL-002) instead of failing the script. Every input
 * statement is counted once: statements.total = converted + flagged.
 */
import type { QualifiedName, Script, Statement } from './ast/nodes';
import { createSchemaState } from '../catalog/script/statements';
import { translatorCodes } from './codes';
import type { Diagnostic, DiagnosticInput, Level } from './diagnostics';
import { diagnostic } from './diagnostics';
import { flaggedText } from './dialects/tsql/flagged';
import { oneLine } from './dialects/tsql/report-code';
import { parseScriptDetailed } from './parser/parse';
import { statementTranslators } from './statement-translators';
import type {
  SchemaState,
  StatementOutput,
  StatementTranslator,
  StatementTranslators,
  TranslateOptions,
  TranslationContext,
} from './statement-translator';
import type { ObjectStatus } from '../report/model';

export interface TranslatedObject {
  readonly type: string;
  readonly name: string;
  readonly status: ObjectStatus;
  readonly file?: string;
  readonly line: number;
  readonly diagnostics: Diagnostic[];
}

export interface TranslateResult {
  readonly sql: string;
  readonly objects: TranslatedObject[];
  readonly diagnostics: Diagnostic[];
  readonly statements: { readonly total: number; readonly converted: number; readonly flagged: number };
}

export function translate(sql: string, options: TranslateOptions = {}): TranslateResult {
  return translateWith(sql, options, statementTranslators);
}

/** translate() with an explicit registry (tests inject failing translators; hosts may extend it). */
export function translateWith(
  sql: string,
  options: TranslateOptions,
  translators: StatementTranslators,
): TranslateResult {
  const file = options.file;
  const parsed = parseScriptDetailed(
    sql,
    file,
    options.quotedIdentifier !== undefined ? { quotedIdentifier: options.quotedIdentifier } : {},
  );
  const diagnostics: Diagnostic[] = [...parsed.lexical];
  const schema = createState(options);
  const objectTypes = collectObjectTypes(parsed.script, options.defaultSchema ?? 'dbo');
  const ctxOptions = {
    ...options,
    target: options.target ?? 'azure-sql',
    defaultSchema: options.defaultSchema ?? 'dbo',
  };
  const objects = new Map<string, TranslatedObject>();
  let converted = 0;
  let flaggedCount = 0;

  /**
   * Translate one statement; its findings go to `sink` with the statement's place filled in.
   * `owner` is the schema of unqualified names: the default, or the user of the last `setuser`
   * (ddlgen switches owners that way; SEC-08), as the catalog resolves them.
   */
  const run = (stmt: Statement, sink: Diagnostic[], owner: string): StatementOutput => {
    const ctx: TranslationContext = {
      options: { ...ctxOptions, defaultSchema: owner },
      schema,
      source: sql,
      report: (d: DiagnosticInput) =>
        sink.push(
          diagnostic({
            ...d,
            file: d.file ?? file,
            line: d.line ?? stmt.span.line,
            column: d.column ?? stmt.span.column,
          }),
        ),
      translateInner: (inner) => run(inner, sink, owner),
      objectTypeOf: (name) => objectTypes.get(key(name, owner)),
    };
    try {
      const translator = translators[stmt.kind] as StatementTranslator<Statement>;
      return translator(stmt, ctx);
    } catch (e) {
      const info = translatorCodes.internalError;
      const message = `${stmt.kind} translator failed: ${e instanceof Error ? e.message : String(e)}`;
      ctx.report({ code: info.code, ruleId: info.ruleId, level: info.level, message });
      return flaggedText(
        info,
        `${stmt.kind} at line ${stmt.span.line}`,
        message,
        sql.slice(stmt.span.start, stmt.span.end),
      );
    }
  };

  const batchesOut: string[] = [];
  let owner = ctxOptions.defaultSchema;
  for (const batch of parsed.script.batches) {
    const parts: string[] = [];
    if (batch.statements.length === 0) parts.push(...batch.comments.map((c) => c.text));
    for (const stmt of batch.statements) {
      const own: Diagnostic[] = [];
      applyToCatalog(schema, stmt, file, own);
      const out = run(stmt, own, owner);
      if (stmt.kind === 'SetUser') owner = stmt.user ?? ctxOptions.defaultSchema;
      // findings without an object belong to the object the statement defines or changes
      const named = own.map((d) =>
        d.object === undefined && out.object !== undefined ? { ...d, object: out.object.name } : d,
      );
      own.splice(0, own.length, ...named);
      diagnostics.push(...own);
      if (out.outcome === 'converted') converted++;
      else flaggedCount++;
      const obj = out.object ?? { type: 'other', name: `${stmt.kind} at line ${stmt.span.line}` };
      const before = stmt.comments.filter((c) => c.span.start < stmt.span.start).map((c) => c.text);
      // comments inside or after a statement are kept unless the output already carries them (flagged text)
      // (a flagged statement's text, inner comments included, is in its marked comment already)
      const after = stmt.comments
        .filter(
          (c) =>
            c.span.start >= stmt.span.start &&
            (c.span.start >= stmt.span.end || (out.outcome === 'converted' && !out.sql.includes(c.text))),
        )
        .map((c) => c.text);
      const warnings =
        out.outcome === 'converted'
          ? own
              // a translator that wrote its own SYB2MS comment for the rule is not repeated
              .filter((d) => d.level === 'WARN' && !out.sql.includes(`SYB2MS-${d.ruleId}`))
              .map((d) => `-- SYB2MS-${d.ruleId} ${obj.name}: ${oneLine(d.message)}`)
          : [];
      // CREATE VIEW/PROCEDURE/TRIGGER/FUNCTION must start its batch: what was written before it
      // in the same input batch (a carried statement) goes to a batch of its own
      if (stmt.kind === 'CreateModule' && parts.length > 0)
        batchesOut.push(`${parts.splice(0).join('\n')}\nGO\n`);
      parts.push(...before, ...warnings, ...(out.sql !== '' ? [out.sql] : []), ...after);
      record(objects, obj, out.outcome, own, file, stmt.span.line);
    }
    parts.push(...(batch.statements.length > 0 ? batch.comments.map((c) => c.text) : []));
    if (parts.length > 0)
      batchesOut.push(`${parts.join('\n')}\n${batch.repeat > 1 ? `GO ${batch.repeat}` : 'GO'}\n`);
  }
  return {
    sql: batchesOut.join('\n'),
    objects: [...objects.values()],
    diagnostics,
    statements: { total: converted + flaggedCount, converted, flagged: flaggedCount },
  };
}

const RANK: Record<ObjectStatus, number> = { converted: 0, warnings: 1, manual: 2, blocked: 3 };

function statusOf(outcome: StatementOutput['outcome'], diags: readonly Diagnostic[]): ObjectStatus {
  const has = (l: Level): boolean => diags.some((d) => d.level === l);
  if (has('BLOCK')) return 'blocked';
  if (outcome === 'flagged' || has('MANUAL')) return 'manual';
  if (has('WARN')) return 'warnings';
  return 'converted';
}

/** One report entry per object: statements on the same object merge (worst status wins). */
function record(
  objects: Map<string, TranslatedObject>,
  obj: { type: string; name: string },
  outcome: StatementOutput['outcome'],
  diags: Diagnostic[],
  file: string | undefined,
  line: number,
): void {
  const k = `${obj.type}\u0000${obj.name.toLowerCase()}`;
  const status = statusOf(outcome, diags);
  const prev = objects.get(k);
  if (prev === undefined) {
    objects.set(k, {
      type: obj.type,
      name: obj.name,
      status,
      ...(file !== undefined ? { file } : {}),
      line,
      diagnostics: [...diags],
    });
    return;
  }
  objects.set(k, {
    ...prev,
    status: RANK[status] > RANK[prev.status] ? status : prev.status,
    diagnostics: [...prev.diagnostics, ...diags],
  });
}

function key(q: QualifiedName, defaultSchema: string): string {
  return `${(q.owner ?? defaultSchema).toLowerCase()}.${q.name.toLowerCase()}`;
}

/** Object kinds defined in the script, so `grant all on x` can be expanded (SEC-12). */
function collectObjectTypes(script: Script, defaultSchema: string): Map<string, string> {
  const types = new Map<string, string>();
  let owner = defaultSchema;
  const visit = (s: Statement): void => {
    if (s.kind === 'CreateTable') types.set(key(s.name, owner), 'table');
    else if (s.kind === 'CreateModule') types.set(key(s.name, owner), s.moduleType);
    else if (s.kind === 'If') [...s.then, ...(s.else ?? [])].forEach(visit);
    else if (s.kind === 'SetUser') owner = s.user ?? defaultSchema;
  };
  script.batches.forEach((b) => b.statements.forEach(visit));
  return types;
}

/**
 * The catalog's schema state. When it cannot be created, a stand-in that fails on use is passed
 * instead, so only the statements that need the catalog are flagged (ASM-INTERNAL-002).
 */
function createState(options: TranslateOptions): SchemaState {
  try {
    return createSchemaState(options);
  } catch (e) {
    const fail = (): never => {
      throw new Error(`schema state unavailable: ${e instanceof Error ? e.message : String(e)}`);
    };
    return { apply: fail, snapshot: fail };
  }
}

/**
 * Every top-level statement is folded into the catalog in input order before it is translated
 * (setuser switches the owner of what follows, drop removes, grants are recorded); the schema
 * translators see it as applied and do not fold it twice. Findings belong to the statement.
 */
function applyToCatalog(
  schema: SchemaState,
  stmt: Statement,
  file: string | undefined,
  sink: Diagnostic[],
): void {
  try {
    for (const d of schema.apply(stmt, file))
      sink.push(
        diagnostic({
          ...d,
          file: d.file ?? file,
          line: d.line ?? stmt.span.line,
          column: d.column ?? stmt.span.column,
        }),
      );
  } catch (e) {
    const info = translatorCodes.internalError;
    const message = `catalog could not record ${stmt.kind}: ${e instanceof Error ? e.message : String(e)}`;
    sink.push(
      diagnostic({
        code: info.code,
        ruleId: info.ruleId,
        level: info.level,
        message,
        file,
        line: stmt.span.line,
        column: stmt.span.column,
      }),
    );
  }
}
