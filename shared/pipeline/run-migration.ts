/**
 * runMigration: catalog → DDL → plan → extract + stage every chunk (bounded worker pool over all
 * chunks of all tables, so small tables run side by side and big tables' chunks in parallel) →
 * deployment package → RunReport. runAssessment: catalog, translation and profile, no staging.
 *
 * Failure policy: setup errors (bad option, missing checkpoint, changed source) throw an
 * AsemigError. A failed chunk stops scheduling, lets running chunks finish, writes no package and
 * returns a report with status `failed` whose diagnostics carry the chunk's code and place;
 * no table that is not completely staged is reported as staged.
 */
import { resolve } from 'node:path';
import type { Catalog, Column, Table } from '../catalog/model';
import { applyCastRules } from '../catalog/cast-rules/apply';
import { AsemigError } from '../errors';
import type { RunReport, TableDataReport, TypeMappingReport } from '../report/model';
import { diagnostic, type Diagnostic } from '../translator/diagnostics';
import {
  completedChunk,
  readCheckpoint,
  sourceFingerprint,
  writeCheckpoint,
  type RunCheckpoint,
} from './checkpoint';
import { PipelineCodes } from './codes';
import type { ChunkManifest, ChunkPlan, ChunkRef, SourceReader, TablePlan } from './contracts';
import type { PackagedTable } from './load/package/package-model';
import { loadDdlGenerator, type DdlGenerator, type DdlOutput } from './peers';
import { describeSourceSpec, fingerprintTarget, openSourceSpec } from './source/offline/open-source-spec';
import type { ProgressListener } from './progress';
import { checkRunId, runFileName } from './stage/layout';
import { describeStagingSpec, openStore } from './stage/open-store';
import { StoreStager } from './stage/store-stager';
import { LocalStore } from './stage/local-store';
import { writeChunk } from './steps/chunk-writer';
import { reseedDiagnostics, skippedColumnDiagnostics } from './steps/run-diagnostics';
import { chunkState, proxyTableReport, stagedTableReport, unstagedTableReport } from './steps/table-reports';
import { packagedTable, writeRunPackage } from './steps/run-package';
import { toolInfo } from './tool-info';

export type { ProgressEvent, ProgressListener } from './progress';
// Moved to steps/chunk-writer.ts (one chunk writer for the CLI and the hosted step); kept here for callers.
export { project, sourceBatches, stagedColumns } from './steps/chunk-writer';

export interface MigrationOptions {
  /** A SourceReader, or the path of an offline extract folder. */
  readonly source: SourceReader | string;
  /** Staging spec: a folder, a Blob connection string or a Blob account URL (stage/open-store.ts). */
  readonly staging: string;
  readonly packageDir: string;
  readonly runId?: string;
  /** Run id of an earlier run to resume: completed chunks are kept, the others redone. */
  readonly resume?: string;
  readonly chunkRows?: number;
  readonly concurrency?: number;
  readonly gzip?: boolean;
  /** DDL generator (default: catalog/ddl's generateDdl). */
  readonly generateDdl?: DdlGenerator;
}

export const DEFAULT_CHUNK_ROWS = 100_000;
export const DEFAULT_CONCURRENCY = 4;

/** Test hook (kill test): SIGKILL this process after that many chunks were written. */
const KILL_AFTER_ENV = 'ASEMIG_TEST_KILL_AFTER_CHUNKS';

function positiveInt(value: number | undefined, fallback: number, field: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1) {
    throw new AsemigError(
      PipelineCodes.runBadOption,
      `${field} must be a positive integer, got ${String(value)}`,
      { field },
    );
  }
  return v;
}

/** A new run id (`run-<utc stamp>-<4 hex>`); hosts that must know the id before the run call it. */
export function defaultRunId(): string {
  const d = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `run-${d}-${Math.random().toString(16).slice(2, 6)}`;
}

/** Cast rules fill `target`; a source that did not run them gets the defaults here. */
export function withTargets(catalog: Catalog): Catalog {
  return catalog.tables.some((t) => t.columns.some((c) => !c.target)) ? applyCastRules(catalog) : catalog;
}

function formatSourceType(c: Column): string {
  const t = c.source.type;
  if (t.precision !== undefined)
    return `${t.base}(${t.precision}${t.scale !== undefined ? `,${t.scale}` : ''})`;
  if (t.length !== undefined) return `${t.base}(${t.length})`;
  return t.base;
}

