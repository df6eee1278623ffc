import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProgressEvent } from '../../../shared/pipeline/progress';
import { progressTelemetry } from '../../../shared/telemetry/progress-telemetry';
import { RUN_EVENTS, RunTelemetry } from '../../../shared/telemetry/run-telemetry';
import { RecordingTelemetry, type RecordedItem } from '../../helpers/recording-telemetry';

/** A clock the test moves by hand. */
function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

function eventsNamed(items: RecordedItem[], name: string): Array<Extract<RecordedItem, { kind: 'event' }>> {
  return items.filter(
    (i): i is Extract<RecordedItem, { kind: 'event' }> => i.kind === 'event' && i.name === name,
  );
}

const stream: Array<[number, ProgressEvent]> = [
  [0, { kind: 'phase', phase: 'catalog' }],
  [100, { kind: 'phase', phase: 'stage' }],
  [0, { kind: 'table-started', schema: 'dbo', table: 'orders', chunks: 2, estimatedRows: 30 }],
  [
    50,
    { kind: 'chunk-staged', schema: 'dbo', table: 'orders', index: 1, rows: 10, bytes: 100, skipped: false },
  ],
  [
    0,
    {
      kind: 'totals',
      tables: 2,
      tablesDone: 0,
      chunks: 3,
      chunksDone: 1,
      rows: 10,
      bytes: 100,
      estimatedRows: 40,
    },
  ],
  [
    150,
    { kind: 'chunk-staged', schema: 'dbo', table: 'orders', index: 0, rows: 20, bytes: 200, skipped: true },
  ],
  [0, { kind: 'table-finished', schema: 'dbo', table: 'orders', rows: 30, bytes: 300, chunks: 2 }],
  [
    0,
    {
      kind: 'totals',
      tables: 2,
      tablesDone: 1,
      chunks: 3,
      chunksDone: 2,
      rows: 30,
      bytes: 300,
      estimatedRows: 40,
    },
  ],
];

function replay(status: 'succeeded' | 'failed'): RecordedItem[] {
  const rec = new RecordingTelemetry();
  const c = clock();
  const p = progressTelemetry(new RunTelemetry(rec, { runId: 'r1', host: 'cli' }), { now: c.now });
  for (const [ms, e] of stream) {
    c.advance(ms);
    p.listener(e);
  }
  c.advance(10);
  p.finish(status);
  p.finish(status); // a second finish is ignored
  return rec.items;
}

describe('progress events → run telemetry', () => {
  test('phases get durations between their events; the open one closes at finish', () => {
    const phases = eventsNamed(replay('succeeded'), RUN_EVENTS.phaseFinished);
    assert.deepEqual(
      phases.map((e) => [e.props.phase, e.measurements.durationMs, e.props.status]),
      [
        ['catalog', 100, 'succeeded'],
        ['stage', 210, 'succeeded'],
      ],
    );
  });

  test('chunks carry rows and bytes but no invented duration; resumed ones are marked', () => {
    const chunks = eventsNamed(replay('succeeded'), RUN_EVENTS.chunkFinished);
    assert.deepEqual(
      chunks.map((e) => [e.props.chunk, e.props.skipped, e.measurements]),
      [
        ['1', undefined, { rows: 10, bytes: 100 }],
        ['0', 'true', { rows: 20, bytes: 200 }],
      ],
    );
  });

  test('a table lasts from table-started to table-finished, with rates', () => {
    const [t] = eventsNamed(replay('succeeded'), RUN_EVENTS.tableFinished);
    assert.equal(t?.props.table, 'dbo.orders');
    assert.deepEqual(t?.measurements, {
      rows: 30,
      bytes: 300,
      durationMs: 200,
      rowsPerSecond: 150,
      bytesPerSecond: 1500,
      chunks: 2,
    });
  });

  const finishCases: Array<[string, 'succeeded' | 'failed', number]> = [
    ['succeeded → no failed tables', 'succeeded', 0],
    ['failed → tables not completed count as failed', 'failed', 1],
  ];
  for (const [name, status, failedTables] of finishCases) {
    test(`run finished: ${name}`, () => {
      const items = replay(status);
      assert.equal(eventsNamed(items, RUN_EVENTS.runStarted).length, 1);
      const fin = eventsNamed(items, RUN_EVENTS.runFinished);
      assert.equal(fin.length, 1);
      assert.equal(fin[0]?.props.status, status);
      assert.deepEqual(fin[0]?.measurements, {
        rows: 30,
        bytes: 300,
        durationMs: 310,
        rowsPerSecond: 96.77,
        bytesPerSecond: 967.74,
        tables: 2,
        failedTables,
      });
    });
  }
});
