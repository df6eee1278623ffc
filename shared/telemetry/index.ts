/** Public surface of the telemetry module; app-insights-telemetry.ts is reached only via createTelemetry. */
export type { DependencyCall, Telemetry, TelemetryMeasurements, TelemetryProps } from './telemetry';
export { noopTelemetry } from './noop-telemetry';
export { createTelemetry, checkConnectionString, CONNECTION_STRING_SETTING } from './create-telemetry';
export type { TelemetryOptions } from './create-telemetry';
export { RunTelemetry, RUN_EVENTS, RUN_METRICS } from './run-telemetry';
export { progressTelemetry } from './progress-telemetry';
export type { ProgressTelemetry } from './progress-telemetry';
export type { ChunkRef, RunContext, RunStatus, Volume } from './run-telemetry';
export { rowsPerSecond, bytesPerSecond } from './throughput';
export { redactSecrets, redactProps, isSecretName, REDACTED } from '../redact';
export { TELEMETRY_CODES } from './codes';
