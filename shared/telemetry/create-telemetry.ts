/**
 * The one way shared code and hosts get a Telemetry: App Insights when a connection string is
 * configured (explicitly or in APPLICATIONINSIGHTS_CONNECTION_STRING), otherwise the no-op.
 */
import { AsemigError } from '../errors';
import { TELEMETRY_CODES } from './codes';
import { noopTelemetry } from './noop-telemetry';
import type { Telemetry } from './telemetry';

export interface TelemetryOptions {
  /** Overrides APPLICATIONINSIGHTS_CONNECTION_STRING. An empty string means "off". */
  readonly connectionString?: string;
  /** Cloud role name (ai.cloud.role); applied through OTEL_SERVICE_NAME when that is not set. */
  readonly roleName?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export const CONNECTION_STRING_SETTING = 'APPLICATIONINSIGHTS_CONNECTION_STRING';

export function createTelemetry(options: TelemetryOptions = {}): Telemetry {
  const env = options.env ?? process.env;
  const cs = (options.connectionString ?? env[CONNECTION_STRING_SETTING] ?? '').trim();
  if (!cs) return noopTelemetry;
  checkConnectionString(cs);
  // The exporter reads the role name from the OpenTelemetry resource, i.e. from this variable.
  if (options.roleName && !process.env.OTEL_SERVICE_NAME) process.env.OTEL_SERVICE_NAME = options.roleName;
  // Loaded lazily: the SDK pulls in the whole OpenTelemetry stack, which a CLI run without
  // telemetry should not pay for. The type import keeps this checked.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('./app-insights-telemetry') as typeof import('./app-insights-telemetry');
  return new mod.AppInsightsTelemetry(cs);
}

/**
 * Rejects strings the SDK would accept and then silently send nowhere. The message never echoes
 * the value (it may be a different secret pasted into the wrong setting).
 */
export function checkConnectionString(cs: string): void {
  const fields = new Map<string, string>();
  for (const part of cs.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const fail = (why: string): never => {
    throw new AsemigError(
      TELEMETRY_CODES.badConnectionString.code,
      `not an App Insights connection string: ${why}`,
      {
        field: CONNECTION_STRING_SETTING,
      },
    );
  };
  const key = fields.get('instrumentationkey');
  if (!key) fail('InstrumentationKey is missing');
  else if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key))
    fail('InstrumentationKey is not a GUID');
  const endpoint = fields.get('ingestionendpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/i.test(endpoint))
    fail('IngestionEndpoint is not a URL');
}
