/**
 * assess and migrate run in-process on a small extract written by the test (a ddlgen-style script
 * and a bcp -c file), with a local folder as staging.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../cli/main';
import { parseJsonReport } from '../../../shared/report/json/render-json';
import { fixturesDir } from '../../helpers/paths';
import { fakeIo } from './fake-io';

const ROWS =
  '1\tacme\tnote\t12.5000\tJan  1 2020 12:00:00:000AM\n2\t\t\t-3.2500\tFeb  2 2021 01:02:03:456PM\n';

async function extract(dir: string, bcp: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await copyFile(join(fixturesDir, 'cli', 'orders.sql'), join(dir, 'orders.sql'));
  await writeFile(join(dir, 'dbo.orders.bcp'), bcp);
  return dir;
}

describe('assess and migrate commands', () => {
  let root = '';
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'asemig-cli-run-'));
  });
  after(async () => rm(root, { recursive: true, force: true }));

  test('assess: report written, summary on stdout, exit 0', async () => {
    const source = await extract(join(root, 'a'), ROWS);
    const io = fakeIo({ cwd: root });
    assert.equal(await run(['assess', '--source', source, '--out', 'assess-out'], io), 0, io.err());
    const report = parseJsonReport(await readFile(join(root, 'assess-out', 'report.json'), 'utf8'));
    assert.equal(report.status, 'assessed');
    assert.deepEqual(
      report.tables.map((t) => [`${t.schema}.${t.table}`, t.rows]),
      [['dbo.orders', 2]],
    );
    assert.match(io.out(), /ASSESSED/);
    assert.match(io.out(), /manual\s+procedure dbo\.order_note_text/);
    assert.match(io.err(), /report written to assess-out\/report\.html/);
  });

  test('migrate to a local folder: package, report beside it, plain progress lines', async () => {
    const source = await extract(join(root, 'm'), ROWS);
    const io = fakeIo({ cwd: root });
    const code = await run(
      ['migrate', '--source', source, '--staging', 'stage', '--package', 'pkg', '--run-id', 'r1'],
      io,
    );
    assert.equal(code, 0, io.err());
    await stat(join(root, 'pkg', '02-tables.sql'));
    const report = parseJsonReport(await readFile(join(root, 'pkg', 'report', 'report.json'), 'utf8'));
    assert.equal(report.status, 'succeeded');
    assert.equal(report.runId, 'r1');
    assert.equal(report.tables[0]?.status, 'staged');
    assert.equal(report.outputs['report.html'], 'pkg/report/report.html');
    assert.match(io.err(), /^progress \S+ \d+%/m);
    assert.ok(!io.err().includes('\r'), 'no bar redraws when stderr is not a TTY');
    assert.match(io.out(), /SUCCEEDED/);
  });

  test('migrate with a truncated bcp file: exit 2 and the file, line and column in the error', async () => {
    const source = await extract(join(root, 'bad'), '1\tacme\tnote\t12.5000\n');
    const io = fakeIo({ cwd: root });
    const code = await run(
      ['migrate', '--source', source, '--staging', 'stage-bad', '--package', 'pkg-bad'],
      io,
    );
    assert.equal(code, 2);
    assert.match(io.err(), /^error ASM-BCP-\d{3} dbo\.orders\.bcp:\d+ dbo\.orders\.\w+: /m);
  });
});

describe('report command', () => {
  let root = '';
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'asemig-cli-report-'));
  });
  after(async () => rm(root, { recursive: true, force: true }));

  test('re-renders html and text from report.json', async () => {
    const source = await extract(join(root, 'src'), ROWS);
    assert.equal(await run(['assess', '--source', source, '--out', 'a'], fakeIo({ cwd: root })), 0);
    const io = fakeIo({ cwd: root });
    assert.equal(await run(['report', '--from', 'a/report.json', '--out', 'b'], io), 0, io.err());
    const before = parseJsonReport(await readFile(join(root, 'a', 'report.json'), 'utf8'));
    const after = parseJsonReport(await readFile(join(root, 'b', 'report.json'), 'utf8'));
    assert.deepEqual(after.tables, before.tables);
    assert.equal(after.outputs['report.html'], 'b/report.html');
    assert.match(await readFile(join(root, 'b', 'report.html'), 'utf8'), /^<!DOCTYPE html>/);
    assert.match(io.out(), /ASSESSED/);
  });

  const bad: ReadonlyArray<readonly [string, string, RegExp]> = [
    ['missing file', 'nope.json', /^error ASM-CLI-002 nope\.json: no such file/],
    [
      'not a report',
      'bad.json',
      /^error ASM-RPT-001 bad\.json schemaVersion: schema version undefined is not 1/,
    ],
  ];
  for (const [name, file, expected] of bad) {
    test(`${name}: exit 2 with the code and file`, async () => {
      await writeFile(join(root, 'bad.json'), '{"hello": 1}');
      const io = fakeIo({ cwd: root });
      assert.equal(await run(['report', '--from', file], io), 2);
      assert.match(io.err(), expected);
    });
  }
});
