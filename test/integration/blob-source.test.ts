/**
 * The offline source read from a Blob prefix (issue 2 item 4) against a real Azurite started for
 * this file: the generated sample extract is written to a temp folder and uploaded under a prefix,
 * and everything read from the prefix must equal what the folder gives — catalog, chunk plans,
 * rows, hashes, ranged bytes, and the deployment package of a whole run.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { run } from '../../cli/main';
import type { Table } from '../../shared/catalog/model';
import { AsemigError } from '../../shared/errors';
import { sourceFingerprint } from '../../shared/pipeline/checkpoint';
import type { Row } from '../../shared/pipeline/contracts';
import { runMigration, withTargets } from '../../shared/pipeline/run-migration';
import { blobFiles } from '../../shared/pipeline/source/offline/blob-files';
import { folderFiles, type SourceFiles } from '../../shared/pipeline/source/offline/file-access';
import type { OfflineSource } from '../../shared/pipeline/source/offline/open';
import { fingerprintTarget, openSourceSpec } from '../../shared/pipeline/source/offline/open-source-spec';
import { valueKindOf } from '../../shared/pipeline/stage/value-kind';
import { chunkHash } from '../../shared/pipeline/validate/row-hash';
import { generateSampleSource, sampleTables } from '../../shared/sample/generate';
import { useAzurite } from '../helpers/azurite';
import { fakeIo } from '../unit/cli/fake-io';

const CONTAINER = 'asesrc';
const PREFIX = 'extracts/sample';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asemig-blobsrc-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function bytesOf(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

async function collect(rows: AsyncIterable<Row>): Promise<Row[]> {
  const out: Row[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

async function upload(container: ContainerClient, folder: string, prefix: string): Promise<string[]> {
  const names = (await readdir(folder)).sort();
  for (const n of names) await container.getBlockBlobClient(`${prefix}/${n}`).uploadFile(join(folder, n));
  return names;
}

/** Every file under a folder → sha256, by relative path. */
async function treeHashes(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else
        out.set(
          relative(root, p),
          createHash('sha256')
            .update(await readFile(p))
            .digest('hex'),
        );
    }
  };
  await walk(root);
  return out;
}

/** The sample's bcp file of a table (generate.ts names it). */
function dataFileOf(t: Table): string {
  const key = `${t.schema}.${t.name}`;
  const s = sampleTables.find((x) => x.key.toLowerCase() === key.toLowerCase());
  assert.ok(s, `${key} is a sample table`);
  return s.file ?? `${s.key}.bcp`;
}

function accountKey(connectionString: string): string {
  const m = /AccountKey=([^;]+)/i.exec(connectionString);
  assert.ok(m?.[1], 'Azurite connection string has an AccountKey');
  return m[1];
}

function isError(code: string, names: readonly string[]): (e: unknown) => boolean {
  return (e: unknown) => {
    assert.ok(e instanceof AsemigError, String(e));
    assert.equal(e.code, code, e.message);
    const where = `${e.place.file ?? ''} ${e.message}`;
    for (const n of names) assert.ok(where.includes(n), `${where} should name ${n}`);
    return true;
  };
}

