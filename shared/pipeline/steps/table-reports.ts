/**
 * The per-table and per-chunk report entries runMigration and the hosted report step both build,
 * so the CLI's report and the orchestrator's report say the same for the same staged run.
 */
import type { TableDataReport } from '../../report/model';
import type { RunCheckpoint } from '../checkpoint';
import type { ChunkManifest } from '../contracts';
import { tableHash } from '../validate/row-hash';

interface TableName {
  readonly schema: string;
  readonly name: string;
}

/** What a migration report says about a proxy table (DDL-14). */
export const PROXY_NOT_STAGED = 'proxy table (DDL-14): not created on the target, no data staged';

/** A proxy table (DDL-14): never created on the target, so nothing of it is staged. */
export function proxyTableReport(t: TableName, message: string = PROXY_NOT_STAGED): TableDataReport {
  return {
    schema: t.schema,
    table: t.name,
    rows: 0,
    bytes: 0,
    chunks: 0,
    hash: '',
    status: 'skipped',
    message,
  };
}

/** A table whose every chunk has a manifest: totals and the table hash over its chunks' hashes. */
export function stagedTableReport(t: TableName, done: readonly ChunkManifest[]): TableDataReport {
  return {
    schema: t.schema,
    table: t.name,
    rows: done.reduce((n, m) => n + m.rows, 0),
    bytes: done.reduce((n, m) => n + m.bytes, 0),
    chunks: done.length,
    hash: tableHash(done.map((m) => m.hash)),
    status: 'staged',
  };
}

/** A table that is not completely staged: no rows are claimed for it. */
export function unstagedTableReport(
  t: TableName,
  chunks: number,
  status: 'failed' | 'skipped',
  message: string,
): TableDataReport {
  return { schema: t.schema, table: t.name, rows: 0, bytes: 0, chunks, hash: '', status, message };
}

type ChunkState = NonNullable<RunCheckpoint['state']>['chunks'][number];

/** One chunk's entry in run.json's final state, as its manifest (or its absence) shows it. */
export function chunkState(t: TableName, index: number, m: ChunkManifest | undefined): ChunkState {
  return {
    table: `${t.schema}.${t.name}`,
    index,
    staged: m !== undefined,
    ...(m ? { rows: m.rows, bytes: m.bytes } : {}),
  };
}
