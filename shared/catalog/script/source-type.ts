/**
 * DataTypeRef (as parsed) → SourceType (base name normalised, ASE default lengths applied), so the
 * cast rules see one spelling per type: `integer` → `int`, `char varying` → `varchar`...
 */
import type { DataTypeRef } from '../../translator/ast/nodes';
import type { SourceType } from '../model';

const ALIASES: Readonly<Record<string, string>> = {
  integer: 'int',
  dec: 'decimal',
  character: 'char',
  'char varying': 'varchar',
  'character varying': 'varchar',
  'national char': 'nchar',
  'national character': 'nchar',
  'national char varying': 'nvarchar',
  'national character varying': 'nvarchar',
  'national varchar': 'nvarchar',
  'nchar varying': 'nvarchar',
  'unsigned integer': 'unsigned int',
  double: 'double precision',
};

const LENGTH_TYPES = new Set([
  'char',
  'varchar',
  'nchar',
  'nvarchar',
  'unichar',
  'univarchar',
  'binary',
  'varbinary',
]);
const EXACT_TYPES = new Set(['numeric', 'decimal']);
const OTHER_TYPES = new Set([
  'bit',
  'tinyint',
  'smallint',
  'int',
  'bigint',
  'unsigned tinyint',
  'unsigned smallint',
  'unsigned int',
  'unsigned bigint',
  'float',
  'double precision',
  'real',
  'money',
  'smallmoney',
  'datetime',
  'smalldatetime',
  'date',
  'time',
  'bigdatetime',
  'bigtime',
  'timestamp',
  'sysname',
  'longsysname',
  'text',
  'unitext',
  'image',
]);

/** `max` is not ASE syntax; tolerated as "longer than any in-row limit". */
const MAX_LENGTH = 2147483647;

export function normaliseTypeName(name: string): string {
  const n = name.trim().toLowerCase().replace(/\s+/g, ' ');
  return ALIASES[n] ?? n;
}

export function isBuiltinType(name: string): boolean {
  const n = normaliseTypeName(name);
  return LENGTH_TYPES.has(n) || EXACT_TYPES.has(n) || OTHER_TYPES.has(n);
}

/** The SourceType of a built-in type reference (caller resolves user types first). */
export function sourceTypeOf(ref: DataTypeRef): SourceType {
  const base = normaliseTypeName(ref.name);
  const num = (i: number): number | undefined => {
    const a = ref.args[i];
    return a === undefined ? undefined : a === 'max' ? MAX_LENGTH : a;
  };
  // DT-10: char/varchar/binary without a length is 1 in both products.
  if (LENGTH_TYPES.has(base)) return { base, length: num(0) ?? 1 };
  // ASE default precision is 18, scale 0.
  if (EXACT_TYPES.has(base)) return { base, precision: num(0) ?? 18, scale: num(1) ?? 0 };
  const p = num(0);
  if (base === 'float' && p !== undefined) return { base, precision: p };
  return { base };
}
