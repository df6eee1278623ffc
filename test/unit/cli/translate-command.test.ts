/**
 * The `translate` command's contract, in-process (run) and through the real launcher
 * (bin/ase-migrate.js over dist/ when the tests run compiled; cli/main.ts through tsx otherwise).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../cli/main';
import { fixturesDir, repoRoot } from '../../helpers/paths';
import { fakeIo } from './fake-io';

const script = join(fixturesDir, 'cli', 'orders.sql');
const compiled = __filename.endsWith('.js');

function spawnCli(
  args: readonly string[],
  input?: Buffer | string,
): { status: number | null; stdout: string; stderr: string } {
  const argv = compiled
    ? [join(repoRoot, 'bin', 'ase-migrate.js'), ...args]
    : ['--import', 'tsx', join(repoRoot, 'cli', 'main.ts'), ...args];
  const r = spawnSync(process.execPath, argv, {
    input: input ?? '',
    encoding: 'utf8',
    cwd: repoRoot,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonOut {
  sql: string;
  diagnostics: {
    code: string;
    severity: string;
    line: number;
    message: string;
    ruleId?: string;
    file?: string;
  }[];
}

/** The contract: stdout is exactly one JSON object with sql and well-formed diagnostics. */
function assertContract(stdout: string): JsonOut {
  const parsed = JSON.parse(stdout) as unknown; // throws on two objects or trailing text
  assert.ok(parsed && typeof parsed === 'object' && !Array.isArray(parsed));
  const o = parsed as JsonOut;
  assert.equal(typeof o.sql, 'string');
  assert.ok(Array.isArray(o.diagnostics));
  for (const d of o.diagnostics) {
    assert.match(d.code, /^ASM-[A-Z]+-\d{3}$/);
    assert.ok(['info', 'warning', 'error'].includes(d.severity), d.severity);
    assert.ok(Number.isInteger(d.line) && d.line >= 0);
    assert.equal(typeof d.message, 'string');
  }
  return o;
}

describe('translate --json contract (in-process)', () => {
  test('file: one JSON object, T-SQL with bracket-quoted names, exit 0', async () => {
    const io = fakeIo();
    assert.equal(await run(['translate', '--json', script], io), 0);
    const o = assertContract(io.out());
    assert.match(o.sql, /CREATE TABLE \[dbo\]\.\[orders\]/i);
  });

  test('stdin is read when no FILE is given', async () => {
    const io = fakeIo({ stdin: 'create table t1 (a int not null)\ngo\n' });
    assert.equal(await run(['translate', '--json'], io), 0);
    assert.match(assertContract(io.out()).sql, /\[t1\]/);
  });

  test('without --json: T-SQL on stdout, findings and the count line on stderr', async () => {
    const io = fakeIo();
    assert.equal(await run(['translate', script], io), 0);
    assert.match(io.out(), /CREATE TABLE \[dbo\]\.\[orders\]/i);
    assert.ok(!io.out().trimStart().startsWith('{'));
    assert.match(io.err(), /translated \d+ statement\(s\): \d+ converted, \d+ flagged/);
  });

  test('a procedure that is not converted is reported, not dropped (exit still 0)', async () => {
    const io = fakeIo();
    assert.equal(await run(['translate', '--json', script], io), 0);
    const o = assertContract(io.out());
    assert.match(o.sql, /order_count/);
    assert.match(o.sql, /-- \| +readtext dbo\.orders\.note @ptr 0 10/);
    assert.ok(
      o.diagnostics.some((d) => d.severity === 'error'),
      'the unconverted procedure is an error finding',
    );
  });
});

describe('translate: unreadable input (in-process)', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'asemig-cli-'));
    await writeFile(join(dir, 'latin1.sql'), Buffer.from([0x73, 0x65, 0x6c, 0x0a, 0xe9, 0x0a]));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  const cases: ReadonlyArray<readonly [string, () => string, RegExp]> = [
    ['missing file', () => join(dir, 'nope.sql'), /^error ASM-CLI-002 .*nope\.sql: no such file\n$/],
    ['directory', () => dir, /^error ASM-CLI-003 .*: is a directory, not a script file\n$/],
    [
      'invalid UTF-8',
      () => join(dir, 'latin1.sql'),
      /^error ASM-CLI-005 .*latin1\.sql:2: not valid UTF-8: byte 0xe9/,
    ],
  ];
  for (const [name, path, expected] of cases) {
    test(`${name}: exit 2, coded message with the place, nothing on stdout`, async () => {
      const io = fakeIo();
      assert.equal(await run(['translate', '--json', script, path()], io), 2);
      assert.match(io.err(), expected);
      assert.equal(io.out(), '', 'no partial output before the error');
    });
  }
});

describe('translate through the launcher (spawned process)', () => {
  test('--json FILE: stdout parses as one JSON object, exit 0', () => {
    const r = spawnCli(['translate', '--json', script]);
    assert.equal(r.status, 0, r.stderr);
    assertContract(r.stdout);
  });

  test('--json from stdin', () => {
    const r = spawnCli(['translate', '--json'], 'create table t2 (a int not null)\ngo\n');
    assert.equal(r.status, 0, r.stderr);
    assert.match(assertContract(r.stdout).sql, /\[t2\]/);
  });

  test('missing file: exit 2, coded stderr, empty stdout', () => {
    const r = spawnCli(['translate', '--json', 'does-not-exist.sql']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^error ASM-CLI-002 does-not-exist\.sql: no such file$/m);
  });

  test('invalid UTF-8 on stdin: exit 2', () => {
    const r = spawnCli(['translate', '--json'], Buffer.from([0x61, 0xff, 0x0a]));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^error ASM-CLI-005 <stdin>:1: not valid UTF-8: byte 0xff at offset 1/m);
  });

  test('usage error: exit 2', () => {
    const r = spawnCli(['translate', '--target', 'x']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^error ASM-CLI-001 target:/m);
  });
});

describe('translate: `-` reads standard input', () => {
  test('files and stdin are translated in the order given', async () => {
    const io = fakeIo({ stdin: 'create table t3 (a int not null)\ngo\n' });
    assert.equal(await run(['translate', '--json', '-', script], io), 0, io.err());
    const sql = assertContract(io.out()).sql;
    assert.ok(sql.indexOf('[t3]') >= 0 && sql.indexOf('[t3]') < sql.indexOf('[orders]'));
  });

  test('`-` twice is a usage error', async () => {
    const io = fakeIo({ stdin: 'select 1\n' });
    assert.equal(await run(['translate', '-', '-'], io), 2);
    assert.match(io.err(), /^error ASM-CLI-001: standard input \(-\) given more than once/);
  });
});
