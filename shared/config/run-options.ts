/**
 * The options of one migration run, declared once (architecture.md §3 config/): name, type,
 * default, description and a validator. The HTTP API validates request bodies with them, the
 * timers validate ASEMIG_SCHEDULES entries with them, the OpenAPI document lists them, and the
 * CLI may adopt them. Errors are AsemigErrors whose place.field names the option, which the
 * HTTP layer turns into a 400.
 */
import { AsemigError } from '../errors';
import { CONFIG_CODES } from './codes';
import { isSecretFieldName, looksLikeSecret } from './secrets';

export type OptionType = 'string' | 'integer' | 'boolean';

export interface OptionSpec {
  readonly name: keyof RunOptions;
  readonly type: OptionType;
  readonly description: string;
  readonly required?: boolean;
  readonly default?: string | number | boolean;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
}

export interface RunOptions {
  /** Run id = orchestration instance id; derived by the starter when absent. */
  readonly runId?: string;
  /** Offline extract folder (ddlgen/defncopy scripts + bcp files) as the Function App sees it. */
  readonly source: string;
  /** NAME of the app setting holding the staging spec (never the connection string itself). */
  readonly stagingConnectionSetting: string;
  /** Folder the deployment package is written to. */
  readonly packageDir: string;
  readonly chunkRows: number;
  /** Tables per sub-orchestration (platform-notes §2.1: 50–200 keeps histories small). */
  readonly batchSize: number;
  readonly gzip: boolean;
}

/** Same rule as stage/layout.ts checkRunId, repeated here as a declaration for the API document. */
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const SETTING_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

export const RUN_OPTION_SPECS: readonly OptionSpec[] = [
  {
    name: 'runId',
    type: 'string',
    pattern: RUN_ID,
    description:
      'Run id, also the orchestration instance id: 1-64 letters, digits, ".", "_" or "-". Derived when absent; starting the same id twice returns the existing run.',
  },
  {
    name: 'source',
    type: 'string',
    required: true,
    description:
      'Offline extract folder (ddlgen/defncopy scripts and bcp files) readable by the Function App.',
  },
  {
    name: 'stagingConnectionSetting',
    type: 'string',
    default: 'ASEMIG_STAGING',
    pattern: SETTING_NAME,
    description:
      'Name of the app setting that holds the staging spec (folder, Blob account URL, or a Key Vault reference to a connection string). Never the secret itself.',
  },
  {
    name: 'packageDir',
    type: 'string',
    required: true,
    description: 'Folder the deployment package is written to.',
  },
  {
    name: 'chunkRows',
    type: 'integer',
    default: 100_000,
    min: 1,
    max: 10_000_000,
    description: 'Rows per staged chunk (one chunk = one activity).',
  },
  {
    name: 'batchSize',
    type: 'integer',
    default: 50,
    min: 1,
    max: 500,
    description: 'Tables per sub-orchestration batch (keeps orchestration histories small).',
  },
  {
    name: 'gzip',
    type: 'boolean',
    default: false,
    description: 'Stage chunks as csv.gz (client-push loads) instead of plain CSV.',
  },
];

function fail(entry: { code: string }, field: string, message: string): never {
  throw new AsemigError(entry.code, message, { field });
}

function checkValue(spec: OptionSpec, value: unknown, field: string): string | number | boolean {
  switch (spec.type) {
    case 'string': {
      if (typeof value !== 'string' || value.trim() === '')
        fail(CONFIG_CODES.badValue, field, `${field} must be a non-empty string`);
      if (looksLikeSecret(value))
        fail(
          CONFIG_CODES.inlineSecret,
          field,
          `${field} contains a secret (key, password or SAS): put it in an app setting or Key Vault and pass the setting name`,
        );
      if (spec.pattern && !spec.pattern.test(value))
        fail(CONFIG_CODES.badValue, field, `${field} must match ${String(spec.pattern)}`);
      return value;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value))
        fail(CONFIG_CODES.badValue, field, `${field} must be an integer`);
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max))
        fail(CONFIG_CODES.badValue, field, `${field} must be between ${spec.min} and ${spec.max}`);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail(CONFIG_CODES.badValue, field, `${field} must be true or false`);
      return value;
  }
}

export interface ValidateOptions {
  /** Prefix for field names in errors, e.g. `schedules[2].options`. */
  readonly fieldPrefix?: string;
  /** App settings visible to the starter: the named staging setting must exist. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Fields the caller may not set (schedules derive runId). */
  readonly forbid?: readonly string[];
}

/**
 * Validates untrusted options (parsed JSON) and fills defaults. Throws AsemigError with
 * place.field = the offending option (ASM-CFG-001…006). Unknown fields are refused, not ignored.
 */
export function validateRunOptions(input: unknown, options: ValidateOptions = {}): RunOptions {
  const prefix = options.fieldPrefix ? `${options.fieldPrefix}.` : '';
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    fail(CONFIG_CODES.notObject, options.fieldPrefix ?? '(body)', 'run options must be a JSON object');
  const body = input as Record<string, unknown>;
  const out: Record<string, string | number | boolean> = {};
  for (const key of Object.keys(body)) {
    const spec = RUN_OPTION_SPECS.find((s) => s.name === key);
    if (isSecretFieldName(key))
      fail(
        CONFIG_CODES.inlineSecret,
        prefix + key,
        `${prefix + key}: secrets are not accepted in run options; reference an app setting instead`,
      );
    if (!spec || options.forbid?.includes(key))
      fail(CONFIG_CODES.unknownField, prefix + key, `${prefix + key} is not a run option`);
  }
  for (const spec of RUN_OPTION_SPECS) {
    const field = prefix + spec.name;
    const value = body[spec.name];
    if (value === undefined || value === null) {
      if (spec.required) fail(CONFIG_CODES.missing, field, `${field} is required`);
      if (spec.default !== undefined) out[spec.name] = spec.default;
      continue;
    }
    out[spec.name] = checkValue(spec, value, field);
  }
  const run = out as unknown as RunOptions;
  if (options.env && !options.env[run.stagingConnectionSetting]) {
    fail(
      CONFIG_CODES.settingUndefined,
      prefix + 'stagingConnectionSetting',
      `app setting ${run.stagingConnectionSetting} (named by stagingConnectionSetting) is not defined`,
    );
  }
  return run;
}

/** JSON Schema of the options (for the OpenAPI document and its test). */
export function runOptionsJsonSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const s of RUN_OPTION_SPECS) {
    properties[s.name] = {
      type: s.type,
      description: s.description,
      ...(s.default !== undefined ? { default: s.default } : {}),
      ...(s.min !== undefined ? { minimum: s.min } : {}),
      ...(s.max !== undefined ? { maximum: s.max } : {}),
      ...(s.pattern ? { pattern: s.pattern.source } : {}),
    };
  }
  return {
    type: 'object',
    additionalProperties: false,
    required: RUN_OPTION_SPECS.filter((s) => s.required).map((s) => s.name),
    properties,
  };
}