describe('offline source from a Blob prefix (Azurite)', () => {
  const az = useAzurite();
  const sourceDir = (): string => join(dir, 'source');
  const spec = (prefix = PREFIX, container = CONTAINER): string =>
    `${az.connectionString}Container=${container};Prefix=${prefix};`;
  let container: ContainerClient;
  let fileNames: string[] = [];

  before(async () => {
    await generateSampleSource(sourceDir());
    container = BlobServiceClient.fromConnectionString(az.connectionString).getContainerClient(CONTAINER);
    await container.create();
    fileNames = await upload(container, sourceDir(), PREFIX);
    // Neither a deeper level nor a sibling prefix belongs to the extract.
    await container.getBlockBlobClient(`${PREFIX}/deeper/stray.sql`).upload('create table x (a int)', 22);
    await container.getBlockBlobClient(`${PREFIX}-other/stray.sql`).upload('create table x (a int)', 22);
  });

  test('list = the blobs directly under the prefix, sorted, with their sizes', async () => {
    const files = blobFiles(`${az.connectionString}Container=${CONTAINER};`, PREFIX);
    const listed = await files.list();
    assert.deepEqual(listed, fileNames);
    const folder = folderFiles(sourceDir());
    for (const n of listed) assert.equal(await files.size(n), await folder.size(n), n);
    assert.ok(!files.location.includes(accountKey(az.connectionString)), files.location);
    assert.match(files.location, new RegExp(`/${CONTAINER}/${PREFIX}/$`));
  });

  describe('(a) catalog, plans, rows and hashes equal the folder read (BCP-01)', () => {
    let fromBlob: OfflineSource;
    let fromFolder: OfflineSource;
    before(async () => {
      fromBlob = await openSourceSpec(spec(), { targetRows: 500 });
      fromFolder = await openSourceSpec(sourceDir(), { targetRows: 500 });
    });
    after(async () => {
      await fromBlob.close();
      await fromFolder.close();
    });

    test('the catalogs are equal', async () => {
      assert.deepEqual(await fromBlob.catalog(), await fromFolder.catalog());
    });

    test('every table: same chunk plans, rows and chunk hashes', async () => {
      const catalog = withTargets(await fromFolder.catalog());
      let chunks = 0;
      let rows = 0;
      for (const t of catalog.tables.filter((x: Table) => !x.proxy)) {
        const kinds = t.columns.map(valueKindOf);
        const planBlob = await fromBlob.planChunks(t, 500);
        const planFolder = await fromFolder.planChunks(t, 500);
        assert.deepEqual(planBlob, planFolder, `${t.schema}.${t.name}`);
        for (const c of planFolder.chunks) {
          const a = await collect(fromBlob.readChunk(t, c));
          const b = await collect(fromFolder.readChunk(t, c));
          assert.deepEqual(a, b, `${t.schema}.${t.name} chunk ${c.index}`);
          assert.equal(chunkHash(a, kinds), chunkHash(b, kinds));
          chunks++;
          rows += a.length;
        }
      }
      assert.ok(chunks > catalog.tables.length, `more than one chunk per table on average (${chunks})`);
      assert.ok(rows > 0);
      assert.deepEqual(fromBlob.profile(), fromFolder.profile());
    });
  });

  describe('(b) ranged reads', () => {
    const blob = (): SourceFiles => blobFiles(`${az.connectionString}Container=${CONTAINER};`, PREFIX);

    test('ranges at chunk byte offsets and at the edges equal the folder bytes', async () => {
      const files = blob();
      const folder = folderFiles(sourceDir());
      const source = await openSourceSpec(spec(), { targetRows: 500 });
      const catalog = await source.catalog();
      // Byte offsets the planner chose (chunk hints startByte/endByte) for every bcp file.
      const offsets = new Map<string, Set<number>>();
      let hinted = 0;
      for (const t of catalog.tables.filter((x) => !x.proxy)) {
        const file = dataFileOf(t);
        const set = offsets.get(file) ?? new Set<number>();
        offsets.set(file, set);
        for (const c of (await source.planChunks(t, 500)).chunks) {
          for (const k of ['startByte', 'endByte'] as const) {
            const v = c.hint?.[k];
            if (typeof v === 'number') {
              set.add(v);
              hinted++;
            }
          }
        }
      }
      await source.close();
      assert.ok(hinted > catalog.tables.length, `chunk plans carry byte offsets (${hinted})`);
      for (const [name, set] of offsets) {
        const size = await folder.size(name);
        const points = [...new Set([0, 1, ...set, size - 1, size])]
          .filter((p) => p >= 0 && p <= size)
          .sort((x, y) => x - y);
        const ranges: Array<{ start?: number; end?: number }> = [
          {},
          { start: size },
          { end: 0 },
          { start: 3, end: 3 },
        ];
        for (let i = 0; i + 1 < points.length; i++) ranges.push({ start: points[i], end: points[i + 1] });
        for (const p of points) ranges.push({ start: p }, { end: p });
        for (const r of ranges) {
          assert.deepEqual(
            await bytesOf(files.open(name, r)),
            await bytesOf(folder.open(name, r)),
            `${name} ${JSON.stringify(r)}`,
          );
        }
      }
    });

    test('a large blob is streamed with backpressure (not buffered whole)', async () => {
      const big = Buffer.alloc(12 << 20);
      for (let i = 0; i < big.length; i++) big[i] = i % 251;
      await container.getBlockBlobClient('big/data.bcp').uploadData(big);
      const files = blobFiles(`${az.connectionString}Container=${CONTAINER};`, 'big');
      const stream = files.open('data.bcp', { start: 5, end: big.length - 7 });
      await sleep(500);
      // Unread, the stream holds at most about its 1 MiB high-water mark plus one HTTP buffer.
      assert.ok(stream.readableLength < 4 << 20, `buffered ${stream.readableLength} bytes unread`);
      assert.ok((await bytesOf(stream)).equals(big.subarray(5, big.length - 7)));
    });
  });

  describe('(c) runMigration with a Blob source = the folder-source package', () => {
    test('packages are byte-identical; only the run report names the (redacted) source', async () => {
      const common = { runId: 'blobsrc1', chunkRows: 500, concurrency: 4 } as const;
      const viaFolder = await runMigration({
        ...common,
        source: sourceDir(),
        staging: join(dir, 'stage-folder'),
        packageDir: join(dir, 'pkg-folder'),
      });
      const viaBlob = await runMigration({
        ...common,
        source: spec(),
        staging: join(dir, 'stage-blob'),
        packageDir: join(dir, 'pkg-blob'),
      });
      assert.equal(viaFolder.status, 'succeeded');
      assert.equal(viaBlob.status, 'succeeded');
      assert.deepEqual(viaBlob.tables, viaFolder.tables);
      assert.match(viaBlob.source ?? '', new RegExp(`^offline blob .*/${CONTAINER} .*prefix ${PREFIX}/$`));
      assert.ok(!JSON.stringify(viaBlob).includes(accountKey(az.connectionString)));
      assert.match(viaFolder.source ?? '', /^offline folder /);

      const a = await treeHashes(join(dir, 'pkg-folder'));
      const b = await treeHashes(join(dir, 'pkg-blob'));
      assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
      const differing = [...a.keys()].filter((k) => a.get(k) !== b.get(k)).sort();
      assert.deepEqual(differing, []);
    });
  });

  describe('resume fingerprint of a Blob source', () => {
    test('stable for the same blobs, different after a blob is replaced', async () => {
      const prefix = 'extracts/fp';
      await upload(container, sourceDir(), prefix);
      const source = await openSourceSpec(spec(prefix));
      const catalog = await source.catalog();
      await source.close();
      const first = await sourceFingerprint(catalog, fingerprintTarget(spec(prefix)));
      assert.equal(await sourceFingerprint(catalog, fingerprintTarget(spec(prefix))), first);
      const bcp = fileNames.find((n) => n.endsWith('.bcp'));
      assert.ok(bcp);
      const data = await readFile(join(sourceDir(), bcp));
      // Same size, one byte different: only the etag tells.
      const changed = Buffer.from(data);
      changed[0] = changed[0] === 0x41 ? 0x42 : 0x41;
      await container.getBlockBlobClient(`${prefix}/${bcp}`).uploadData(changed);
      assert.notEqual(await sourceFingerprint(catalog, fingerprintTarget(spec(prefix))), first);
      // A folder source keeps its folder fingerprint (existing checkpoints still match).
      assert.equal(fingerprintTarget(sourceDir()), sourceDir());
    });
  });

  describe('(d) errors name the container or blob', () => {
    test('missing container → ASM-SRC-013', async () => {
      await assert.rejects(
        openSourceSpec(spec(PREFIX, 'nosuchcontainer')),
        isError('ASM-SRC-013', ['nosuchcontainer']),
      );
    });

    test('prefix without scripts → ASM-SRC-008 naming the prefix (CAT-11)', async () => {
      const source = await openSourceSpec(spec('no/such/prefix'));
      await assert.rejects(source.catalog(), isError('ASM-SRC-008', [`${CONTAINER}/no/such/prefix/`]));
    });

    test('wrong account key → ASM-SRC-014, the key is not in the message', async () => {
      const wrongKey = Buffer.from('not-the-right-key-at-all-0123456789').toString('base64');
      const bad = spec().replace(/AccountKey=[^;]+/i, `AccountKey=${wrongKey}`);
      await assert.rejects(openSourceSpec(bad), (e: unknown) => {
        assert.ok(isError('ASM-SRC-014', [CONTAINER])(e));
        assert.ok(!String((e as Error).message).includes(wrongKey));
        return true;
      });
    });

    test('a bcp blob deleted between list and open → ASM-SRC-015 naming the blob (BCP-01)', async () => {
      const prefix = 'extracts/vanish';
      await upload(container, sourceDir(), prefix);
      const source = await openSourceSpec(spec(prefix), { targetRows: 500 });
      const catalog = await source.catalog();
      const table = catalog.tables.find((t) => !t.proxy);
      assert.ok(table);
      const plan = await source.planChunks(table, 500);
      const first = plan.chunks[0];
      assert.ok(first);
      const file = dataFileOf(table);
      await container.getBlobClient(`${prefix}/${file}`).delete();
      await assert.rejects(
        collect(source.readChunk(table, first)),
        isError('ASM-SRC-015', [`${prefix}/${file}`]),
      );
      await source.close();
    });
  });

  describe('a blob replaced after listing', () => {
    test('same bytes, new etag: readChunk fails with ASM-SRC-009 instead of reading the new blob (BCP-01)', async () => {
      const prefix = 'extracts/replaced';
      await upload(container, sourceDir(), prefix);
      const source = await openSourceSpec(spec(prefix), { targetRows: 500 });
      const catalog = await source.catalog();
      const table = catalog.tables.find((t) => !t.proxy);
      assert.ok(table);
      const first = (await source.planChunks(table, 500)).chunks[0];
      assert.ok(first);
      const file = dataFileOf(table);
      await container.getBlockBlobClient(`${prefix}/${file}`).uploadFile(join(sourceDir(), file));
      await assert.rejects(
        collect(source.readChunk(table, first)),
        isError('ASM-SRC-009', [`${prefix}/${file}`]),
      );
      await source.close();
    });
  });

  describe('(e) the CLI never prints the key', () => {
    test('migrate --source <connection string with Container/Prefix> succeeds without printing the key', async () => {
      const io = fakeIo({ cwd: dir });
      const code = await run(
        [
          'migrate',
          '--source',
          spec(),
          '--staging',
          join(dir, 'stage-cli'),
          '--package',
          join(dir, 'pkg-cli'),
          '--chunk-rows',
          '500',
        ],
        io,
      );
      const printed = io.out() + io.err();
      assert.equal(code, 0, printed);
      assert.ok(!printed.includes(accountKey(az.connectionString)), 'key printed');
      assert.match(io.err(), new RegExp(`migrating offline blob .*/${CONTAINER} .*prefix ${PREFIX}/`));
      const reportJson = await readFile(join(dir, 'pkg-cli', 'report', 'report.json'), 'utf8');
      assert.ok(!reportJson.includes(accountKey(az.connectionString)), 'key in report.json');
    });

    test('a failing Blob source (missing container) exits non-zero without printing the key', async () => {
      const io = fakeIo({ cwd: dir });
      const code = await run(
        ['assess', '--source', spec(PREFIX, 'nosuchcontainer'), '--out', join(dir, 'assess-bad')],
        io,
      );
      const printed = io.out() + io.err();
      assert.notEqual(code, 0);
      assert.match(printed, /ASM-SRC-013/);
      assert.ok(!printed.includes(accountKey(az.connectionString)), printed);
    });
  });
});
