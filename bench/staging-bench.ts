/**
 * (b) Staging throughput against performance.md §7 R1: "our rows → staged-CSV writer MB/s ÷
 * `gzip -1 -c` MB/s on the same CSV bytes", goal ≥ 1.0. Every run measures, on the same data:
 *  - writer (R1 as defined): canonical rows already in memory, in batches → CSV + row hashes →
 *    local staging folder (StoreStager.writeBatches);
 *  - full path: bcp file → decode (SourceReader.readChunkBatches) → the same writer;
 *  - CSV only: the same rows → CSV → local file, no hashes (what the hash costs shows as the gap);
 *  - the reference: system `gzip -1 -c` over the staged bytes of that run, joined into one file.
 * The machine is shared (performance.md §5: up to 4× run-to-run noise), so each ratio is taken
 * within one run and the median over runs is reported.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, openSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Table } from '../shared/catalog/model';
import type { Row } from '../shared/pipeline/contracts';
import { encodeBatches } from '../shared/pipeline/stage/csv-encode';
import { LocalStore } from '../shared/pipeline/stage/local-store';
import { StoreStager } from '../shared/pipeline/stage/store-stager';
import { valueKindOf } from '../shared/pipeline/stage/value-kind';
import { generateSampleSource } from '../shared/sample/generate';
import { openOfflineSource } from '../shared/pipeline/source/offline/open';
import { median, nowMs } from './measure';
import type { BenchResult } from './result-table';

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out.sort();
}

interface Timed {
  readonly bytes: number;
  readonly rows: number;
  readonly ms: number;
}

/** Full path: stages every chunk of one table from the bcp file, through the batch APIs. */
async function stageTable(
  sourceDir: string,
  table: Table,
  stageDir: string,
  chunkRows: number,
  keep?: (readonly Row[])[],
): Promise<Timed> {
  const source = await openOfflineSource(sourceDir, { targetRows: chunkRows });
  try {
    const stager = new StoreStager(new LocalStore(stageDir));
    const columns = table.columns.map((c) => c.name);
    const kinds = table.columns.map(valueKindOf);
    // Planning scans the file once (data profile); the pipeline does it in its plan phase, not
    // while staging, so it is outside the timed part.
    const plan = await source.planChunks(table, chunkRows);
    const read = source.readChunkBatches?.bind(source);
    if (!read) throw new Error('the offline source has no readChunkBatches');
    let bytes = 0;
    let rows = 0;
    const t = nowMs();
    for (const chunk of plan.chunks) {
      const batches = read(table, chunk);
      const m = await stager.writeBatches(
        { runId: 'bench', schema: table.schema, table: table.name, index: chunk.index },
        columns,
        keep ? keepInto(batches, keep) : batches,
        chunk.range,
        { kinds },
      );
      bytes += m.bytes;
      rows += m.rows;
    }
    return { bytes, rows, ms: nowMs() - t };
  } finally {
    await source.close();
  }
}

/** Passes batches through while keeping them (rows are plain values, safe to hold). */
async function* keepInto(
  batches: AsyncIterable<readonly Row[]>,
  keep: (readonly Row[])[],
): AsyncIterable<readonly Row[]> {
  for await (const b of batches) {
    keep.push(b);
    yield b;
  }
}

async function* fromBatches(batches: readonly (readonly Row[])[]): AsyncIterable<readonly Row[]> {
  yield* batches;
}

/** R1's writer: rows in memory → CSV + row hashes → local staging folder, one chunk. */
async function stageFromMemory(
  table: Table,
  batches: readonly (readonly Row[])[],
  stageDir: string,
): Promise<Timed> {
  const stager = new StoreStager(new LocalStore(stageDir));
  // The kept rows were read chunk by chunk in key order, so they are one keyed chunk: staged with
  // the table's key, like the pipeline stages a keyed chunk (key-order-v1 hash, row-hash.ts).
  const keyColumns = table.primaryKey?.columns ?? [];
  const t = nowMs();
  const m = await stager.writeBatches(
    { runId: 'bench-mem', schema: table.schema, table: table.name, index: 0 },
    table.columns.map((c) => c.name),
    fromBatches(batches),
    keyColumns.length ? { keyColumns } : undefined,
    { kinds: table.columns.map(valueKindOf) },
  );
  return { bytes: m.bytes, rows: m.rows, ms: nowMs() - t };
}

/** The formatter and the file alone (no row hashes), for where-time-goes. */
async function csvOnly(table: Table, batches: readonly (readonly Row[])[], stageDir: string): Promise<Timed> {
  const store = new LocalStore(stageDir);
  const columns = table.columns.map((c) => c.name);
  let rows = 0;
  const t = nowMs();
  const bytes = await store.put(
    'csv-only.csv',
    encodeBatches(fromBatches(batches), columns.length, { object: table.name, columns }, () => void rows++),
  );
  return { bytes, rows, ms: nowMs() - t };
}

function gzipAvailable(): boolean {
  return spawnSync('gzip', ['--version'], { stdio: 'ignore' }).status === 0;
}

