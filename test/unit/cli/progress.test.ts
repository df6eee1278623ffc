import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eta, progressLine, ProgressReporter } from '../../../cli/progress';
import { ProgressTotals } from '../../../cli/run-progress';

describe('progress output', () => {
  const state = { phase: 'stage', tablesDone: 3, tablesTotal: 12, rows: 1_500_000, bytes: 150_000_000 };

  test('line shows tables, rows, MB, rate and ETA', () => {
    const line = progressLine({ ...state, rowsTotal: 3_000_000 }, 10_000, false);
    assert.equal(line, '50%  stage  tables 3/12  rows 1,500,000  143.1 MiB (15.0 MB/s)  ETA 10.0 s');
  });

  test('ETA is unknown before any progress and after the end', () => {
    assert.equal(eta(1000, 0, 10), undefined);
    assert.equal(eta(1000, 10, 10), undefined);
    assert.equal(eta(1000, 5, 10), 1000);
  });

  test('non-TTY: plain lines, at most one per interval unless the phase changes', () => {
    let t = 0;
    const lines: string[] = [];
    const p = new ProgressReporter((s) => lines.push(s), { tty: false, intervalMs: 5000, now: () => t });
    p.update(state);
    t = 1000;
    p.update(state);
    t = 2000;
    p.update({ ...state, phase: 'package' });
    t = 8000;
    p.update({ ...state, phase: 'package' });
    assert.equal(lines.length, 3);
    for (const l of lines) {
      assert.ok(!l.includes('\r') && !l.includes('\x1b'), 'no cursor control in logs');
      assert.ok(l.endsWith('\n'));
    }
  });

  test('TTY: the bar redraws in place and is cleared by finish()', () => {
    let t = 0;
    const out: string[] = [];
    const p = new ProgressReporter((s) => out.push(s), { tty: true, now: () => t });
    p.update(state);
    t = 500;
    p.update({ ...state, tablesDone: 4 });
    p.finish();
    assert.ok(out[0]?.startsWith('\r\x1b[K['));
    assert.ok(!out[0]?.includes('\n'));
    assert.match(out.at(-1) ?? '', /^done in 500 ms: .*tables 4\/12/);
  });

  test('totals events are authoritative; chunk and table events move the bar in between', () => {
    const totals = new ProgressTotals();
    totals.apply({ kind: 'phase', phase: 'stage' });
    totals.apply({
      kind: 'totals',
      tables: 2,
      tablesDone: 0,
      chunks: 3,
      chunksDone: 0,
      rows: 0,
      bytes: 0,
      estimatedRows: 30,
    });
    const chunk = { kind: 'chunk-staged', schema: 'dbo', table: 't', index: 0, skipped: false } as const;
    totals.apply({ ...chunk, rows: 10, bytes: 100 });
    totals.apply({ ...chunk, index: 1, rows: 5, bytes: 50 });
    const s = totals.apply({
      kind: 'table-finished',
      schema: 'dbo',
      table: 't',
      rows: 15,
      bytes: 150,
      chunks: 2,
    });
    assert.deepEqual(s, {
      phase: 'stage',
      tablesDone: 1,
      tablesTotal: 2,
      rows: 15,
      bytes: 150,
      rowsTotal: 30,
    });
    const t = totals.apply({
      kind: 'totals',
      tables: 2,
      tablesDone: 2,
      chunks: 3,
      chunksDone: 3,
      rows: 30,
      bytes: 300,
      estimatedRows: 30,
    });
    assert.equal(t.rows, 30);
    assert.equal(t.tablesDone, 2);
  });
});
