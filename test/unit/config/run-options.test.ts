/**
 * The declared run options (shared/config): defaults, types, ranges, unknown fields, inline
 * secrets refused, the named app setting checked, and the JSON Schema derived from the same
 * declarations.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RUN_OPTION_SPECS,
  runOptionsJsonSchema,
  validateRunOptions,
} from '../../../shared/config/run-options';
import { looksLikeSecret } from '../../../shared/config/secrets';
import { isNcrontab, parseRetentionDays } from '../../../shared/config/schedules';
import { AsemigError } from '../../../shared/errors';

const BASE = { source: '/s', packageDir: '/p' };

describe('validateRunOptions', () => {
  test('defaults are filled from the declarations', () => {
    const o = validateRunOptions(BASE);
    for (const s of RUN_OPTION_SPECS) if (s.default !== undefined) assert.equal(o[s.name], s.default, s.name);
    assert.equal(o.runId, undefined);
  });

  const cases: [string, unknown, string, string][] = [
    ['null body', null, 'ASM-CFG-001', '(body)'],
    ['string body', 'x', 'ASM-CFG-001', '(body)'],
    ['empty source', { ...BASE, source: ' ' }, 'ASM-CFG-003', 'source'],
    ['chunkRows too large', { ...BASE, chunkRows: 10_000_001 }, 'ASM-CFG-003', 'chunkRows'],
    ['batchSize string', { ...BASE, batchSize: '5' }, 'ASM-CFG-003', 'batchSize'],
    ['unknown', { ...BASE, extra: 1 }, 'ASM-CFG-002', 'extra'],
    ['accountKey field', { ...BASE, accountKey: 'k' }, 'ASM-CFG-005', 'accountKey'],
    [
      'connection string with key as staging setting',
      { ...BASE, stagingConnectionSetting: 'AccountKey=k' },
      'ASM-CFG-005',
      'stagingConnectionSetting',
    ],
    ['user:password URL', { ...BASE, source: 'sybase://sa:pw@host/db' }, 'ASM-CFG-005', 'source'],
  ];
  for (const [name, input, code, field] of cases) {
    test(`${code} ${field}: ${name}`, () => {
      assert.throws(
        () => validateRunOptions(input),
        (e: unknown) => e instanceof AsemigError && e.code === code && e.place.field === field,
      );
    });
  }

  test('field prefix and forbidden fields (schedules)', () => {
    assert.throws(
      () => validateRunOptions({ ...BASE, runId: 'x' }, { fieldPrefix: '[3].options', forbid: ['runId'] }),
      (e: unknown) => e instanceof AsemigError && e.place.field === '[3].options.runId',
    );
  });

  test('env given: the named staging setting must be defined (ASM-CFG-006)', () => {
    assert.equal(
      validateRunOptions(BASE, { env: { ASEMIG_STAGING: '/x' } }).stagingConnectionSetting,
      'ASEMIG_STAGING',
    );
    assert.throws(
      () => validateRunOptions(BASE, { env: {} }),
      (e: unknown) => e instanceof AsemigError && e.code === 'ASM-CFG-006',
    );
  });
});

describe('secret detection', () => {
  const secret = [
    'AccountKey=abc',
    'x;SharedAccessSignature=sv=1',
    'Password=x',
    'https://a/b?sv=1&sig=abc',
    'Bearer abcdefghijk',
  ];
  const plain = [
    '/data/extract',
    'ASEMIG_STAGING',
    'https://acct.blob.core.windows.net/staging',
    'password-reset-tables',
  ];
  for (const s of secret) test(`secret: ${s}`, () => assert.equal(looksLikeSecret(s), true));
  for (const s of plain) test(`not secret: ${s}`, () => assert.equal(looksLikeSecret(s), false));
});

describe('schema and settings helpers', () => {
  test('JSON Schema lists every declared option; required ones required', () => {
    const s = runOptionsJsonSchema() as {
      properties: object;
      required: string[];
      additionalProperties: boolean;
    };
    assert.deepEqual(
      Object.keys(s.properties),
      RUN_OPTION_SPECS.map((o) => o.name),
    );
    assert.deepEqual(s.required, ['source', 'packageDir']);
    assert.equal(s.additionalProperties, false);
  });
  const crons: [string, boolean][] = [
    ['0 0 2 * * *', true],
    ['0 */5 * * * 1-5', true],
    ['0 2 * * *', false],
    ['every day', false],
  ];
  for (const [c, ok] of crons) test(`NCRONTAB ${c} → ${ok}`, () => assert.equal(isNcrontab(c), ok));
  test('retention: default 30, positive integers only', () => {
    assert.equal(parseRetentionDays(undefined), 30);
    assert.equal(parseRetentionDays('7'), 7);
    assert.throws(() => parseRetentionDays('0'), AsemigError);
  });
});
