/**
 * The CLI's view of the process: streams, TTY-ness, working folder. `main()` uses the real process;
 * tests pass their own so a command can run in-process and its output be read back.
 */
import type { Readable } from 'node:stream';

export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly stdin: Readable;
  readonly stdinIsTty: boolean;
  readonly stderrIsTty: boolean;
  readonly stdoutIsTty: boolean;
  /** Terminal width for the summary; undefined when not a TTY. */
  readonly columns: number | undefined;
  readonly cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    stdin: process.stdin,
    stdinIsTty: Boolean(process.stdin.isTTY),
    stderrIsTty: Boolean(process.stderr.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    cwd: process.cwd(),
  };
}
