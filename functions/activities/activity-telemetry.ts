/**
 * Application Insights for the activities. One Telemetry per worker process (createTelemetry is
 * process-wide underneath and a no-op when APPLICATIONINSIGHTS_CONNECTION_STRING is unset),
 * created on the first activity call, flushed at the end of every activity: a Flex Consumption
 * worker can be frozen or scaled in right after an invocation, and queued items would be lost.
 *
 * Only activities emit. Orchestrators replay their code on every episode, so a telemetry call
 * there would repeat on each replay and is an I/O side effect the determinism rules forbid
 * (platform-notes §2.3); the orchestrators therefore never import this module.
 *
 * Secrets: properties carry the run id, table, chunk, codes and places; the staging target is
 * described by describeStagingSpec (no key, no SAS) and error texts are scrubbed here as well
 * as by the telemetry module, so even a recording Telemetry never sees a secret.
 */
import { AsemigError, type ErrorPlace } from '../../shared/errors';
import { redactSecrets } from '../../shared/redact';
import { describeStagingSpec, parseStoreSpec } from '../../shared/pipeline/stage/open-store';
import { createTelemetry, RunTelemetry, type Telemetry } from '../../shared/telemetry';
import type { ActivityInput, ActivityResult, DataFailure } from './activity-io';

export const FUNCTIONS_ROLE_NAME = 'ase-migrate-functions';

let worker: Telemetry | undefined;

/** The worker's Telemetry, created on first use. */
export function workerTelemetry(): Telemetry {
  worker ??= createTelemetry({ roleName: FUNCTIONS_ROLE_NAME });
  return worker;
}

/**
 * Replaces the worker's Telemetry (tests record with it); returns the previous one so a test
 * can put it back. `undefined` means "create from the environment on next use".
 */
export function setWorkerTelemetry(t: Telemetry | undefined): Telemetry | undefined {
  const previous = worker;
  worker = t;
  return previous;
}

/** Where in the run an activity works: the dimensions its failures carry. */
export interface ActivityWhere {
  readonly phase: string;
  readonly schema?: string;
  readonly table?: string;
  readonly chunk?: number;
}

/** What an activity did to staging, reported as one dependency call. */
export interface StagingCall {
  /** Low-cardinality operation, e.g. `stage chunk`. */
  readonly name: string;
  /** The blob (or prefix) read or written; a name relative to the container, never a URL with a SAS. */
  readonly data?: string;
}

export interface ActivityObservation<T> {
  readonly where: ActivityWhere;
  /**
   * The staging call this activity makes (dependency telemetry), when it touches staging;
   * called with the result, or undefined when the activity failed.
   */
  readonly staging?: (result: T | undefined) => StagingCall;
  /** Emits the activity's own events for a successful result. */
  readonly onSuccess?: (run: RunTelemetry, result: T, durationMs: number) => void;
  /** Extra events for a data failure (ok: false), besides the exception every failure gets. */
  readonly onDataFailure?: (run: RunTelemetry, failure: DataFailure) => void;
  /** Data failures inside an ok result (e.g. tables whose plan failed). */
  readonly innerFailures?: (result: T) => readonly { code: string; message: string; place: ErrorPlace }[];
}

/**
 * Runs an activity's work (already wrapped by asResult) and reports it: the onSuccess events,
 * a data failure (ok: false) or a thrown error as an exception with code and place, and the
 * staging dependency with its duration and outcome. Flushes before returning or rethrowing.
 */
export async function observeActivity<T extends object>(
  input: ActivityInput,
  observation: ActivityObservation<T>,
  work: () => Promise<ActivityResult<T>>,
  now: () => number = Date.now,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ActivityResult<T>> {
  const telemetry = workerTelemetry();
  const run = new RunTelemetry(telemetry, { runId: input.runId, host: 'functions' });
  const started = now();
  const where = observation.where;
  try {
    const r = await work();
    const durationMs = now() - started;
    if (r.ok) {
      const ok = r as T;
      observation.onSuccess?.(run, ok, durationMs);
      for (const f of observation.innerFailures?.(ok) ?? []) run.failure(scrubbed(f), failureWhere(where, f));
    } else {
      observation.onDataFailure?.(run, r);
      run.failure(scrubbed(r), failureWhere(where, r));
    }
    const call = observation.staging?.(r.ok ? (r as T) : undefined);
    if (call) dependency(telemetry, input, env, call, durationMs, r.ok, r.ok ? undefined : r.code);
    return r;
  } catch (e) {
    // Transient: the orchestrator retries it; each attempt is reported.
    const durationMs = now() - started;
    run.failure(scrubbedThrown(e), where);
    const call = observation.staging?.(undefined);
    if (call) dependency(telemetry, input, env, call, durationMs, false, 'exception');
    throw e;
  } finally {
    await telemetry.flush();
  }
}

function failureWhere(where: ActivityWhere, f: { place: ErrorPlace }): ActivityWhere {
  // A failure inside a batch names its own table (place.object is `schema.table`).
  if (where.table !== undefined || !f.place.object) return where;
  return { ...where, table: f.place.object };
}

function scrubbed(f: { code: string; message: string; place: ErrorPlace }): AsemigError {
  return new AsemigError(f.code, redactSecrets(f.message), f.place);
}

function scrubbedThrown(e: unknown): unknown {
  if (e instanceof AsemigError) return scrubbed(e);
  const copy = new Error(redactSecrets(e instanceof Error ? e.message : String(e)));
  if (e instanceof Error) copy.name = e.name;
  return copy;
}

function dependency(
  telemetry: Telemetry,
  input: ActivityInput,
  env: NodeJS.ProcessEnv,
  call: StagingCall,
  durationMs: number,
  success: boolean,
  resultCode: string | undefined,
): void {
  const spec = env[input.options.stagingConnectionSetting] ?? '';
  const kind = spec ? parseStoreSpec(spec).kind : 'local';
  telemetry.dependency({
    type: kind === 'local' ? 'File' : 'Azure blob',
    // describeStagingSpec drops keys and SAS; the setting name stands in when it is unset.
    target: spec
      ? describeStagingSpec(spec)
      : `(app setting ${input.options.stagingConnectionSetting} unset)`,
    name: call.name,
    data: call.data,
    durationMs,
    success,
    ...(resultCode === undefined ? {} : { resultCode }),
    props: { runId: input.runId, host: 'functions' },
  });
}
