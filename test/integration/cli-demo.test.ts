/**
 * `ase-migrate demo` (what `npm start` runs), in-process into a temp folder: the bundled sample
 * through a real embedded Azurite into a deployment package, with the report. Checks the outputs
 * exist and agree, and that Azurite's account key is never printed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/main';
import { parseJsonReport } from '../../shared/report/json/render-json';
import { fakeIo, type FakeIo } from '../unit/cli/fake-io';

describe('demo command (npm start)', { timeout: 240_000 }, () => {
  let root = '';
  let io: FakeIo;
  let code = -1;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'asemig-demo-'));
    io = fakeIo({ cwd: root });
    code = await run(['demo'], io);
  });
  after(async () => rm(root, { recursive: true, force: true }));

  test('exits 0 and says where everything is', () => {
    assert.equal(code, 0, io.err());
    assert.match(io.out(), /Where everything is:/);
    assert.match(io.out(), /deployment package\s+out\/package/);
    assert.match(io.out(), /report\s+out\/report\/report\.html/);
  });

  test('every sample table is staged in Azurite and counted in the report', async () => {
    const report = parseJsonReport(await readFile(join(root, 'out', 'report', 'report.json'), 'utf8'));
    assert.equal(report.status, 'succeeded');
    assert.ok(report.tables.length >= 15, `sample has ${report.tables.length} tables`);
    for (const t of report.tables) assert.equal(t.status, 'staged', `${t.schema}.${t.table}`);
    assert.match(report.staging, /^blob http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\//);
    await stat(join(root, 'out', 'package', '02-tables.sql'));
    await stat(join(root, 'out', 'report', 'report.html'));
  });

  test('the storage key is in no output and no report file', async () => {
    const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq';
    assert.ok(!io.out().includes(key) && !io.err().includes(key));
    for (const f of ['report.html', 'report.json', 'report.txt']) {
      assert.ok(!(await readFile(join(root, 'out', 'report', f), 'utf8')).includes(key), f);
    }
  });
});
