/**
 * Stager over an ObjectStore. A chunk is written as its data object first, then its manifest:
 * the manifest's presence means the chunk is complete (checkpoint.ts). Both names are
 * deterministic, so a retry overwrites. Rows stream through encode → (gzip) → store with
 * backpressure; nothing holds the chunk in memory (a keyless chunk keeps its 32-byte row hashes).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { AsemigError } from '../../errors';
import { PipelineCodes } from '../codes';
import type {
  CanonicalValue,
  ChunkManifest,
  ChunkRef,
  KeyRange,
  Row,
  StagedFormat,
  Stager,
} from '../contracts';
import { ChunkHasher, KeyOrderHasher } from '../validate/row-hash';
import { decodeCsv } from './csv-decode';
import { batchRows, encodeBatches } from './csv-encode';
import { dataName, manifestFromJson, manifestName, manifestToJson } from './layout';
import { getText, type ObjectStore } from './object-store';
import type { ValueKind } from './value-kind';

export interface StageWriteOptions {
  /** Per column, for binary hex and float hashing; default all text. */
  readonly kinds?: readonly ValueKind[];
  /** Integer columns whose largest value goes into the manifest (identity, ID-03). */
  readonly trackMax?: readonly string[];
}

export interface StoreStagerOptions {
  /** Write `csv.gz` (gzip level 1) instead of plain CSV: only for client-push loads. */
  readonly gzip?: boolean;
}

/** Larger of two canonical integer strings (BigInt: identities can exceed 2^53). */
function maxInteger(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  return BigInt(b) > BigInt(a) ? b : a;
}

/**
 * gzip level 1 (performance.md §5.2: 100 MB/s, level 6 only 30) started lazily, when the store
 * reads the first byte, so an encoder error surfaces as the put's rejection and not as an
 * unhandled stream error before anyone listens.
 */
async function* gzipped(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const source = Readable.from(chunks);
  const gz = createGzip({ level: 1 });
  const done = pipeline(source, gz).then(
    () => undefined,
    (e: unknown) => e,
  );
  let completed = false;
  try {
    for await (const c of gz) yield c as Buffer;
    completed = true;
  } finally {
    // Stopped early (the store failed): stop the encoder too.
    if (!completed) source.destroy();
  }
  const error = await done;
  if (error) throw error;
}

/**
 * key-order-v1 (one streaming SHA-256, ~10× cheaper a row) when the chunk has a key range, since
 * its rows then arrive in key order (SourceReader contract); sorted-rows-v1 for keyless chunks,
 * whose file order the target cannot reproduce, and when a key column is not staged (the target
 * could not order by it). validate/row-hash.ts defines both.
 */
function chunkHasher(
  columns: readonly string[],
  kinds: readonly ValueKind[],
  range: KeyRange | undefined,
): ChunkHasher | KeyOrderHasher {
  const keyIndexes = (range?.keyColumns ?? []).map((k) => columns.indexOf(k));
  if (keyIndexes.length === 0 || keyIndexes.some((i) => i < 0)) return new ChunkHasher(kinds);
  return new KeyOrderHasher(kinds, keyIndexes);
}

export class StoreStager implements Stager {
  readonly location: string;
  readonly format: StagedFormat;

  constructor(
    readonly store: ObjectStore,
    options: StoreStagerOptions = {},
  ) {
    this.location = store.location;
    this.format = options.gzip ? 'csv.gz' : 'csv';
  }

  write(
    ref: ChunkRef,
    columns: readonly string[],
    rows: AsyncIterable<Row>,
    range?: KeyRange,
    options: StageWriteOptions = {},
  ): Promise<ChunkManifest> {
    return this.writeBatches(ref, columns, batchRows(rows), range, options);
  }

  /** write() for row batches (SourceReader.readChunkBatches): the fast path. */
  async writeBatches(
    ref: ChunkRef,
    columns: readonly string[],
    batches: AsyncIterable<readonly Row[]>,
    range?: KeyRange,
    options: StageWriteOptions = {},
  ): Promise<ChunkManifest> {
    const kinds: readonly ValueKind[] = options.kinds ?? columns.map(() => 'text' as const);
    const object = `${ref.schema}.${ref.table}`;
    const hasher = chunkHasher(columns, kinds, range);
    const tracked = (options.trackMax ?? []).map((c) => ({ name: c, index: columns.indexOf(c) }));
    for (const t of tracked) {
      if (t.index < 0) {
        throw new AsemigError(PipelineCodes.stageRowWidth, `tracked column ${t.name} is not staged`, {
          object,
          field: t.name,
        });
      }
    }
    const max: Record<string, string> = {};
    let rowNumber = 0;
    const onRow = (row: Row): void => {
      rowNumber++;
      hasher.add(row);
      for (const t of tracked) {
        const v = row[t.index] as CanonicalValue;
        if (typeof v !== 'string') continue;
        if (!/^-?\d+$/.test(v)) {
          throw new AsemigError(
            PipelineCodes.pkgIdentity,
            `row ${rowNumber}: identity value '${v}' is not an integer`,
            {
              object,
              field: t.name,
            },
          );
        }
        max[t.name] = maxInteger(max[t.name], v);
      }
    };
    const name = dataName(ref, this.format);
    const csv = encodeBatches(batches, columns.length, { object, columns }, onRow);
    const bytes = await this.store.put(name, this.format === 'csv.gz' ? gzipped(csv) : Readable.from(csv));
    const manifest: ChunkManifest = {
      ref,
      format: this.format,
      rows: hasher.rows,
      bytes,
      ...(range ? { range } : {}),
      columns,
      columnKinds: kinds,
      hash: hasher.digest(),
      hashMethod: hasher.method,
      dataName: name,
      ...(tracked.length ? { max } : {}),
    };
    await this.store.put(manifestName(ref), Buffer.from(manifestToJson(manifest), 'utf8'));
    return manifest;
  }

  async manifest(ref: ChunkRef): Promise<ChunkManifest | undefined> {
    const name = manifestName(ref);
    if (!(await this.store.exists(name))) return undefined;
    return manifestFromJson(await getText(this.store, name), name);
  }

  /** The staged data object as plain CSV bytes (gunzipped when staged as csv.gz). */
  async csvStream(manifest: ChunkManifest): Promise<Readable> {
    const raw = await this.store.get(manifest.dataName);
    if (manifest.format !== 'csv.gz') return raw;
    const gunzip = createGunzip();
    raw.once('error', (e) => gunzip.destroy(e));
    return raw.pipe(gunzip);
  }

  async *read(ref: ChunkRef): AsyncIterable<Row> {
    const m = await this.manifest(ref);
    if (!m) {
      throw new AsemigError(PipelineCodes.stageMissing, `chunk ${ref.index} has no manifest`, {
        object: `${ref.schema}.${ref.table}`,
        file: manifestName(ref),
      });
    }
    const kinds = (m.columnKinds ?? []) as ValueKind[];
    yield* decodeCsv(await this.csvStream(m), {
      width: m.columns.length,
      kinds,
      file: m.dataName,
      object: `${ref.schema}.${ref.table}`,
    });
  }
}
