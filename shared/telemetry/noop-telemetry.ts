/** The telemetry used when no Application Insights connection string is configured (the CLI default). */
import type { Telemetry } from './telemetry';

export const noopTelemetry: Telemetry = Object.freeze({
  event: () => undefined,
  metric: () => undefined,
  exception: () => undefined,
  dependency: () => undefined,
  flush: () => Promise.resolve(),
  close: () => Promise.resolve(),
});
