/** How the CLI reports failure: one coded line on stderr and an exit code that scripts can test. */
import { AsemigError, formatPlace, isAsemigError } from '../shared/errors';
import { HOST_CODES } from '../shared/host-codes';
import { PipelineCodes } from '../shared/pipeline/codes';
import { redactSecrets } from '../shared/redact';

/** 0 done (even with findings), 1 the run failed, 2 the command line or its input is wrong. */
export const EXIT = { ok: 0, runFailed: 1, usage: 2 } as const;

export function usageError(message: string, field?: string): AsemigError {
  return new AsemigError(HOST_CODES.usage.code, message, field ? { field } : {});
}

/** Codes that mean "fix your command or your input", not "the run broke". */
const INPUT_CODES = new Set<string>([
  HOST_CODES.usage.code,
  HOST_CODES.inputMissing.code,
  HOST_CODES.inputNotFile.code,
  HOST_CODES.inputUnreadable.code,
  HOST_CODES.inputEncoding.code,
  HOST_CODES.reportSchema.code,
]);

/**
 * Thrown (not reported) errors of the source and run setup are about the user's input too: a bad
 * extract folder or data file (ASM-SRC, ASM-BCP), a resume without checkpoint, a changed source,
 * an invalid run option. A chunk that fails mid-run is not thrown: it makes a failed report (1).
 */
const INPUT_PREFIXES = ['ASM-SRC-', 'ASM-BCP-'];
const INPUT_RUN_CODES = new Set<string>([
  PipelineCodes.runNoCheckpoint,
  PipelineCodes.runSourceChanged,
  PipelineCodes.runBadOption,
]);

export function exitCodeFor(e: unknown): number {
  if (isAsemigError(e)) {
    if (INPUT_CODES.has(e.code) || INPUT_RUN_CODES.has(e.code)) return EXIT.usage;
    if (INPUT_PREFIXES.some((p) => e.code.startsWith(p))) return EXIT.usage;
  }
  return EXIT.runFailed;
}

/** `error CODE place: message` (place omitted when unknown), secrets redacted. */
export function formatCliError(e: unknown): string {
  if (isAsemigError(e)) {
    const place = formatPlace(e.place);
    // formatPlace ends in ': ' when it has something to say.
    return redactSecrets(place ? `error ${e.code} ${place}${e.message}` : `error ${e.code}: ${e.message}`);
  }
  const err = e instanceof Error ? e : new Error(String(e));
  // An unexpected error is a bug: keep the stack so it can be reported.
  return redactSecrets(`error ${HOST_CODES.runFailed.code}: ${err.stack ?? err.message}`);
}
