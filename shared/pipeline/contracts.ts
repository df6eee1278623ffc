/**
 * Data pipeline contracts (architecture.md §6). Implementations must:
 *  - stream: never hold a table (or a whole chunk file) in memory;
 *  - be safe to run for different chunks concurrently;
 *  - be safe to retry: writing the same chunk twice leaves exactly one copy (deterministic names,
 *    overwrite), loading the same chunk twice leaves its rows once.
 */
import type { Catalog, Table } from '../catalog/model';
import type { Diagnostic } from '../translator/diagnostics';

/**
 * A value in canonical form — the one form both sides hash, so validation compares like with like.
 *  - `null` is SQL NULL; `''` and `' '` are distinct strings (never confused with NULL).
 *  - exact numerics, money, integers, unsigned: decimal strings, `-` sign only, no exponent,
 *    no leading zeros, exactly the column's scale in fraction digits (money/smallmoney: 4);
 *  - float/real: the shortest string that round-trips the double (JS `String(n)`), `NaN`/`Infinity` rejected;
 *  - bit: `0` | `1`;
 *  - date: `YYYY-MM-DD`; time: `HH:MM:SS.fff` (bigtime: 6 digits); datetime: `YYYY-MM-DD HH:MM:SS.fff`;
 *    smalldatetime: `YYYY-MM-DD HH:MM:00.000`; bigdatetime: `YYYY-MM-DD HH:MM:SS.ffffff`;
 *  - character and unicode types: the exact string (UTF-16 in JS, surrogate pairs intact);
 *  - binary, varbinary, image, timestamp: bytes (`Uint8Array`).
 */
export type CanonicalValue = null | string | Uint8Array;

/** One row: canonical values in the table's column ordinal order. */
export type Row = readonly CanonicalValue[];

/**
 * A key range over the chunking key (primary key or a unique index; one or more columns).
 * `after` is exclusive, `upTo` inclusive; an absent bound is open. Ranges of one table's plan are
 * disjoint and cover the whole key space, so a reload can replace exactly its range.
 */
export interface KeyRange {
  readonly keyColumns: readonly string[];
  readonly after?: Row;
  readonly upTo?: Row;
}

export interface ChunkPlan {
  /** 0-based chunk number within the table; chunk-<n> in staging. */
  readonly index: number;
  /** Absent when the table has no usable key: one chunk, with a warning diagnostic. */
  readonly range?: KeyRange;
  /** Estimated rows (from the plan's scan or catalog statistics). */
  readonly estimatedRows: number;
  /** Source-specific resume hint (e.g. byte offset in a bcp file); opaque to the pipeline. */
  readonly hint?: Readonly<Record<string, string | number>>;
}

export interface TablePlan {
  readonly schema: string;
  readonly table: string;
  readonly chunks: readonly ChunkPlan[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface SourceReader {
  /** Read the source's catalog (scripts or live catalog) into the model. */
  catalog(): Promise<Catalog>;
  /** Split a table into key-range chunks of about `targetRows` rows. */
  planChunks(table: Table, targetRows: number): Promise<TablePlan>;
  /**
   * Stream the rows of one chunk, in key order when the chunk has a range: the order of
   * decode/compare-values.ts compareKeys (strings by UTF-16 code unit, = BIN2 on the target). The
   * chunk's key-order-v1 hash (validate/row-hash.ts) is taken in the order the rows arrive.
   */
  readChunk(table: Table, chunk: ChunkPlan): AsyncIterable<Row>;
  /**
   * Optional: the same rows as readChunk, in batches (one await per batch instead of per row —
   * measured 2× faster staging, docs/ARCHITECTURE.md §6). The pipeline uses it when present.
   */
  readChunkBatches?(table: Table, chunk: ChunkPlan): AsyncIterable<readonly Row[]>;
  /** Data-quality findings made while reading (NULL vs '' ambiguity, pre-1753 dates...). */
  profile(): readonly Diagnostic[];
  close(): Promise<void>;
}

export interface ChunkRef {
  readonly runId: string;
  readonly schema: string;
  readonly table: string;
  readonly index: number;
}

export type StagedFormat = 'csv' | 'csv.gz';

export type ChunkHashMethod = 'key-order-v1' | 'sorted-rows-v1';

/** `chunk-<n>.json` beside the data blob. */
export interface ChunkManifest {
  readonly ref: ChunkRef;
  readonly format: StagedFormat;
  readonly rows: number;
  /** Bytes of the staged data object as stored. */
  readonly bytes: number;
  readonly range?: KeyRange;
  /** Column names in file order (loadable columns only). */
  readonly columns: readonly string[];
  /** Hex SHA-256 over the canonical rows (definition in validate/row-hash.ts). */
  readonly hash: string;
  /**
   * Which chunk-hash definition `hash` follows (validate/row-hash.ts): `key-order-v1` for chunks
   * with a key range (one streaming SHA-256 over the row strings in key order), `sorted-rows-v1`
   * for keyless chunks. Absent = `sorted-rows-v1` (manifests written before the field existed).
   */
  readonly hashMethod?: ChunkHashMethod;
  /** Blob/file name of the data object, relative to the staging root. */
  readonly dataName: string;
  /** Per column: how values are written and hashed (`text`, `binary`, `float64`, `float32`); absent = all text. */
  readonly columnKinds?: readonly string[];
  /** Largest value of tracked integer columns (identity, for the ID-03 reseed), canonical text. */
  readonly max?: Readonly<Record<string, string>>;
}

export interface Stager {
  /** Where this stager writes, for messages and reports (never contains a secret). */
  readonly location: string;
  write(
    ref: ChunkRef,
    columns: readonly string[],
    rows: AsyncIterable<Row>,
    range?: KeyRange,
  ): Promise<ChunkManifest>;
  read(ref: ChunkRef): AsyncIterable<Row>;
  manifest(ref: ChunkRef): Promise<ChunkManifest | undefined>;
}

/** DDL phases in the order they run (architecture.md §1). */
export type DdlPhase = 'types' | 'tables' | 'constraints' | 'modules' | 'permissions';

export interface LoadResult {
  readonly ref: ChunkRef;
  readonly rows: number;
  /** True when the ledger says the chunk was already loaded: nothing was done. */
  readonly skipped: boolean;
}

export interface TargetLoader {
  applyDdl(phase: DdlPhase): Promise<void>;
  /** Idempotent: a chunk already in the ledger is skipped; a partial one is replaced by key range. */
  loadChunk(manifest: ChunkManifest): Promise<LoadResult>;
  count(schema: string, table: string, range?: KeyRange): Promise<number>;
  hash(schema: string, table: string, range?: KeyRange): Promise<string>;
  close(): Promise<void>;
}