export function typeMappings(catalog: Catalog): TypeMappingReport[] {
  return catalog.tables.flatMap((t) =>
    t.columns
      .filter((c) => c.target)
      .map((c) => ({
        table: `${t.schema}.${t.name}`,
        column: c.name,
        sourceType: formatSourceType(c),
        targetType: c.target?.type.sql ?? '',
        castRule: c.target?.castRule ?? '',
        nullable: c.target?.nullable ?? true,
      })),
  );
}

/** A spec is opened here (and closed by the caller that passed it); a reader is used as given. */
async function openRunSource(source: SourceReader | string, chunkRows: number): Promise<SourceReader> {
  return typeof source === 'string' ? openSourceSpec(source, { targetRows: chunkRows }) : source;
}

export function describeSource(source: SourceReader | string): string {
  return typeof source === 'string' ? describeSourceSpec(source) : 'source reader';
}

export function asRunError(e: unknown, object: string, index: number): AsemigError {
  if (e instanceof AsemigError) {
    const known = Object.fromEntries(Object.entries(e.place).filter(([, v]) => v !== undefined));
    return new AsemigError(e.code, e.message, { object, field: `chunk ${index}`, ...known }, { cause: e });
  }
  return new AsemigError(
    PipelineCodes.runChunkFailed,
    `chunk ${index} failed: ${(e as Error).message}`,
    {
      object,
      field: `chunk ${index}`,
    },
    { cause: e },
  );
}

export function errorDiagnostic(e: AsemigError): Diagnostic {
  return diagnostic({
    code: e.code,
    ruleId: '',
    level: 'BLOCK',
    message: e.message,
    ...(e.place.object ? { object: e.place.object } : {}),
    ...(e.place.file ? { file: e.place.file } : {}),
    ...(e.place.line !== undefined ? { line: e.place.line } : {}),
  });
}

/** The generator's findings that no object report carries (the others are shown with their object). */
export function unattached(ddl: DdlOutput): Diagnostic[] {
  const attached = new Set(ddl.objects.flatMap((o) => o.diagnostics));
  return (ddl.diagnostics ?? []).filter((d) => !attached.has(d));
}

async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure) throw failure.error;
}

interface ChunkTask {
  readonly table: Table;
  readonly plan: ChunkPlan;
  readonly tableIndex: number;
}

