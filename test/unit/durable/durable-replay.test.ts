/**
 * The replay harness against the real durable-functions 3.5 handler: every case drives one of
 * the orchestrators in replay-orchestrations.ts through history → actions → completions.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
// Must come before the registrations: it captures df.app.orchestration's handlers.
import {
  ActionType,
  activityHandler,
  EventType,
  OrchestrationDriver,
  history,
  orchestrationHandler,
  simulate,
  type PendingWork,
} from '../../helpers/durable-replay';
import { registerReplayOrchestrations, type CopyResult } from './replay-orchestrations';
import * as df from 'durable-functions';

registerReplayOrchestrations();

const rowsOf = (t: string): number => t.length * 10;
const copyTable = (input: unknown): CopyResult => ({ table: String(input), rows: rowsOf(String(input)) });
const ids = (p: readonly PendingWork[]): Array<number | string> => p.map((w) => w.id);

describe('fan-out', () => {
  const tables = ['dbo.a', 'dbo.bb', 'sales.ccc', 'hr.dddd'];

  test('first episode schedules one activity per table with sequential ids', async () => {
    const d = new OrchestrationDriver('fanOut', tables);
    const ep = await d.run();
    assert.equal(ep.isDone, false);
    assert.deepEqual(ids(ep.pending), [0, 1, 2, 3]);
    assert.deepEqual(
      ep.pending.map((w) => [w.kind, w.name, w.input]),
      tables.map((t) => ['activity', 'copyTable', t]),
    );
    assert.deepEqual(
      ep.actions.map((a) => a.actionType),
      tables.map(() => ActionType.CallActivity),
    );
    assert.deepEqual(ep.customStatus, { phase: 'copy', total: 4, at: '2026-01-01T00:00:00.000Z' });
  });

  test('completions in two batches: not done after the first, sum after the second', async () => {
    const d = new OrchestrationDriver('fanOut', tables, { stepMs: 5000 });
    await d.run();
    d.complete(0, copyTable(tables[0])).complete(2, copyTable(tables[2]));
    const mid = await d.run();
    assert.equal(mid.isDone, false);
    assert.deepEqual(ids(mid.pending), [1, 3]);
    d.complete(1, copyTable(tables[1])).complete(3, copyTable(tables[3]));
    const end = await d.run();
    assert.equal(end.isDone, true);
    assert.equal(
      end.output,
      tables.map(rowsOf).reduce((a, b) => a + b, 0),
    );
    // currentUtcDateTime is the replayed OrchestratorStarted of the third episode (2 × 5 s later).
    assert.deepEqual(end.customStatus, { phase: 'done', total: 4, at: '2026-01-01T00:00:10.000Z' });
    assert.equal(d.episodes, 3);
  });

  test('history records TaskScheduled, episodes, and older events as played', async () => {
    const d = new OrchestrationDriver('fanOut', ['x']);
    await d.run();
    d.complete(0, copyTable('x'));
    await d.run();
    assert.deepEqual(
      d.history.map((e) => e.EventType),
      [
        EventType.OrchestratorStarted,
        EventType.ExecutionStarted,
        EventType.TaskScheduled,
        EventType.OrchestratorCompleted,
        EventType.OrchestratorStarted,
        EventType.TaskCompleted,
        EventType.OrchestratorCompleted,
      ],
    );
    assert.deepEqual(
      d.history.slice(0, 4).map((e) => e.IsPlayed),
      [true, true, true, true],
    );
  });

  test('completing an unknown or finished task is a harness error, not a silent no-op', async () => {
    const d = new OrchestrationDriver('fanOut', ['x']);
    await d.run();
    assert.throws(() => d.complete(7, {}), /no task 7/);
    d.complete(0, copyTable('x'));
    assert.throws(() => d.complete(0, {}), /already completed/);
    assert.throws(() => d.fireTimer(0), /already completed/);
  });
});

describe('retry (callActivityWithRetry)', () => {
  test('failure → hidden retry timer (next free id) → re-attempt → success', async () => {
    const d = new OrchestrationDriver('withRetry', ['t0', 't1', 't2']);
    const first = await d.run();
    assert.deepEqual(ids(first.pending), [0, 1, 2]);
    assert.equal(first.actions[0]?.actionType, ActionType.CallActivityWithRetry);
    assert.deepEqual(
      { ...first.actions[0]?.retryOptions },
      {
        ...first.actions[0]?.retryOptions,
        firstRetryIntervalInMilliseconds: 5000,
        maxNumberOfAttempts: 3,
        backoffCoefficient: 2,
      },
    );

    d.complete(0, copyTable('t0')).fail(1, 'transient: timeout').complete(2, copyTable('t2'));
    const waiting = await d.run();
    // The retry timer takes the next sequence number (3), not failed id + 1 as in a lone call.
    assert.deepEqual(
      waiting.pending.map((w) => [w.id, w.kind, w.retryTimer, w.attempt]),
      [[3, 'timer', true, 1]],
    );
    d.fireTimer(3);
    const retrying = await d.run();
    assert.deepEqual(
      retrying.pending.map((w) => [w.id, w.kind, w.name, w.input, w.attempt]),
      [[4, 'activity', 'copyTable', 't1', 2]],
    );
    d.complete(4, copyTable('t1'));
    const done = await d.run();
    assert.equal(done.isDone, true);
    assert.deepEqual(done.output, [20, 20, 20]);
  });

  test('attempts exhausted → after the last retry wait the orchestration fails with the last reason', async () => {
    const d = new OrchestrationDriver('withRetry', ['t0']);
    let ep = await d.run();
    const seen: Array<[number | string, string, number]> = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const task = ep.pending[0];
      assert.ok(task, `attempt ${attempt}: nothing pending`);
      seen.push([task.id, task.kind, task.attempt]);
      d.fail(task.id as number, `transient #${attempt}`);
      ep = await d.run();
      // The SDK schedules a retry timer even after the last attempt and gives up when it fires.
      const timer = ep.pending[0];
      assert.equal(timer?.retryTimer, true, `attempt ${attempt}`);
      d.fireTimer(timer.id as number);
      ep = await d.run();
    }
    assert.deepEqual(seen, [
      [0, 'activity', 1],
      [2, 'activity', 2],
      [4, 'activity', 3],
    ]);
    assert.equal(ep.failed, true);
    assert.match(ep.error ?? '', /transient #3/);
  });
});

describe('failure', () => {
  test('an uncaught activity failure fails the orchestration with the reason and details', async () => {
    const d = new OrchestrationDriver('failing', 'dbo.bad');
    await d.run();
    d.fail(0, 'ASM-PIPE-009 bad row', 'at chunk 3');
    const ep = await d.run();
    assert.equal(ep.failed, true);
    assert.equal(ep.isDone, false);
    assert.match(ep.error ?? '', /ASM-PIPE-009 bad row/);
    assert.deepEqual(ep.pending, []);
  });

  test('a caught failure becomes a result', async () => {
    const d = new OrchestrationDriver('failureAsResult', 'dbo.bad');
    await d.run();
    d.fail(0, 'ASM-PIPE-009 bad row');
    const ep = await d.run();
    assert.equal(ep.isDone, true);
    assert.equal(ep.failed, false);
    assert.deepEqual(Object.keys(ep.output as object), ['ok', 'error']);
    assert.match((ep.output as { error: string }).error, /ASM-PIPE-009 bad row/);
  });
});

describe('sub-orchestrations in batches', () => {
  const tables = Array.from({ length: 7 }, (_, i) => `dbo.t${i}`);

  test('children get deterministic instance ids and their results fan in', async () => {
    const d = new OrchestrationDriver('batched', { tables, batchSize: 3 }, { instanceId: 'run-42' });
    const ep = await d.run();
    assert.deepEqual(
      ep.pending.map((w) => [w.id, w.kind, w.name, w.instanceId, w.input]),
      [
        [0, 'subOrchestration', 'copyBatch', 'run-42:batch:0', tables.slice(0, 3)],
        [1, 'subOrchestration', 'copyBatch', 'run-42:batch:1', tables.slice(3, 6)],
        [2, 'subOrchestration', 'copyBatch', 'run-42:batch:2', tables.slice(6)],
      ],
    );
    assert.ok(
      d.history.some(
        (e) => e.EventType === EventType.SubOrchestrationInstanceCreated && e.InstanceId === 'run-42:batch:1',
      ),
    );
    d.complete(0, 1).complete(1, 2).complete(2, 3);
    assert.deepEqual(await d.run().then((e) => [e.isDone, e.output]), [true, 6]);
  });

  test('a failed child fails the parent', async () => {
    const d = new OrchestrationDriver('batched', { tables, batchSize: 4 });
    await d.run();
    d.complete(0, 40).fail(1, 'child failed: ASM-X');
    const ep = await d.run();
    assert.equal(ep.failed, true);
    assert.match(ep.error ?? '', /child failed: ASM-X/);
  });

  test('simulate() runs parent and children with fake activities, retrying flaky ones', async () => {
    const attempts = new Map<string, number>();
    const res = await simulate(
      'batched',
      { tables, batchSize: 3 },
      {
        instanceId: 'run-7',
        activities: {
          copyTable: (input) => {
            const t = String(input);
            attempts.set(t, (attempts.get(t) ?? 0) + 1);
            return copyTable(t);
          },
        },
      },
    );
    assert.equal(res.isDone, true);
    assert.equal(
      res.output,
      tables.map(rowsOf).reduce((a, b) => a + b, 0),
    );
    assert.deepEqual([...res.children.keys()], ['run-7:batch:0', 'run-7:batch:1', 'run-7:batch:2']);
    assert.deepEqual(
      [...attempts.values()],
      tables.map(() => 1),
    );
    // parent: 2 episodes; each child: 2 episodes
    assert.equal(res.episodes, 8);
    assert.ok(res.cpuMicros > 0);
  });

  test('simulate() with retries and control-queue sized batches', async () => {
    let calls = 0;
    const res = await simulate('withRetry', ['a', 'b', 'c', 'd'], {
      completionsPerEpisode: 2,
      activities: {
        copyTable: (input, { attempt }) => {
          calls++;
          if (input === 'c' && attempt === 1) throw new Error('transient');
          return copyTable(String(input));
        },
      },
    });
    assert.equal(res.isDone, true, res.error);
    assert.deepEqual(res.output, [10, 10, 10, 10]);
    assert.equal(calls, 5);
  });
});

describe('timers, events and continueAsNew', () => {
  test('timer wins → continueAsNew with the next input; new generation starts clean', async () => {
    const d = new OrchestrationDriver('pollUntilCutover', { cycle: 0 });
    await d.run();
    d.complete(0, copyTable('changes-0'));
    const waiting = await d.run();
    const timer = waiting.pending.find((w) => w.kind === 'timer');
    assert.ok(timer);
    assert.equal(timer.fireAt?.toISOString(), '2026-01-01T00:01:01.000Z');
    assert.deepEqual(
      waiting.pending.map((w) => [w.kind, w.name]),
      [
        ['timer', undefined],
        ['event', 'cutover'],
      ],
    );
    d.fireTimer(timer.id as number);
    const ended = await d.run();
    assert.equal(ended.isDone, true);
    assert.deepEqual(ended.continuedAsNew, { input: { cycle: 1 } });
    d.continueAsNew();
    const next = await d.run();
    assert.deepEqual(
      next.pending.map((w) => [w.id, w.input]),
      [[0, 'changes-1']],
    );
  });

  test('event wins → output carries the event data', async () => {
    const d = new OrchestrationDriver('pollUntilCutover', { cycle: 3 });
    await d.run();
    d.complete(0, copyTable('changes-3'));
    await d.run();
    d.raiseEvent('cutover', { by: 'ops' });
    const ep = await d.run();
    assert.equal(ep.isDone, true);
    assert.deepEqual(ep.output, { cutover: { by: 'ops' }, cycle: 3 });
    assert.equal(ep.continuedAsNew, undefined);
  });

  test('simulate() fires the timer; the generation ends done with a continueAsNew', async () => {
    const res = await simulate('pollUntilCutover', { cycle: 0 }, { activities: { copyTable } });
    assert.equal(res.isDone, true);
    assert.equal(res.output, undefined);
    assert.equal(res.episodes, 3);
  });

  test('simulate() stops and reports the external event it waits for', async () => {
    const res = await simulate('awaitApproval', 'dbo.t', { activities: { copyTable } });
    assert.equal(res.isDone, false);
    assert.deepEqual(
      res.waitingFor.map((w) => [w.kind, w.name]),
      [['event', 'approve']],
    );
  });
});

describe('registered activities', () => {
  test('simulate() runs an activity registered with df.app.activity when no fake is given', async () => {
    const contexts: string[] = [];
    df.app.activity('countRows', {
      handler: (input: unknown, ctx) => {
        contexts.push(ctx.functionName);
        return { table: String(input), rows: 3 };
      },
    });
    df.app.orchestration('countAll', function* (context) {
      const tables = context.df.getInput<string[]>();
      const r = (yield context.df.Task.all(
        tables.map((t) => context.df.callActivity('countRows', t)),
      )) as CopyResult[];
      return r.reduce((n, x) => n + x.rows, 0);
    });
    assert.equal(typeof activityHandler('countRows'), 'function');
    const res = await simulate('countAll', ['a', 'b'], { activities: {} });
    assert.equal(res.output, 6);
    assert.deepEqual(contexts, ['countRows', 'countRows']);
  });

  test('an activity with neither fake nor registration is a harness error', async () => {
    await assert.rejects(
      simulate('fanOut', ['x'], { activities: {} }),
      /"copyTable" has no fake and is not registered/,
    );
  });
});

describe('history builders fed straight to the handler', () => {
  test('a hand-written history of one completed activity replays to the output', async () => {
    const t0 = new Date('2026-02-01T00:00:00Z');
    const t1 = new Date('2026-02-01T00:00:03Z');
    const events = [
      history.orchestratorStarted(t0),
      history.executionStarted(t0, 'fanOut', ['dbo.x']),
      history.taskScheduled(t0, 0, 'copyTable', 'dbo.x'),
      history.orchestratorCompleted(t0),
      history.orchestratorStarted(t1),
      history.taskCompleted(t1, 0, { table: 'dbo.x', rows: 5 }),
    ];
    const state = (await orchestrationHandler('fanOut')(
      {
        history: JSON.parse(JSON.stringify(events)) as unknown,
        input: ['dbo.x'],
        instanceId: 'h1',
        isReplaying: false,
        parentInstanceId: undefined,
        upperSchemaVersion: 3,
        maximumShortTimerDuration: '6.00:00:00',
        longRunningTimerIntervalDuration: '3.00:00:00',
        defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
      },
      new df.DummyOrchestrationContext('fanOut'),
    )) as { isDone: boolean; output: unknown; customStatus: { at: string } };
    assert.equal(state.isDone, true);
    assert.equal(state.output, 5);
    assert.equal(state.customStatus.at, t1.toISOString());
  });

  test('builders produce the wire shapes of platform-notes §3.4', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
      [
        'TaskCompleted',
        history.taskCompleted(at, 4, { a: 1 }),
        { EventType: 5, TaskScheduledId: 4, Result: '{"a":1}' },
      ],
      [
        'TaskFailed',
        history.taskFailed(at, 4, 'r', 'd'),
        { EventType: 6, TaskScheduledId: 4, Reason: 'r', Details: 'd' },
      ],
      [
        'SubOrchestrationInstanceCompleted',
        history.subOrchestrationCompleted(at, 2, 7),
        { EventType: 8, TaskScheduledId: 2, Result: '7' },
      ],
      [
        'SubOrchestrationInstanceFailed',
        history.subOrchestrationFailed(at, 2, 'r'),
        { EventType: 9, TaskScheduledId: 2, Reason: 'r' },
      ],
      ['TimerFired', history.timerFired(at, 3, at), { EventType: 11, TimerId: 3, FireAt: at.toISOString() }],
      ['EventRaised', history.eventRaised(at, 'go', [1]), { EventType: 15, Name: 'go', Input: '[1]' }],
      [
        'SubOrchestrationInstanceCreated',
        history.subOrchestrationCreated(at, 1, 'c', 'p:1'),
        { EventType: 7, EventId: 1, Name: 'c', InstanceId: 'p:1' },
      ],
      [
        'ExecutionStarted',
        history.executionStarted(at, 'n', { x: 1 }),
        { EventType: 0, Name: 'n', Input: '{"x":1}' },
      ],
    ];
    for (const [name, got, want] of cases) {
      for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k], v, `${name}.${k}`);
      assert.equal(got.Timestamp, at.toISOString(), name);
    }
  });
});
