/**
 * Staged CSV → canonical rows: the strict inverse of csv-encode.ts. It accepts exactly the dialect
 * the encoder writes and refuses anything else with ASM-STAGE-001 and the line, so a damaged or
 * foreign file is never half-read: a quote inside an unquoted field, text after a closing quote,
 * an unterminated quote, a CR outside quotes, a missing final LF, a wrong field count, bad hex.
 * Streaming: state survives chunk boundaries, so a 10 MB value is scanned once.
 */
import { StringDecoder } from 'node:string_decoder';
import { AsemigError } from '../../errors';
import type { CanonicalValue, Row } from '../contracts';
import { PipelineCodes } from '../codes';
import type { ValueKind } from './value-kind';

export interface DecodeOptions {
  /** Number of fields per row. */
  readonly width: number;
  /** Per column; absent = all text. */
  readonly kinds?: readonly ValueKind[];
  /** For error places. */
  readonly file?: string;
  readonly object?: string;
}

const HEX = /^(?:[0-9A-Fa-f]{2})*$/;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

export async function* decodeCsv(
  chunks: AsyncIterable<Buffer | string>,
  options: DecodeOptions,
): AsyncGenerator<Row> {
  const { width } = options;
  const decoder = new StringDecoder('utf8');
  let line = 1;
  let state: State = State.FieldStart;
  let parts: string[] = [];
  let quoted = false;
  let fields: CanonicalValue[] = [];

  const fail = (message: string): never => {
    throw new AsemigError(PipelineCodes.stageBadCsv, message, {
      file: options.file,
      line,
      object: options.object,
    });
  };

  const finishField = (): void => {
    const index = fields.length;
    if (index >= width) fail(`more than ${width} fields`);
    const text = parts.length === 1 ? (parts[0] as string) : parts.join('');
    parts = [];
    const kind = options.kinds?.[index] ?? 'text';
    let value: CanonicalValue;
    if (!quoted && text.length === 0) value = null;
    else if (kind === 'binary') {
      if (quoted && text.length > 0) fail(`binary field ${index + 1} is quoted`);
      if (!HEX.test(text)) fail(`binary field ${index + 1} is not an even number of hex digits`);
      value = new Uint8Array(Buffer.from(text, 'hex'));
    } else value = text;
    fields.push(value);
    quoted = false;
  };

  const finishRow = (): Row => {
    finishField();
    if (fields.length !== width) fail(`${fields.length} fields, expected ${width}`);
    const row = fields;
    fields = [];
    line++;
    return row;
  };

  async function* texts(): AsyncGenerator<string> {
    for await (const c of chunks) {
      const t = typeof c === 'string' ? c : decoder.write(c);
      if (t.length > 0) yield t;
    }
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
  }

  for await (const text of texts()) {
    let i = 0;
    const n = text.length;
    while (i < n) {
      switch (state) {
        case State.FieldStart: {
          const c = text.charCodeAt(i);
          if (c === 34 /* " */) {
            quoted = true;
            state = State.Quoted;
            i++;
          } else {
            state = State.Unquoted;
          }
          break;
        }
        case State.Unquoted: {
          // Find the end of the field: the next `,` or LF; refuse `"` and CR on the way.
          let j = i;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === 44 || c === 10) break;
            if (c === 34) fail('quote inside an unquoted field');
            if (c === 13) fail('carriage return outside quotes (rows end with LF only)');
            j++;
          }
          if (j > i) parts.push(text.slice(i, j));
          if (j < n) {
            if (text.charCodeAt(j) === 44) finishField();
            else yield finishRow();
            state = State.FieldStart;
            i = j + 1;
          } else i = j;
          break;
        }
        case State.Quoted: {
          const q = text.indexOf('"', i);
          if (q < 0) {
            parts.push(text.slice(i));
            // Count the LFs inside the value so later error lines stay right.
            for (let k = i; k < n; k++) if (text.charCodeAt(k) === 10) line++;
            i = n;
          } else {
            if (q > i) parts.push(text.slice(i, q));
            for (let k = i; k < q; k++) if (text.charCodeAt(k) === 10) line++;
            state = State.QuoteInQuoted;
            i = q + 1;
          }
          break;
        }
        case State.QuoteInQuoted: {
          const c = text.charCodeAt(i);
          if (c === 34) {
            parts.push('"');
            state = State.Quoted;
            i++;
          } else if (c === 44) {
            finishField();
            state = State.FieldStart;
            i++;
          } else if (c === 10) {
            yield finishRow();
            state = State.FieldStart;
            i++;
          } else {
            fail('text after a closing quote');
          }
          break;
        }
      }
    }
  }
  if (state === State.Quoted) fail('unterminated quoted field at end of data');
  if (state !== State.FieldStart || fields.length > 0) fail('last row does not end with LF');
}
