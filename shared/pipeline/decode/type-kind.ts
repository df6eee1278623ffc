/**
 * Classifies an ASE base type (SourceType.base, conversion-rules §1.1) into the decoding family
 * the bcp reader needs: which parser, which range, whether the value is text that may contain
 * terminators, and how its length is measured.
 */
import type { SourceType } from '../../catalog/model';
import { DecodeError } from './decode-error';

export type TypeKind =
  | { readonly family: 'integer'; readonly min: bigint; readonly max: bigint; readonly unsigned: boolean }
  | { readonly family: 'exact'; readonly precision: number; readonly scale: number }
  | { readonly family: 'money'; readonly min: bigint; readonly max: bigint }
  | { readonly family: 'float'; readonly single: boolean }
  | { readonly family: 'bit' }
  | { readonly family: 'date' }
  | { readonly family: 'time'; readonly big: boolean }
  | { readonly family: 'datetime' }
  | { readonly family: 'smalldatetime' }
  | { readonly family: 'bigdatetime' }
  | {
      readonly family: 'character';
      /** `bytes` for char/varchar (ASE lengths), `units` for unichar (UTF-16 code units). */
      readonly unit: 'bytes' | 'units' | 'chars';
      readonly fixed: boolean;
      readonly lob: boolean;
      readonly unicode: boolean;
      readonly length?: number;
    }
  | { readonly family: 'binary'; readonly fixed: boolean; readonly lob: boolean; readonly length?: number };

const INT_RANGES: Readonly<Record<string, readonly [bigint, bigint, boolean]>> = {
  tinyint: [0n, 255n, false],
  smallint: [-32768n, 32767n, false],
  int: [-2147483648n, 2147483647n, false],
  integer: [-2147483648n, 2147483647n, false],
  bigint: [-9223372036854775808n, 9223372036854775807n, false],
  'unsigned tinyint': [0n, 255n, true],
  'unsigned smallint': [0n, 65535n, true],
  'unsigned int': [0n, 4294967295n, true],
  'unsigned integer': [0n, 4294967295n, true],
  'unsigned bigint': [0n, 18446744073709551615n, true],
};

/** money / smallmoney ranges in units of 1/10000 (4 decimals, §1.1). */
const MONEY_MIN = -9223372036854775808n;
const MONEY_MAX = 9223372036854775807n;
const SMALLMONEY_MIN = -2147483648n;
const SMALLMONEY_MAX = 2147483647n;

export function typeKind(type: SourceType): TypeKind {
  const base = type.base.toLowerCase().replace(/\s+/g, ' ').trim();
  const int = INT_RANGES[base];
  if (int) return { family: 'integer', min: int[0], max: int[1], unsigned: int[2] };
  switch (base) {
    case 'numeric':
    case 'decimal':
    case 'dec':
      // ASE defaults: numeric = numeric(18,0).
      return { family: 'exact', precision: type.precision ?? 18, scale: type.scale ?? 0 };
    case 'money':
      return { family: 'money', min: MONEY_MIN, max: MONEY_MAX };
    case 'smallmoney':
      return { family: 'money', min: SMALLMONEY_MIN, max: SMALLMONEY_MAX };
    case 'float':
      // float(p): p < 16 is single precision in ASE (§1.1); no p = double.
      return { family: 'float', single: type.precision !== undefined && type.precision < 16 };
    case 'double precision':
    case 'double':
      return { family: 'float', single: false };
    case 'real':
      return { family: 'float', single: true };
    case 'bit':
      return { family: 'bit' };
    case 'date':
      return { family: 'date' };
    case 'time':
      return { family: 'time', big: false };
    case 'bigtime':
      return { family: 'time', big: true };
    case 'datetime':
      return { family: 'datetime' };
    case 'smalldatetime':
      return { family: 'smalldatetime' };
    case 'bigdatetime':
      return { family: 'bigdatetime' };
    case 'char':
    case 'character':
      return chr(type, 'bytes', true, false, false);
    case 'varchar':
    case 'char varying':
    case 'character varying':
    case 'sysname':
    case 'longsysname':
      return chr(type, 'bytes', false, false, false);
    case 'nchar':
    case 'national char':
    case 'national character':
      return chr(type, 'chars', true, false, false);
    case 'nvarchar':
    case 'national char varying':
    case 'national character varying':
    case 'nchar varying':
      return chr(type, 'chars', false, false, false);
    case 'unichar':
      return chr(type, 'units', true, false, true);
    case 'univarchar':
      return chr(type, 'units', false, false, true);
    case 'text':
      return chr(type, 'bytes', false, true, false);
    case 'unitext':
      return chr(type, 'units', false, true, true);
    case 'binary':
      return bin(type, true, false);
    case 'varbinary':
      return bin(type, false, false);
    case 'image':
      return bin(type, false, true);
    case 'timestamp':
      // DT-08 / BCP-10: a varbinary(8) maintained by the server, written as hex.
      return { family: 'binary', fixed: false, lob: false, length: 8 };
    default:
      throw new DecodeError('ASM-BCP-014', `type '${type.base}' cannot be read from a bcp character file`);
  }
}

function chr(
  type: SourceType,
  unit: 'bytes' | 'units' | 'chars',
  fixed: boolean,
  lob: boolean,
  unicode: boolean,
): TypeKind {
  // sysname: varchar(30) in 12.5, varchar(255) later (§1.1 verify): no fixed check without a length.
  return {
    family: 'character',
    unit,
    fixed,
    lob,
    unicode,
    ...(type.length !== undefined && !lob ? { length: type.length } : {}),
  };
}

function bin(type: SourceType, fixed: boolean, lob: boolean): TypeKind {
  return {
    family: 'binary',
    fixed,
    lob,
    ...(type.length !== undefined && !lob ? { length: type.length } : {}),
  };
}

/** Character and LOB columns may legitimately contain tabs and newlines (BCP-02). */
export function mayContainTerminators(kind: TypeKind): boolean {
  return kind.family === 'character';
}
