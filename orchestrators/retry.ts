/**
 * Retry policy for activities: transient failures (the activity threw) are retried with
 * exponential back-off; data errors come back as results and are never retried.
 */
import * as df from 'durable-functions';

export function activityRetry(): df.RetryOptions {
  const retry = new df.RetryOptions(5_000, 4);
  retry.backoffCoefficient = 2;
  retry.maxRetryIntervalInMilliseconds = 60_000;
  return retry;
}

/** An error (from a failed task) as short text; Durable already truncates nothing for us. */
export function failureText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.length > 1024 ? `${msg.slice(0, 1000)}… [truncated]` : msg;
}
