/**
 * Codes of the run-option validation (shared/config) and of the Azure Functions hosts
 * (functions/, orchestrators/). diagnostic-codes.ts aggregates them with the other catalogues.
 * `ruleId` is empty where no conversion rule applies.
 */
import type { CodeEntry } from '../host-codes';

export const CONFIG_CODES = {
  notObject: {
    code: 'ASM-CFG-001',
    ruleId: '',
    level: 'BLOCK',
    summary: 'Run options (HTTP body or schedule options) are not a JSON object.',
  },
  unknownField: {
    code: 'ASM-CFG-002',
    ruleId: '',
    level: 'BLOCK',
    summary: 'A run option that is not declared in shared/config/run-options.ts.',
  },
  badValue: {
    code: 'ASM-CFG-003',
    ruleId: '',
    level: 'BLOCK',
    summary: 'A run option has the wrong type or a value out of range.',
  },
  missing: {
    code: 'ASM-CFG-004',
    ruleId: '',
    level: 'BLOCK',
    summary: 'A required run option is missing.',
  },
  inlineSecret: {
    code: 'ASM-CFG-005',
    ruleId: '',
    level: 'BLOCK',
    summary:
      'A run option carries a secret (account key, password, SAS); secrets are passed by app-setting name only.',
  },
  settingUndefined: {
    code: 'ASM-CFG-006',
    ruleId: '',
    level: 'BLOCK',
    summary: 'A run option names an app setting that is not defined in the Function App.',
  },
  badSchedules: {
    code: 'ASM-CFG-007',
    ruleId: '',
    level: 'BLOCK',
    summary: 'ASEMIG_SCHEDULES is not a JSON array of { name, cron, options } entries.',
  },
  badCron: {
    code: 'ASM-CFG-008',
    ruleId: '',
    level: 'BLOCK',
    summary: 'A schedule cron expression is not a six-field NCRONTAB expression.',
  },
  duplicateSchedule: {
    code: 'ASM-CFG-009',
    ruleId: '',
    level: 'BLOCK',
    summary: 'Two schedules in ASEMIG_SCHEDULES have the same name.',
  },
  badRetention: {
    code: 'ASM-CFG-010',
    ruleId: '',
    level: 'BLOCK',
    summary: 'ASEMIG_HISTORY_RETENTION_DAYS is not a positive integer.',
  },
  snippetTooLarge: {
    code: 'ASM-HOST-001',
    ruleId: '',
    level: 'BLOCK',
    summary: 'POST /api/translate: the SQL snippet is larger than the synchronous limit.',
  },
  notFound: {
    code: 'ASM-HOST-002',
    ruleId: '',
    level: 'BLOCK',
    summary: 'No migration (orchestration instance) with that id.',
  },
  notRunning: {
    code: 'ASM-HOST-003',
    ruleId: '',
    level: 'WARN',
    summary: 'Cancel asked for a migration that is no longer running.',
  },
  stagingSetting: {
    code: 'ASM-HOST-004',
    ruleId: '',
    level: 'BLOCK',
    summary: 'An activity found the staging app setting empty or missing (configuration, retried).',
  },
  noPlan: {
    code: 'ASM-HOST-005',
    ruleId: '',
    level: 'BLOCK',
    summary: 'A chunk activity found no staged table plan for its table (inventory/plan not run).',
  },
  transient: {
    code: 'ASM-HOST-006',
    ruleId: '',
    level: 'BLOCK',
    summary: 'An activity failed with a non-data (transient) error after all retries; message truncated.',
  },
  tableFailed: {
    code: 'ASM-HOST-007',
    ruleId: '',
    level: 'BLOCK',
    summary: 'A table was not completely staged by the orchestration; no package was written.',
  },
  progressUnavailable: {
    code: 'ASM-HOST-008',
    ruleId: '',
    level: 'WARN',
    summary:
      'GET /api/migrations/{id} could not read per-table progress from staging (setting unset, staging unreachable, a plan or manifest unreadable); counts come from custom status only.',
  },
} as const satisfies Record<string, CodeEntry>;
