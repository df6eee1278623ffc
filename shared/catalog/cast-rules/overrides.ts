/**
 * The user override file (docs/cast-rules.md): a JSON array of `{ match, to, note? }`. Validated
 * field by field; any problem is an AsemigError naming the file, the entry and the field, because a
 * silently ignored override would migrate a column with a type the user explicitly refused.
 */
import { AsemigError } from '../../errors';
import { parseTargetType } from './target-type';
import type { CastMatch, CastOverride } from './types';

type FieldType = 'string' | 'number' | 'boolean' | 'string|string[]';

const MATCH_FIELDS: Readonly<Record<string, FieldType>> = {
  base: 'string|string[]',
  nullable: 'boolean',
  identity: 'boolean',
  lengthMin: 'number',
  lengthMax: 'number',
  precisionMin: 'number',
  precisionMax: 'number',
  hasPrecision: 'boolean',
  userType: 'string',
  table: 'string',
  column: 'string',
};

const ENTRY_FIELDS = new Set(['match', 'to', 'note']);

/** Parses and validates override file text. `file` is used in error places. */
export function parseCastOverrides(text: string, file?: string): CastOverride[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new AsemigError(
      'ASM-CAT-100',
      `cast override file is not valid JSON: ${(e as Error).message}`,
      place(file),
      { cause: e },
    );
  }
  return validateCastOverrides(data, file);
}

/** Validates already-parsed override data (e.g. from an options object). */
export function validateCastOverrides(data: unknown, file?: string): CastOverride[] {
  if (!Array.isArray(data)) {
    throw new AsemigError(
      'ASM-CAT-100',
      'cast override file must hold a JSON array of { match, to } entries',
      place(file),
    );
  }
  return data.map((entry, i) => validateEntry(entry, i, file));
}

function validateEntry(entry: unknown, i: number, file?: string): CastOverride {
  const at = (field: string): ReturnType<typeof place> => place(file, `[${i}].${field}`);
  if (!isRecord(entry))
    throw new AsemigError('ASM-CAT-101', `entry ${i} must be an object`, place(file, `[${i}]`));
  for (const key of Object.keys(entry)) {
    if (!ENTRY_FIELDS.has(key))
      throw new AsemigError('ASM-CAT-102', `unknown field "${key}" (allowed: match, to, note)`, at(key));
  }
  const { match, to, note } = entry;
  if (!isRecord(match)) throw new AsemigError('ASM-CAT-101', 'match must be an object', at('match'));
  if (Object.keys(match).length === 0) {
    throw new AsemigError(
      'ASM-CAT-101',
      'match must name at least one field (it would match every column)',
      at('match'),
    );
  }
  for (const [key, value] of Object.entries(match)) {
    const expected = MATCH_FIELDS[key];
    if (expected === undefined) {
      throw new AsemigError(
        'ASM-CAT-102',
        `unknown match field "${key}" (allowed: ${Object.keys(MATCH_FIELDS).join(', ')})`,
        at(`match.${key}`),
      );
    }
    if (!hasType(value, expected))
      throw new AsemigError(
        'ASM-CAT-101',
        `match.${key} must be ${expected.replace('|', ' or ')}`,
        at(`match.${key}`),
      );
  }
  if (typeof to !== 'string' || to.trim() === '')
    throw new AsemigError('ASM-CAT-101', 'to must be a T-SQL type string', at('to'));
  // Placeholders are filled per column; check the shape with sample values.
  const probe = parseTargetType(to.replace(/\{(length|precision|scale)(?:\|\d+)?\}/g, '1'));
  if (typeof probe === 'string') throw new AsemigError('ASM-CAT-103', probe, at('to'));
  if (note !== undefined && typeof note !== 'string')
    throw new AsemigError('ASM-CAT-101', 'note must be a string', at('note'));
  return {
    match: normaliseMatch(match as CastMatch),
    to: to.trim(),
    ...(note !== undefined ? { note } : {}),
  };
}

function normaliseMatch(m: CastMatch): CastMatch {
  const lower = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');
  return {
    ...m,
    ...(m.base !== undefined ? { base: typeof m.base === 'string' ? lower(m.base) : m.base.map(lower) } : {}),
  };
}

function hasType(v: unknown, t: FieldType): boolean {
  if (t === 'string|string[]')
    return typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  if (t === 'number') return typeof v === 'number' && Number.isFinite(v);
  return typeof v === t;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function place(file: string | undefined, field?: string): { file?: string; field?: string } {
  return { ...(file !== undefined ? { file } : {}), ...(field !== undefined ? { field } : {}) };
}
