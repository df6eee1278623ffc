/**
 * The App Insights implementation end to end: a child process emits a scripted run through
 * createTelemetry (real applicationinsights 3.x SDK) to a local HTTPS ingestion endpoint, and the
 * envelopes that arrive are checked: names, dimensions, measurements, dependency and exception
 * items, and that a planted secret appears in no request body.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { extname, join } from 'node:path';
import { RUN_EVENTS, RUN_METRICS } from '../../shared/telemetry/run-telemetry';
import {
  captureEnv,
  ofType,
  startTelemetryCapture,
  TEST_IKEY,
  type Envelope,
  type TelemetryCapture,
} from '../helpers/telemetry-capture';

const child = join(__dirname, '..', 'helpers', `telemetry-emit-child${extname(__filename)}`);
const nodeArgs = extname(__filename) === '.ts' ? ['--import', 'tsx', child] : [child];
const RUN_ID = 'run-telemetry-1';
const SECRET = 'Pl4nted-S3cret-77';

let capture: TelemetryCapture;
let exit: { code: number | null; stderr: string };

function runChild(): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...captureEnv(capture) };
    const p = spawn(process.execPath, [...nodeArgs, RUN_ID, SECRET], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code, stderr }));
  });
}

function events(name: string): Envelope[] {
  return ofType(capture.envelopes, 'EventData').filter((e) => e.data?.baseData.name === name);
}
function props(e: Envelope | undefined): Record<string, string> {
  return (e?.data?.baseData.properties ?? {}) as Record<string, string>;
}
function measurements(e: Envelope | undefined): Record<string, number> {
  return (e?.data?.baseData.measurements ?? {}) as Record<string, number>;
}

before(async () => {
  capture = await startTelemetryCapture();
  exit = await runChild();
  // The child flushes before it exits; the wait covers a post still in flight on a slow machine.
  await capture.waitFor((env) => ofType(env, 'EventData').length >= 8, 10_000).catch(() => undefined);
});
after(async () => {
  await capture.close();
});

describe('App Insights envelopes at a local HTTPS ingestion endpoint', () => {
  test('the child exited cleanly and everything went to POST /v2.1/track', () => {
    assert.equal(exit.code, 0, exit.stderr);
    assert.ok(capture.paths.length > 0, 'nothing was posted');
    for (const p of capture.paths) assert.match(p, /^\/v2(\.1)?\/track/);
    for (const e of capture.envelopes) assert.equal(e.iKey, TEST_IKEY);
  });

  test('run, phase, table and chunk events arrived with the run dimensions', () => {
    const cases: Array<[string, number]> = [
      [RUN_EVENTS.runStarted, 1],
      [RUN_EVENTS.phaseFinished, 2],
      [RUN_EVENTS.chunkFinished, 2],
      [RUN_EVENTS.tableFinished, 1],
      [RUN_EVENTS.runFinished, 1],
    ];
    for (const [name, count] of cases) {
      const got = events(name);
      assert.equal(got.length, count, `${name}: ${got.length} envelopes`);
      for (const e of got) {
        assert.equal(props(e).runId, RUN_ID, name);
        assert.equal(props(e).host, 'test', name);
        assert.equal(props(e).source, 'ase1/sales', name);
      }
    }
  });

  test('chunk events carry rows, bytes, duration and rows/s; the failed one its code', () => {
    const chunks = events(RUN_EVENTS.chunkFinished).sort(
      (a, b) => Number(props(a).chunk) - Number(props(b).chunk),
    );
    assert.deepEqual(props(chunks[0]), {
      runId: RUN_ID,
      host: 'test',
      source: 'ase1/sales',
      target: 'sql1/sales',
      table: 'dbo.orders',
      chunk: '0',
      status: 'succeeded',
    });
    assert.deepEqual(measurements(chunks[0]), {
      rows: 100,
      bytes: 4000,
      durationMs: 500,
      rowsPerSecond: 200,
      bytesPerSecond: 8000,
    });
    assert.equal(props(chunks[1]).status, 'failed');
    assert.equal(props(chunks[1]).code, 'ASM-PIPE-009');
  });

  test('run finished says partial with failed table count', () => {
    const [fin] = events(RUN_EVENTS.runFinished);
    assert.equal(props(fin).status, 'partial');
    assert.equal(measurements(fin).failedTables, 1);
    assert.equal(measurements(fin).rowsPerSecond, 66.67);
  });

  test('rows/s and rows copied metrics arrived', () => {
    const names = ofType(capture.envelopes, 'MetricData').flatMap((e) =>
      ((e.data?.baseData.metrics ?? []) as Array<{ name: string }>).map((m) => m.name),
    );
    assert.ok(names.includes(RUN_METRICS.chunkRowsPerSecond), names.join(','));
    assert.ok(names.includes(RUN_METRICS.rowsCopied), names.join(','));
  });

  test('SQL and Blob dependencies arrived with type, target, duration and result', () => {
    const deps = ofType(capture.envelopes, 'RemoteDependencyData').map((e) => e.data?.baseData ?? {});
    const sql = deps.find((d) => d.type === 'SQL');
    const blob = deps.find((d) => d.name === 'upload chunk');
    assert.ok(sql, JSON.stringify(deps));
    assert.equal(sql.target, 'sql1.database.windows.net');
    assert.equal(sql.success, true);
    assert.equal(sql.duration, '00:00:00.087');
    assert.ok(blob, JSON.stringify(deps));
    assert.equal(blob.success, false);
    // The SDK keeps target, data and resultCode only for HTTP/SQL types; the module repeats them
    // as properties so a Blob dependency still says where it went and what came back.
    const bp = (blob.properties ?? {}) as Record<string, string>;
    assert.equal(bp.dependencyType, 'Azure blob');
    assert.equal(bp.dependencyTarget, 'acct.blob.core.windows.net');
    assert.equal(bp.dependencyResultCode, '503');
    assert.equal(bp.dependencyData, 'https://acct.blob.core.windows.net/staging/x?sv=2024&sig=[REDACTED]');
  });

  test('the failure arrived as an exception with code and place', () => {
    const [ex] = ofType(capture.envelopes, 'ExceptionData');
    assert.ok(ex, 'no exception envelope');
    const p = props(ex);
    assert.equal(p.code, 'ASM-TEST-001');
    assert.equal(p.place, 'dbo.orders.amount');
    assert.equal(p.table, 'dbo.orders');
    assert.equal(p.chunk, '1');
    assert.match(JSON.stringify(ex.data?.baseData), /login failed for Password=\[REDACTED\]/);
  });

  test('the planted secret is in no request body; secret-named properties are marked', () => {
    for (const body of capture.rawBodies) assert.ok(!body.includes(SECRET), 'secret reached the endpoint');
    const [probe] = events('AsemigSecretProbe');
    assert.equal(props(probe).password, '[REDACTED]');
    assert.equal(props(probe).connectionString, 'Server=ase1;UID=sa;PWD=[REDACTED];');
  });

  test('cloud role comes from the service name', () => {
    const [ev] = events(RUN_EVENTS.runStarted);
    assert.equal(ev?.tags?.['ai.cloud.role'], 'ase-migrate-test');
  });
});
