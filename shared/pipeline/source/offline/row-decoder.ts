/**
 * Raw bcp fields → a canonical Row (contracts.ts), one value per table column in ordinal order
 * (columns absent from the file — virtual computed with --hide-vcc — are null), with the data
 * profile fed on the way.
 *
 * Empty fields (BCP-03/04): an empty field is NULL. Character-mode bcp cannot write '' (ASE
 * stores '' as ' ', STR-02), so:
 *  - nullable character column: NULL is staged; the count is reported (ASM-PROF-001);
 *  - NOT NULL character column: ' ' is staged (padded to the length for char/nchar/unichar),
 *    which is what ASE stores for '' and what ASE `bcp in` loads; reported (ASM-PROF-002);
 *  - NOT NULL non-character loadable column: error ASM-BCP-009 (nothing to stage).
 */
import type { CanonicalValue } from '../../contracts';
import { isAscii } from '../../decode/character';
import { DecodeError } from '../../decode/decode-error';
import { decodeValue, type DecodeNotes } from '../../decode/decode-value';
import { AsemigError } from '../../../errors';
import type { RawRow } from './bcp-scanner';
import type { FieldDecoder } from './charset';
import { OfflineCodes } from './codes';
import type { DataProfile } from './data-profile';
import type { ColumnLayout, TableLayout } from './table-layout';

export interface RowContext {
  readonly layout: TableLayout;
  readonly decoder: FieldDecoder;
  readonly file: string;
  readonly textsize: number;
  /** Absent when the rows were already profiled (a chunk read after planning). */
  readonly profile?: DataProfile;
}

const SMALLDATETIME_MIN = '1900-01-01 00:00:00.000';
const SMALLDATETIME_MAX = '2079-06-06 23:59:00.000';
const BIGINT_MAX = 9223372036854775807n;
const INT_TARGETS: Readonly<Record<string, bigint>> = {
  tinyint: 255n,
  smallint: 32767n,
  int: 2147483647n,
  bigint: BIGINT_MAX,
};

/** Shared by every decodeRow call (decoding is synchronous): no notes object per row. */
const notes: DecodeNotes = { offTick: false, year: 0 };
const NO_BYTES = Buffer.alloc(0);

export function decodeRow(raw: RawRow, ctx: RowContext): CanonicalValue[] {
  const { layout } = ctx;
  const row = new Array<CanonicalValue>(layout.columns.length).fill(null);
  for (let i = 0; i < layout.fileColumns.length; i++) {
    const col = layout.fileColumns[i];
    if (!col) continue;
    const length = raw.fieldLength(i);
    if (length === 0) {
      row[col.index] = emptyField(raw, i, col, ctx);
      continue;
    }
    // Only character and binary fields need a Buffer view; the rest (numbers, dates: ASCII) are
    // read straight to a latin1 string, which saves a view per field (measured in §6).
    let text = '';
    let bytes: Buffer = NO_BYTES;
    const family = col.kind.family;
    if (family === 'character') {
      bytes = raw.field(i);
      const t = ctx.decoder.decode(bytes);
      if (typeof t !== 'string') {
        throw placed(
          raw,
          i,
          col,
          ctx,
          OfflineCodes.badEncoding.code,
          `byte 0x${(bytes[t.badOffset] ?? 0).toString(16).padStart(2, '0')} is not valid ${ctx.decoder.charset} (BCP-08)`,
          t.badOffset,
        );
      }
      text = t;
    } else if (family === 'binary') {
      bytes = raw.field(i);
    } else {
      text = raw.latin1(i);
    }
    notes.offTick = false;
    notes.year = 0;
    let value: CanonicalValue;
    try {
      value = decodeValue(col.kind, text, bytes, notes);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      throw placed(raw, i, col, ctx, e.code, e.message, 0);
    }
    row[col.index] = value;
    if (ctx.profile) observe(raw, col, ctx, value, length, notes);
  }
  return row;
}

function placed(
  raw: RawRow,
  i: number,
  col: ColumnLayout,
  ctx: RowContext,
  code: string,
  message: string,
  offset: number,
): AsemigError {
  const pos = raw.position(i, offset);
  return new AsemigError(code, `row ${raw.row}, field ${i + 1}: ${message}`, {
    file: ctx.file,
    line: pos.line,
    column: pos.column,
    object: ctx.layout.object,
    field: col.column.name,
  });
}

