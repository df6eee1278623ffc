import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalStore } from '../../../shared/pipeline/stage/local-store';
import { StoreStager } from '../../../shared/pipeline/stage/store-stager';
import { openStore } from '../../../shared/pipeline/stage/open-store';
import { getText, type ObjectStore } from '../../../shared/pipeline/stage/object-store';
import { chunkHash, keyOrderChunkHash } from '../../../shared/pipeline/validate/row-hash';
import type { ChunkRef, Row } from '../../../shared/pipeline/contracts';
import type { ValueKind } from '../../../shared/pipeline/stage/value-kind';
import { dataName, manifestName, nameSegment } from '../../../shared/pipeline/stage/layout';
import { AsemigError } from '../../../shared/errors';
import { useAzurite } from '../../helpers/azurite';

async function* from(rows: Row[]): AsyncGenerator<Row> {
  for (const r of rows) yield r;
}
async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const rows: Row[] = [
  ['1', 'plain', new Uint8Array([1, 2]), '1.5'],
  ['2', '', null, '-0.25'],
  ['3', ' ', new Uint8Array(0), null],
  ['4', null, new Uint8Array([255]), '1e+300'],
  ['5', 'multi\nline "quoted", 😀', null, '3'],
];
const kinds: ValueKind[] = ['text', 'text', 'binary', 'float64'];
const columns = ['id', 'name', 'blob', 'ratio'];
const ref = (index: number, runId = 'r1', table = 'my table'): ChunkRef => ({
  runId,
  schema: 'dbo',
  table,
  index,
});

function stagerContract(name: string, makeStore: () => ObjectStore): void {
  for (const gzip of [false, true]) {
    describe(`${name} stager (${gzip ? 'csv.gz' : 'csv'})`, () => {
      test('write → manifest → read round-trips rows; manifest has rows, bytes, hash, columns', async () => {
        const store = makeStore();
        const stager = new StoreStager(store, { gzip });
        const range = { keyColumns: ['id'], after: ['0'], upTo: ['5'] } as const;
        const m = await stager.write(ref(0), columns, from(rows), range, { kinds, trackMax: ['id'] });
        assert.equal(m.rows, rows.length);
        assert.equal(m.format, gzip ? 'csv.gz' : 'csv');
        // A chunk with a key range is hashed in key order (key-order-v1, column 0 is the key).
        assert.equal(m.hashMethod, 'key-order-v1');
        assert.equal(m.hash, keyOrderChunkHash(rows, kinds, [0]));
        assert.notEqual(m.hash, chunkHash(rows, kinds));
        assert.equal(m.bytes, (await store.stat(m.dataName))?.bytes);
        assert.deepEqual(m.max, { id: '5' });
        assert.deepEqual(await stager.manifest(ref(0)), m);
        assert.deepEqual(await collect(stager.read(ref(0))), rows);
      });
      test('keyless chunk, or a key column not staged: sorted-rows-v1, independent of row order', async () => {
        const stager = new StoreStager(makeStore(), { gzip });
        const m = await stager.write(ref(5, 'rk'), columns, from(rows), undefined, { kinds });
        assert.equal(m.hashMethod, 'sorted-rows-v1');
        assert.equal(m.hash, chunkHash([...rows].reverse(), kinds));
        const unstaged = { keyColumns: ['not_staged'] } as const;
        const n = await stager.write(ref(6, 'rk'), columns, from(rows), unstaged, { kinds });
        assert.equal(n.hashMethod, 'sorted-rows-v1');
        assert.equal(n.hash, m.hash);
        assert.deepEqual(await stager.manifest(ref(6, 'rk')), n);
      });
      test('layout: <runId>/<schema>.<table>/chunk-<n>.<ext> + chunk-<n>.json', async () => {
        const store = makeStore();
        const stager = new StoreStager(store, { gzip });
        const run = gzip ? 'rz' : 'rp';
        await stager.write(ref(3, run), columns, from(rows), undefined, { kinds });
        const names = (await store.list(`${run}/dbo.my%20table/chunk-3`)).map((o) => o.name);
        assert.deepEqual(names, [
          `${run}/dbo.my%20table/chunk-3.${gzip ? 'csv.gz' : 'csv'}`,
          `${run}/dbo.my%20table/chunk-3.json`,
        ]);
      });
      test('retry overwrites: one data object, identical manifest bytes', async () => {
        const store = makeStore();
        const stager = new StoreStager(store, { gzip });
        const run = gzip ? 'rz' : 'rp';
        await stager.write(ref(1, run), columns, from(rows), undefined, { kinds });
        const first = await getText(store, manifestName(ref(1, run)));
        await stager.write(ref(1, run), columns, from(rows), undefined, { kinds });
        assert.equal(await getText(store, manifestName(ref(1, run))), first);
        assert.equal((await store.list(`${run}/dbo.my%20table/chunk-1.`)).length, 2);
      });
      test('a failing row stream leaves no manifest (the chunk is not complete)', async () => {
        const store = makeStore();
        const stager = new StoreStager(store, { gzip });
        async function* bad(): AsyncGenerator<Row> {
          yield ['1', 'a', null, '1'];
          yield ['2', 'lone \uD800', null, '1'];
        }
        await assert.rejects(
          stager.write(ref(2), columns, bad(), undefined, { kinds }),
          (e: unknown) => e instanceof AsemigError && e.code === 'ASM-STAGE-002',
        );
        assert.equal(await stager.manifest(ref(2)), undefined);
      });
    });
  }
}

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asemig-stager-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

stagerContract('LocalStore', () => new LocalStore(dir));
describe('Azurite', () => {
  const az = useAzurite();
  stagerContract('BlobStore', () => openStore(az.connectionString + 'Container=stager-test;'));
});

describe('layout names', () => {
  const cases: { name: string; input: string; segment: string }[] = [
    { name: 'plain', input: 'orders', segment: 'orders' },
    { name: 'dot is encoded (separates schema and table)', input: 'a.b', segment: 'a%2Eb' },
    { name: 'slash cannot make a folder', input: 'a/b', segment: 'a%2Fb' },
    { name: 'space and percent', input: 'a b%', segment: 'a%20b%25' },
    { name: 'non-ASCII', input: 'é', segment: '%C3%A9' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(nameSegment(c.input), c.segment));
  test('a bad run id is ASM-STAGE-007', () => {
    assert.throws(
      () => dataName({ runId: '../x', schema: 'a', table: 'b', index: 0 }, 'csv'),
      (e: unknown) => e instanceof AsemigError && e.code === 'ASM-STAGE-007',
    );
  });
});
