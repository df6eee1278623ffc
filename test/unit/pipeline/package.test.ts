import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigration } from '../../../shared/pipeline/run-migration';
import { decodeCsv } from '../../../shared/pipeline/stage/csv-decode';
import { chunkHash, keyOrderChunkHash } from '../../../shared/pipeline/validate/row-hash';
import type { Row } from '../../../shared/pipeline/contracts';
import type { ValueKind } from '../../../shared/pipeline/stage/value-kind';
import { AsemigError } from '../../../shared/errors';
import { sampleMemorySource } from '../../helpers/memory-source';
import { fakeDdl } from '../../helpers/fake-ddl';

interface PkgManifest {
  scripts: string[];
  tables: {
    schema: string;
    table: string;
    columns: string[];
    rows: number;
    chunks: {
      index: number;
      file: string;
      rows: number;
      hash: string;
      hashMethod?: string;
      range?: { keyColumns: string[] };
    }[];
  }[];
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await listFiles(join(dir, e.name), `${prefix}${e.name}/`)));
    else out.push(`${prefix}${e.name}`);
  }
  return out.sort();
}

async function* asAsync(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

let dir = '';
let pkg = '';
let manifest: PkgManifest;
const script = async (name: string): Promise<string> => readFile(join(pkg, name), 'utf8');

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asemig-pkg-'));
  pkg = join(dir, 'pkg');
  await runMigration({
    source: sampleMemorySource(45),
    staging: join(dir, 'stage'),
    packageDir: pkg,
    runId: 'p1',
    chunkRows: 20,
    generateDdl: fakeDdl,
    gzip: true,
  });
  manifest = JSON.parse(await script('manifest.json')) as PkgManifest;
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('deployment package: files and order', () => {
  test('scripts in run order: DDL 01-02, load, DDL 04.., validate, reseed', () => {
    assert.deepEqual(manifest.scripts, [
      '01-types.sql',
      '02-tables.sql',
      '03-load-blob.sql',
      '04-constraints.sql',
      '07-validate.sql',
      '08-reseed.sql',
    ]);
  });
  test('every script, the local load script and the README exist', () => {
    for (const s of [...manifest.scripts, '03-load-local.sql', 'README.md'])
      assert.ok(existsSync(join(pkg, s)), s);
  });
  test('README names every script in order', async () => {
    const readme = await script('README.md');
    let at = -1;
    for (const s of manifest.scripts) {
      const i = readme.indexOf(s);
      assert.ok(i > at, `${s} out of order in README`);
      at = i;
    }
  });
  test('data files are plain CSV (gunzipped from csv.gz staging) and their rows hash to the manifest', async () => {
    for (const t of manifest.tables) {
      for (const c of t.chunks) {
        const text = await readFile(join(pkg, c.file));
        const kinds: ValueKind[] =
          t.table === 'orders' ? ['text', 'text', 'text', 'binary', 'float64'] : t.columns.map(() => 'text');
        const rows: Row[] = [];
        for await (const r of decodeCsv(asAsync(text), { width: t.columns.length, kinds })) rows.push(r);
        assert.equal(rows.length, c.rows, c.file);
        // Keyed chunks use key-order-v1 (rows in the file are in key order), keyless ones sorted-rows-v1.
        if (c.range) {
          assert.equal(c.hashMethod, 'key-order-v1', c.file);
          const keys = c.range.keyColumns.map((k) => t.columns.indexOf(k));
          assert.equal(keyOrderChunkHash(rows, kinds, keys), c.hash, c.file);
        } else {
          assert.equal(c.hashMethod, 'sorted-rows-v1', c.file);
          assert.equal(chunkHash(rows, kinds), c.hash, c.file);
        }
      }
    }
  });
});

describe('deployment package: load scripts (BCP-02/03/09/10/14, AZ-11)', () => {
  for (const name of ['03-load-blob.sql', '03-load-local.sql']) {
    test(`${name}: one BULK INSERT per non-empty chunk, each with MAXERRORS = 0, KEEPNULLS, CODEPAGE 65001, LF rows`, async () => {
      const sql = await script(name);
      const inserts = sql.split('BULK INSERT').slice(1);
      const nonEmpty = manifest.tables.flatMap((t) => t.chunks).filter((c) => c.rows > 0).length;
      assert.equal(inserts.length, nonEmpty);
      for (const b of inserts) {
        const stmt = b.slice(0, b.indexOf(');') + 2);
        for (const opt of [
          'MAXERRORS = 0',
          'KEEPNULLS',
          "CODEPAGE = '65001'",
          "ROWTERMINATOR = '0x0a'",
          "FORMAT = 'CSV'",
          'TABLOCK',
          'ERRORFILE',
        ]) {
          assert.ok(stmt.includes(opt), `${opt} missing in ${stmt}`);
        }
      }
    });
    test(`${name}: every chunk file referenced exists in data/`, async () => {
      const sql = await script(name);
      const refs = [...sql.matchAll(/FROM '\$\((?:DataPrefix|DataDir)\)\/([^']+)'/g)].map(
        (m) => `data/${m[1]}`,
      );
      assert.ok(refs.length > 0);
      for (const r of refs) assert.ok(existsSync(join(pkg, ...r.split('/'))), r);
    });
    test(`${name}: BCP-09 KEEPIDENTITY only for the identity table`, async () => {
      const sql = await script(name);
      for (const b of sql.split('BULK INSERT').slice(1)) {
        const stmt = b.slice(0, b.indexOf(');'));
        assert.equal(stmt.includes('KEEPIDENTITY'), stmt.includes('[orders'), stmt.slice(0, 60));
      }
    });
    test(`${name}: BCP-10 the rowversion table loads through a staging view without the column`, async () => {
      const sql = await script(name);
      assert.match(
        sql,
        /CREATE OR ALTER VIEW \[dbo\]\.\[orders\$asemig_load\] AS SELECT \[id\], \[customer\], \[amount\], \[photo\], \[ratio\] FROM \[dbo\]\.\[orders\];/,
      );
      assert.match(sql, /DROP VIEW IF EXISTS \[dbo\]\.\[orders\$asemig_load\];/);
    });
    test(`${name}: identifiers bracket-quoted (table name with a space)`, async () => {
      assert.ok((await script(name)).includes('[sales].[line items]'));
    });
  }
  test('blob script: managed identity credential, no secret', async () => {
    const sql = await script('03-load-blob.sql');
    assert.ok(sql.includes("WITH IDENTITY = 'Managed Identity'"));
    assert.ok(!/SECRET\s*=/.test(sql));
    assert.ok(sql.includes("DATA_SOURCE = 'AsemigStaging'"));
  });
});

