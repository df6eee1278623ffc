/**
 * One error type for bad input and failed operations across the core. Every error carries a
 * stable code (catalogued in docs/diagnostics.md) and, where known, the place it concerns, so the
 * CLI and the HTTP API can print "CODE file:line object.field: message" without parsing text.
 */
export interface ErrorPlace {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** Schema-qualified object, e.g. `dbo.orders`. */
  readonly object?: string;
  /** Column, option or JSON field the error is about. */
  readonly field?: string;
}

export class AsemigError extends Error {
  readonly code: string;
  readonly place: ErrorPlace;

  constructor(code: string, message: string, place: ErrorPlace = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AsemigError';
    this.code = code;
    this.place = place;
  }

  /** `CODE file:line:column object.field: message` with the parts that are known. */
  override toString(): string {
    return `${this.code} ${formatPlace(this.place)}${this.message}`;
  }
}

export function formatPlace(place: ErrorPlace): string {
  const parts: string[] = [];
  if (place.file) {
    let loc = place.file;
    if (place.line !== undefined) loc += `:${place.line}`;
    if (place.column !== undefined) loc += `:${place.column}`;
    parts.push(loc);
  }
  if (place.object || place.field) {
    parts.push([place.object, place.field].filter(Boolean).join('.'));
  }
  return parts.length ? `${parts.join(' ')}: ` : '';
}

export function isAsemigError(e: unknown): e is AsemigError {
  return e instanceof AsemigError;
}
