import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../../../cli/main';
import { fakeIo } from './fake-io';

describe('CLI usage', () => {
  const usageErrors: ReadonlyArray<readonly [string, readonly string[], RegExp]> = [
    ['unknown command', ['frobnicate'], /^error ASM-CLI-001: unknown command "frobnicate"/],
    ['unknown option', ['translate', '--bogus'], /^error ASM-CLI-001: Unknown option '--bogus'/],
    [
      'bad --target',
      ['translate', '--target', 'oracle', 'x.sql'],
      /^error ASM-CLI-001 target: must be one of azure-sql, sqlserver/,
    ],
    ['assess without --source', ['assess'], /^error ASM-CLI-001 source: --source is required/],
    [
      'migrate without --staging',
      ['migrate', '--source', '.', '--package', 'p'],
      /^error ASM-CLI-001 staging: --staging is required/,
    ],
    [
      'migrate bad --chunk-rows',
      ['migrate', '--source', '.', '--staging', 's', '--package', 'p', '--chunk-rows', '0'],
      /chunk-rows: must be a positive integer/,
    ],
    ['migrate positional', ['migrate', 'extra'], /^error ASM-CLI-001: Unexpected argument 'extra'/],
    [
      'assess missing source dir',
      ['assess', '--source', '/nonexistent/asemig'],
      /^error ASM-CLI-002 \/nonexistent\/asemig source: no such directory/,
    ],
    [
      'translate from a terminal',
      ['translate'],
      /^error ASM-CLI-001: no FILE given and standard input is a terminal/,
    ],
  ];
  for (const [name, argv, expected] of usageErrors) {
    test(`${name}: exit 2, coded message on stderr, nothing on stdout`, async () => {
      const io = fakeIo({ tty: true });
      assert.equal(await run(argv, io), 2);
      assert.match(io.err(), expected);
      assert.equal(io.out(), '');
    });
  }

  test('no command: help on stderr, exit 2', async () => {
    const io = fakeIo();
    assert.equal(await run([], io), 2);
    assert.match(io.err(), /Usage: ase-migrate <command>/);
  });

  for (const cmd of ['translate', 'assess', 'migrate', 'report', 'demo']) {
    test(`${cmd} --help: usage on stdout, exit 0`, async () => {
      const io = fakeIo();
      assert.equal(await run([cmd, '--help'], io), 0);
      assert.match(io.out(), new RegExp(`^Usage: ase-migrate ${cmd}`));
    });
  }

  test('--version prints package.json version', async () => {
    const io = fakeIo();
    assert.equal(await run(['--version'], io), 0);
    assert.match(io.out(), /^\d+\.\d+\.\d+\n$/);
  });
});
