/**
 * The translation preview contract shared by `ase-migrate translate --json` and
 * `POST /api/translate`: `{ sql, diagnostics: [{ code, severity, line, message, ruleId, level,
 * column, object?, file }], statements, objects }`. One definition, so the two hosts cannot drift.
 * `objects` (one entry per created object with its status) was added later; readers of the first
 * contract ignore it.
 */
import type { Diagnostic } from './diagnostics';
import type { TargetPlatform } from './statement-translator';
import { translate, type TranslatedObject, type TranslateResult } from './translate';

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

/** One object the script creates, with its status (report model: converted/warnings/manual/blocked). */
export interface PreviewObject {
  readonly type: string;
  readonly name: string;
  readonly status: TranslatedObject['status'];
  readonly file: string;
  readonly line: number;
  /** Number of findings on the object (the findings themselves are in `diagnostics`). */
  readonly findings: number;
}

export interface TranslationPreview {
  readonly sql: string;
  readonly diagnostics: readonly PreviewDiagnostic[];
  readonly statements: TranslateResult['statements'];
  readonly objects: readonly PreviewObject[];
}

export function previewObject(o: TranslatedObject, file: string): PreviewObject {
  return {
    type: o.type,
    name: o.name,
    status: o.status,
    file: o.file ?? file,
    line: o.line,
    findings: o.diagnostics.length,
  };
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
    objects: r.objects.map((o) => previewObject(o, options.file)),
  };
}
