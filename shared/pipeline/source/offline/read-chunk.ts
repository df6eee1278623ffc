/**
 * Reads one planned chunk: the rows whose key is in (after, upTo], in key order.
 *  - `sorted` hint: seeks to the chunk's bytes and checks every key against the range (a file
 *    changed or re-sorted since planning fails loudly instead of loading the wrong rows);
 *  - `scan` hint: reads the whole file, keeps the range, sorts it (one chunk in memory);
 *  - `all` (no key): every row in file order; `empty`: nothing.
 */
import { qualifiedName } from '../../../catalog/model';
import { AsemigError } from '../../../errors';
import type { ChunkPlan, KeyRange, Row } from '../../contracts';
import { compareKeys } from '../../decode/compare-values';
import { chooseKey, keyOf, type ChunkKey } from './chunk-key';
import { OfflineCodes } from './codes';
import type { DataProfile } from './data-profile';
import { readRowBatches, type DecodedRow, type TableFile } from './table-file';

function num(hint: ChunkPlan['hint'], name: string, object: string): number {
  const v = hint?.[name];
  if (typeof v !== 'number') {
    throw new AsemigError(OfflineCodes.badOption.code, `chunk hint has no numeric '${name}'`, {
      object,
      field: `hint.${name}`,
    });
  }
  return v;
}

function inRange(key: ChunkKey, range: KeyRange, k: Row): boolean {
  if (range.after && compareKeys(key.kinds, k, range.after) <= 0) return false;
  if (range.upTo && compareKeys(key.kinds, k, range.upTo) > 0) return false;
  return true;
}

/** The chunk's rows one by one. */
export async function* readTableChunk(
  tf: TableFile,
  chunk: ChunkPlan,
  profile: DataProfile,
): AsyncGenerator<Row> {
  for await (const batch of readTableChunkBatches(tf, chunk, profile)) yield* batch;
}

const OUT_BATCH = 1024;

/** The chunk's rows in batches (SourceReader.readChunkBatches). */
export async function* readTableChunkBatches(
  tf: TableFile,
  chunk: ChunkPlan,
  profile: DataProfile,
): AsyncGenerator<Row[]> {
  const object = qualifiedName(tf.layout.table);
  const mode = chunk.hint?.['mode'];
  if (mode === 'empty' || tf.file === undefined) return;
  const size = await tf.files.size(tf.file);
  if (size !== num(chunk.hint, 'fileBytes', object)) {
    throw new AsemigError(
      OfflineCodes.fileChanged.code,
      `file is ${size} bytes; it was ${chunk.hint?.['fileBytes']} when chunk ${chunk.index} was planned: plan again`,
      { file: tf.file, object },
    );
  }
  if (mode === 'all' || !chunk.range) {
    for await (const batch of readRowBatches(tf)) yield batch.map((r) => r.values);
    return;
  }
  const key = chooseKey(tf.layout);
  if (!key || key.names.join('\u0000') !== chunk.range.keyColumns.join('\u0000')) {
    throw new AsemigError(
      OfflineCodes.badOption.code,
      `chunk key (${chunk.range.keyColumns.join(', ')}) is not the table's key`,
      {
        object,
      },
    );
  }
  const range = chunk.range;
  if (mode === 'sorted') {
    const start = {
      byte: num(chunk.hint, 'startByte', object),
      line: num(chunk.hint, 'startLine', object),
      row: num(chunk.hint, 'startRow', object),
      lineStart: num(chunk.hint, 'lineStart', object),
    };
    const end = num(chunk.hint, 'endByte', object);
    let prev: Row | undefined;
    for await (const batch of readRowBatches(tf, { start, end })) {
      const out: Row[] = new Array<Row>(batch.length);
      for (let i = 0; i < batch.length; i++) {
        const { values, raw } = batch[i] as DecodedRow;
        const k = keyOf(key, values);
        if (!inRange(key, range, k) || (prev && compareKeys(key.kinds, prev, k) > 0)) {
          throw new AsemigError(
            OfflineCodes.keyOutOfRange.code,
            `row ${raw.row} is outside chunk ${chunk.index}'s key range or out of order: the file changed since planning`,
            { file: tf.file, line: raw.line, object },
          );
        }
        prev = k;
        out[i] = values;
      }
      yield out;
    }
    return;
  }
  if (mode !== 'scan') {
    throw new AsemigError(OfflineCodes.badOption.code, `unknown chunk hint mode '${String(mode)}'`, {
      object,
      field: 'hint.mode',
    });
  }
  const rows: { k: Row; values: Row; line: number }[] = [];
  for await (const batch of readRowBatches(tf)) {
    for (const { values, raw } of batch) {
      const k = keyOf(key, values);
      if (inRange(key, range, k)) rows.push({ k, values, line: raw.line });
    }
  }
  rows.sort((a, b) => compareKeys(key.kinds, a.k, b.k));
  const check = profile.firstTime(`${object}\u0000chunk ${chunk.index}`);
  for (let i = 1; check && i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    if (a && b && compareKeys(key.kinds, a.k, b.k) === 0) {
      profile.note('duplicateKey', { object, file: tf.file, field: key.names.join(', '), line: b.line });
    }
  }
  for (let i = 0; i < rows.length; i += OUT_BATCH) yield rows.slice(i, i + OUT_BATCH).map((r) => r.values);
}
