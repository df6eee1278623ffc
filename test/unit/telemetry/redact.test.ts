import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { REDACTED, isSecretName, redactProps, redactSecrets, truncate } from '../../../shared/redact';

const S = 'Hunter2-xyz';

describe('redactSecrets: secrets inside strings', () => {
  const cases: Array<{ name: string; input: string; keep: string[] }> = [
    {
      name: 'ADO.NET Password',
      input: `Server=s;User ID=u;Password=${S};Encrypt=true`,
      keep: ['Server=s', 'User ID=u', 'Encrypt=true'],
    },
    {
      name: 'ODBC braced PWD with ; inside',
      input: `DSN=ase;UID=sa;PWD={${S};more};`,
      keep: ['DSN=ase', 'UID=sa'],
    },
    { name: 'quoted password', input: `Password="${S};x";Server=s`, keep: ['Server=s'] },
    {
      name: 'storage AccountKey',
      input: `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${S}==;EndpointSuffix=core.windows.net`,
      keep: ['AccountName=a', 'EndpointSuffix=core.windows.net'],
    },
    {
      name: 'SAS sig in a URL',
      input: `https://a.blob.core.windows.net/c/b?sv=2024-01-01&sig=${S}%3D&se=x`,
      keep: ['sv=2024-01-01', 'se=x'],
    },
    {
      name: 'SharedAccessSignature in a connection string',
      input: `BlobEndpoint=https://a/;SharedAccessSignature=sv=1&sig=${S};`,
      keep: ['BlobEndpoint=https://a/'],
    },
    { name: 'URL user info', input: `mssql://sa:${S}@host:1433/db`, keep: ['mssql://sa:', '@host:1433/db'] },
    { name: 'Bearer token', input: `Authorization: Bearer ${S}.abc`, keep: ['Authorization'] },
    { name: 'JSON password field', input: `{"user":"sa","password":"${S}"}`, keep: ['"user":"sa"'] },
    { name: 'message with "password: x"', input: `login failed, password: ${S}`, keep: ['login failed'] },
    { name: 'client secret', input: `ClientSecret=${S};TenantId=t`, keep: ['TenantId=t'] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const out = redactSecrets(c.input);
      assert.ok(!out.includes(S), `secret left in: ${out}`);
      assert.ok(out.includes(REDACTED), `no marker in: ${out}`);
      for (const k of c.keep) assert.ok(out.includes(k), `lost "${k}" in: ${out}`);
    });
  }

  const untouched = [
    'Server=s;Database=d;Authentication=Active Directory Default',
    'rows=100 bytes=4000',
    'dbo.orders chunk 3',
    'InstrumentationKey=00000000-0000-0000-0000-000000000000',
  ];
  for (const text of untouched) {
    test(`leaves non-secret text alone: ${text}`, () => assert.equal(redactSecrets(text), text));
  }
});

describe('isSecretName: property names', () => {
  const cases: Array<[string, boolean]> = [
    ['password', true],
    ['sourcePassword', true],
    ['ASE_PWD', true],
    ['clientSecret', true],
    ['accountKey', true],
    ['api-key', true],
    ['accessToken', true],
    ['sasToken', true],
    ['runId', false],
    ['table', false],
    ['signal', false],
    ['connectionString', false],
    ['primaryKey', false],
  ];
  for (const [name, secret] of cases)
    test(`${name} → ${secret}`, () => assert.equal(isSecretName(name), secret));
});

describe('redactProps', () => {
  test('secret-named values are replaced whatever they contain', () => {
    assert.deepEqual(redactProps({ password: 'plain', runId: 'r1' }), { password: REDACTED, runId: 'r1' });
  });
  test('connection strings in ordinary properties are scrubbed, not dropped', () => {
    const out = redactProps({ connectionString: `Server=s;Password=${S}` });
    assert.equal(out.connectionString, `Server=s;Password=${REDACTED}`);
  });
  test('undefined values are left out', () => {
    assert.deepEqual(redactProps({ a: undefined, b: 'x' }), { b: 'x' });
  });
  test('over-long values are truncated with a visible marker', () => {
    const out = redactProps({ sql: 'x'.repeat(10_000) });
    assert.equal(out.sql?.length, 8192);
    assert.match(out.sql ?? '', /…\[truncated \d+ chars\]$/);
  });
});

describe('truncate', () => {
  test('short text is kept', () => assert.equal(truncate('abc', 10), 'abc'));
  test('long text says how much was cut', () => {
    const out = truncate('a'.repeat(100), 40);
    assert.equal(out.length, 40);
    assert.ok(out.endsWith('…[truncated 60 chars]'));
  });
});
