/** Writes the three report files of a run side by side: report.html, report.json, report.txt. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AsemigError } from '../errors';
import { HOST_CODES } from '../host-codes';
import { renderHtml } from './html/render-html';
import { renderJson } from './json/render-json';
import type { RunReport } from './model';
import { renderText } from './text/render-text';

export interface WrittenReport {
  readonly html: string;
  readonly json: string;
  readonly text: string;
}

export async function writeReport(report: RunReport, dir: string): Promise<WrittenReport> {
  const root = resolve(dir);
  const paths: WrittenReport = {
    html: join(root, 'report.html'),
    json: join(root, 'report.json'),
    text: join(root, 'report.txt'),
  };
  try {
    await mkdir(root, { recursive: true });
    await writeFile(paths.html, renderHtml(report), 'utf8');
    await writeFile(paths.json, renderJson(report), 'utf8');
    await writeFile(paths.text, renderText(report, { color: false }), 'utf8');
  } catch (e) {
    throw new AsemigError(
      HOST_CODES.reportWrite.code,
      `cannot write the report: ${(e as Error).message}`,
      {
        file: root,
      },
      { cause: e },
    );
  }
  return paths;
}
