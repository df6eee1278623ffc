/** node's util.parseArgs with its errors turned into coded usage errors (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(
  argv: readonly string[],
  options: O,
  allowPositionals: boolean,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args: [...argv], options, allowPositionals, strict: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    // parseArgs messages are clear ("Unknown option '--x'"); only the code is ours.
    throw usageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

export function positiveInt(value: string | boolean | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (!/^\d+$/.test(s) || Number(s) < 1 || !Number.isSafeInteger(Number(s))) {
    throw usageError(`must be a positive integer, got ${JSON.stringify(s)}`, field);
  }
  return Number(s);
}

export function requireString(value: string | boolean | undefined, field: string): string {
  if (typeof value !== 'string' || value === '') throw usageError(`--${field} is required`, field);
  return value;
}
