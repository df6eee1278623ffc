/**
 * `ase-migrate migrate --source SPEC --staging SPEC --package DIR [...]`: the whole offline path —
 * catalog, DDL, chunked extract to staging (Blob or a folder), deployment package, report.
 */
import { resolve } from 'node:path';
import { describeStagingSpec, isConnectionString } from '../../shared/pipeline/stage/open-store';
import { describeSourceSpec, isBlobSourceSpec } from '../../shared/pipeline/source/offline/open-source-spec';
import { parseCommandArgs, positiveInt, requireString } from '../args';
import { EXIT } from '../cli-error';
import { defaultRunId, runMigration, type MigrationOptions } from '../../shared/pipeline/run-migration';
import { createTelemetry, progressTelemetry, RunTelemetry } from '../../shared/telemetry';
import type { CliIo } from '../io';
import { ProgressReporter } from '../progress';
import { redactSecrets } from '../../shared/redact';
import { ProgressTotals } from '../run-progress';
import { finishRun, requireDirectory, shownPath } from './finish-run';

export const MIGRATE_HELP = `Usage: ase-migrate migrate --source SPEC --staging SPEC --package DIR [options]

Migrate an offline ASE extract into a deployment package: ordered T-SQL scripts, the data
staged as canonical CSV chunks (Blob or a folder), load and validation scripts, and a report.

Required:
  --source SPEC         the offline extract (docs/offline-source.md): a folder, a Blob
                        connection string with Container=<name>;Prefix=<path>; (its key
                        is never printed or stored), or an
                        https://<account>.blob.core.windows.net/<container>/<prefix>/ URL
                        (DefaultAzureCredential)
  --staging SPEC        a Blob connection string (its key is never printed or stored),
                        an https://<account>.blob.core.windows.net/<container> URL
                        (DefaultAzureCredential), or a local folder
  --package DIR         where the deployment package is written

Options:
  --run-id ID           name of this run (default: derived by the pipeline)
  --resume RUNID        continue an interrupted run: completed chunks are kept, others redone
  --chunk-rows N        target rows per chunk (default: the pipeline's)
  --concurrency N       chunks staged in parallel (default: the pipeline's)
  --gzip                stage gzip-compressed CSV (client-side load only; BULK INSERT
                        from Blob needs uncompressed CSV)
  --report DIR          where report.html/.json/.txt go (default: <package>/report)
  -h, --help            show this help

Exit status: 0 succeeded, 1 the run failed (see the report), 2 bad usage or unreadable input.
Tip: pass the connection string through an environment variable, not in shell history:
  ase-migrate migrate --source ./extract --staging "$ASEMIG_STAGING" --package ./pkg
`;

export async function migrateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      source: { type: 'string' },
      staging: { type: 'string' },
      package: { type: 'string' },
      'run-id': { type: 'string' },
      resume: { type: 'string' },
      'chunk-rows': { type: 'string' },
      concurrency: { type: 'string' },
      gzip: { type: 'boolean' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout(MIGRATE_HELP);
    return EXIT.ok;
  }
  const sourceArg = requireString(values.source, 'source');
  // A Blob spec is passed through as is (checked when it is opened); a folder must exist now.
  const source = isBlobSourceSpec(sourceArg) ? sourceArg : resolve(io.cwd, sourceArg);
  const stagingArg = requireString(values.staging, 'staging');
  // A connection string is passed through as is; anything else that is not a URL is a folder.
  const staging =
    isConnectionString(stagingArg) || /^https?:\/\//i.test(stagingArg)
      ? stagingArg
      : resolve(io.cwd, stagingArg);
  const packageDir = resolve(io.cwd, requireString(values.package, 'package'));
  const reportDir = resolve(
    io.cwd,
    typeof values.report === 'string' ? values.report : resolve(packageDir, 'report'),
  );
  const chunkRows = positiveInt(values['chunk-rows'], 'chunk-rows');
  const concurrency = positiveInt(values.concurrency, 'concurrency');
  if (!isBlobSourceSpec(source)) await requireDirectory(source, 'source');

  const options: MigrationOptions = {
    source,
    staging,
    packageDir,
    ...(typeof values['run-id'] === 'string' ? { runId: values['run-id'] } : {}),
    ...(typeof values.resume === 'string' ? { resume: values.resume } : {}),
    ...(chunkRows !== undefined ? { chunkRows } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(values.gzip ? { gzip: true } : {}),
  };
  return runAndReport(options, reportDir, io);
}

/** A folder relative to the working directory; a Blob spec as its redacted description. */
function shownSource(io: CliIo, source: MigrationOptions['source']): string {
  if (typeof source !== 'string') return 'source reader';
  return isBlobSourceSpec(source) ? describeSourceSpec(source) : shownPath(io, source);
}

/** Shared by migrate and demo: run with progress on stderr, then write and print the report. */
export async function runAndReport(options: MigrationOptions, reportDir: string, io: CliIo): Promise<number> {
  io.stderr(
    redactSecrets(
      `migrating ${shownSource(io, options.source)}\n` +
        `  staging: ${describeStagingSpec(options.staging)}\n` +
        `  package: ${shownPath(io, options.packageDir)}\n`,
    ),
  );
  const totals = new ProgressTotals();
  const progress = new ProgressReporter(io.stderr, { tty: io.stderrIsTty });
  // Telemetry is off (a no-op) unless APPLICATIONINSIGHTS_CONNECTION_STRING is set; the run id is
  // fixed here so that every event of the run carries it.
  const runId = options.resume ?? options.runId ?? defaultRunId();
  const telemetry = createTelemetry({ roleName: 'ase-migrate-cli' });
  const runEvents = progressTelemetry(
    new RunTelemetry(telemetry, { runId, host: 'cli', target: 'deployment package' }),
  );
  let report;
  try {
    report = await runMigration({ ...options, runId }, (e) => {
      progress.update(totals.apply(e));
      runEvents.listener(e);
    });
    runEvents.finish(report.status === 'failed' ? 'failed' : 'succeeded');
  } catch (e) {
    runEvents.finish('failed');
    throw e;
  } finally {
    // Also on failure: the error line must not be glued to a half-drawn bar.
    progress.finish();
    await telemetry.close();
  }
  const written = await finishRun(report, reportDir, io);
  io.stderr(`report written to ${shownPath(io, written.html)}\n`);
  return report.status === 'failed' ? EXIT.runFailed : EXIT.ok;
}
