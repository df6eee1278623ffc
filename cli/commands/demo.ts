/**
 * `ase-migrate demo` (what `npm start` runs): the bundled sample database, generated as an
 * offline extract, migrated with an embedded Azurite as Blob staging into a deployment package,
 * with the report. Everything goes under ./out so one `rm -rf out` undoes it.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startAzurite, type AzuriteHandle } from '../../shared/pipeline/stage/azurite';
import { parseCommandArgs } from '../args';
import { EXIT } from '../cli-error';
import { generateSampleSource } from '../../shared/sample/generate';
import type { CliIo } from '../io';
import { shownPath } from './finish-run';
import { runAndReport } from './migrate';

/** Rows per chunk in the demo (the CLI default suits real tables of millions of rows). */
const DEMO_CHUNK_ROWS = 200;

export const DEMO_HELP = `Usage: ase-migrate demo [--out DIR]

Runs the whole offline migration on the bundled sample database (what \`npm start\` does):
  1. writes the sample ASE extract (ddlgen scripts + bcp files) to <out>/sample-source
  2. starts an embedded Azurite (Blob emulator, data in <out>/azurite) on a free local port
  3. migrates: translated DDL, data staged in Azurite in key-range chunks of 200 rows,
     deployment package in <out>/package
  4. writes the report to <out>/report and stops Azurite
The previous demo's package, report and Azurite data are removed first.

Options:
  --out DIR    base folder (default ./out)
  -h, --help   show this help
`;

export async function demoCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    false,
  );
  if (values.help) {
    io.stdout(DEMO_HELP);
    return EXIT.ok;
  }
  const out = resolve(io.cwd, typeof values.out === 'string' ? values.out : 'out');
  const dirs = {
    source: join(out, 'sample-source'),
    azurite: join(out, 'azurite'),
    package: join(out, 'package'),
    report: join(out, 'report'),
  };
  // Only the demo's own folders: a stale package from an earlier run would mix two runs' files.
  for (const d of [dirs.source, dirs.azurite, dirs.package, dirs.report])
    await rm(d, { recursive: true, force: true });

  io.stderr(`[1/4] writing the sample ASE extract to ${shownPath(io, dirs.source)}\n`);
  const sample = await generateSampleSource(dirs.source);
  io.stderr(`      ${sample.tables} tables, ${sample.rows} rows\n`);

  io.stderr(`[2/4] starting Azurite (data in ${shownPath(io, dirs.azurite)})\n`);
  const azurite: AzuriteHandle = await startAzurite({ location: dirs.azurite });
  // Ctrl-C must not leave an Azurite process behind holding the port and the data folder.
  const onSignal = (): void => {
    void azurite.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let code: number;
  try {
    io.stderr(`      listening on 127.0.0.1:${azurite.blobPort}\n[3/4] migrating\n`);
    code = await runAndReport(
      // Small chunks on purpose: the sample's larger tables then show key-range chunking
      // (several chunks per table, each reloadable by range) as a real database would.
      {
        source: sample.dir,
        staging: azurite.connectionString,
        packageDir: dirs.package,
        chunkRows: DEMO_CHUNK_ROWS,
      },
      dirs.report,
      io,
    );
  } finally {
    io.stderr('[4/4] stopping Azurite\n');
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await azurite.stop();
  }
  io.stdout(
    [
      '',
      'Where everything is:',
      `  sample ASE extract   ${shownPath(io, dirs.source)}`,
      `  staged data (Blob)   ${shownPath(io, dirs.azurite)} (Azurite's files; Azurite is stopped)`,
      `  deployment package   ${shownPath(io, dirs.package)}`,
      `  report               ${shownPath(io, join(dirs.report, 'report.html'))} (open in a browser)`,
      '',
      'Next: read the package README, review the scripts, then run them against an Azure SQL',
      'database with sqlcmd (see README.md, "The deployment package").',
      '',
    ].join('\n'),
  );
  return code;
}
