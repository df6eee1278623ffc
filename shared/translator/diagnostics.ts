/**
 * Diagnostics are data, not log lines: every finding of the translator, the catalog, the bcp reader
 * and the pipeline is one of these. `ruleId` cites ../docs conversion-rules.md (e.g. `DT-03`);
 * `code` is our stable catalogue code (see diagnostic-codes.ts and docs/diagnostics.md).
 */

/** Severity levels of the conversion spec (§0.1). */
export type Level = 'AUTO' | 'INFO' | 'WARN' | 'MANUAL' | 'BLOCK';

/** Coarse severity used by the `translate --json` contract and the report. */
export type Severity = 'info' | 'warning' | 'error';

export interface Diagnostic {
  readonly code: string;
  readonly ruleId: string;
  readonly level: Level;
  readonly severity: Severity;
  /** Schema-qualified object the finding belongs to, when known (`dbo.orders`). */
  readonly object?: string;
  /** Source file the finding was read from, when known. */
  readonly file?: string;
  /** 1-based line in the source file (0 when the finding has no source position). */
  readonly line: number;
  /** 1-based column in the source file (0 when unknown). */
  readonly column: number;
  readonly message: string;
  /** Column, option or manifest field the finding is about, when it is narrower than the object. */
  readonly field?: string;
  /** How many occurrences this aggregated finding stands for (data-profile findings); absent = 1. */
  readonly count?: number;
}

export function severityOf(level: Level): Severity {
  switch (level) {
    case 'AUTO':
    case 'INFO':
      return 'info';
    case 'WARN':
      return 'warning';
    case 'MANUAL':
    case 'BLOCK':
      return 'error';
  }
}

export interface DiagnosticInput {
  readonly code: string;
  readonly ruleId: string;
  readonly level: Level;
  readonly message: string;
  readonly object?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
  readonly count?: number;
}

export function diagnostic(d: DiagnosticInput): Diagnostic {
  return {
    code: d.code,
    ruleId: d.ruleId,
    level: d.level,
    severity: severityOf(d.level),
    ...(d.object !== undefined ? { object: d.object } : {}),
    ...(d.file !== undefined ? { file: d.file } : {}),
    line: d.line ?? 0,
    column: d.column ?? 0,
    message: d.message,
    ...(d.field !== undefined ? { field: d.field } : {}),
    ...(d.count !== undefined ? { count: d.count } : {}),
  };
}
