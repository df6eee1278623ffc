/**
 * Child process for the kill/resume test: runs one migration of the in-memory sample and exits 0.
 * argv: <staging> <packageDir> <runId>. Resumes when the run's run.json already exists (what a
 * user re-running after a crash does). ASEMIG_TEST_KILL_AFTER_CHUNKS makes the pipeline SIGKILL
 * itself after that many chunk writes; the parent also kills it at random moments.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runMigration } from '../../shared/pipeline/run-migration';
import { fakeDdl } from './fake-ddl';
import { sampleMemorySource } from './memory-source';

async function main(): Promise<void> {
  const [staging, packageDir, runId] = process.argv.slice(2);
  if (!staging || !packageDir || !runId)
    throw new Error('usage: migrate-child <staging> <packageDir> <runId>');
  const resume = existsSync(join(staging, runId, 'run.json'));
  const report = await runMigration({
    source: sampleMemorySource(200, { delayMs: 2 }),
    staging,
    packageDir,
    ...(resume ? { resume: runId } : { runId }),
    chunkRows: 20,
    concurrency: 2,
    generateDdl: fakeDdl,
  });
  if (report.status !== 'succeeded') throw new Error(`run ${report.status}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(String(e));
    process.exit(1);
  },
);
