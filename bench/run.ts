/**
 * `npm run bench`: translator lines/s and staging MB/s with a same-run reference (gzip -1), and
 * the orchestration scale simulation (replay CPU of migrateDatabase for 1k/5k/10k tables).
 * Options: --rows N (large table rows, default 300000), --runs N (staging runs, default 3),
 * --ddl-lines N (generated script, default 50000), --chunk-rows N (default 100000),
 * --sim-tables N,N,... (default 1000,5000,10000), --batch-size N (default 50),
 * --skip translator|staging|orchestration.
 * Ratios, not absolute numbers, are what to compare across machines (performance.md §7).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot } from './repo-root';
import { formatResults, type BenchResult } from './result-table';
import { benchOrchestration, SIMULATED_SIZES } from './orchestration-bench';
import { benchStaging } from './staging-bench';
import { benchTranslator } from './translator-bench';

async function runBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '300000' },
      runs: { type: 'string', default: '3' },
      'ddl-lines': { type: 'string', default: '50000' },
      'chunk-rows': { type: 'string', default: '100000' },
      'sim-tables': { type: 'string', default: SIMULATED_SIZES.join(',') },
      'batch-size': { type: 'string', default: '50' },
      skip: { type: 'string', multiple: true, default: [] },
    },
  });
  const log = (s: string): void => void process.stderr.write(`bench: ${s}\n`);
  const root = findRepoRoot(__dirname);
  const results: BenchResult[] = [];
  const started = Date.now();
  if (!values.skip.includes('translator')) {
    results.push(...(await benchTranslator(root, log, Number(values['ddl-lines']))));
  }
  if (!values.skip.includes('staging')) {
    const work = await mkdtemp(join(tmpdir(), 'asemig-bench-'));
    try {
      results.push(
        ...(await benchStaging(
          work,
          Number(values.rows),
          Number(values.runs),
          log,
          Number(values['chunk-rows']),
        )),
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  if (!values.skip.includes('orchestration')) {
    const sizes = values['sim-tables'].split(',').map(Number);
    if (sizes.some((n) => !Number.isInteger(n) || n < 1))
      throw new Error(`--sim-tables must be positive integers separated by commas: ${values['sim-tables']}`);
    const sim = await benchOrchestration(log, { sizes, batchSize: Number(values['batch-size']) });
    results.push(...sim.results);
  }
  process.stdout.write(
    `\nase-migrate bench (${((Date.now() - started) / 1000).toFixed(0)} s, node ${process.version})\n\n`,
  );
  process.stdout.write(formatResults(results));
  return 0;
}

if (require.main === module) {
  runBench(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
