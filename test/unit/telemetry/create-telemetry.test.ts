import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isAsemigError } from '../../../shared/errors';
import { checkConnectionString, createTelemetry } from '../../../shared/telemetry/create-telemetry';
import { noopTelemetry } from '../../../shared/telemetry/noop-telemetry';

describe('createTelemetry chooses the implementation', () => {
  test('no connection string anywhere → no-op', () => {
    assert.equal(createTelemetry({ env: {} }), noopTelemetry);
  });
  test('empty explicit string turns it off even when the env has one', () => {
    const env = {
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
    };
    assert.equal(createTelemetry({ connectionString: '', env }), noopTelemetry);
  });
});

describe('checkConnectionString (ASM-TEL-001)', () => {
  const bad: Array<[string, string, RegExp]> = [
    ['no key', 'IngestionEndpoint=https://x/', /InstrumentationKey is missing/],
    ['key not a GUID', 'InstrumentationKey=abc', /not a GUID/],
    ['a SQL connection string by mistake', 'Server=s;Password=p', /InstrumentationKey is missing/],
    [
      'endpoint not a URL',
      'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=nowhere',
      /not a URL/,
    ],
  ];
  for (const [name, cs, why] of bad) {
    test(`rejects: ${name}`, () => {
      assert.throws(
        () => checkConnectionString(cs),
        (e: unknown) =>
          isAsemigError(e) &&
          e.code === 'ASM-TEL-001' &&
          e.place.field === 'APPLICATIONINSIGHTS_CONNECTION_STRING' &&
          why.test(e.message) &&
          !e.message.includes('Password=p'),
      );
    });
  }
  test('createTelemetry rejects before loading the SDK', () => {
    assert.throws(() => createTelemetry({ connectionString: 'Server=s' }), /ASM-TEL-001|InstrumentationKey/);
  });
  test('accepts a real-shaped string', () => {
    checkConnectionString(
      'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://x/',
    );
  });
});
