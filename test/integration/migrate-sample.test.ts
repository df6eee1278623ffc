/**
 * End to end over the real sample: generateSampleSource writes the bundled sample database as an
 * offline extract (scripts + bcp files) into a temp folder; runMigration reads it with the real
 * offline source, stages into a real Azurite (started here on its own port) and writes the
 * deployment package. Every table's staged row count must equal the rows in its bcp file
 * (row terminators counted in the file), and the package must reference exactly the staged chunks.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSampleSource, sampleTables } from '../../shared/sample/generate';
import { runAssessment, runMigration } from '../../shared/pipeline/run-migration';
import { openStore } from '../../shared/pipeline/stage/open-store';
import type { RunReport } from '../../shared/report/model';
import { useAzurite } from '../helpers/azurite';

function occurrences(data: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = data.indexOf(needle); i >= 0; i = data.indexOf(needle, i + needle.length)) n++;
  return n;
}

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asemig-it-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('migrate the sample database: offline source → Azurite staging → package', () => {
  const az = useAzurite();
  let report: RunReport;
  const sourceDir = (): string => join(dir, 'source');
  const packageDir = (): string => join(dir, 'package');

  before(async () => {
    await generateSampleSource(sourceDir());
    report = await runMigration({
      source: sourceDir(),
      staging: az.connectionString + 'Container=it-sample;',
      packageDir: packageDir(),
      runId: 'it1',
      chunkRows: 500,
      concurrency: 4,
    });
  });

  test('the run succeeds and every sample table is staged', () => {
    const failed = report.diagnostics.filter((d) => d.severity === 'error' && d.code.startsWith('ASM-RUN'));
    assert.equal(report.status, 'succeeded', JSON.stringify(failed));
    assert.equal(report.tables.filter((t) => t.status === 'staged').length, sampleTables.length);
  });

  test("every table's staged row count equals the rows in its bcp file", async () => {
    for (const t of sampleTables) {
      const data = await readFile(join(sourceDir(), t.file ?? `${t.key}.bcp`));
      const expected = occurrences(data, Buffer.from(t.rowTerminator ?? '\n', 'utf8'));
      const [schema, table] = t.key.split('.');
      const staged = report.tables.find((r) => r.schema === schema && r.table === table);
      assert.ok(staged, `${t.key} missing from the report`);
      assert.equal(staged.rows, expected, t.key);
    }
  });

  test('staged manifests are in Azurite and their rows add up to the report', async () => {
    const store = openStore(az.connectionString + 'Container=it-sample;');
    const manifests = (await store.list('it1/')).filter(
      (o) => o.name.endsWith('.json') && !o.name.endsWith('run.json'),
    );
    assert.equal(
      manifests.length,
      report.tables.reduce((n, t) => n + t.chunks, 0),
    );
  });

  test('the package has the DDL, load, validate and reseed scripts; every referenced data file exists', async () => {
    const m = JSON.parse(await readFile(join(packageDir(), 'manifest.json'), 'utf8')) as {
      scripts: string[];
      tables: { table: string; rows: number; chunks: { file: string; rows: number }[] }[];
    };
    for (const s of ['02-tables.sql', '03-load-blob.sql', '07-validate.sql', '08-reseed.sql'])
      assert.ok(m.scripts.includes(s), s);
    for (const s of m.scripts) assert.ok(existsSync(join(packageDir(), s)), s);
    const load = await readFile(join(packageDir(), '03-load-local.sql'), 'utf8');
    for (const t of m.tables) {
      assert.equal(
        t.rows,
        t.chunks.reduce((n, c) => n + c.rows, 0),
      );
      for (const c of t.chunks) {
        assert.ok(existsSync(join(packageDir(), ...c.file.split('/'))), c.file);
        if (c.rows > 0) assert.ok(load.includes(c.file.slice('data/'.length)), c.file);
      }
    }
    assert.ok((await readFile(join(packageDir(), '03-load-blob.sql'), 'utf8')).includes('MAXERRORS = 0'));
  });

  test('runAssessment over the same folder counts the same rows and stages nothing', async () => {
    const assessed = await runAssessment({ source: sourceDir(), chunkRows: 500 });
    assert.equal(assessed.status, 'assessed');
    const rows = (r: RunReport): string[] => r.tables.map((t) => `${t.schema}.${t.table}=${t.rows}`).sort();
    assert.deepEqual(rows(assessed), rows(report));
    assert.deepEqual(assessed.outputs, {});
  });

  test('the report carries objects, type mappings and the data profile; no secret anywhere', async () => {
    assert.ok(report.objects.length > 0);
    assert.ok(report.typeMappings.length > 0);
    const text = JSON.stringify(report) + (await readFile(join(packageDir(), 'manifest.json'), 'utf8'));
    assert.ok(!text.includes('AccountKey') && !text.includes('Eby8vdM02'), 'a secret leaked');
  });
});
