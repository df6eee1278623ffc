/**
 * (b) Staging throughput (performance.md §7 R1): the rows of a large generated table go through the
 * real path — bcp decode → canonical CSV (+ row hashes) → local staging folder — and the staged
 * bytes per second are compared with the system `gzip -1 -c` over the same staged bytes, in the
 * same run. Goal: ratio ≥ 1.0 (producing the staged file costs no more than gzipping it).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, openSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Table } from '../shared/catalog/model';
import type { Row } from '../shared/pipeline/contracts';
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

/** Stages every chunk of one table; returns staged data bytes and milliseconds. */
async function stageTable(
  sourceDir: string,
  table: Table,
  stageDir: string,
  chunkRows: number,
  keep?: Row[],
): Promise<{ bytes: number; rows: number; ms: number }> {
  const source = await openOfflineSource(sourceDir, { targetRows: chunkRows });
  try {
    const stager = new StoreStager(new LocalStore(stageDir));
    const columns = table.columns.map((c) => c.name);
    const kinds = table.columns.map(valueKindOf);
    const t = nowMs();
    const plan = await source.planChunks(table, chunkRows);
    let bytes = 0;
    let rows = 0;
    for (const chunk of plan.chunks) {
      const m = await stager.write(
        { runId: 'bench', schema: table.schema, table: table.name, index: chunk.index },
        columns,
        keep ? teeInto(source.readChunk(table, chunk), keep) : source.readChunk(table, chunk),
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

/** Passes rows through while keeping them, for the writer-only measurement. */
async function* teeInto(rows: AsyncIterable<Row>, keep: Row[]): AsyncIterable<Row> {
  for await (const r of rows) {
    keep.push(r);
    yield r;
  }
}

async function* fromArray(rows: readonly Row[]): AsyncIterable<Row> {
  yield* rows;
}

/**
 * The writer alone (canonical rows already in memory → CSV + hashes → local file): R1 as
 * performance.md §7 states it, without the bcp decoding, so the two rows show where time goes.
 */
async function stageFromMemory(
  table: Table,
  rows: readonly Row[],
  stageDir: string,
): Promise<{ bytes: number; ms: number }> {
  const stager = new StoreStager(new LocalStore(stageDir));
  const t = nowMs();
  const m = await stager.write(
    { runId: 'bench-mem', schema: table.schema, table: table.name, index: 0 },
    table.columns.map((c) => c.name),
    fromArray(rows),
    undefined,
    { kinds: table.columns.map(valueKindOf) },
  );
  return { bytes: m.bytes, ms: nowMs() - t };
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

  // The large table is the one with the most rows; find it from the catalog's estimates or a plan.
  const probe = await openOfflineSource(sample.dir);
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
  log(`staging: table ${table.schema}.${table.name} (~${best} rows), ${runs} run(s)`);

  const times: number[] = [];
  let staged = { bytes: 0, rows: 0 };
  const stageDir = join(workDir, 'stage');
  const kept: Row[] = [];
  for (let i = 0; i < runs; i++) {
    await rm(stageDir, { recursive: true, force: true });
    const r = await stageTable(sample.dir, table, stageDir, chunkRows, i === 0 ? kept : undefined);
    times.push(r.ms);
    staged = r;
    log(
      `staging: run ${i + 1}: ${r.rows} rows, ${(r.bytes / 1e6).toFixed(1)} MB in ${(r.ms / 1000).toFixed(2)} s`,
    );
  }
  const ours = staged.bytes / 1e6 / (median(times) / 1000);
  const result: BenchResult = {
    name: `stage ${table.schema}.${table.name}: bcp → CSV → local`,
    value: ours,
    unit: 'MB/s',
    note: `${staged.rows} rows in chunks of ${chunkRows}, ${(staged.bytes / 1e6).toFixed(1)} MB staged, median of ${runs}`,
  };
  const memTimes: number[] = [];
  let memBytes = 0;
  for (let i = 0; i < 3; i++) {
    const memDir = join(workDir, 'stage-mem');
    await rm(memDir, { recursive: true, force: true });
    const r = await stageFromMemory(table, kept, memDir);
    memTimes.push(r.ms);
    memBytes = r.bytes;
  }
  kept.length = 0;
  const writer: BenchResult = {
    name: `stage ${table.schema}.${table.name}: rows in memory → CSV → local`,
    value: memBytes / 1e6 / (median(memTimes) / 1000),
    unit: 'MB/s',
    note: `writer only (no bcp decoding), one chunk, median of 3`,
  };
  if (!gzipAvailable())
    return [result, writer].map((r) => ({ ...r, note: `${r.note}; gzip not found, no R1 reference` }));

  // The same staged bytes as one file, so gzip runs once per measurement with a warm page cache.
  const dataFiles = (await listFiles(stageDir)).filter((f) => /\.csv$/.test(f));
  const joined = join(workDir, 'staged-all.csv');
  await mkdir(workDir, { recursive: true });
  const out = createWriteStream(joined);
  for (const f of dataFiles) await pipeline(createReadStream(f), out, { end: false });
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  const size = (await stat(joined)).size;
  timeGzip(joined); // warm-up
  const gz = median([timeGzip(joined), timeGzip(joined), timeGzip(joined)]);
  const reference = { name: 'gzip -1 -c', value: size / 1e6 / (gz / 1000) };
  const goal = { min: 1.0, label: '>= 1.0 (R1)' };
  return [
    { ...result, reference, goal },
    { ...writer, reference, goal },
  ];
}
