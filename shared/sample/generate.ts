/**
 * The bundled sample database as an offline source (docs/offline-source.md): copies the ASE
 * scripts of samples/ase-demo and writes one deterministic bcp -c file per table plus
 * manifest.json. Fixed-seed randomness and no clock: two runs give byte-identical files.
 * `largeRows` sizes dbo.bench_event for benchmarks; every file is streamed to disk.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AsemigError } from '../errors';
import { rng, seedOf } from './prng';
import { sampleScriptsDir } from './repo-root';
import { dboTables } from './sample-dbo';
import { hrTables } from './sample-hr';
import { salesTables } from './sample-sales';
import type { SampleOptions, SampleTable } from './sample-table';

export const SAMPLE_DATABASE = 'asedemo';

export const sampleTables: readonly SampleTable[] = [...dboTables, ...salesTables, ...hrTables];

export interface GeneratedSample {
  readonly dir: string;
  readonly tables: number;
  readonly rows: number;
}

/** Writes the terminator as bcp takes it on the command line (`\t`, `\r\n`). */
function escapeTerminator(t: string): string {
  return t.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function writeTable(path: string, t: SampleTable, o: SampleOptions): Promise<number> {
  const out = createWriteStream(path);
  const ft = t.fieldTerminator ?? '\t';
  const rt = t.rowTerminator ?? '\n';
  let rows = 0;
  let pending = '';
  try {
    for (const fields of t.rows(rng(seedOf(t.key)), o)) {
      pending += fields.join(ft) + rt;
      rows++;
      if (pending.length >= 1 << 16) {
        if (!out.write(pending, 'utf8')) await once(out, 'drain');
        pending = '';
      }
    }
    out.end(pending, 'utf8');
    await once(out, 'finish');
  } catch (e) {
    out.destroy();
    throw e;
  }
  return rows;
}

export async function generateSampleSource(
  outDir: string,
  options: SampleOptions = {},
): Promise<GeneratedSample> {
  if (options.largeRows !== undefined && (!Number.isInteger(options.largeRows) || options.largeRows < 0)) {
    throw new AsemigError(
      'ASM-SRC-012',
      `largeRows must be a non-negative integer (got ${options.largeRows})`,
      {
        field: 'largeRows',
      },
    );
  }
  await mkdir(outDir, { recursive: true });
  const scripts = sampleScriptsDir();
  for (const f of (await readdir(scripts)).filter((n) => n.endsWith('.sql')).sort()) {
    await copyFile(join(scripts, f), join(outDir, f));
  }
  let rows = 0;
  const tables: Record<string, Record<string, unknown>> = {};
  for (const t of sampleTables) {
    rows += await writeTable(join(outDir, t.file ?? `${t.key}.bcp`), t, options);
    const entry: Record<string, unknown> = {
      ...(t.file !== undefined ? { file: t.file } : {}),
      ...(t.fieldTerminator !== undefined ? { fieldTerminator: escapeTerminator(t.fieldTerminator) } : {}),
      ...(t.rowTerminator !== undefined ? { rowTerminator: escapeTerminator(t.rowTerminator) } : {}),
      ...(t.textsize !== undefined ? { textsize: t.textsize } : {}),
      ...(t.hideVirtualComputed ? { hideVirtualComputed: true } : {}),
    };
    if (Object.keys(entry).length > 0) tables[t.key] = entry;
  }
  const manifest = {
    database: SAMPLE_DATABASE,
    charset: 'utf8',
    server: {
      version: 'Adaptive Server Enterprise/16.0 SP04',
      sortOrder: 'binary',
      pageSize: 4096,
      allowNullsByDefault: false,
    },
    fieldTerminator: '\\t',
    rowTerminator: '\\n',
    textsize: 32768,
    tables,
  };
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { dir: outDir, tables: sampleTables.length, rows };
}
