import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { REDACTED, redactSecrets } from '../../../shared/redact';
import { formatCliError } from '../../../cli/cli-error';
import { run } from '../../../cli/main';
import { AsemigError } from '../../../shared/errors';
import { fakeIo } from './fake-io';

const KEY = 'c2VjcmV0LWtleS1kby1ub3QtcHJpbnQ=';

describe('secret redaction', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    [
      'account key',
      `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${KEY};EndpointSuffix=core.windows.net`,
      KEY,
    ],
    [
      'SAS in connection string',
      `BlobEndpoint=https://a.blob.core.windows.net;SharedAccessSignature=sv=2022&sig=${KEY}`,
      KEY,
    ],
    [
      'SAS in URL',
      `https://a.blob.core.windows.net/c/x.csv?sv=2022-11-02&sp=r&sig=${encodeURIComponent(KEY)}`,
      encodeURIComponent(KEY),
    ],
    ['password key', `Server=tcp:s.database.windows.net;User ID=u;Password=${KEY};`, KEY],
    ['quoted pwd', `server=ase1;uid=sa;pwd="${KEY}"`, KEY],
    ['URL credentials', `mssql://admin:${KEY}@server:1433/db`, KEY],
  ];
  for (const [name, input, secret] of cases) {
    test(`${name} is replaced`, () => {
      const out = redactSecrets(input);
      assert.ok(!out.includes(secret), out);
      assert.ok(out.includes(REDACTED), out);
    });
  }

  test('text without secrets is unchanged', () => {
    const s = 'migrating ./extract to blob http://127.0.0.1:10000/devstoreaccount1/ase-migrate';
    assert.equal(redactSecrets(s), s);
  });

  test('an error message carrying a connection string is printed redacted', () => {
    const e = new AsemigError('ASM-STAGE-004', `cannot connect with AccountName=a;AccountKey=${KEY}`, {
      object: 'dbo.t',
    });
    const line = formatCliError(e);
    assert.equal(line, `error ASM-STAGE-004 dbo.t: cannot connect with AccountName=a;AccountKey=${REDACTED}`);
  });

  test('migrate never echoes the staging key, even when it fails early', async () => {
    const io = fakeIo();
    const code = await run(
      [
        'migrate',
        '--source',
        '/nonexistent/asemig',
        '--package',
        '/tmp/p',
        '--staging',
        `AccountName=a;AccountKey=${KEY}`,
      ],
      io,
    );
    assert.equal(code, 2);
    assert.ok(!io.err().includes(KEY) && !io.out().includes(KEY));
  });
});