export async function runMigration(
  options: MigrationOptions,
  progress?: ProgressListener,
): Promise<RunReport> {
  const startedAt = new Date().toISOString();
  const emit: ProgressListener = progress ?? (() => undefined);
  const tool = toolInfo();
  if (options.resume !== undefined && options.runId !== undefined && options.runId !== options.resume) {
    throw new AsemigError(PipelineCodes.runBadOption, 'runId and resume name different runs', {
      field: 'resume',
    });
  }
  const runId = checkRunId(options.resume ?? options.runId ?? defaultRunId());
  let chunkRows = positiveInt(options.chunkRows, DEFAULT_CHUNK_ROWS, 'chunkRows');
  const concurrency = positiveInt(options.concurrency, DEFAULT_CONCURRENCY, 'concurrency');
  const store = openStore(options.staging);
  const packageDir = resolve(options.packageDir);

  let checkpoint: RunCheckpoint | undefined;
  if (options.resume !== undefined) {
    checkpoint = await readCheckpoint(store, runId);
    chunkRows = checkpoint.options.chunkRows;
    // Killed writes leave temp files beside the chunks (never under a final name): remove them.
    if (store instanceof LocalStore) await store.sweepTemp(`${runId}/`);
  }
  const gzip = checkpoint ? checkpoint.options.format === 'csv.gz' : (options.gzip ?? false);
  const stager = new StoreStager(store, { gzip });

  const ownsSource = typeof options.source === 'string';
  const source = await openRunSource(options.source, chunkRows);
  try {
    emit({ kind: 'phase', phase: 'catalog' });
    const catalog = withTargets(await source.catalog());
    const fingerprint = await sourceFingerprint(
      catalog,
      typeof options.source === 'string' ? fingerprintTarget(options.source) : undefined,
    );
    if (checkpoint && checkpoint.sourceFingerprint !== fingerprint) {
      throw new AsemigError(
        PipelineCodes.runSourceChanged,
        `run ${runId} was staged from a different source (fingerprint differs): start a new run instead of resuming`,
        { file: runFileName(runId), field: 'sourceFingerprint' },
      );
    }

    emit({ kind: 'phase', phase: 'ddl' });
    const ddl: DdlOutput = (options.generateDdl ?? loadDdlGenerator())(catalog, {});

    emit({ kind: 'phase', phase: 'plan' });
    const diagnostics: Diagnostic[] = [...catalog.diagnostics, ...unattached(ddl)];
    const skippedTables: TableDataReport[] = [];
    const tables: Table[] = [];
    for (const t of catalog.tables) {
      if (t.proxy) skippedTables.push(proxyTableReport(t));
      else tables.push(t);
    }
    const plans = new Map<Table, TablePlan>();
    if (checkpoint) {
      for (const t of tables) {
        const p = checkpoint.plans.find((x) => x.schema === t.schema && x.table === t.name);
        if (!p) {
          throw new AsemigError(
            PipelineCodes.runSourceChanged,
            `table ${t.schema}.${t.name} is not in the checkpoint`,
            {
              object: `${t.schema}.${t.name}`,
              file: runFileName(runId),
            },
          );
        }
        plans.set(t, p);
      }
    } else {
      for (const t of tables) plans.set(t, await source.planChunks(t, chunkRows));
      checkpoint = {
        version: 1,
        runId,
        tool,
        database: catalog.database,
        source: describeSource(options.source),
        sourceFingerprint: fingerprint,
        options: {
          staging: describeStagingSpec(options.staging),
          packageDir,
          chunkRows,
          format: stager.format,
        },
        plans: tables.map((t) => plans.get(t) as TablePlan),
      };
      await writeCheckpoint(store, checkpoint);
    }
    for (const t of tables) {
      diagnostics.push(...(plans.get(t)?.diagnostics ?? []), ...skippedColumnDiagnostics(t));
    }

    emit({ kind: 'phase', phase: 'stage' });
    const tasks: ChunkTask[] = tables.flatMap((table, tableIndex) =>
      (plans.get(table)?.chunks ?? []).map((plan) => ({ table, plan, tableIndex })),
    );
    const manifests = new Map<Table, (ChunkManifest | undefined)[]>(
      tables.map((t) => [
        t,
        new Array<ChunkManifest | undefined>(plans.get(t)?.chunks.length ?? 0).fill(undefined),
      ]),
    );
    const estimatedRows = tasks.reduce((n, t) => n + t.plan.estimatedRows, 0);
    const totals = { chunksDone: 0, tablesDone: 0, rows: 0, bytes: 0 };
    const started = new Set<Table>();
    const killAfter = Number(process.env[KILL_AFTER_ENV] ?? 0);
    let written = 0;
    let failedTable: Table | undefined;
    let failure: AsemigError | undefined;

    const stageChunk = async (task: ChunkTask): Promise<void> => {
      const { table: t, plan } = task;
      const object = `${t.schema}.${t.name}`;
      const plansOfTable = plans.get(t) as TablePlan;
      if (!started.has(t)) {
        started.add(t);
        emit({
          kind: 'table-started',
          schema: t.schema,
          table: t.name,
          chunks: plansOfTable.chunks.length,
          estimatedRows: plansOfTable.chunks.reduce((n, c) => n + c.estimatedRows, 0),
        });
      }
      const ref: ChunkRef = { runId, schema: t.schema, table: t.name, index: plan.index };
      try {
        let m = options.resume !== undefined ? await completedChunk(stager, ref, stager.format) : undefined;
        const skipped = m !== undefined;
        if (!m) {
          m = await writeChunk(stager, ref, source, t, plan);
          written++;
          if (killAfter > 0 && written >= killAfter) process.kill(process.pid, 'SIGKILL');
        }
        const list = manifests.get(t) as (ChunkManifest | undefined)[];
        list[plan.index] = m;
        totals.chunksDone++;
        totals.rows += m.rows;
        totals.bytes += m.bytes;
        emit({
          kind: 'chunk-staged',
          schema: t.schema,
          table: t.name,
          index: plan.index,
          rows: m.rows,
          bytes: m.bytes,
          skipped,
        });
        if (list.every((x) => x !== undefined)) {
          totals.tablesDone++;
          emit({
            kind: 'table-finished',
            schema: t.schema,
            table: t.name,
            rows: list.reduce((n, x) => n + (x?.rows ?? 0), 0),
            bytes: list.reduce((n, x) => n + (x?.bytes ?? 0), 0),
            chunks: list.length,
          });
        }
        emit({
          kind: 'totals',
          tables: tables.length,
          tablesDone: totals.tablesDone,
          chunks: tasks.length,
          chunksDone: totals.chunksDone,
          rows: totals.rows,
          bytes: totals.bytes,
          estimatedRows,
        });
      } catch (e) {
        failedTable ??= t;
        throw asRunError(e, object, plan.index);
      }
    };
    // Tables whose plan has no chunk are complete at once.
    for (const t of tables) if ((plans.get(t)?.chunks.length ?? 0) === 0) totals.tablesDone++;

    try {
      await runPool(tasks, concurrency, stageChunk);
    } catch (e) {
      failure = e instanceof AsemigError ? e : asRunError(e, '', -1);
    }

    const tableReports: TableDataReport[] = tables.map((t) => {
      const list = manifests.get(t) ?? [];
      const complete = list.every((m) => m !== undefined);
      const done = list.filter((m): m is ChunkManifest => m !== undefined);
      if (!complete) {
        return unstagedTableReport(
          t,
          list.length,
          t === failedTable ? 'failed' : 'skipped',
          t === failedTable && failure
            ? failure.toString()
            : `not completely staged (${done.length} of ${list.length} chunks) because the run failed`,
        );
      }
      return stagedTableReport(t, done);
    });

    await writeCheckpoint(store, {
      ...checkpoint,
      state: {
        status: failure ? 'failed' : 'staged',
        chunks: tasks.map(({ table: t, plan }) => chunkState(t, plan.index, manifests.get(t)?.[plan.index])),
      },
    });

    const outputs: Record<string, string> = {
      staging: `${store.location}/${runId}`,
      checkpoint: `${store.location}/${runFileName(runId)}`,
    };
    if (!failure) {
      emit({ kind: 'phase', phase: 'package' });
      const packaged: PackagedTable[] = tables.map((t) =>
        packagedTable(t, (manifests.get(t) ?? []) as ChunkManifest[]),
      );
      const pkg = await writeRunPackage({
        packageDir,
        runId,
        database: catalog.database,
        ddl: ddl.scripts,
        tables: packaged,
        stager,
      });
      outputs.package = pkg.dir;
      diagnostics.push(...reseedDiagnostics(packaged));
    } else {
      diagnostics.push(errorDiagnostic(failure));
    }
    emit({ kind: 'phase', phase: 'done' });
    return {
      runId,
      tool,
      database: catalog.database,
      source: describeSource(options.source),
      staging: describeStagingSpec(options.staging),
      target: `deployment package ${packageDir}`,
      startedAt,
      finishedAt: new Date().toISOString(),
      status: failure ? 'failed' : 'succeeded',
      objects: ddl.objects,
      tables: [...tableReports, ...skippedTables],
      typeMappings: typeMappings(catalog),
      profile: source.profile(),
      diagnostics,
      outputs,
    };
  } finally {
    if (ownsSource) await source.close();
  }
}

