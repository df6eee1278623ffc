/**
 * Timer registration from app settings, validated when the app starts: a bad ASEMIG_SCHEDULES,
 * retention or purge cron throws a coded AsemigError (ASM-CFG-007…010) naming the setting and
 * entry, so the host logs it at start-up instead of a schedule silently never running.
 */
import * as df from 'durable-functions';
import { CONFIG_CODES } from '../../shared/config/codes';
import {
  isNcrontab,
  parseRetentionDays,
  parseSchedules,
  RETENTION_SETTING,
  SCHEDULES_SETTING,
} from '../../shared/config/schedules';
import { AsemigError } from '../../shared/errors';
import { DEFAULT_PURGE_CRON, purgeHistory } from './purge-history.timer';
import { runSchedule } from './scheduled-run.timer';

export const PURGE_CRON_SETTING = 'ASEMIG_PURGE_CRON';

export function registerTimers(env: NodeJS.ProcessEnv): void {
  const schedules = parseSchedules(env[SCHEDULES_SETTING], env);
  const retention = parseRetentionDays(env[RETENTION_SETTING]);
  const purgeCron = env[PURGE_CRON_SETTING]?.trim() || DEFAULT_PURGE_CRON;
  if (!isNcrontab(purgeCron))
    throw new AsemigError(
      CONFIG_CODES.badCron.code,
      `'${purgeCron}' is not a six-field NCRONTAB expression`,
      {
        file: PURGE_CRON_SETTING,
      },
    );
  for (const s of schedules) {
    df.app.client.timer(`schedule-${s.name}`, {
      schedule: s.cron,
      handler: async (timer, client, context) => {
        await runSchedule(s, timer, client, context);
      },
    });
  }
  df.app.client.timer('purgeHistory', {
    schedule: purgeCron,
    handler: async (timer, client, context) => {
      await purgeHistory(retention, timer, client, context);
    },
  });
}
