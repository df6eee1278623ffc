/** `ase-migrate assess --source SPEC [--out DIR]`: catalog, translation and data profile, no copy. */
import { resolve } from 'node:path';
import { parseCommandArgs, requireString } from '../args';
import { EXIT } from '../cli-error';
import { runAssessment } from '../../shared/pipeline/run-migration';
import { isBlobSourceSpec } from '../../shared/pipeline/source/offline/open-source-spec';
import type { CliIo } from '../io';
import { finishRun, requireDirectory, shownPath } from './finish-run';

export const ASSESS_HELP = `Usage: ase-migrate assess --source SPEC [--out DIR]

Assess an offline ASE extract (ddlgen/defncopy scripts + bcp files + manifest.json, see
docs/offline-source.md): every object translated and classified (converted, with warnings,
manual, blocked), row counts and the data profile (pre-1753 dates, NULL vs '', LOB sizes).
Nothing is copied or staged.

Options:
  --source SPEC  the offline extract (required): a folder, a Blob connection string with
                 Container=<name>;Prefix=<path>; (its key is never printed or stored), or an
                 https://<account>.blob.core.windows.net/<container>/<prefix>/ URL
                 (DefaultAzureCredential)
  --out DIR      where report.html/.json/.txt go (default ./out/assess)
  -h, --help     show this help

Exit status: 0 assessed (findings do not fail it), 2 bad usage or unreadable source, 1 failure.
`;

export async function assessCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    { source: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    false,
  );
  if (values.help) {
    io.stdout(ASSESS_HELP);
    return EXIT.ok;
  }
  const sourceArg = requireString(values.source, 'source');
  // A Blob spec is passed through as is (checked when it is opened); a folder must exist now.
  const source = isBlobSourceSpec(sourceArg) ? sourceArg : resolve(io.cwd, sourceArg);
  const out = resolve(io.cwd, typeof values.out === 'string' ? values.out : 'out/assess');
  if (!isBlobSourceSpec(source)) await requireDirectory(source, 'source');
  const report = await runAssessment({ source });
  const written = await finishRun(report, out, io);
  io.stderr(`report written to ${shownPath(io, written.html)}\n`);
  return report.status === 'failed' ? EXIT.runFailed : EXIT.ok;
}
