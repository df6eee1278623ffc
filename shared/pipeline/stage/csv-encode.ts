/**
 * Canonical rows → staged CSV (docs/ARCHITECTURE.md §6 "Staging"). The dialect is what
 * `BULK INSERT ... WITH (FORMAT = 'CSV', FIELDQUOTE = '"', CODEPAGE = '65001',
 * ROWTERMINATOR = '0x0a', KEEPNULLS)` reads:
 *  - `,` between fields, LF after every row (BCP-02: 0x0a, never CRLF), no header;
 *  - NULL = empty unquoted field (BCP-03, loaded with KEEPNULLS); '' = `""`;
 *  - a string is quoted when it is empty, contains `"`, `,`, CR or LF, or starts or ends with a
 *    space or tab (so no loader can trim it); `"` inside is doubled;
 *  - binary = upper-case hex without 0x (BCP-07); an empty binary value is `""`;
 *  - everything else is the canonical string as it is.
 * Hand-written rather than a library: performance.md §5.3 measured libraries at 0.35–0.55 of a
 * hand-rolled formatter; bench/ numbers for this one are in docs/ARCHITECTURE.md §6.
 */
import { AsemigError } from '../../errors';
import type { CanonicalValue, Row } from '../contracts';
import { PipelineCodes } from '../codes';

const NEEDS_QUOTE = /[",\r\n]/;
// A lone surrogate has no UTF-8 form: Buffer.from would write U+FFFD and lose the character.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface EncodePlace {
  readonly object?: string;
  readonly columns?: readonly string[];
}

/** One test for the common case: nothing to quote and no surrogate to check. */
const SPECIAL = /[",\r\n\uD800-\uDFFF]|^[ \t]|[ \t]$/;

export function encodeField(value: CanonicalValue, place: EncodePlace = {}, index = 0): string {
  if (value === null) return '';
  if (typeof value !== 'string') {
    return value.length === 0
      ? '""'
      : Buffer.from(value.buffer, value.byteOffset, value.length).toString('hex').toUpperCase();
  }
  if (value.length === 0) return '""';
  if (!SPECIAL.test(value)) return value;
  if (LONE_SURROGATE.test(value)) {
    throw new AsemigError(
      PipelineCodes.stageBadValue,
      'string contains a lone UTF-16 surrogate, which UTF-8 cannot carry',
      {
        object: place.object,
        field: place.columns?.[index] ?? `#${index + 1}`,
      },
    );
  }
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (NEEDS_QUOTE.test(value) || first === 32 || first === 9 || last === 32 || last === 9) {
    return '"' + (value.includes('"') ? value.replace(/"/g, '""') : value) + '"';
  }
  return value;
}

/** One CSV line (with its LF) for a row of `width` values. */
export function encodeRow(row: Row, width: number, place: EncodePlace = {}): string {
  if (row.length !== width) {
    throw new AsemigError(
      PipelineCodes.stageRowWidth,
      `row has ${row.length} values, the chunk has ${width} columns`,
      { object: place.object },
    );
  }
  let line = '';
  for (let i = 0; i < width; i++) {
    if (i > 0) line += ',';
    line += encodeField(row[i] as CanonicalValue, place, i);
  }
  return line + '\n';
}

/** Target size of the text batches handed to the stream (performance.md §5.1: 1 MiB chunks). */
export const CSV_BATCH_CHARS = 1 << 20;

/**
 * Encode row batches into UTF-8 Buffers of about 1 MiB. `onRow` sees every row before it is
 * encoded (hashing, counting) so the caller makes one pass. Batches, because one await per row
 * costs more than formatting the row (docs/ARCHITECTURE.md §6).
 */
export async function* encodeBatches(
  batches: AsyncIterable<readonly Row[]>,
  width: number,
  place: EncodePlace,
  onRow?: (row: Row) => void,
): AsyncGenerator<Buffer> {
  let text = '';
  for await (const batch of batches) {
    for (const row of batch) {
      onRow?.(row);
      text += encodeRow(row, width, place);
      if (text.length >= CSV_BATCH_CHARS) {
        yield Buffer.from(text, 'utf8');
        text = '';
      }
    }
  }
  if (text.length > 0) yield Buffer.from(text, 'utf8');
}

/** Rows → batches of up to `size` rows (for sources that only yield rows one by one). */
export async function* batchRows(rows: AsyncIterable<Row>, size = 1024): AsyncGenerator<Row[]> {
  let batch: Row[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export function encodeRows(
  rows: AsyncIterable<Row>,
  width: number,
  place: EncodePlace,
  onRow?: (row: Row) => void,
): AsyncGenerator<Buffer> {
  return encodeBatches(batchRows(rows), width, place, onRow);
}
