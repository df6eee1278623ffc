/**
 * Timer functions with real InvocationContext objects, a Timer literal and the fake
 * DurableClient: scheduled runs (started with a derived run id; skipped while the previous
 * run of the schedule is still running; not started twice for the same fire minute), the
 * history purge (finished instances older than the retention only), and start-up validation
 * of the settings with coded errors.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvocationContext, type Timer } from '@azure/functions';
import { registry } from '../helpers/durable-replay';
import { runSchedule, scheduleRunId } from '../../functions/timers/scheduled-run.timer';
import { purgeHistory } from '../../functions/timers/purge-history.timer';
import { registerTimers } from '../../functions/timers/register';
import { parseSchedules } from '../../shared/config/schedules';
import { AsemigError } from '../../shared/errors';
import type { MigrateDatabaseInput } from '../../orchestrators/contracts';
import { FakeDurableClient } from './fake-durable-client';

const TIMER: Timer = {
  isPastDue: false,
  schedule: { adjustForDST: true },
  scheduleStatus: { last: '', next: '', lastUpdated: '' },
};
const logs: string[] = [];
const ctx = (): InvocationContext =>
  new InvocationContext({
    invocationId: 'inv',
    functionName: 'timer',
    logHandler: (_level, ...args) => logs.push(args.map(String).join(' ')),
  });
const ENV = { ASEMIG_STAGING: 'https://acct.blob.core.windows.net/staging' };
const NIGHTLY = JSON.stringify([
  {
    name: 'nightly',
    cron: '0 0 2 * * *',
    options: { source: '/data/x', packageDir: '/data/pkg', batchSize: 20 },
  },
]);
const NOW = new Date('2026-03-04T02:00:07Z');

describe('scheduled runs', () => {
  const [nightly] = parseSchedules(NIGHTLY, ENV);
  assert.ok(nightly);

  test('starts migrateDatabase with run id sched-<name>-<yyyyMMddHHmm> and the schedule options', async () => {
    const client = new FakeDurableClient();
    const r = await runSchedule(nightly, TIMER, client.asClient(), ctx(), NOW);
    assert.deepEqual(r, { started: 'sched-nightly-202603040200' });
    const input = client.started[0]?.input as MigrateDatabaseInput;
    assert.equal(input.runId, 'sched-nightly-202603040200');
    assert.equal(input.options.batchSize, 20);
    assert.equal(input.options.stagingConnectionSetting, 'ASEMIG_STAGING');
  });

  test('skips while the previous run of the same schedule is still running', async () => {
    const client = new FakeDurableClient()
      .add({ instanceId: 'sched-nightly-202603030200', runtimeStatus: 'Running' })
      .add({ instanceId: 'sched-other-202603030200', runtimeStatus: 'Running' });
    const r = await runSchedule(nightly, TIMER, client.asClient(), ctx(), NOW);
    assert.deepEqual(r, { skipped: 'sched-nightly-202603030200', reason: 'still-running' });
    assert.equal(client.started.length, 0);
    assert.ok(logs.some((l) => l.includes('still running')));
  });

  test('a finished previous run does not block; the same fire minute is not started twice', async () => {
    const client = new FakeDurableClient().add({
      instanceId: 'sched-nightly-202603030200',
      runtimeStatus: 'Failed',
    });
    assert.deepEqual(await runSchedule(nightly, TIMER, client.asClient(), ctx(), NOW), {
      started: 'sched-nightly-202603040200',
    });
    client.instances.get('sched-nightly-202603040200')!.runtimeStatus = 'Completed';
    assert.deepEqual(await runSchedule(nightly, TIMER, client.asClient(), ctx(), NOW), {
      skipped: 'sched-nightly-202603040200',
      reason: 'already-started',
    });
    assert.equal(client.started.length, 1);
  });

  test('run ids are valid run ids', () => {
    assert.match(scheduleRunId('a-b', NOW), /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/);
  });
});

describe('history purge', () => {
  test('purges Completed/Failed/Terminated instances created before now − retention', async () => {
    const client = new FakeDurableClient();
    const n = await purgeHistory(30, TIMER, client.asClient(), ctx(), NOW);
    assert.equal(n, 3);
    const f = client.purges[0];
    assert.equal(f?.createdTimeTo?.toISOString(), '2026-02-02T02:00:07.000Z');
    assert.deepEqual(f?.runtimeStatus?.map(String), ['Completed', 'Failed', 'Terminated']);
  });
});

describe('start-up validation of the timer settings', () => {
  const bad: [string, Record<string, string>, string, string | undefined][] = [
    ['schedules not JSON', { ASEMIG_SCHEDULES: '[{' }, 'ASM-CFG-007', '(value)'],
    ['schedules not an array', { ASEMIG_SCHEDULES: '{}' }, 'ASM-CFG-007', '(value)'],
    [
      'bad name',
      { ASEMIG_SCHEDULES: '[{"name":"a b","cron":"0 0 2 * * *","options":{}}]' },
      'ASM-CFG-007',
      '[0].name',
    ],
    [
      'five-field cron',
      { ASEMIG_SCHEDULES: '[{"name":"n","cron":"0 2 * * *","options":{}}]' },
      'ASM-CFG-008',
      '[0].cron',
    ],
    [
      'duplicate name',
      {
        ASEMIG_SCHEDULES:
          '[{"name":"n","cron":"0 0 2 * * *","options":{"source":"/s","packageDir":"/p"}},{"name":"N","cron":"0 0 3 * * *","options":{}}]',
      },
      'ASM-CFG-009',
      '[1].name',
    ],
    [
      'options missing source',
      { ASEMIG_SCHEDULES: '[{"name":"n","cron":"0 0 2 * * *","options":{"packageDir":"/p"}}]' },
      'ASM-CFG-004',
      '[0].options.source',
    ],
    [
      'runId in schedule options',
      {
        ASEMIG_SCHEDULES:
          '[{"name":"n","cron":"0 0 2 * * *","options":{"runId":"x","source":"/s","packageDir":"/p"}}]',
      },
      'ASM-CFG-002',
      '[0].options.runId',
    ],
    [
      'secret in schedule options',
      {
        ASEMIG_SCHEDULES:
          '[{"name":"n","cron":"0 0 2 * * *","options":{"source":"Password=x;","packageDir":"/p"}}]',
      },
      'ASM-CFG-005',
      '[0].options.source',
    ],
    ['retention not a number', { ASEMIG_HISTORY_RETENTION_DAYS: 'ten' }, 'ASM-CFG-010', undefined],
    ['purge cron invalid', { ASEMIG_PURGE_CRON: 'daily' }, 'ASM-CFG-008', undefined],
  ];
  for (const [name, env, code, field] of bad) {
    test(`${code}: ${name}`, () => {
      assert.throws(
        () => registerTimers({ ...ENV, ...env }),
        (e: unknown) =>
          e instanceof AsemigError && e.code === code && e.place.field === field && !!e.place.file,
      );
    });
  }

  test('valid settings register one timer per schedule plus the purge timer, with their crons', () => {
    registerTimers({ ...ENV, ASEMIG_SCHEDULES: NIGHTLY, ASEMIG_PURGE_CRON: '0 15 4 * * *' });
    assert.equal(registry.get('schedule-nightly')?.options.schedule, '0 0 2 * * *');
    assert.equal(registry.get('purgeHistory')?.options.schedule, '0 15 4 * * *');
  });
});
