/**
 * One bcp -c field → its canonical value (contracts.ts) for the column's ASE type. The caller
 * handles the empty field (NULL, BCP-03/04) and turns DecodeError into a placed AsemigError.
 */
import type { CanonicalValue } from '../contracts';
import { decodeHex } from './binary';
import { checkCharacterLength } from './character';
import {
  decodeBigDatetime,
  decodeDate,
  decodeDatetime,
  decodeSmallDatetime,
  decodeTime,
  type DecodedTemporal,
} from './date-time';
import { DecodeError } from './decode-error';
import { decodeExact, decodeInteger, decodeMoney } from './exact-numeric';
import { decodeBit, decodeFloat } from './float';
import type { TypeKind } from './type-kind';

/** Side facts a decode learned, for the data profile (reset by the caller per value). */
export interface DecodeNotes {
  /** Datetime/time fraction moved to the nearest 1/300 s tick (DT-07). */
  offTick: boolean;
  /** Year of a temporal value (pre-1753 detection, DT-07). */
  year: number;
}

/**
 * `text` is the decoded field (not needed for binary); `bytes` the raw field. Returns the
 * canonical value; throws DecodeError.
 */
export function decodeValue(
  kind: TypeKind,
  text: string,
  bytes: Uint8Array,
  notes: DecodeNotes,
): CanonicalValue {
  switch (kind.family) {
    case 'integer':
      return decodeInteger(text, kind.min, kind.max, kind.unsigned ? 'unsigned integer' : 'integer');
    case 'exact':
      return decodeExact(text, kind.precision, kind.scale);
    case 'money':
      return decodeMoney(text, kind.min, kind.max, kind.max > 2147483647n ? 'money' : 'smallmoney');
    case 'float':
      return decodeFloat(text, kind.single);
    case 'bit':
      return decodeBit(text);
    case 'date': {
      const v = decodeDate(text);
      notes.year = Number(v.slice(0, 4));
      return v;
    }
    case 'time':
      return temporal(decodeTime(text, kind.big), notes);
    case 'datetime':
      return temporal(decodeDatetime(text), notes);
    case 'smalldatetime':
      return temporal(decodeSmallDatetime(text), notes);
    case 'bigdatetime':
      return temporal(decodeBigDatetime(text), notes);
    case 'character':
      checkCharacterLength(text, kind);
      return text;
    case 'binary': {
      const v = decodeHex(bytes);
      if (kind.length !== undefined && v.length > kind.length) {
        throw new DecodeError('ASM-BCP-011', `value has ${v.length} bytes; the column holds ${kind.length}`);
      }
      return v;
    }
  }
}

function temporal(d: DecodedTemporal, notes: DecodeNotes): string {
  notes.offTick = d.offTick;
  notes.year = d.year;
  return d.value;
}

/** The families whose field text is needed (binary decodes from bytes). */
export function needsText(kind: TypeKind): boolean {
  return kind.family !== 'binary';
}
