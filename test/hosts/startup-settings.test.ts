import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkStartupSettings } from '../../functions/startup-settings';
import { AsemigError } from '../../shared/errors';

describe('start-up settings', () => {
  test('no App Insights connection string: telemetry stays off, the start goes on', () => {
    assert.doesNotThrow(() => checkStartupSettings({}));
  });

  test('a well-formed connection string is accepted', () => {
    const cs =
      'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:1/';
    assert.doesNotThrow(() => checkStartupSettings({ APPLICATIONINSIGHTS_CONNECTION_STRING: cs }));
  });

  test('a malformed one fails the start with ASM-TEL-001 naming the setting, not echoing the value', () => {
    const bad = 'not-a-connection-string-s3cret';
    assert.throws(
      () => checkStartupSettings({ APPLICATIONINSIGHTS_CONNECTION_STRING: bad }),
      (e: unknown) =>
        e instanceof AsemigError &&
        e.code === 'ASM-TEL-001' &&
        e.place.field === 'APPLICATIONINSIGHTS_CONNECTION_STRING' &&
        !e.message.includes('s3cret'),
    );
  });
});