describe('deployment package: 07-validate and 08-reseed', () => {
  test('07 expects exactly the staged rows per chunk and per table', async () => {
    const sql = await script('07-validate.sql');
    for (const t of manifest.tables) {
      const q = `N'${t.schema}.${t.table}'`;
      assert.ok(
        sql.includes(`INSERT @tables (table_name, expected_rows, expected_hash) VALUES (${q}, ${t.rows}, `),
        t.table,
      );
      for (const c of t.chunks) {
        assert.ok(
          sql.includes(`VALUES (${q}, ${c.index}, ${c.rows}, '${c.hash.toUpperCase()}')`),
          `${t.table} chunk ${c.index}`,
        );
      }
    }
    assert.equal(
      manifest.tables.reduce((n, t) => n + t.rows, 0),
      45 + 90 + 4,
    );
    assert.ok(sql.includes('THROW 50002'));
  });
  test('07 checks each chunk with its manifest hash method: key order for keyed, sorted rows for keyless', async () => {
    const sql = await script('07-validate.sql');
    const blocks = sql.split('UPDATE c SET actual_rows').slice(1);
    const chunks = manifest.tables.flatMap((t) => t.chunks);
    assert.equal(blocks.length, chunks.length);
    const keyOrder = blocks.filter((b) => b.includes('OVER (ORDER BY')).length;
    assert.equal(keyOrder, chunks.filter((c) => c.hashMethod === 'key-order-v1').length);
    assert.ok(keyOrder > 0);
    assert.equal(blocks.length - keyOrder, chunks.filter((c) => c.hashMethod === 'sorted-rows-v1').length);
  });
  test('03/07 key ranges use typed literals, never N-strings for int keys (BCP-14)', async () => {
    for (const name of ['03-load-local.sql', '07-validate.sql']) {
      const sql = await script(name);
      assert.match(sql, /\[id\] <= \d+/, name);
      assert.match(sql, /\[order_id\] > \d+/, name);
      assert.doesNotMatch(sql, /\[(id|order_id|line)\] (<=|>|<|=) N'/, name);
    }
  });
  test('08 reseeds the identity table to the largest staged value (ID-03)', async () => {
    const sql = await script('08-reseed.sql');
    assert.ok(sql.includes("DBCC CHECKIDENT (N'[dbo].[orders]', RESEED, 135);"));
    assert.equal((sql.match(/DBCC CHECKIDENT/g) ?? []).length, 1);
  });
});

describe('deployment package: determinism and safety', () => {
  test('same input → byte-identical package', async () => {
    const pkg2 = join(dir, 'pkg2');
    await runMigration({
      source: sampleMemorySource(45),
      staging: join(dir, 'stage2'),
      packageDir: pkg2,
      runId: 'p1',
      chunkRows: 20,
      generateDdl: fakeDdl,
      gzip: true,
    });
    const a = await listFiles(pkg);
    assert.deepEqual(await listFiles(pkg2), a);
    for (const f of a) assert.ok((await readFile(join(pkg, f))).equals(await readFile(join(pkg2, f))), f);
  });
  test('a non-empty folder that is not a package is never replaced (ASM-PKG-001)', async () => {
    const mine = join(dir, 'user-folder');
    await mkdir(mine);
    await writeFile(join(mine, 'precious.txt'), 'keep me');
    await assert.rejects(
      runMigration({
        source: sampleMemorySource(5),
        staging: join(dir, 'stage3'),
        packageDir: mine,
        runId: 'p3',
        generateDdl: fakeDdl,
      }),
      (e: unknown) => e instanceof AsemigError && e.code === 'ASM-PKG-001',
    );
    assert.equal(await readFile(join(mine, 'precious.txt'), 'utf8'), 'keep me');
  });
  test("a killed earlier attempt's temp folder is removed, the package replaces the old one", async () => {
    const stale = join(dir, '.pkg5.0123456789ab.tmp');
    await mkdir(stale);
    await writeFile(join(stale, 'half'), 'x');
    await runMigration({
      source: sampleMemorySource(5),
      staging: join(dir, 'stage5'),
      packageDir: join(dir, 'pkg5'),
      runId: 'p5',
      generateDdl: fakeDdl,
    });
    await runMigration({
      source: sampleMemorySource(5),
      staging: join(dir, 'stage5'),
      packageDir: join(dir, 'pkg5'),
      runId: 'p5b',
      generateDdl: fakeDdl,
    });
    assert.equal(existsSync(stale), false);
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.endsWith('.tmp')),
      [],
    );
    assert.match(await readFile(join(dir, 'pkg5', 'manifest.json'), 'utf8'), /"runId": "p5b"/);
  });
  test('an unsafe DDL script name is refused (ASM-PKG-002)', async () => {
    const bad = (c: Parameters<typeof fakeDdl>[0]) => ({
      ...fakeDdl(c),
      scripts: [{ phase: 'tables', fileName: '../02-x.sql', sql: '' }],
    });
    await assert.rejects(
      runMigration({
        source: sampleMemorySource(5),
        staging: join(dir, 'stage4'),
        packageDir: join(dir, 'pkg4'),
        runId: 'p4',
        generateDdl: bad,
      }),
      (e: unknown) => e instanceof AsemigError && e.code === 'ASM-PKG-002',
    );
  });
});
