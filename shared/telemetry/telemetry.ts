/**
 * The telemetry surface the core depends on. The core never imports an SDK: it receives a
 * `Telemetry` (from createTelemetry) and emits through it, so the CLI runs without App Insights
 * and tests can record what was emitted. Implementations redact secrets from every string they
 * send (see redact.ts) because property bags are easy to fill with a connection string by mistake.
 */

/** String dimensions of an item (customDimensions in Log Analytics). */
export type TelemetryProps = Readonly<Record<string, string | undefined>>;

/** Numeric values of an event (customMeasurements in Log Analytics). */
export type TelemetryMeasurements = Readonly<Record<string, number | undefined>>;

/** One call to something outside the process: Blob storage, Azure SQL, the ASE source. */
export interface DependencyCall {
  /** Low-cardinality kind: 'Azure blob', 'SQL', 'ASE', 'HTTP'. */
  readonly type: string;
  /** Host or account, e.g. `myaccount.blob.core.windows.net` or `server.database.windows.net`. */
  readonly target: string;
  /** Low-cardinality operation name, e.g. `upload chunk` or `bulk load`. */
  readonly name: string;
  /** The command (SQL text, blob path); redacted before it is sent. */
  readonly data?: string;
  readonly durationMs: number;
  readonly success: boolean;
  readonly resultCode?: string | number;
  readonly props?: TelemetryProps;
}

export interface Telemetry {
  event(name: string, props?: TelemetryProps, measurements?: TelemetryMeasurements): void;
  metric(name: string, value: number, props?: TelemetryProps): void;
  exception(err: unknown, props?: TelemetryProps): void;
  dependency(call: DependencyCall): void;
  /** Sends what is queued; resolves when the exporter has posted it (or failed to). */
  flush(): Promise<void>;
  /** Flushes and releases the SDK; the instance must not be used afterwards. */
  close(): Promise<void>;
}
