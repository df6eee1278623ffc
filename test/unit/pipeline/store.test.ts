import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AsemigError } from '../../../shared/errors';
import { LocalStore } from '../../../shared/pipeline/stage/local-store';
import { getText, type ObjectStore } from '../../../shared/pipeline/stage/object-store';
import { describeStagingSpec, openStore } from '../../../shared/pipeline/stage/open-store';
import { BlobStore } from '../../../shared/pipeline/stage/blob-store';
import { useAzurite } from '../../helpers/azurite';
import { startAzurite } from '../../../shared/pipeline/stage/azurite';

async function readAll(s: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

function storeContract(name: string, make: () => ObjectStore): void {
  describe(`${name}: ObjectStore contract`, () => {
    test('put from a stream, get back the same bytes, stat gives the size', async () => {
      const s = make();
      const data = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
      async function* gen(): AsyncGenerator<Buffer> {
        for (let i = 0; i < data.length; i += 65536) yield data.subarray(i, i + 65536);
      }
      assert.equal(await s.put('r1/a/x.csv', gen()), data.length);
      assert.deepEqual(await readAll(await s.get('r1/a/x.csv')), data);
      assert.deepEqual(await s.stat('r1/a/x.csv'), { name: 'r1/a/x.csv', bytes: data.length });
    });
    test('put overwrites (retry leaves one copy)', async () => {
      const s = make();
      await s.put('r1/b.txt', Buffer.from('first version'));
      await s.put('r1/b.txt', Buffer.from('2nd'));
      assert.equal(await getText(s, 'r1/b.txt'), '2nd');
      assert.equal((await s.list('r1/b')).length, 1);
    });
    test('exists / list by prefix (sorted) / delete', async () => {
      const s = make();
      await s.put('r2/t/chunk-1.csv', Buffer.from('b'));
      await s.put('r2/t/chunk-0.csv', Buffer.from('a'));
      await s.put('r2x/other', Buffer.from('c'));
      assert.equal(await s.exists('r2/t/chunk-0.csv'), true);
      assert.deepEqual(
        (await s.list('r2/')).map((o) => o.name),
        ['r2/t/chunk-0.csv', 'r2/t/chunk-1.csv'],
      );
      await s.delete('r2/t/chunk-0.csv');
      await s.delete('r2/t/never-existed');
      assert.equal(await s.exists('r2/t/chunk-0.csv'), false);
    });
    test('get of a missing object is ASM-STAGE-005', async () => {
      await assert.rejects(
        make().get('nope/nothing'),
        (e: unknown) => e instanceof AsemigError && e.code === 'ASM-STAGE-005',
      );
    });
    test('a name climbing out of the root is ASM-STAGE-007', async () => {
      await assert.rejects(
        make().put('../evil', Buffer.from('x')),
        (e: unknown) => e instanceof AsemigError && e.code === 'ASM-STAGE-007',
      );
    });
    test('a failing source stream rejects the put and leaves no object', async () => {
      const s = make();
      async function* failing(): AsyncGenerator<Buffer> {
        yield Buffer.from('partial');
        throw new Error('source broke');
      }
      await assert.rejects(s.put('r3/broken.csv', failing()));
      assert.equal(await s.exists('r3/broken.csv'), false);
    });
  });
}

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asemig-store-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

storeContract('LocalStore', () => new LocalStore(dir));

describe('LocalStore specifics', () => {
  test('no temp files remain after puts', async () => {
    const s = new LocalStore(dir);
    await s.put('tmpcheck/a', Buffer.from('x'));
    assert.deepEqual(await readdir(join(dir, 'tmpcheck')), ['a']);
  });

  test('sweepTemp removes the leftover .tmp files under its prefix only; list never shows them', async () => {
    const root = await mkdtemp(join(dir, 'sweep-'));
    const s = new LocalStore(join(root, 'store'));
    await s.put('run-a/t/chunk-0.csv', Buffer.from('kept'));
    await s.put('run-b/t/chunk-0.csv', Buffer.from('kept'));
    await writeFile(join(root, 'store', 'run-a', 't', 'chunk-1.csv.1234.tmp'), 'half');
    await writeFile(join(root, 'store', 'run-b', 't', 'chunk-1.csv.5678.tmp'), 'half');
    // A .tmp file beside the store: a prefix that climbs out must not reach it.
    await writeFile(join(root, 'outside.tmp'), 'not ours');
    assert.deepEqual(
      (await s.list('run-a/t/')).map((o) => o.name),
      ['run-a/t/chunk-0.csv'],
    );
    assert.equal(await s.sweepTemp('../'), 0);
    assert.equal(await s.sweepTemp('run-a/t/'), 1);
    assert.deepEqual(await readdir(join(root, 'store', 'run-a', 't')), ['chunk-0.csv']);
    assert.deepEqual((await readdir(join(root, 'store', 'run-b', 't'))).sort(), [
      'chunk-0.csv',
      'chunk-1.csv.5678.tmp',
    ]);
    assert.deepEqual(await readdir(root), ['outside.tmp', 'store'].sort());
  });
});

describe('startAzurite', () => {
  test('persists into a location folder and stop() ends the process', async () => {
    const location = join(dir, 'azurite-data');
    const az = await startAzurite({ location });
    try {
      const s = openStore(az.connectionString + 'Container=persist;');
      await s.put('a/b', Buffer.from('kept'));
      assert.equal(await getText(s, 'a/b'), 'kept');
    } finally {
      await az.stop();
    }
    assert.ok((await readdir(location)).length > 0, 'azurite wrote nothing into its location');
    assert.throws(() => process.kill(az.pid as number, 0), 'the azurite process is still alive');
  });
});

describe('BlobStore against Azurite', () => {
  const az = useAzurite();
  storeContract('BlobStore', () => openStore(az.connectionString + 'Container=unit-test;'));
  test('openStore picks Blob for a connection string; location and description hold no key', () => {
    const s = openStore(az.connectionString);
    assert.ok(s instanceof BlobStore);
    assert.ok(!s.location.includes('AccountKey') && !s.location.includes('Eby8'));
    const d = describeStagingSpec(az.connectionString);
    assert.ok(!d.includes('Eby8') && d.includes('ase-migrate'), d);
  });
});

describe('openStore decisions', () => {
  const cases: { spec: string; blob: boolean }[] = [
    { spec: '/tmp/staging', blob: false },
    { spec: 'relative/dir', blob: false },
    { spec: 'https://acct.blob.core.windows.net/stage', blob: true },
    {
      spec: 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.windows.net',
      blob: true,
    },
    {
      spec: 'BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=sv=2022&sig=a2V5',
      blob: true,
    },
  ];
  for (const c of cases) {
    test(`${c.spec.slice(0, 40)} → ${c.blob ? 'Blob' : 'folder'}`, () => {
      assert.equal(openStore(c.spec) instanceof BlobStore, c.blob);
      assert.ok(!describeStagingSpec(c.spec).includes('a2V5'));
    });
  }
});
