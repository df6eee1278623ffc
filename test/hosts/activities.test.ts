/**
 * Activities called directly (plain async functions, platform-notes §4) over a generated sample
 * with a local staging folder: outputs are counts and blob names only; data errors come back
 * as `{ ok: false, code, place }`; non-data errors are thrown with a truncated message; a chunk
 * staged twice keeps one copy (idempotent).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inventoryActivity } from '../../functions/activities/inventory.activity';
import { planTablesActivity } from '../../functions/activities/plan-tables.activity';
import { stageChunkActivity } from '../../functions/activities/stage-chunk.activity';
import {
  asResult,
  MAX_ERROR_CHARS,
  stepRun,
  type ActivityInput,
} from '../../functions/activities/activity-io';
import { generateSampleSource } from '../../shared/sample/generate';
import { openStore } from '../../shared/pipeline/stage/open-store';

const SETTING = 'ASEMIG_TEST_ACTIVITY_STAGING';
let dir = '';
let input: ActivityInput;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asemig-act-'));
  await generateSampleSource(join(dir, 'src'));
  process.env[SETTING] = join(dir, 'staging');
  input = {
    runId: 'act-1',
    options: {
      source: join(dir, 'src'),
      stagingConnectionSetting: SETTING,
      packageDir: join(dir, 'pkg'),
      chunkRows: 200,
      batchSize: 10,
      gzip: false,
    },
  };
});
after(async () => {
  delete process.env[SETTING];
  await rm(dir, { recursive: true, force: true });
});

describe('activities over the sample', () => {
  test('inventory: table list, counts and blob names; the catalog itself is only in staging', async () => {
    const r = await inventoryActivity(input);
    assert.ok(r.ok);
    assert.ok(r.tables.length > 5);
    assert.ok(r.objects > 0);
    assert.deepEqual(Object.values(r.blobs), [
      'act-1/host/catalog.json',
      'act-1/host/ddl.json',
      'act-1/host/inventory.json',
    ]);
    assert.ok(JSON.stringify(r).length < 8192, 'small output');
    assert.equal(await openStore(join(dir, 'staging')).exists('act-1/host/catalog.json'), true);
  });

  test('plan + stage a chunk twice: second call skipped, same rows, one data object', async () => {
    const inv = await inventoryActivity(input);
    assert.ok(inv.ok);
    const t = inv.tables.find((x) => !x.proxy);
    assert.ok(t);
    const plan = await planTablesActivity({ ...input, tables: [t] });
    assert.ok(plan.ok);
    assert.equal(plan.tables[0]?.table, t.table);
    const chunk = { ...input, schema: t.schema, table: t.table, index: 0 };
    const a = await stageChunkActivity(chunk);
    const b = await stageChunkActivity(chunk);
    assert.ok(a.ok && b.ok);
    assert.deepEqual([a.skipped, b.skipped], [false, true]);
    assert.equal(b.rows, a.rows);
    const objects = await openStore(join(dir, 'staging')).list(`act-1/${t.schema}.${t.table}/chunk-0.`);
    assert.deepEqual(objects.map((o) => o.name).sort(), [
      `act-1/${t.schema}.${t.table}/chunk-0.csv`,
      `act-1/${t.schema}.${t.table}/chunk-0.json`,
    ]);
  });

  test('data error as result: a chunk of a table never planned → ASM-HOST-005 with the place', async () => {
    const r = await stageChunkActivity({ ...input, runId: 'act-2', schema: 'dbo', table: 'nope', index: 0 });
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.equal(r.code, 'ASM-HOST-005');
    assert.equal(r.place.object, 'dbo.nope');
  });

  test('data error as result: the source folder has no scripts', async () => {
    const r = await inventoryActivity({
      ...input,
      runId: 'act-3',
      options: { ...input.options, source: join(dir, 'staging') },
    });
    assert.ok(!r.ok);
    assert.match(r.code, /^ASM-/);
  });

  test('the staging app setting missing → ASM-HOST-004 naming stagingConnectionSetting', async () => {
    const r = await inventoryActivity({
      ...input,
      options: { ...input.options, stagingConnectionSetting: 'ASEMIG_UNSET_X' },
    });
    assert.ok(!r.ok);
    assert.deepEqual([r.code, r.place.field], ['ASM-HOST-004', 'stagingConnectionSetting']);
  });

  test('non-data errors are thrown (retried), truncated and with secrets redacted', async () => {
    await assert.rejects(
      asResult(() => Promise.reject(new Error(`AccountKey=abcdef; ${'y'.repeat(100_000)}`))),
      (e: unknown) =>
        e instanceof Error && e.message.length <= MAX_ERROR_CHARS && !e.message.includes('abcdef'),
    );
  });

  test('stepRun resolves staging from the named setting only', () => {
    assert.equal(stepRun(input).staging, join(dir, 'staging'));
    assert.equal(JSON.stringify(input).includes(join(dir, 'staging')), false);
  });
});
