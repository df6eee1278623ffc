/** An in-memory CliIo: what a command printed, and stdin from a string or bytes. */
import { Readable } from 'node:stream';
import type { CliIo } from '../../../cli/io';

export interface FakeIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

export function fakeIo(options: { stdin?: string | Uint8Array; cwd?: string; tty?: boolean } = {}): FakeIo {
  let out = '';
  let err = '';
  const input = options.stdin;
  return {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    stdin: Readable.from(
      input === undefined ? [] : [typeof input === 'string' ? Buffer.from(input) : Buffer.from(input)],
    ),
    stdinIsTty: input === undefined && (options.tty ?? false),
    stderrIsTty: options.tty ?? false,
    stdoutIsTty: options.tty ?? false,
    columns: options.tty ? 100 : undefined,
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}
