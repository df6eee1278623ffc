/**
 * The HTTP functions called with real HttpRequest / InvocationContext objects from
 * @azure/functions (platform-notes §4) and a fake DurableClient: start (validation, 400 naming
 * the field, nothing started; idempotent start), list, get (progress, throughput, ETA, links),
 * cancel, translate (the translate --json contract, size limit) and the OpenAPI document, which
 * must list every registered route.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { registry } from '../helpers/durable-replay';
import { startMigration } from '../../functions/http/start-migration.http';
import { listMigrations } from '../../functions/http/list-migrations.http';
import { getMigration } from '../../functions/http/get-migration.http';
import { cancelMigration } from '../../functions/http/cancel-migration.http';
import { translateSnippet, MAX_SNIPPET_BYTES } from '../../functions/http/translate.http';
import { openApiDocument, serveOpenApi } from '../../functions/http/openapi.http';
import { registerHttp } from '../../functions/http/register';
import { ROUTES } from '../../functions/http/routes';
import { RUN_OPTION_SPECS } from '../../shared/config/run-options';
import type { MigrateDatabaseInput } from '../../orchestrators/contracts';
import { FakeDurableClient } from './fake-durable-client';

const ENV = { ASEMIG_STAGING: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=c2VjcmV0;' };
const ctx = (): InvocationContext =>
  new InvocationContext({ invocationId: 'inv-1', functionName: 'test', logHandler: () => undefined });

function post(path: string, body: unknown, params: Record<string, string> = {}): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    url: `http://localhost:7071/api/${path}`,
    body: { string: typeof body === 'string' ? body : JSON.stringify(body) },
    headers: { 'content-type': 'application/json' },
    params,
  });
}

function get(
  path: string,
  params: Record<string, string> = {},
  query: Record<string, string> = {},
): HttpRequest {
  return new HttpRequest({ method: 'GET', url: `http://localhost:7071/api/${path}`, params, query });
}

const body = (r: HttpResponseInit): Record<string, unknown> => r.jsonBody as Record<string, unknown>;
const errorOf = (r: HttpResponseInit): { code: string; field?: string; message: string } =>
  body(r).error as { code: string; field?: string; message: string };

const GOOD = { runId: 'r-1', source: '/data/x', packageDir: '/data/pkg' };

describe('POST /api/migrations', () => {
  const bad: [string, unknown, string, string][] = [
    ['not JSON', '{', 'ASM-CFG-001', '(body)'],
    ['an array', [1], 'ASM-CFG-001', '(body)'],
    ['missing source', { packageDir: '/p' }, 'ASM-CFG-004', 'source'],
    ['unknown field', { ...GOOD, chunkSize: 5 }, 'ASM-CFG-002', 'chunkSize'],
    ['chunkRows not an integer', { ...GOOD, chunkRows: 1.5 }, 'ASM-CFG-003', 'chunkRows'],
    ['batchSize out of range', { ...GOOD, batchSize: 0 }, 'ASM-CFG-003', 'batchSize'],
    ['gzip not boolean', { ...GOOD, gzip: 'yes' }, 'ASM-CFG-003', 'gzip'],
    ['bad run id', { ...GOOD, runId: '../x' }, 'ASM-CFG-003', 'runId'],
    ['a password field', { ...GOOD, password: 'hunter2' }, 'ASM-CFG-005', 'password'],
    ['AccountKey in a value', { ...GOOD, source: 'AccountName=a;AccountKey=abc;' }, 'ASM-CFG-005', 'source'],
    [
      'SAS in a value',
      { ...GOOD, packageDir: 'https://a.blob.core.windows.net/c?sv=1&sig=abc' },
      'ASM-CFG-005',
      'packageDir',
    ],
    [
      'setting not defined',
      { ...GOOD, stagingConnectionSetting: 'NOPE' },
      'ASM-CFG-006',
      'stagingConnectionSetting',
    ],
    [
      'setting name invalid',
      { ...GOOD, stagingConnectionSetting: 'a b' },
      'ASM-CFG-003',
      'stagingConnectionSetting',
    ],
  ];
  for (const [name, b, code, field] of bad) {
    test(`400 ${code} naming ${field}: ${name}; nothing started`, async () => {
      const client = new FakeDurableClient();
      const r = (await startMigration(
        post('migrations', b),
        client.asClient(),
        ctx(),
        ENV,
      )) as HttpResponseInit;
      assert.equal(r.status, 400);
      assert.deepEqual([errorOf(r).code, errorOf(r).field], [code, field]);
      assert.equal(client.started.length, 0);
      assert.equal(JSON.stringify(r.jsonBody).includes('c2VjcmV0'), false);
    });
  }

  test('starts migrateDatabase with instance id = runId, defaults filled, 202 check-status response', async () => {
    const client = new FakeDurableClient();
    const r = await startMigration(post('migrations', GOOD), client.asClient(), ctx(), ENV);
    assert.equal(r.status, 202);
    assert.equal(client.started.length, 1);
    const s = client.started[0];
    assert.equal(s?.name, 'migrateDatabase');
    assert.equal(s?.instanceId, 'r-1');
    const input = s?.input as MigrateDatabaseInput;
    assert.deepEqual(input.options, {
      ...GOOD,
      stagingConnectionSetting: 'ASEMIG_STAGING',
      chunkRows: 100000,
      batchSize: 50,
      gzip: false,
    });
    assert.equal(JSON.stringify(input).includes('AccountKey'), false, 'only the setting name travels');
  });

  test('starting the same id twice is idempotent: one instance, the same check-status response', async () => {
    const client = new FakeDurableClient();
    const a = await startMigration(post('migrations', GOOD), client.asClient(), ctx(), ENV);
    const b = await startMigration(post('migrations', GOOD), client.asClient(), ctx(), ENV);
    assert.equal(client.started.length, 1);
    assert.deepEqual([a.status, b.status], [202, 202]);
    assert.deepEqual((b as { jsonBody?: unknown }).jsonBody, (a as { jsonBody?: unknown }).jsonBody);
  });

  test('without runId a run id is derived and used as instance id', async () => {
    const client = new FakeDurableClient();
    await startMigration(
      post('migrations', { source: '/s', packageDir: '/p' }),
      client.asClient(),
      ctx(),
      ENV,
    );
    assert.match(client.started[0]?.instanceId ?? '', /^run-\d{8}T\d{6}-[0-9a-f]{1,4}$/);
  });
});

describe('GET /api/migrations and /api/migrations/{id}', () => {
  const running = {
    instanceId: 'r-2',
    customStatus: {
      phase: 'stage',
      tablesDone: 10,
      tablesTotal: 40,
      rowsStaged: 60000,
      bytesStaged: 1200000,
      failures: 0,
      batchesDone: 1,
      batchesTotal: 4,
      startedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:01:00.000Z',
    },
  };

  test('running: phase, counts, throughput over orchestration time, ETA from the table rate', async () => {
    const client = new FakeDurableClient().add(running);
    const r = await getMigration(get('migrations/r-2', { id: 'r-2' }), client.asClient(), ctx());
    assert.equal(r.status, 200);
    const v = body(r);
    assert.equal(v.phase, 'stage');
    assert.deepEqual(v.counts, {
      tablesDone: 10,
      tablesTotal: 40,
      rowsStaged: 60000,
      bytesStaged: 1200000,
      failures: 0,
    });
    assert.deepEqual(v.throughput, { rowsPerSecond: 1000, bytesPerSecond: 20000 });
    assert.equal(v.etaSeconds, 180); // 30 tables left at 10 tables / 60 s
    assert.deepEqual((v.links as { cancel: string }).cancel, '/api/migrations/r-2/cancel');
  });

  test('completed: per-table progress, failures and report links from the output; no ETA', async () => {
    const output = {
      runId: 'r-3',
      status: 'succeeded',
      tablesTotal: 1,
      tablesStaged: 1,
      rowsStaged: 5,
      bytesStaged: 50,
      failures: [],
      tables: [{ schema: 'dbo', table: 't', chunks: 1, chunksStaged: 1, rows: 5, bytes: 50, ok: true }],
      report: {
        json: 'r-3/report/report.json',
        html: 'r-3/report/report.html',
        text: 'r-3/report/report.txt',
      },
    };
    const client = new FakeDurableClient().add({
      instanceId: 'r-3',
      runtimeStatus: 'Completed',
      output,
      customStatus: { ...running.customStatus, phase: 'done', tablesDone: 1, tablesTotal: 1 },
    });
    const v = body(await getMigration(get('migrations/r-3', { id: 'r-3' }), client.asClient(), ctx()));
    assert.equal(v.phase, 'done');
    assert.equal(v.etaSeconds, null);
    assert.deepEqual(v.tables, output.tables);
    assert.deepEqual((v.links as { report: unknown }).report, output.report);
  });

  test('unknown id → 404 ASM-HOST-002; malformed id → 400 naming id', async () => {
    const client = new FakeDurableClient();
    const nf = await getMigration(get('migrations/zz', { id: 'zz' }), client.asClient(), ctx());
    assert.deepEqual([nf.status, errorOf(nf).code], [404, 'ASM-HOST-002']);
    const bad = await getMigration(get('migrations/..', { id: '..' }), client.asClient(), ctx());
    assert.deepEqual([bad.status, errorOf(bad).field], [400, 'id']);
  });

  test('list: migrateDatabase instances only (no batch children), newest first, status filter checked', async () => {
    const client = new FakeDurableClient()
      .add({ instanceId: 'old', createdTime: new Date('2025-01-01T00:00:00Z'), runtimeStatus: 'Completed' })
      .add({ instanceId: 'new', createdTime: new Date('2026-02-01T00:00:00Z') })
      .add({ instanceId: 'new:batch:0', name: 'migrateTableBatch' });
    const all = body(await listMigrations(get('migrations'), client.asClient(), ctx()));
    assert.deepEqual(
      (all.migrations as { id: string }[]).map((m) => m.id),
      ['new', 'old'],
    );
    const done = body(
      await listMigrations(get('migrations', {}, { status: 'Completed' }), client.asClient(), ctx()),
    );
    assert.deepEqual(
      (done.migrations as { id: string }[]).map((m) => m.id),
      ['old'],
    );
    const bad = await listMigrations(get('migrations', {}, { status: 'Done' }), client.asClient(), ctx());
    assert.deepEqual([bad.status, errorOf(bad).field], [400, 'status']);
  });
});

describe('POST /api/migrations/{id}/cancel', () => {
  test('running → terminate, 202', async () => {
    const client = new FakeDurableClient().add({ instanceId: 'r-4' });
    const r = await cancelMigration(
      post('migrations/r-4/cancel', {}, { id: 'r-4' }),
      client.asClient(),
      ctx(),
    );
    assert.equal(r.status, 202);
    assert.deepEqual(
      client.terminated.map((t) => t.id),
      ['r-4'],
    );
  });
  test('finished → 409 ASM-HOST-003, nothing terminated; unknown → 404', async () => {
    const client = new FakeDurableClient().add({ instanceId: 'r-5', runtimeStatus: 'Completed' });
    const r = await cancelMigration(post('x', {}, { id: 'r-5' }), client.asClient(), ctx());
    assert.deepEqual([r.status, errorOf(r).code], [409, 'ASM-HOST-003']);
    const nf = await cancelMigration(post('x', {}, { id: 'r-6' }), client.asClient(), ctx());
    assert.equal(nf.status, 404);
    assert.equal(client.terminated.length, 0);
  });
});

describe('POST /api/translate', () => {
  test('translates a snippet: the translate --json contract (sql, diagnostics, statements)', async () => {
    const r = await translateSnippet(post('translate', { sql: 'select getdate()\ngo\n' }), ctx());
    assert.equal(r.status, 200);
    const v = body(r);
    assert.equal(typeof v.sql, 'string');
    assert.match(String(v.sql), /sysdatetime|getdate/i);
    assert.ok(Array.isArray(v.diagnostics));
    assert.deepEqual(Object.keys(v.statements as object).sort(), ['converted', 'flagged', 'total']);
    assert.equal((v.statements as { total: number }).total, 1);
  });

  const bad: [string, unknown, number, string, string][] = [
    ['sql missing', { target: 'azure-sql' }, 400, 'ASM-CFG-003', 'sql'],
    ['bad target', { sql: 'select 1', target: 'oracle' }, 400, 'ASM-CFG-003', 'target'],
    ['unknown field', { sql: 'select 1', dialect: 'x' }, 400, 'ASM-CFG-002', 'dialect'],
    ['snippet too large', { sql: 'x'.repeat(MAX_SNIPPET_BYTES + 1) }, 413, 'ASM-HOST-001', 'sql'],
    ['body far too large', { sql: 'x'.repeat(MAX_SNIPPET_BYTES * 2) }, 413, 'ASM-HOST-001', '(body)'],
  ];
  for (const [name, b, status, code, field] of bad) {
    test(`${status} ${code} naming ${field}: ${name}`, async () => {
      const r = await translateSnippet(post('translate', b), ctx());
      assert.deepEqual([r.status, errorOf(r).code, errorOf(r).field], [status, code, field]);
    });
  }
});

describe('OpenAPI document and registration', () => {
  registerHttp();
  test('every route is registered with authLevel function and its method', () => {
    for (const r of ROUTES) {
      const reg = registry.get(r.name);
      assert.ok(reg, `${r.name} not registered`);
      assert.equal(reg.kind, 'http');
      assert.equal(reg.options.authLevel, 'function');
      assert.deepEqual(reg.options.methods, [r.method]);
      assert.equal(reg.options.route, r.route);
    }
  });

  test('GET /api/openapi.json lists every route and method, and the declared run options', () => {
    const r = serveOpenApi(get('openapi.json'), ctx());
    assert.equal(r.status, 200);
    const doc = body(r) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.match(doc.openapi, /^3\./);
    for (const route of ROUTES) {
      const path = `/${route.route}`;
      assert.ok(
        doc.paths[path]?.[route.method.toLowerCase()],
        `${route.method} ${path} missing from openapi.json`,
      );
    }
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    assert.equal(documented.length, ROUTES.length, 'no undocumented or extra operation');
    const schema = (openApiDocument().components as { schemas: { RunOptions: { properties: object } } })
      .schemas.RunOptions;
    assert.deepEqual(
      Object.keys(schema.properties),
      RUN_OPTION_SPECS.map((s) => s.name),
    );
  });
});
