/**
 * A data error through the whole host path: the sample with one bcp file damaged (a row with
 * too few fields), migrateDatabase with the real activities and a local staging folder. The
 * chunk activity returns the error as a result (not retried), the run ends `failed` with the
 * error's code and place, the damaged table is `failed` in the report, every other table is
 * staged, and no package is written (never a package with a partial table).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, type SimulationResult } from '../helpers/durable-replay';
import { registerOrchestrations } from '../../orchestrators/register';
import type { MigrationOutput } from '../../orchestrators/contracts';
import { generateSampleSource } from '../../shared/sample/generate';
import { openStore } from '../../shared/pipeline/stage/open-store';
import { getText } from '../../shared/pipeline/stage/object-store';
import { reportBlobs } from '../../shared/pipeline/steps/host-layout';
import { parseJsonReport } from '../../shared/report/json/render-json';
import type { RunReport } from '../../shared/report/model';

registerOrchestrations();

const SETTING = 'ASEMIG_TEST_FAILURE_STAGING';
let dir = '';
let result: SimulationResult;
let report: RunReport;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asemig-fail-'));
  const source = join(dir, 'src');
  await generateSampleSource(source);
  await appendFile(join(source, 'dbo.country.bcp'), 'ZZ\n');
  process.env[SETTING] = join(dir, 'staging');
  result = await simulate(
    'migrateDatabase',
    {
      runId: 'fail-1',
      options: {
        source,
        stagingConnectionSetting: SETTING,
        packageDir: join(dir, 'pkg'),
        chunkRows: 100_000,
        batchSize: 4,
        gzip: false,
      },
    },
    {
      instanceId: 'fail-1',
      activities: {},
    },
  );
  report = parseJsonReport(await getText(openStore(join(dir, 'staging')), reportBlobs('fail-1').json));
});
after(async () => {
  delete process.env[SETTING];
  await rm(dir, { recursive: true, force: true });
});

describe('a damaged bcp file through the hosted run', () => {
  test('the run ends failed with the data error (code and place) as its failure', () => {
    assert.equal(result.isDone, true, result.error);
    const out = result.output as MigrationOutput;
    assert.equal(out.status, 'failed');
    assert.equal(out.failures.length, 1);
    const f = out.failures[0];
    // ASM-BCP-004: the planner's scan finds the damaged last row; file and line are the place.
    assert.equal(f?.code, 'ASM-BCP-004');
    assert.deepEqual([f?.place.object, f?.place.file, f?.place.line], ['dbo.country', 'dbo.country.bcp', 24]);
    assert.equal(out.tablesStaged, out.tablesTotal - 1, 'the rest of the batch is still staged');
    assert.equal(out.package, undefined);
  });

  test('report: dbo.country failed with the code, the other tables staged, status failed', () => {
    assert.equal(report.status, 'failed');
    const country = report.tables.find((t) => t.table === 'country');
    assert.equal(country?.status, 'failed');
    assert.match(country?.message ?? '', /^ASM-/);
    const others = report.tables.filter((t) => t.table !== 'country' && t.status !== 'skipped');
    assert.ok(others.length > 5);
    assert.ok(
      others.every((t) => t.status === 'staged'),
      JSON.stringify(others.filter((t) => t.status !== 'staged')),
    );
    assert.ok(report.diagnostics.some((d) => d.level === 'BLOCK' && d.object === 'dbo.country'));
  });

  test('no package is written', () => {
    assert.equal(existsSync(join(dir, 'pkg')), false);
  });
});
