/**
 * Splits a bcp -c byte stream into rows of raw fields, streaming: the window holds the current
 * row (and read-ahead) only, grows for large LOB rows and is capped by maxRowBytes so a wrong
 * row terminator fails fast instead of buffering a whole file.
 *
 * Parsing is field-count driven, as ASE `bcp in` reads: fields 1..n-1 end at the field
 * terminator, field n at the row terminator. So a newline inside a text column that is not the
 * last one is data, not a row end. What cannot be data is caught: a row terminator inside a
 * non-character field (ASM-BCP-002, short row), a field terminator inside a non-character last
 * field (ASM-BCP-003, long row), a CR before a declared "\n" (ASM-BCP-005).
 * Terminators are ASCII, so they never match inside a UTF-8 multi-byte sequence.
 */
import type { Readable } from 'node:stream';
import { AsemigError } from '../../../errors';
import { OfflineCodes } from './codes';

export interface ScanStart {
  readonly byte: number;
  /** Physical line (1-based) at `byte`. */
  readonly line: number;
  /** Row number (1-based) of the first row at `byte`. */
  readonly row: number;
  /** Offset where the physical line of `byte` starts (for byte columns); default `byte`. */
  readonly lineStart?: number;
}

export interface ScanOptions {
  readonly file: string;
  readonly object: string;
  readonly fieldTerminator: Buffer;
  readonly rowTerminator: Buffer;
  /** Field names in file order (their count is the expected field count). */
  readonly fieldNames: readonly string[];
  /** Per field: may the data contain terminators (character columns)? */
  readonly textFields: readonly boolean[];
  readonly maxRowBytes: number;
  readonly start?: ScanStart;
  /** Called when a UTF-8 BOM at byte 0 is skipped (only when `skipBom`). */
  readonly skipBom?: () => void;
}

/** One row. Field views are valid only until the next row is requested. */
export interface RawRow {
  readonly row: number;
  readonly line: number;
  readonly startByte: number;
  /** Offset just after the row terminator. */
  readonly endByte: number;
  /** Offset where the physical line holding the row start begins. */
  readonly lineStart: number;
  field(i: number): Buffer;
  /** Byte length of field i (no Buffer view made). */
  fieldLength(i: number): number;
  /** Field i as latin1 text (one char per byte), without making a Buffer view first. */
  latin1(i: number): string;
  /** Physical line and 1-based byte column of a byte offset inside field i. */
  position(i: number, offsetInField: number): { line: number; column: number };
}

const LF = 0x0a;

/** A RawRow over the scanner's window (no closures per row: this runs for every row). */
class RowView implements RawRow {
  constructor(
    private readonly win: Window,
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
    readonly row: number,
    readonly line: number,
    readonly startByte: number,
    readonly endByte: number,
    readonly lineStart: number,
  ) {}

  field(i: number): Buffer {
    return this.win.slice(this.starts[i] ?? 0, this.ends[i] ?? 0);
  }

  fieldLength(i: number): number {
    return (this.ends[i] ?? 0) - (this.starts[i] ?? 0);
  }

  latin1(i: number): string {
    const base = this.win.base;
    return this.win.buf.toString('latin1', (this.starts[i] ?? 0) - base, (this.ends[i] ?? 0) - base);
  }

  position(i: number, offsetInField: number): { line: number; column: number } {
    const at = (this.starts[i] ?? 0) + offsetInField;
    const before = this.win.slice(this.startByte, at);
    const lastLf = before.lastIndexOf(LF);
    return {
      line: this.line + countLf(before),
      column: lastLf < 0 ? at - this.lineStart + 1 : before.length - lastLf,
    };
  }
}

class Window {
  buf = Buffer.allocUnsafe(1 << 16);
  /** File offset of buf[0]. */
  base: number;
  end = 0;
  eof = false;
  /** buf[0, end): searched without a subarray per call, and never into the stale tail. */
  private live: Buffer = this.buf.subarray(0, 0);
  private readonly it: AsyncIterator<unknown>;

