/** Codes of the telemetry module (configuration errors only: emitting never throws). */
import type { CodeEntry } from '../host-codes';

export const TELEMETRY_CODES = {
  badConnectionString: {
    code: 'ASM-TEL-001',
    ruleId: '',
    level: 'BLOCK',
    summary:
      'APPLICATIONINSIGHTS_CONNECTION_STRING is set but is not an Application Insights connection string (InstrumentationKey=<guid>;IngestionEndpoint=https://...).',
  },
  secondConnectionString: {
    code: 'ASM-TEL-002',
    ruleId: '',
    level: 'BLOCK',
    summary:
      'Application Insights was already started in this process with a different connection string; the SDK is process-wide.',
  },
} as const satisfies Record<string, CodeEntry>;
