/**
 * The translation preview contract shared by `ase-migrate translate --json` and
 * `POST /api/translate`: `{ sql, diagnostics: [{ code, severity, line, message, ruleId, level,
 * column, object?, file }], statements }`. One definition, so the two hosts cannot drift.
 */
import type { Diagnostic } from './diagnostics';
import type { TargetPlatform } from './statement-translator';
import { translate, type TranslateResult } from './translate';

export interface PreviewDiagnostic {
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  readonly line: number;
  readonly message: string;
  readonly ruleId: string;
  readonly level: Diagnostic['level'];
  readonly column: number;
  readonly object?: string;
  readonly file: string;
}

export interface TranslationPreview {
  readonly sql: string;
  readonly diagnostics: readonly PreviewDiagnostic[];
  readonly statements: TranslateResult['statements'];
}

/** A diagnostic in the preview's JSON shape; `file` defaults to the input's name. */
export function previewDiagnostic(d: Diagnostic, file: string): PreviewDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    line: d.line,
    message: d.message,
    ruleId: d.ruleId,
    level: d.level,
    column: d.column,
    ...(d.object !== undefined ? { object: d.object } : {}),
    file: d.file ?? file,
  };
}

/** Translates one snippet or file into the preview contract. */
export function translatePreview(
  sql: string,
  options: { file: string; target: TargetPlatform },
): TranslationPreview {
  const r = translate(sql, { file: options.file, target: options.target });
  return {
    sql: r.sql,
    diagnostics: r.diagnostics.map((d) => previewDiagnostic(d, options.file)),
    statements: r.statements,
  };
}