  constructor(stream: Readable, base: number) {
    this.it = stream[Symbol.asyncIterator]();
    this.base = base;
  }

  /** Absolute offset just past the data read so far. */
  get limit(): number {
    return this.base + this.end;
  }

  /** Reads one more chunk, keeping bytes from absolute offset `keep` on. False at EOF. */
  async more(keep: number): Promise<boolean> {
    if (this.eof) return false;
    const r = await this.it.next();
    if (r.done) {
      this.eof = true;
      return false;
    }
    const chunk = r.value as Buffer;
    if (this.end + chunk.length > this.buf.length) {
      const from = keep - this.base;
      const live = this.end - from;
      if (live + chunk.length <= this.buf.length) {
        this.buf.copy(this.buf, 0, from, this.end);
      } else {
        const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, live + chunk.length));
        this.buf.copy(grown, 0, from, this.end);
        this.buf = grown;
      }
      this.base = keep;
      this.end = live;
    }
    chunk.copy(this.buf, this.end);
    this.end += chunk.length;
    this.live = this.buf.subarray(0, this.end);
    return true;
  }

  /** First match of `term` at or after absolute `from` within the data read so far. */
  indexOf(term: Buffer | number, from: number): number {
    const i = this.live.indexOf(term, from - this.base);
    return i < 0 ? -1 : i + this.base;
  }

  slice(from: number, to: number): Buffer {
    return this.buf.subarray(from - this.base, to - this.base);
  }

  close(): void {
    void this.it.return?.();
  }
}

function countLf(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(LF); i >= 0; i = b.indexOf(LF, i + 1)) n++;
  return n;
}

/** Rows one by one (see scanBcpBatches). */
export async function* scanBcp(stream: Readable, o: ScanOptions): AsyncGenerator<RawRow> {
  for await (const batch of scanBcpBatches(stream, o)) yield* batch;
}

/**
 * Rows in batches: one await per batch instead of per row. A batch is handed out before the
 * window reads more data (which may move bytes), so every row view of a batch is valid until the
 * next batch is requested.
 */