export interface AssessmentOptions {
  readonly source: SourceReader | string;
  /** Rows per chunk used to plan (row counts come from the plans). */
  readonly chunkRows?: number;
  readonly generateDdl?: DdlGenerator;
}

/**
 * Catalog, translation (the DDL generator's object reports) and per-table row counts from the
 * chunk plans; the data profile the source gathered. Nothing is staged or written.
 */
export async function runAssessment(options: AssessmentOptions): Promise<RunReport> {
  const startedAt = new Date().toISOString();
  const chunkRows = positiveInt(options.chunkRows, DEFAULT_CHUNK_ROWS, 'chunkRows');
  const ownsSource = typeof options.source === 'string';
  const source = await openRunSource(options.source, chunkRows);
  try {
    const catalog = withTargets(await source.catalog());
    const ddl = (options.generateDdl ?? loadDdlGenerator())(catalog, {});
    const diagnostics: Diagnostic[] = [...catalog.diagnostics, ...unattached(ddl)];
    const tables: TableDataReport[] = [];
    for (const t of catalog.tables) {
      if (t.proxy) {
        tables.push(proxyTableReport(t, 'proxy table (DDL-14)'));
        continue;
      }
      const plan = await source.planChunks(t, chunkRows);
      diagnostics.push(...plan.diagnostics);
      tables.push({
        schema: t.schema,
        table: t.name,
        rows: plan.chunks.reduce((n, c) => n + c.estimatedRows, 0),
        bytes: 0,
        chunks: plan.chunks.length,
        hash: '',
        status: 'skipped',
        message: 'assessment only: rows counted, not staged',
      });
    }
    return {
      runId: `assess-${startedAt.replace(/[-:]/g, '').replace(/\..*$/, '')}`,
      tool: toolInfo(),
      database: catalog.database,
      source: describeSource(options.source),
      staging: '',
      target: '',
      startedAt,
      finishedAt: new Date().toISOString(),
      status: 'assessed',
      objects: ddl.objects,
      tables,
      typeMappings: typeMappings(catalog),
      profile: source.profile(),
      diagnostics,
      outputs: {},
    };
  } finally {
    if (ownsSource) await source.close();
  }
}
