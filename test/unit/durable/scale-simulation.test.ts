/**
 * The bench's scale simulation (bench/orchestration-bench.ts) on small sizes: the synthetic run
 * really completes through the replay harness, tables are batched as the orchestrator does,
 * the parent's history grows with the number of batches (not tables or chunks), a batch's
 * history is bounded by the batch size, and the bench reports each size plus the ratio against
 * linear growth. Timing itself is not asserted (machine-dependent); structure is.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { benchOrchestration, simulateRun } from '../../../bench/orchestration-bench';
import { registerOrchestrations } from '../../../orchestrators/register';

registerOrchestrations();

describe('scale simulation: migrateDatabase over synthetic tables', () => {
  const sizes: [number, number, number][] = [
    // tables, batchSize, expected batches
    [120, 50, 3],
    [240, 50, 5],
    [240, 120, 2],
  ];
  for (const [tables, batchSize, batches] of sizes) {
    test(`${tables} tables in batches of ${batchSize} → ${batches} batch sub-orchestrations, all staged`, async () => {
      const r = await simulateRun(tables, batchSize);
      assert.equal(r.batches, batches);
      assert.ok(r.cpuMs > 0);
      assert.ok(r.outputBytes > tables * 20, 'the output lists every table');
    });
  }

  test('parent history grows with batches; a batch history is bounded by its size', async () => {
    const small = await simulateRun(200, 20);
    const large = await simulateRun(800, 20);
    assert.equal(large.batches / small.batches, 4);
    const growth = large.parentHistoryEvents / small.parentHistoryEvents;
    assert.ok(growth > 2 && growth < 5, `parent history ×${growth.toFixed(2)} for ×4 batches`);
    assert.equal(large.childHistoryEvents, small.childHistoryEvents);
  });

  test('several chunks per table stay inside the batch histories', async () => {
    const one = await simulateRun(100, 50, 1);
    const three = await simulateRun(100, 50, 3);
    assert.equal(three.parentHistoryEvents, one.parentHistoryEvents);
    assert.ok(three.childHistoryEvents > one.childHistoryEvents * 2);
  });

  test('the bench section: one row per size and ratios against linear growth', async () => {
    const { results, runs } = await benchOrchestration(() => undefined, { sizes: [100, 300], repeats: 1 });
    assert.deepEqual(
      runs.map((r) => r.tables),
      [100, 300],
    );
    assert.equal(results.length, 3);
    const ratio = results[2];
    assert.equal(ratio?.reference?.name, 'linear');
    assert.equal(ratio?.reference?.value, 3);
    assert.equal(ratio?.value, (runs[1]?.cpuMs ?? 0) / (runs[0]?.cpuMs ?? 1));
  });
});
