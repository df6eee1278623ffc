/**
 * Source specs (open-source-spec.ts): which strings are folders and which are Blob prefixes, and
 * that the description written to run.json and reports never carries a key or SAS. No network:
 * the Blob cases are only parsed here (test/integration/blob-source.test.ts reads a real Azurite).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { AsemigError } from '../../../shared/errors';
import {
  describeSourceSpec,
  isBlobSourceSpec,
  parseSourceSpec,
  type ParsedSourceSpec,
} from '../../../shared/pipeline/source/offline/open-source-spec';
import { normalizePrefix } from '../../../shared/pipeline/source/offline/blob-files';

const KEY = 'c2VjcmV0LWtleS1kby1ub3QtcHJpbnQ=';
const CS = `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${KEY};EndpointSuffix=core.windows.net`;

describe('parseSourceSpec: folder, connection string + Container/Prefix, container URL', () => {
  const cases: ReadonlyArray<readonly [string, string, ParsedSourceSpec]> = [
    ['relative folder', './extract', { kind: 'folder', dir: './extract' }],
    ['absolute folder', '/data/extract', { kind: 'folder', dir: '/data/extract' }],
    [
      'connection string with Container and Prefix (Prefix removed, Container kept for the store)',
      `${CS};Container=src;Prefix=exports/2024;`,
      { kind: 'blob', storeSpec: `${CS};Container=src;`, prefix: 'exports/2024/' },
    ],
    [
      'connection string, Prefix before Container, trailing slash kept once',
      `Prefix=/a/b/;${CS};Container=src`,
      { kind: 'blob', storeSpec: `${CS};Container=src;`, prefix: 'a/b/' },
    ],
    [
      'connection string without Prefix = the container root',
      `${CS};Container=src;`,
      { kind: 'blob', storeSpec: `${CS};Container=src;`, prefix: '' },
    ],
    [
      'account URL with container and prefix (DefaultAzureCredential)',
      'https://acct.blob.core.windows.net/src/exports/2024/',
      { kind: 'blob', storeSpec: 'https://acct.blob.core.windows.net/src', prefix: 'exports/2024/' },
    ],
    [
      'account URL with container only',
      'https://acct.blob.core.windows.net/src',
      { kind: 'blob', storeSpec: 'https://acct.blob.core.windows.net/src', prefix: '' },
    ],
    [
      'URL-encoded prefix segments are decoded',
      'https://acct.blob.core.windows.net/src/my%20extract',
      { kind: 'blob', storeSpec: 'https://acct.blob.core.windows.net/src', prefix: 'my extract/' },
    ],
  ];
  for (const [name, spec, expected] of cases) {
    test(name, () => {
      assert.deepEqual(parseSourceSpec(spec), expected);
      assert.equal(isBlobSourceSpec(spec), expected.kind === 'blob');
    });
  }
});

describe('parseSourceSpec: bad specs are ASM-SRC-017 on field source', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['connection string without Container', `${CS};Prefix=x;`],
    ['connection string with an empty Container', `${CS};Container=;Prefix=x;`],
    ['URL without a container', 'https://acct.blob.core.windows.net/'],
    ['URL with a SAS query', `https://acct.blob.core.windows.net/src/x/?sv=2022&sig=${KEY}`],
    ['empty spec', '  '],
  ];
  for (const [name, spec] of cases) {
    test(name, () => {
      assert.throws(
        () => parseSourceSpec(spec),
        (e: unknown) => {
          assert.ok(e instanceof AsemigError);
          assert.equal(e.code, 'ASM-SRC-017');
          assert.equal(e.place.field, 'source');
          assert.ok(!e.message.includes(KEY), e.message);
          return true;
        },
      );
    });
  }
});

describe('describeSourceSpec never shows a key', () => {
  const cases: ReadonlyArray<readonly [string, string, RegExp]> = [
    ['folder', 'extract', new RegExp(`^offline folder ${resolve('extract').replace(/[/\\]/g, '.')}$`)],
    [
      'connection string',
      `${CS};Container=src;Prefix=exports;`,
      /^offline blob https:\/\/acct\.blob\.core\.windows\.net\/src .*redacted.*, prefix exports\/$/,
    ],
    [
      'SAS connection string',
      `BlobEndpoint=https://acct.blob.core.windows.net;SharedAccessSignature=sv=2022&sig=${KEY};Container=src;`,
      /^offline blob https:\/\/acct\.blob\.core\.windows\.net\/src .*, prefix \(container root\)$/,
    ],
    [
      'account URL',
      'https://acct.blob.core.windows.net/src/p/',
      /^offline blob https:\/\/acct\.blob\.core\.windows\.net\/src \(DefaultAzureCredential\), prefix p\/$/,
    ],
  ];
  for (const [name, spec, expected] of cases) {
    test(name, () => {
      const text = describeSourceSpec(spec);
      assert.match(text, expected);
      assert.ok(!text.includes(KEY), text);
    });
  }
});

describe('normalizePrefix', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['', ''],
    ['/', ''],
    ['a', 'a/'],
    ['a/b/', 'a/b/'],
    ['//a/b', 'a/b/'],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(normalizePrefix(input), expected);
    });
  }
});
