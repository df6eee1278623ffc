/** What assess, migrate and demo do once the core returns a RunReport: write it, summarise it. */
import { relative, isAbsolute } from 'node:path';
import { stat } from 'node:fs/promises';
import type { RunReport } from '../../shared/report/model';
import { renderText } from '../../shared/report/text/render-text';
import { writeReport, type WrittenReport } from '../../shared/report/write-report';
import { HOST_CODES } from '../../shared/host-codes';
import { AsemigError } from '../../shared/errors';
import type { CliIo } from '../io';
import { redactSecrets } from '../../shared/redact';

/** A path as the user would type it from where they ran the command. */
export function shownPath(io: CliIo, p: string): string {
  const r = relative(io.cwd, p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
}

export async function requireDirectory(path: string, field: string): Promise<void> {
  try {
    const s = await stat(path);
    if (!s.isDirectory())
      throw new AsemigError(HOST_CODES.inputNotFile.code, 'is not a directory', { file: path, field });
  } catch (e) {
    if (e instanceof AsemigError) throw e;
    throw new AsemigError(HOST_CODES.inputMissing.code, 'no such directory', { file: path, field });
  }
}

export async function finishRun(report: RunReport, reportDir: string, io: CliIo): Promise<WrittenReport> {
  // The report lists its own files too, so a report.json found alone says where its siblings are.
  const planned = {
    html: `${reportDir}/report.html`,
    json: `${reportDir}/report.json`,
    text: `${reportDir}/report.txt`,
  };
  const withOutputs: RunReport = {
    ...report,
    outputs: {
      ...report.outputs,
      'report.html': shownPath(io, planned.html),
      'report.json': shownPath(io, planned.json),
      'report.txt': shownPath(io, planned.text),
    },
  };
  const written = await writeReport(withOutputs, reportDir);
  io.stdout(
    redactSecrets(
      renderText(withOutputs, {
        color: io.stdoutIsTty,
        width: Math.min(100, io.columns ?? 100),
        maxFindings: 15,
      }),
    ),
  );
  return written;
}
