/** Builds throw-away offline source folders for the tests, with a hand-built catalog. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Table } from '../../../shared/catalog/model';
import type { Row } from '../../../shared/pipeline/contracts';
import { folderFiles, type SourceFiles } from '../../../shared/pipeline/source/offline/file-access';
import { openOfflineSource, type OfflineSource } from '../../../shared/pipeline/source/offline/open';
import { catalogOf } from './build-table';

const made: string[] = [];
process.on('exit', () => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function writeFolder(files: Readonly<Record<string, string | Buffer>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'asemig-offline-'));
  made.push(dir);
  if (!Object.keys(files).some((f) => f.endsWith('.sql')))
    writeFileSync(join(dir, 'schema.sql'), '-- tables built by the test\n');
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

/** Folder access whose streams deliver `chunk` bytes at a time (terminators split across reads). */
export function chunkedFiles(dir: string, chunk: number): SourceFiles {
  const inner = folderFiles(dir);
  return {
    ...inner,
    open(name, range) {
      const src = inner.open(name, range);
      return Readable.from(
        (async function* () {
          for await (const b of src) {
            const buf = b as Buffer;
            for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk);
          }
        })(),
      );
    },
  };
}

export async function openWith(
  files: Readonly<Record<string, string | Buffer>>,
  tables: readonly Table[],
  chunk?: number,
): Promise<OfflineSource> {
  const dir = writeFolder(files);
  return openOfflineSource(dir, {
    readCatalog: () => catalogOf(tables),
    ...(chunk !== undefined ? { files: chunkedFiles(dir, chunk) } : {}),
  });
}

/** Every row of a table (plans with a huge chunk size, reads every chunk). */
export async function readAll(src: OfflineSource, table: Table, targetRows = 1_000_000): Promise<Row[]> {
  const plan = await src.planChunks(table, targetRows);
  const rows: Row[] = [];
  for (const c of plan.chunks) for await (const r of src.readChunk(table, c)) rows.push(r);
  return rows;
}

/** Runs fn and returns the AsemigError it rejects with (fails the test otherwise). */
export async function rejection(
  fn: () => Promise<unknown>,
): Promise<{ code: string; place: Record<string, unknown>; message: string }> {
  try {
    await fn();
  } catch (e) {
    const err = e as { code?: string; place?: Record<string, unknown>; message: string };
    if (typeof err.code !== 'string') throw e;
    return { code: err.code, place: err.place ?? {}, message: err.message };
  }
  throw new Error('expected a rejection');
}
