/** (a) Translator throughput in source lines per second, per input script. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { translate } from '../shared/translator/translate';
import { ddlScript } from './ddl-script';
import { timeMedian } from './measure';
import type { BenchResult } from './result-table';

interface Input {
  readonly name: string;
  readonly text: string;
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

function sqlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(sql|ddl|txt)$/i.test(f) && statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => join(dir, f));
}

export async function benchTranslator(
  repoRoot: string,
  log: (s: string) => void,
  ddlLines = 50_000,
): Promise<BenchResult[]> {
  const inputs: Input[] = [];
  const bundled = sqlFiles(join(repoRoot, 'samples', 'ase-demo'));
  if (bundled.length) {
    inputs.push({
      name: `bundled sample (${bundled.length} files)`,
      text: bundled.map((f) => readFileSync(f, 'utf8')).join('\n'),
    });
  } else {
    log('translator: samples/ase-demo not found, bundled sample skipped');
  }
  const big = ddlScript(ddlLines);
  inputs.push({ name: `generated DDL (${big.lines} lines)`, text: big.text });
  const shared = join(repoRoot, '..', 'shared', 'samples', 'ase');
  const sharedFiles = sqlFiles(shared);
  if (sharedFiles.length) {
    for (const f of sharedFiles)
      inputs.push({ name: `shared sample ${basename(f)}`, text: readFileSync(f, 'utf8') });
  } else {
    log(`translator: ${shared} not present, shared samples not run`);
  }

  const results: BenchResult[] = [];
  for (const input of inputs) {
    const lines = lineCount(input.text);
    let statements = 0;
    let failed: string | undefined;
    const ms = await timeMedian(
      () => {
        try {
          statements = translate(input.text, { file: input.name }).statements.total;
        } catch (e) {
          failed = (e as Error).message;
        }
      },
      { minRuns: 1, maxRuns: 5, minMs: 1500 },
    );
    results.push({
      name: `translate: ${input.name}`,
      value: failed ? 0 : lines / (ms / 1000),
      unit: 'lines/s',
      note: failed
        ? `translate threw: ${failed.slice(0, 200)}`
        : `${lines} lines, ${statements} statements, ${ms.toFixed(0)} ms`,
    });
  }
  return results;
}
