/**
 * Plans a table's key-range chunks in one streaming pass over its file (which also decodes every
 * value, so format errors surface at planning and the data profile is complete after it).
 *  - Sorted file (keys strictly increasing, the usual case for APL tables and clustered keys):
 *    a boundary every ~targetRows rows, never between two equal keys; each chunk records its
 *    byte range, first line and row in `hint`, so readChunk seeks and reads only its bytes.
 *  - Unsorted file: boundaries are quantiles of a deterministic reservoir sample of keys; every
 *    readChunk scans the whole file, keeps its range and sorts it in memory (one chunk's rows):
 *    cost = chunks × file size of reading. Export sorted when the file is large.
 *  - No usable key: one chunk without a range and a warning (ASM-BCP-101).
 */
import { qualifiedName } from '../../../catalog/model';
import { diagnostic, type Diagnostic } from '../../../translator/diagnostics';
import type { ChunkPlan, KeyRange, Row, TablePlan } from '../../contracts';
import { compareKeys } from '../../decode/compare-values';
import { AsemigError } from '../../../errors';
import { chooseKey, keyOf, type ChunkKey } from './chunk-key';
import { OfflineCodes } from './codes';
import type { DataProfile } from './data-profile';
import { readRowBatches, type TableFile } from './table-file';

const SAMPLE_SIZE = 8192;

interface SortedCut {
  readonly upTo: Row;
  readonly endByte: number;
  readonly rows: number;
}

interface Start {
  readonly byte: number;
  readonly line: number;
  readonly row: number;
  readonly lineStart: number;
}

/** Deterministic PRNG (mulberry32): the same file always gives the same plan. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function planTableChunks(
  tf: TableFile,
  targetRows: number,
  profile: DataProfile,
): Promise<TablePlan> {
  const t = tf.layout.table;
  const base = { schema: t.schema, table: t.name };
  const object = qualifiedName(t);
  const diagnostics: Diagnostic[] = [];
  if (tf.file === undefined) {
    diagnostics.push(
      diagnostic({
        ...OfflineCodes.emptyTable,
        object,
        message: `${object}: ${OfflineCodes.emptyTable.summary}`,
      }),
    );
    return { ...base, chunks: [{ index: 0, estimatedRows: 0, hint: { mode: 'empty' } }], diagnostics };
  }
  if (!Number.isInteger(targetRows) || targetRows < 1) {
    throw new AsemigError(
      OfflineCodes.badOption.code,
      `targetRows must be a positive integer (got ${targetRows})`,
      { field: 'targetRows', object },
    );
  }
  const fileBytes = await tf.files.size(tf.file);
  const key = chooseKey(tf.layout);
  profile.forget(object);

  let count = 0;
  let sorted = true;
  let prev: Row | undefined;
  let prevEnd = 0;
  let inChunk = 0;
  const cuts: SortedCut[] = [];
  const starts: Start[] = [{ byte: 0, line: 1, row: 1, lineStart: 0 }];
  const sample: Row[] = [];
  const rand = prng(0x5eed);

  for await (const batch of readRowBatches(tf, { profile })) {
    if (!key) {
      count += batch.length;
      continue;
    }
    for (const { values, raw } of batch) {
      count++;
      const k = keyOf(key, values);
      if (k.some((v) => v === null)) {
        throw new AsemigError(OfflineCodes.nullKey.code, `row ${raw.row}: NULL in key column`, {
          file: tf.file,
          line: raw.line,
          object,
          field: key.names.join(', '),
        });
      }
      // Reservoir sample (algorithm R) for the unsorted case.
      if (sample.length < SAMPLE_SIZE) sample.push(k);
      else {
        const j = Math.floor(rand() * count);
        if (j < SAMPLE_SIZE) sample[j] = k;
      }
      if (prev && sorted) {
        const d = compareKeys(key.kinds, prev, k);
        if (d === 0) {
          profile.note('duplicateKey', {
            object,
            file: tf.file,
            field: key.names.join(', '),
            line: raw.line,
          });
        } else if (d > 0) {
          sorted = false;
        } else if (inChunk >= targetRows) {
          cuts.push({ upTo: prev, endByte: prevEnd, rows: inChunk });
          starts.push({ byte: raw.startByte, line: raw.line, row: raw.row, lineStart: raw.lineStart });
          inChunk = 0;
        }
      }
      inChunk++;
      prev = k;
      prevEnd = raw.endByte;
    }
  }

  if (!key) {
    diagnostics.push(
      diagnostic({
        ...OfflineCodes.noKey,
        object,
        file: tf.file,
        message: `${object}: ${OfflineCodes.noKey.summary}`,
      }),
    );
    return {
      ...base,
      chunks: [{ index: 0, estimatedRows: count, hint: { mode: 'all', fileBytes } }],
      diagnostics,
    };
  }
  const keyColumns = key.names;
  if (sorted) {
    const chunks: ChunkPlan[] = [];
    const bounds = cuts.map((c) => c.upTo);
    for (let i = 0; i <= cuts.length; i++) {
      const s = starts[i] ?? { byte: 0, line: 1, row: 1, lineStart: 0 };
      const endByte = cuts[i]?.endByte ?? fileBytes;
      chunks.push({
        index: i,
        range: rangeOf(keyColumns, bounds, i),
        estimatedRows: cuts[i]?.rows ?? inChunk,
        hint: {
          mode: 'sorted',
          fileBytes,
          startByte: s.byte,
          endByte,
          startLine: s.line,
          startRow: s.row,
          lineStart: s.lineStart,
        },
      });
    }
    return { ...base, chunks, diagnostics };
  }

  diagnostics.push(
    diagnostic({
      ...OfflineCodes.unsorted,
      object,
      file: tf.file,
      message: `${object}: ${OfflineCodes.unsorted.summary}`,
    }),
  );
  return {
    ...base,
    chunks: unsortedChunks(key, keyColumns, sample, count, targetRows, fileBytes),
    diagnostics,
  };
}

function unsortedChunks(
  key: ChunkKey,
  keyColumns: readonly string[],
  sample: Row[],
  count: number,
  targetRows: number,
  fileBytes: number,
): ChunkPlan[] {
  sample.sort((a, b) => compareKeys(key.kinds, a, b));
  const n = Math.max(1, Math.ceil(count / targetRows));
  const bounds: Row[] = [];
  for (let j = 1; j < n; j++) {
    const b = sample[Math.floor((j * sample.length) / n)];
    const last = bounds[bounds.length - 1];
    if (b && (!last || compareKeys(key.kinds, last, b) < 0)) bounds.push(b);
  }
  return Array.from({ length: bounds.length + 1 }, (_, i) => ({
    index: i,
    range: rangeOf(keyColumns, bounds, i),
    estimatedRows: Math.round(count / (bounds.length + 1)),
    hint: { mode: 'scan', fileBytes },
  }));
}

/** Chunk i of boundaries b: (b[i-1], b[i]]; the first has no lower bound, the last no upper. */
function rangeOf(keyColumns: readonly string[], bounds: readonly Row[], i: number): KeyRange {
  const after = i > 0 ? bounds[i - 1] : undefined;
  const upTo = i < bounds.length ? bounds[i] : undefined;
  return { keyColumns, ...(after ? { after } : {}), ...(upTo ? { upTo } : {}) };
}
