/**
 * What every activity shares: its input shape (run id + validated options; no secret — the
 * staging spec is read here from the app setting the options name), and the error policy.
 * Data errors (AsemigError: bad input, with code and place) are returned as results so the
 * orchestrator records them and carries on; anything else is treated as transient and thrown,
 * with the message truncated (platform-notes §2.2: a large exception can hang an instance),
 * so callActivityWithRetry retries it.
 */
import type { RunOptions } from '../../shared/config/run-options';
import { CONFIG_CODES } from '../../shared/config/codes';
import { AsemigError, type ErrorPlace } from '../../shared/errors';
import { redactSecrets } from '../../shared/redact';
import type { StepRun } from '../../shared/pipeline/steps/step-run';

export interface ActivityInput {
  readonly runId: string;
  readonly options: RunOptions;
}

export interface DataFailure {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
  readonly place: ErrorPlace;
}

export type ActivityResult<T> = ({ readonly ok: true } & T) | DataFailure;

/** Longest error text an activity returns or throws (platform-notes §2.2 suggests 4 KB). */
export const MAX_ERROR_CHARS = 2048;

export function truncate(text: string, max = MAX_ERROR_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 30)}… [${text.length - max + 30} chars cut]`;
}

export function stepRun(input: ActivityInput, env: NodeJS.ProcessEnv = process.env): StepRun {
  const setting = input.options.stagingConnectionSetting;
  const staging = env[setting];
  if (!staging)
    throw new AsemigError(CONFIG_CODES.stagingSetting.code, `app setting ${setting} is empty or missing`, {
      field: 'stagingConnectionSetting',
    });
  return {
    runId: input.runId,
    source: input.options.source,
    staging,
    packageDir: input.options.packageDir,
    chunkRows: input.options.chunkRows,
    gzip: input.options.gzip,
  };
}

export async function asResult<T extends object>(work: () => Promise<T>): Promise<ActivityResult<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (e) {
    if (e instanceof AsemigError)
      return { ok: false, code: e.code, message: truncate(redactSecrets(e.message)), place: e.place };
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(truncate(redactSecrets(msg)), { cause: e });
  }
}
