/**
 * Scheduled runs from the app setting ASEMIG_SCHEDULES: a JSON array of
 * `{ name, cron, options }` (e.g. a nightly rehearsal load). Parsed and validated when the
 * Functions app starts, so a bad schedule fails the start with a coded error that names the
 * entry and field, instead of a timer that silently never fires.
 */
import { AsemigError } from '../errors';
import { CONFIG_CODES } from './codes';
import { validateRunOptions, type RunOptions } from './run-options';

export const SCHEDULES_SETTING = 'ASEMIG_SCHEDULES';
export const RETENTION_SETTING = 'ASEMIG_HISTORY_RETENTION_DAYS';
export const DEFAULT_RETENTION_DAYS = 30;

export interface Schedule {
  /** Letters, digits and '-': also the prefix of the run ids (`sched-<name>-<stamp>`). */
  readonly name: string;
  /** Six-field NCRONTAB (seconds first), as Functions timer triggers take it. */
  readonly cron: string;
  readonly options: RunOptions;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,30}$/i;
const CRON_FIELD =
  /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/[0-9]+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/[0-9]+)?)*$/;

export function isNcrontab(cron: string): boolean {
  const fields = cron.trim().split(/\s+/);
  return fields.length === 6 && fields.every((f) => CRON_FIELD.test(f));
}

function bad(entry: { code: string }, field: string, message: string): never {
  throw new AsemigError(entry.code, message, { file: SCHEDULES_SETTING, field });
}

export function parseSchedules(
  text: string | undefined,
  env?: Readonly<Record<string, string | undefined>>,
): Schedule[] {
  if (text === undefined || text.trim() === '') return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    bad(CONFIG_CODES.badSchedules, '(value)', `not JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(raw)) bad(CONFIG_CODES.badSchedules, '(value)', 'must be a JSON array');
  const names = new Set<string>();
  return raw.map((entry: unknown, i): Schedule => {
    const at = `[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      bad(CONFIG_CODES.badSchedules, at, `${at} must be an object { name, cron, options }`);
    const e = entry as Record<string, unknown>;
    for (const k of Object.keys(e))
      if (!['name', 'cron', 'options'].includes(k))
        bad(CONFIG_CODES.badSchedules, `${at}.${k}`, `${at}.${k} is not a schedule field`);
    if (typeof e.name !== 'string' || !NAME.test(e.name))
      bad(CONFIG_CODES.badSchedules, `${at}.name`, `${at}.name must be 1-31 letters, digits or '-'`);
    if (names.has(e.name.toLowerCase()))
      bad(CONFIG_CODES.duplicateSchedule, `${at}.name`, `${at}.name '${e.name}' is used twice`);
    names.add(e.name.toLowerCase());
    if (typeof e.cron !== 'string' || !isNcrontab(e.cron))
      bad(
        CONFIG_CODES.badCron,
        `${at}.cron`,
        `${at}.cron must be a six-field NCRONTAB expression such as "0 0 2 * * *"`,
      );
    let options: RunOptions;
    try {
      options = validateRunOptions(e.options, { fieldPrefix: `${at}.options`, env, forbid: ['runId'] });
    } catch (err) {
      if (err instanceof AsemigError)
        throw new AsemigError(err.code, err.message, { ...err.place, file: SCHEDULES_SETTING });
      throw err;
    }
    return { name: e.name, cron: e.cron.trim(), options };
  });
}

export function parseRetentionDays(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_RETENTION_DAYS;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new AsemigError(CONFIG_CODES.badRetention.code, `must be a positive integer, got '${text}'`, {
      file: RETENTION_SETTING,
    });
  return n;
}
