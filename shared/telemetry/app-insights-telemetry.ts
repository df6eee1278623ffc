/**
 * Telemetry over the applicationinsights 3.x SDK (OpenTelemetry underneath). Reached only through
 * create-telemetry.ts, which loads this file lazily so that a CLI run without App Insights never
 * pays for loading the OpenTelemetry stack.
 *
 * The SDK is process-wide (setup/start configure global providers), so the first instance starts
 * it and later instances with the same connection string share it. Inside the Functions worker
 * the SDK binds each invocation to the host's traceparent itself (platform-notes §6), which is
 * what correlates these items with the host's request telemetry.
 */
import * as appInsights from 'applicationinsights';
import { AsemigError } from '../errors';
import { TELEMETRY_CODES } from './codes';
import { MAX_PROPERTY_CHARS, redactProps, redactSecrets, truncate } from '../redact';
import type { DependencyCall, Telemetry, TelemetryMeasurements, TelemetryProps } from './telemetry';

/** Exceptions above 64 KB can hang a Durable instance; 4 KB is plenty for a message. */
const MAX_EXCEPTION_MESSAGE = 4096;

let started: { connectionString: string; users: number } | undefined;

export class AppInsightsTelemetry implements Telemetry {
  private readonly client: appInsights.TelemetryClient;
  private closed = false;

  constructor(connectionString: string) {
    if (started && started.connectionString !== connectionString) {
      throw new AsemigError(
        TELEMETRY_CODES.secondConnectionString.code,
        'Application Insights is already started in this process with another connection string',
        { field: 'APPLICATIONINSIGHTS_CONNECTION_STRING' },
      );
    }
    if (!started) {
      appInsights
        .setup(connectionString)
        // Console lines are the host's business; live metrics open a long-lived stream; uncaught
        // exceptions are reported by the host, and the SDK's handler would change exit behaviour.
        .setAutoCollectConsole(false)
        .setAutoCollectExceptions(false)
        .setSendLiveMetrics(false)
        .start();
      started = { connectionString, users: 0 };
    }
    started.users++;
    this.client = appInsights.defaultClient;
  }

  event(name: string, props?: TelemetryProps, measurements?: TelemetryMeasurements): void {
    this.client.trackEvent({
      name: redactSecrets(name),
      properties: redactProps(props),
      measurements: numbers(measurements),
    });
  }

  metric(name: string, value: number, props?: TelemetryProps): void {
    if (!Number.isFinite(value)) return;
    this.client.trackMetric({ name: redactSecrets(name), value, properties: redactProps(props) });
  }

  exception(err: unknown, props?: TelemetryProps): void {
    this.client.trackException({ exception: scrubbedError(err), properties: redactProps(props) });
  }

  dependency(call: DependencyCall): void {
    const data = call.data === undefined ? undefined : truncate(redactSecrets(call.data), MAX_PROPERTY_CHARS);
    const target = redactSecrets(call.target);
    const resultCode = call.resultCode === undefined ? undefined : String(call.resultCode);
    this.client.trackDependency({
      dependencyTypeName: call.type,
      target,
      name: redactSecrets(call.name),
      data,
      duration: call.durationMs,
      success: call.success,
      resultCode,
      // The 3.x shim maps only HTTP and database types onto the envelope's fields: other types
      // (Azure blob, ASE) lose target and data, and resultCode comes out as "0" (verified with
      // the capture test). The same values are repeated as properties so nothing is lost.
      properties: {
        ...redactProps(call.props),
        dependencyType: call.type,
        dependencyTarget: target,
        ...(resultCode === undefined ? {} : { dependencyResultCode: resultCode }),
        ...(data === undefined ? {} : { dependencyData: data }),
      },
    });
  }

  async flush(): Promise<void> {
    await this.client.flush();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.flush();
    if (started && --started.users === 0) {
      started = undefined;
      appInsights.dispose();
    }
  }
}

function numbers(m: TelemetryMeasurements | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(m ?? {})) if (v !== undefined && Number.isFinite(v)) out[k] = v;
  return out;
}

/** A copy of the error whose message and stack have secrets removed and a bounded length. */
function scrubbedError(err: unknown): Error {
  const src = err instanceof Error ? err : new Error(String(err));
  const copy = new Error(truncate(redactSecrets(src.message), MAX_EXCEPTION_MESSAGE));
  copy.name = src.name;
  if (src.stack) copy.stack = truncate(redactSecrets(src.stack), MAX_PROPERTY_CHARS);
  return copy;
}
