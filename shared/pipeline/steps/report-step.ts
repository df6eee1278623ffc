/**
 * Step 5: the RunReport of a hosted run, built from what is staged (manifests are the truth,
 * as for resume), written to staging as report.json/.html/.txt, plus run.json with per-chunk
 * state. A table is `staged` only when every chunk has a manifest; failures reported by the
 * orchestration (data errors returned as results) become BLOCK diagnostics with code and place.
 */
import { resolve } from 'node:path';
import { AsemigError, type ErrorPlace } from '../../errors';
import { renderHtml } from '../../report/html/render-html';
import { renderJson } from '../../report/json/render-json';
import type { RunReport, TableDataReport } from '../../report/model';
import { renderText } from '../../report/text/render-text';
import type { Diagnostic } from '../../translator/diagnostics';
import { writeCheckpoint } from '../checkpoint';
import type { ChunkManifest } from '../contracts';
import { describeSource, errorDiagnostic, typeMappings } from '../run-migration';
import type { DdlOutput } from '../peers';
import { describeStagingSpec } from '../stage/open-store';
import { toolInfo } from '../tool-info';
import { inventoryBlob, reportBlobs } from './host-layout';
import type { StoredInventory } from './inventory';
import { loadProfile, loadStagedRun } from './load-staged';
import { reseedDiagnostics, skippedColumnDiagnostics } from './run-diagnostics';
import { getJson } from './staged-json';
import { openStepStore, type StepRun } from './step-run';
import { chunkState, proxyTableReport, stagedTableReport, unstagedTableReport } from './table-reports';
import { packagedTable } from './run-package';

export interface RunFailure {
  readonly code: string;
  readonly message: string;
  readonly place: ErrorPlace;
}

export interface ReportInput {
  readonly startedAt: string;
  readonly packaged: boolean;
  readonly failures: readonly RunFailure[];
}

export interface ReportResult {
  readonly status: RunReport['status'];
  readonly tables: number;
  readonly tablesStaged: number;
  readonly rows: number;
  readonly bytes: number;
  readonly blobs: { readonly json: string; readonly html: string; readonly text: string };
}

/**
 * run-migration.ts unattached() by value: it matches by object identity, which the JSON
 * round trip through staging loses (every finding would then be reported twice).
 */
function unattachedByValue(ddl: DdlOutput): Diagnostic[] {
  const attached = new Set(ddl.objects.flatMap((o) => o.diagnostics).map((d) => JSON.stringify(d)));
  return (ddl.diagnostics ?? []).filter((d) => !attached.has(JSON.stringify(d)));
}

export async function reportStep(run: StepRun, input: ReportInput): Promise<ReportResult> {
  const { store, stager } = openStepStore(run);
  const staged = await loadStagedRun(store, stager, run.runId);
  const failed = new Set(input.failures.map((f) => f.place.object).filter(Boolean));
  const tables: TableDataReport[] = staged.tables.map(({ table: t, plan, manifests }) => {
    const done = manifests.filter((m): m is ChunkManifest => m !== undefined);
    if (!plan || done.length !== manifests.length) {
      const own = input.failures.find((f) => f.place.object === `${t.schema}.${t.name}`);
      return unstagedTableReport(
        t,
        manifests.length,
        failed.has(`${t.schema}.${t.name}`) ? 'failed' : 'skipped',
        own
          ? new AsemigError(own.code, own.message, own.place).toString()
          : plan
            ? `not completely staged (${done.length} of ${manifests.length} chunks) because the run failed`
            : 'not planned because the run failed',
      );
    }
    return stagedTableReport(t, done);
  });
  for (const p of staged.proxies) tables.push(proxyTableReport(p));

  const diagnostics: Diagnostic[] = [...staged.catalog.diagnostics, ...unattachedByValue(staged.ddl)];
  for (const s of staged.tables)
    diagnostics.push(...(s.plan?.diagnostics ?? []), ...skippedColumnDiagnostics(s.table));
  if (input.packaged)
    diagnostics.push(
      ...reseedDiagnostics(staged.tables.map((s) => packagedTable(s.table, s.manifests as ChunkManifest[]))),
    );
  for (const f of input.failures)
    diagnostics.push(errorDiagnostic(new AsemigError(f.code, f.message, f.place)));

  const ok = input.failures.length === 0 && input.packaged;
  const inventory = await getJson<StoredInventory>(store, inventoryBlob(run.runId));
  const report: RunReport = {
    runId: run.runId,
    tool: toolInfo(),
    database: staged.catalog.database,
    source: describeSource(run.source),
    staging: describeStagingSpec(run.staging),
    target: `deployment package ${resolve(run.packageDir)}`,
    startedAt: input.startedAt,
    finishedAt: new Date().toISOString(),
    status: ok ? 'succeeded' : 'failed',
    objects: staged.ddl.objects,
    tables,
    typeMappings: typeMappings(staged.catalog),
    profile: await loadProfile(store, run.runId),
    diagnostics,
    outputs: {
      staging: `${store.location}/${run.runId}`,
      ...(input.packaged ? { package: resolve(run.packageDir) } : {}),
    },
  };
  const blobs = reportBlobs(run.runId);
  await store.put(blobs.json, Buffer.from(renderJson(report), 'utf8'));
  await store.put(blobs.html, Buffer.from(renderHtml(report), 'utf8'));
  await store.put(blobs.text, Buffer.from(renderText(report, { color: false }), 'utf8'));
  await writeCheckpoint(store, {
    version: 1,
    runId: run.runId,
    tool: report.tool,
    database: report.database,
    source: report.source,
    sourceFingerprint: inventory.sourceFingerprint,
    options: {
      staging: report.staging,
      packageDir: resolve(run.packageDir),
      chunkRows: run.chunkRows,
      format: stager.format,
    },
    plans: staged.tables.flatMap((s) => (s.plan ? [s.plan] : [])),
    state: {
      status: ok ? 'staged' : 'failed',
      chunks: staged.tables.flatMap((s) => s.manifests.map((m, index) => chunkState(s.table, index, m))),
    },
  });
  const stagedTables = tables.filter((t) => t.status === 'staged');
  return {
    status: report.status,
    tables: tables.length,
    tablesStaged: stagedTables.length,
    rows: stagedTables.reduce((n, t) => n + t.rows, 0),
    bytes: stagedTables.reduce((n, t) => n + t.bytes, 0),
    blobs,
  };
}
