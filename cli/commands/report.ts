/**
 * `ase-migrate report --from report.json [--out DIR]`: re-renders a run's report.html and
 * report.txt from its report.json (after an upgrade of the renderers, or from a report fetched
 * from the Functions host), and prints the summary.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AsemigError } from '../../shared/errors';
import { HOST_CODES } from '../../shared/host-codes';
import { parseJsonReport } from '../../shared/report/json/render-json';
import { parseCommandArgs, requireString } from '../args';
import { EXIT } from '../cli-error';
import type { CliIo } from '../io';
import { decodeUtf8Strict } from '../read-input';
import { finishRun, shownPath } from './finish-run';

export const REPORT_HELP = `Usage: ase-migrate report --from FILE [--out DIR]

Re-render a run's report from its report.json: writes report.html, report.json and
report.txt and prints the summary.

Options:
  --from FILE   a report.json written by assess, migrate or demo (required)
  --out DIR     where the files go (default: the folder of FILE)
  -h, --help    show this help
`;

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    { from: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    false,
  );
  if (values.help) {
    io.stdout(REPORT_HELP);
    return EXIT.ok;
  }
  const from = resolve(io.cwd, requireString(values.from, 'from'));
  let bytes: Buffer;
  try {
    bytes = await readFile(from);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AsemigError(
      missing ? HOST_CODES.inputMissing.code : HOST_CODES.inputUnreadable.code,
      missing ? 'no such file' : `cannot read: ${(e as Error).message}`,
      { file: shownPath(io, from) },
    );
  }
  const report = parseJsonReport(decodeUtf8Strict(bytes, shownPath(io, from)), shownPath(io, from));
  const out = resolve(io.cwd, typeof values.out === 'string' ? values.out : dirname(from));
  const written = await finishRun(report, out, io);
  io.stderr(`report written to ${shownPath(io, written.html)}\n`);
  return EXIT.ok;
}
