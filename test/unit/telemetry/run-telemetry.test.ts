import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AsemigError } from '../../../shared/errors';
import { RUN_EVENTS, RUN_METRICS, RunTelemetry } from '../../../shared/telemetry/run-telemetry';
import { bytesPerSecond, rowsPerSecond } from '../../../shared/telemetry/throughput';
import { noopTelemetry } from '../../../shared/telemetry/noop-telemetry';
import { RecordingTelemetry } from '../../helpers/recording-telemetry';

describe('throughput helpers', () => {
  const cases: Array<[string, number, number, number | undefined]> = [
    ['1000 rows in 500 ms', 1000, 500, 2000],
    ['1 row in 3 ms (rounded to 2 decimals)', 1, 3, 333.33],
    ['zero duration has no rate', 10, 0, undefined],
    ['negative duration has no rate', 10, -5, undefined],
    ['NaN has no rate', Number.NaN, 10, undefined],
  ];
  for (const [name, amount, ms, expected] of cases) {
    test(name, () => {
      assert.equal(rowsPerSecond(amount, ms), expected);
      assert.equal(bytesPerSecond(amount, ms), expected);
    });
  }
});

describe('RunTelemetry events', () => {
  const ctx = { runId: 'run-7', host: 'cli', source: 'ase1/sales', target: 'sql1/sales' };

  test('every item carries the run dimensions', () => {
    const rec = new RecordingTelemetry();
    const run = new RunTelemetry(rec, ctx);
    run.runStarted({ tables: 3 });
    run.phaseFinished('ddl', 40);
    run.chunkFinished({ schema: 'dbo', table: 't', chunk: 2 }, { rows: 10, bytes: 100, durationMs: 100 });
    run.failure(new Error('x'));
    for (const item of rec.items) {
      const props = item.kind === 'dependency' ? {} : item.props;
      assert.equal(props.runId, 'run-7');
      assert.equal(props.host, 'cli');
      assert.equal(props.source, 'ase1/sales');
    }
  });

  test('chunk: event with rows, bytes, duration and rates, plus two metrics', () => {
    const rec = new RecordingTelemetry();
    new RunTelemetry(rec, ctx).chunkFinished(
      { schema: 'dbo', table: 'orders', chunk: 4 },
      { rows: 500, bytes: 20_000, durationMs: 250 },
    );
    const [ev, rate, rows] = rec.items;
    assert.equal(ev?.kind, 'event');
    if (ev?.kind !== 'event') return;
    assert.equal(ev.name, RUN_EVENTS.chunkFinished);
    assert.equal(ev.props.table, 'dbo.orders');
    assert.equal(ev.props.chunk, '4');
    assert.equal(ev.props.status, 'succeeded');
    assert.deepEqual(ev.measurements, {
      rows: 500,
      bytes: 20_000,
      durationMs: 250,
      rowsPerSecond: 2000,
      bytesPerSecond: 80_000,
    });
    assert.deepEqual(
      [
        rate?.kind === 'metric' && [rate.name, rate.value],
        rows?.kind === 'metric' && [rows.name, rows.value],
      ],
      [
        [RUN_METRICS.chunkRowsPerSecond, 2000],
        [RUN_METRICS.rowsCopied, 500],
      ],
    );
  });

  test('a failed chunk is a result with its code, not an exception', () => {
    const rec = new RecordingTelemetry();
    new RunTelemetry(rec, ctx).chunkFinished(
      { schema: 'dbo', table: 'orders', chunk: 1 },
      { rows: 0, bytes: 0, durationMs: 0 },
      { status: 'failed', code: 'ASM-PIPE-009' },
    );
    const ev = rec.items[0];
    assert.ok(ev?.kind === 'event');
    assert.equal(ev.props.status, 'failed');
    assert.equal(ev.props.code, 'ASM-PIPE-009');
    assert.equal(ev.measurements.rowsPerSecond, undefined);
    assert.equal(rec.items.filter((i) => i.kind === 'exception').length, 0);
    // No rate metric without a duration, but the row count is still reported.
    assert.deepEqual(
      rec.items.filter((i) => i.kind === 'metric').map((i) => i.kind === 'metric' && i.name),
      [RUN_METRICS.rowsCopied],
    );
  });

  test('failure carries the AsemigError code and place', () => {
    const rec = new RecordingTelemetry();
    const err = new AsemigError('ASM-X-001', 'bad', { file: 'a.sql', line: 3, object: 'dbo.t', field: 'c' });
    new RunTelemetry(rec, ctx).failure(err, { phase: 'stage', schema: 'dbo', table: 't', chunk: 0 });
    const ex = rec.items[0];
    assert.ok(ex?.kind === 'exception');
    assert.equal(ex.err, err);
    assert.equal(ex.props.code, 'ASM-X-001');
    assert.equal(ex.props.place, 'a.sql:3 dbo.t.c');
    assert.equal(ex.props.table, 'dbo.t');
    assert.equal(ex.props.chunk, '0');
  });

  test('table and run events sum what they are given', () => {
    const rec = new RecordingTelemetry();
    const run = new RunTelemetry(rec, ctx);
    run.tableFinished({ schema: 's', table: 't', chunks: 3 }, { rows: 30, bytes: 300, durationMs: 1000 });
    run.runFinished('succeeded', { rows: 30, bytes: 300, durationMs: 2000, tables: 1, failedTables: 0 });
    const names = rec.items.map((i) => (i.kind === 'event' ? i.name : i.kind));
    assert.deepEqual(names, [RUN_EVENTS.tableFinished, RUN_EVENTS.runFinished]);
    const last = rec.items[1];
    assert.ok(last?.kind === 'event');
    assert.equal(last.props.status, 'succeeded');
    assert.equal(last.measurements.rowsPerSecond, 15);
  });

  test('the no-op telemetry accepts everything and flushes', async () => {
    const run = new RunTelemetry(noopTelemetry, ctx);
    run.runStarted({ tables: 1 });
    run.failure(new Error('x'));
    await noopTelemetry.flush();
    await noopTelemetry.close();
  });
});