function timeGzip(file: string): number {
  const devnull = openSync('/dev/null', 'w');
  try {
    const t = nowMs();
    const r = spawnSync('gzip', ['-1', '-c', file], { stdio: ['ignore', devnull, 'pipe'] });
    const ms = nowMs() - t;
    if (r.status !== 0) throw new Error(`gzip failed: ${r.stderr?.toString() ?? r.status}`);
    return ms;
  } finally {
    closeSync(devnull);
  }
}

/** The staged data objects of a folder joined into one file (gzip then reads one warm file). */
async function joinStaged(stageDir: string, joined: string): Promise<number> {
  const dataFiles = (await listFiles(stageDir)).filter((f) => /\.csv$/.test(f));
  const out = createWriteStream(joined);
  for (const f of dataFiles) await pipeline(createReadStream(f), out, { end: false });
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return (await stat(joined)).size;
}

async function largestTable(dir: string): Promise<{ table: Table; rows: number }> {
  const probe = await openOfflineSource(dir);
  let table: Table | undefined;
  let best = -1;
  try {
    for (const t of (await probe.catalog()).tables) {
      const estimate =
        t.rowEstimate ?? (await probe.planChunks(t, 1e12)).chunks.reduce((n, c) => n + c.estimatedRows, 0);
      if (estimate > best) {
        best = estimate;
        table = t;
      }
    }
  } finally {
    await probe.close();
  }
  if (!table) throw new Error('the generated sample has no tables');
  return { table, rows: best };
}

const mbps = (t: Timed): number => t.bytes / 1e3 / t.ms;

export async function benchStaging(
  workDir: string,
  rows: number,
  runs: number,
  log: (s: string) => void,
  chunkRows = 100_000,
): Promise<BenchResult[]> {
  const sourceDir = join(workDir, 'source');
  log(`staging: generating the sample source with a ${rows}-row table in ${sourceDir}`);
  const t0 = nowMs();
  const sample = await generateSampleSource(sourceDir, { largeRows: rows });
  log(
    `staging: generated ${sample.tables} tables, ${sample.rows} rows in ${((nowMs() - t0) / 1000).toFixed(1)} s`,
  );
  const { table, rows: estimate } = await largestTable(sample.dir);
  log(`staging: table ${table.schema}.${table.name} (~${estimate} rows), ${runs} run(s)`);

  const withGzip = gzipAvailable();
  const stageDir = join(workDir, 'stage');
  const memDir = join(workDir, 'stage-mem');
  const joined = join(workDir, 'staged-all.csv');
  await mkdir(workDir, { recursive: true });
  const kept: (readonly Row[])[] = [];
  const full: Timed[] = [];
  const writer: Timed[] = [];
  const csv: Timed[] = [];
  const gzip: number[] = [];
  for (let i = 0; i < runs; i++) {
    await rm(stageDir, { recursive: true, force: true });
    await rm(memDir, { recursive: true, force: true });
    const f = await stageTable(sample.dir, table, stageDir, chunkRows, i === 0 ? kept : undefined);
    const w = await stageFromMemory(table, kept, memDir);
    const c = await csvOnly(table, kept, memDir);
    if (w.bytes !== f.bytes || c.bytes !== f.bytes || w.rows !== f.rows) {
      throw new Error(`staged sizes differ: full ${f.bytes}, writer ${w.bytes}, csv ${c.bytes} bytes`);
    }
    full.push(f);
    writer.push(w);
    csv.push(c);
    let gzMbps = 0;
    if (withGzip) {
      const size = await joinStaged(stageDir, joined);
      if (i === 0) timeGzip(joined); // warm-up: page cache and binary
      gzMbps = size / 1e3 / timeGzip(joined);
      gzip.push(gzMbps);
    }
    log(
      `staging: run ${i + 1}: ${f.rows} rows, ${(f.bytes / 1e6).toFixed(1)} MB; full ${mbps(f).toFixed(1)}, ` +
        `writer ${mbps(w).toFixed(1)}, csv only ${mbps(c).toFixed(1)}` +
        (withGzip ? `, gzip -1 ${gzMbps.toFixed(1)} MB/s` : ' MB/s'),
    );
  }
  kept.length = 0;
  const staged = full[0] as Timed;
  const base = `${staged.rows} rows, ${(staged.bytes / 1e6).toFixed(1)} MB staged, median of ${runs}`;
  const result = (name: string, times: readonly Timed[], note: string): BenchResult => {
    const value = median(times.map(mbps));
    if (!withGzip) return { name, value, unit: 'MB/s', note: `${note}; gzip not found, no R1 reference` };
    const ratios = times.map((t, i) => mbps(t) / (gzip[i] as number));
    return {
      name,
      value,
      unit: 'MB/s',
      reference: { name: 'gzip -1 -c', value: median(gzip) },
      ratio: median(ratios),
      goal: { min: 1.0, label: '>= 1.0 (R1)' },
      note: `${note}; same-run ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}`,
    };
  };
  return [
    result(`R1 writer ${table.schema}.${table.name}: rows in memory → CSV + hashes → local`, writer, base),
    result(
      `full path ${table.schema}.${table.name}: bcp → decode → CSV + hashes → local`,
      full,
      `${base}, chunks of ${chunkRows}`,
    ),
    result(`CSV only ${table.schema}.${table.name}: rows in memory → CSV → local (no hashes)`, csv, base),
  ];
}