export async function* scanBcpBatches(
  stream: Readable,
  o: ScanOptions,
  maxBatch = 1024,
): AsyncGenerator<RawRow[]> {
  const n = o.fieldNames.length;
  let batch: RawRow[] = [];
  const win = new Window(stream, o.start?.byte ?? 0);
  let pos = win.base;
  let line = o.start?.line ?? 1;
  let row = (o.start?.row ?? 1) - 1;
  let lineStart = o.start?.lineStart ?? o.start?.byte ?? 0;
  let starts = new Array<number>(n).fill(0);
  let ends = new Array<number>(n).fill(0);
  const ft = o.fieldTerminator;
  const rt = o.rowTerminator;
  // Single-byte terminators are searched as numbers (faster than a one-byte needle).
  const ftNeedle: Buffer | number = ft.length === 1 ? (ft[0] ?? 0) : ft;
  const rtNeedle: Buffer | number = rt.length === 1 ? (rt[0] ?? 0) : rt;
  /** Next row terminator at or after the current field (cached; -1 = none in the window). */
  let rtAt = -1;
  const lfOnly = rt.length === 1 && rt[0] === LF;

  const err = (code: string, message: string, at: number, rowStart: number, field?: number): AsemigError => {
    const lines = countLf(win.slice(rowStart, Math.max(rowStart, Math.min(at, win.limit))));
    return new AsemigError(code, `row ${row}: ${message}`, {
      file: o.file,
      line: line + lines,
      object: o.object,
      ...(field !== undefined ? { field: o.fieldNames[field] ?? `field ${field + 1}` } : {}),
    });
  };

  try {
    if (o.skipBom && win.base === 0) {
      while (win.end < 3 && (await win.more(0)));
      if (win.end >= 3 && win.buf[0] === 0xef && win.buf[1] === 0xbb && win.buf[2] === 0xbf) {
        pos = 3;
        o.skipBom();
      }
    }
    for (;;) {
      const rowStart = pos;
      row++;
      for (let k = 0; k < n; k++) {
        const term = k < n - 1 ? ft : rt;
        const needle = k < n - 1 ? ftNeedle : rtNeedle;
        let from = pos;
        let idx = -1;
        for (;;) {
          idx = win.indexOf(needle, from);
          if (idx >= 0) break;
          if (!o.textFields[k]) {
            // A non-character field cannot hold the other terminator: fail at this row instead of
            // reading on (up to maxRowBytes) when the terminators are wrong.
            const other = win.indexOf(k < n - 1 ? rtNeedle : ftNeedle, pos);
            if (other >= 0 && (k < n - 1 || n > 1)) {
              throw k < n - 1
                ? err(
                    OfflineCodes.shortRow.code,
                    `row ends after ${k + 1} of ${n} fields (no field terminator before the row terminator)`,
                    other,
                    rowStart,
                    k,
                  )
                : err(
                    OfflineCodes.longRow.code,
                    `row has more than ${n} fields (field terminator before the row terminator)`,
                    other,
                    rowStart,
                    k,
                  );
            }
          }
          if (win.limit - rowStart > o.maxRowBytes) {
            throw err(
              OfflineCodes.noRowEnd.code,
              `no ${k < n - 1 ? 'field' : 'row'} terminator within ${o.maxRowBytes} bytes (field ${k + 1} of ${n}); check the declared terminators`,
              rowStart,
              rowStart,
              k,
            );
          }
          from = Math.max(pos, win.limit - term.length + 1);
          if (batch.length > 0) {
            // Hand out the finished rows before the window may move their bytes.
            yield batch;
            batch = [];
          }
          if (!(await win.more(rowStart))) break;
        }
        if (idx < 0) {
          if (k === 0 && pos === win.limit) {
            if (batch.length > 0) yield batch; // clean end of file
            return;
          }
          throw err(
            OfflineCodes.noRowEnd.code,
            `file ends inside the row after ${k} of ${n} fields (no ${k < n - 1 ? 'field' : 'row'} terminator ${JSON.stringify(term.toString('latin1'))})`,
            win.limit,
            rowStart,
            k,
          );
        }
        starts[k] = pos;
        ends[k] = idx;
        pos = idx + term.length;
        if (!o.textFields[k]) {
          const begin = starts[k] ?? 0;
          if (k < n - 1) {
            if (rtAt < begin) rtAt = win.indexOf(rtNeedle, begin);
            if (rtAt >= 0 && rtAt < idx) {
              throw err(
                OfflineCodes.shortRow.code,
                `row ends after ${k + 1} of ${n} fields (row terminator inside field ${k + 1})`,
                rtAt,
                rowStart,
                k,
              );
            }
          } else if (n > 1) {
            const extra = win.indexOf(ftNeedle, begin);
            if (extra >= 0 && extra < idx) {
              throw err(OfflineCodes.longRow.code, `row has more than ${n} fields`, extra, rowStart, k);
            }
          }
        }
        if (k === n - 1 && lfOnly && idx > (starts[k] ?? 0) && win.buf[idx - 1 - win.base] === 0x0d) {
          throw err(
            OfflineCodes.crlf.code,
            'the row ends with CR LF but the row terminator is "\\n": declare "rowTerminator": "\\r\\n" (BCP-02)',
            idx,
            rowStart,
            k,
          );
        }
      }
      const rowLine = line;
      const rowNumber = row;
      const rowLineStart = lineStart;
      batch.push(new RowView(win, starts, ends, rowNumber, rowLine, rowStart, pos, rowLineStart));
      starts = new Array<number>(n);
      ends = new Array<number>(n);
      // Line bookkeeping by a byte loop over the row: cheaper than a Buffer view per row for
      // the short rows that dominate (measured in docs/ARCHITECTURE.md §6).
      const buf = win.buf;
      for (let p = rowStart - win.base, to = pos - win.base; p < to; p++) {
        if (buf[p] === LF) {
          line++;
          lineStart = p + win.base + 1;
        }
      }
      if (batch.length >= maxBatch) {
        yield batch;
        batch = [];
      }
    }
  } finally {
    win.close();
  }
}
