/**
 * Fakes for the host tests: activity implementations that return what the real ones would
 * (counts only), built from a table → chunk-count map, plus run options and input.
 */
import type { FakeActivity } from '../helpers/durable-replay';
import type { RunOptions } from '../../shared/config/run-options';
import type { MigrateDatabaseInput } from '../../orchestrators/contracts';

export const OPTIONS: RunOptions = {
  source: '/data/extract',
  stagingConnectionSetting: 'ASEMIG_STAGING',
  packageDir: '/data/package',
  chunkRows: 1000,
  batchSize: 2,
  gzip: false,
};

export function migrateInput(runId = 'run-1', options: Partial<RunOptions> = {}): MigrateDatabaseInput {
  return { runId, options: { ...OPTIONS, ...options } };
}

/** rows of chunk i of a table: deterministic, distinct per table. */
export const rowsOf = (table: string, index: number): number => table.length * 100 + index;

export interface FakeSet {
  readonly activities: Record<
    'inventory' | 'planTables' | 'stageChunk' | 'writePackage' | 'report',
    FakeActivity
  >;
  readonly calls: { name: string; input: unknown; attempt: number }[];
}

export function fakeActivities(
  chunks: Readonly<Record<string, number>>,
  overrides: Readonly<Record<string, FakeActivity>> = {},
): FakeSet {
  const calls: FakeSet['calls'] = [];
  const rec =
    (name: string, impl: FakeActivity): FakeActivity =>
    (input, meta) => {
      calls.push({ name, input, attempt: meta.attempt });
      return (overrides[name] ?? impl)(input, meta);
    };
  const tables = Object.keys(chunks).map((k) => {
    const [schema = '', table = ''] = k.split('.');
    return { schema, table };
  });
  const activities: FakeSet['activities'] = {
    inventory: rec('inventory', () => ({
      ok: true,
      database: 'db',
      tables: tables.map((t) => ({ ...t, proxy: false })),
      objects: tables.length,
      scripts: 1,
      diagnostics: 0,
      blobs: { catalog: 'c', ddl: 'd', inventory: 'i' },
    })),
    planTables: rec('planTables', (input) => ({
      ok: true,
      tables: (input as { tables: { schema: string; table: string }[] }).tables.map((t) => ({
        ...t,
        chunks: chunks[`${t.schema}.${t.table}`] ?? 0,
        estimatedRows: 0,
      })),
      failures: [],
    })),
    stageChunk: rec('stageChunk', (input) => {
      const c = input as { schema: string; table: string; index: number };
      return { ok: true, ...c, rows: rowsOf(c.table, c.index), bytes: 10, skipped: false, manifest: 'm' };
    }),
    writePackage: rec('writePackage', () => ({
      ok: true,
      dir: '/data/package',
      tables: tables.length,
      rows: 0,
      bytes: 0,
    })),
    report: rec('report', () => ({
      ok: true,
      status: 'succeeded',
      tables: tables.length,
      tablesStaged: tables.length,
      rows: 0,
      bytes: 0,
      blobs: { json: 'r.json', html: 'r.html', text: 'r.txt' },
    })),
  };
  return { activities, calls };
}
