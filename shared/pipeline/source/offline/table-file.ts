/**
 * One table's data file with everything needed to read it: layout, terminators, charset, and the
 * row stream (scan + decode). Planning and chunk reads both go through readRowBatches.
 */
import type { ServerFacts, Table } from '../../../catalog/model';
import type { CanonicalValue } from '../../contracts';
import { scanBcpBatches, type RawRow, type ScanStart } from './bcp-scanner';
import { fieldDecoder } from './charset';
import type { DataProfile } from './data-profile';
import type { SourceFiles } from './file-access';
import type { TableEntry } from './manifest';
import { decodeRow } from './row-decoder';
import { tableLayout, type TableLayout } from './table-layout';

export interface TableFile {
  readonly layout: TableLayout;
  /** Absent for `"data": false` tables. */
  readonly file?: string;
  readonly entry: TableEntry;
  readonly files: SourceFiles;
  readonly maxRowBytes: number;
}

export function tableFile(
  table: Table,
  server: ServerFacts,
  entry: TableEntry,
  file: string | undefined,
  files: SourceFiles,
  maxRowBytes: number | undefined,
): TableFile {
  const layout = tableLayout(table, server, entry.hideVirtualComputed);
  const lobs = layout.fileColumns.filter((c) => 'lob' in c.kind && c.kind.lob).length;
  return {
    layout,
    ...(file !== undefined ? { file } : {}),
    entry,
    files,
    maxRowBytes: maxRowBytes ?? Math.max(16 << 20, lobs * entry.textsize * 2 + (1 << 20)),
  };
}

export interface DecodedRow {
  readonly values: CanonicalValue[];
  readonly raw: RawRow;
}

export interface ReadOptions {
  readonly start?: ScanStart;
  /** Stop before this byte (exclusive). */
  readonly end?: number;
  readonly profile?: DataProfile;
}

/** Decoded rows one by one (see readRowBatches). */
export async function* readRows(tf: TableFile, o: ReadOptions = {}): AsyncGenerator<DecodedRow> {
  for await (const batch of readRowBatches(tf, o)) yield* batch;
}

/** Decoded rows in batches; a row's `raw` view is valid until the next batch is requested. */
export async function* readRowBatches(tf: TableFile, o: ReadOptions = {}): AsyncGenerator<DecodedRow[]> {
  if (tf.file === undefined) return;
  const file = tf.file;
  const { layout, entry } = tf;
  const stream = tf.files.open(file, {
    ...(o.start ? { start: o.start.byte } : {}),
    ...(o.end !== undefined ? { end: o.end } : {}),
  });
  const decoder = fieldDecoder(entry.charset);
  const profile = o.profile;
  const batches = scanBcpBatches(stream, {
    file,
    object: layout.object,
    fieldTerminator: Buffer.from(entry.fieldTerminator, 'latin1'),
    rowTerminator: Buffer.from(entry.rowTerminator, 'latin1'),
    fieldNames: layout.fileColumns.map((c) => c.column.name),
    textFields: layout.fileColumns.map((c) => c.kind.family === 'character'),
    maxRowBytes: tf.maxRowBytes,
    ...(o.start ? { start: o.start } : {}),
    ...(entry.charset === 'utf8' && profile
      ? { skipBom: () => profile.note('bom', { object: layout.object, file, line: 1 }) }
      : {}),
    ...(entry.charset === 'utf8' && !profile ? { skipBom: () => undefined } : {}),
  });
  const ctx = { layout, decoder, file, textsize: entry.textsize, ...(profile ? { profile } : {}) };
  try {
    for await (const raws of batches) {
      const out: DecodedRow[] = new Array<DecodedRow>(raws.length);
      for (let i = 0; i < raws.length; i++) {
        const raw = raws[i] as RawRow;
        out[i] = { values: decodeRow(raw, ctx), raw };
      }
      yield out;
    }
  } finally {
    stream.destroy();
  }
}