function emptyField(raw: RawRow, i: number, col: ColumnLayout, ctx: RowContext): CanonicalValue {
  const k = col.kind;
  const at = {
    object: ctx.layout.object,
    file: ctx.file,
    field: col.column.name,
    line: raw.position(i, 0).line,
  };
  if (k.family === 'character') {
    if (col.nullable) {
      ctx.profile?.note('nullAsEmpty', at);
      return null;
    }
    const staged = k.fixed && k.length !== undefined ? ' '.repeat(k.length) : ' ';
    ctx.profile?.note('emptyNotNull', { ...at, detail: `staged ${JSON.stringify(staged)}` });
    return staged;
  }
  if (col.nullable || !col.loadable) return null;
  throw placed(raw, i, col, ctx, OfflineCodes.nullNotNull.code, 'empty field (NULL) in a NOT NULL column', 0);
}

function observe(
  raw: RawRow,
  col: ColumnLayout,
  ctx: RowContext,
  value: CanonicalValue,
  fileBytes: number,
  notes: DecodeNotes,
): void {
  const profile = ctx.profile;
  if (!profile || value === null) return;
  const k = col.kind;
  const at = { object: ctx.layout.object, file: ctx.file, field: col.column.name, line: raw.line };
  const target = col.column.target?.type.base.toLowerCase();
  switch (k.family) {
    case 'character': {
      const s = value as string;
      if (k.lob) {
        // textsize counts stored bytes: file bytes for text, UTF-16 bytes for unitext (BCP-07).
        const size = k.unicode ? s.length * 2 : fileBytes;
        profile.note('lobMax', { ...at, max: size });
        if (size === ctx.textsize) profile.note('textsizeCut', { ...at, detail: `textsize ${ctx.textsize}` });
      }
      if (ctx.decoder.charset !== 'utf8' && !isAscii(s)) {
        profile.note('nonAscii', { ...at, detail: `charset ${ctx.decoder.charset}` });
        if (ctx.decoder.charset === 'iso_1' && /[\u0080-\u009f]/.test(s)) profile.note('c1Controls', at);
      }
      return;
    }
    case 'binary':
      if (k.lob) {
        const size = (value as Uint8Array).length;
        profile.note('lobMax', { ...at, max: size });
        if (size === ctx.textsize) profile.note('textsizeCut', { ...at, detail: `textsize ${ctx.textsize}` });
      }
      return;
    case 'date':
    case 'datetime':
    case 'bigdatetime':
    case 'smalldatetime': {
      const s = value as string;
      if (notes.year > 0 && notes.year < 1753) {
        const toDatetime = target === 'datetime' || target === 'smalldatetime';
        profile.note('pre1753', {
          ...at,
          min: s,
          ...(toDatetime ? { level: 'MANUAL' as const, detail: `target ${target} cannot hold them` } : {}),
        });
      }
      if (target === 'smalldatetime' && k.family !== 'smalldatetime') {
        const full = s.length === 10 ? `${s} 00:00:00.000` : s;
        if (full < SMALLDATETIME_MIN || full > SMALLDATETIME_MAX)
          profile.note('smalldatetimeRange', { ...at, min: s });
      }
      if (notes.offTick) profile.note('offTick', at);
      return;
    }
    case 'time':
      if (notes.offTick) profile.note('offTick', at);
      return;
    case 'integer': {
      if (!k.unsigned) return;
      const v = BigInt(value as string);
      if (k.max > BIGINT_MAX && v > BIGINT_MAX) profile.note('unsignedBigint', at);
      const limit = target === undefined ? undefined : targetMax(target, col.column.target?.type.precision);
      if (limit !== undefined && v > limit) {
        profile.note('unsignedTarget', { ...at, detail: `target ${col.column.target?.type.sql ?? target}` });
      }
      return;
    }
    default:
      return;
  }
}

function targetMax(base: string, precision: number | undefined): bigint | undefined {
  const int = INT_TARGETS[base];
  if (int !== undefined) return int;
  if ((base === 'numeric' || base === 'decimal') && precision !== undefined)
    return 10n ** BigInt(precision) - 1n;
  return undefined;
}
