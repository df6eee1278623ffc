/**
 * The `ase-migrate` command. `main(argv)` returns the exit code (bin/ase-migrate.js exits with it);
 * `run(argv, io)` is the same with injectable streams, for in-process tests. Each command lives in
 * commands/ and is loaded only when called.
 */
import { EXIT, exitCodeFor, formatCliError, usageError } from './cli-error';
import { processIo, type CliIo } from './io';
import { toolInfo } from '../shared/pipeline/tool-info';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<Command> }>> = {
  translate: {
    summary: 'translate ASE SQL scripts to T-SQL (files or stdin; --json for tools)',
    load: async () => (await import('./commands/translate')).translateCommand,
  },
  assess: {
    summary: 'assess an offline extract: objects, type mappings, data profile; writes a report',
    load: async () => (await import('./commands/assess')).assessCommand,
  },
  migrate: {
    summary: 'offline extract -> staging (Blob or folder) -> deployment package + report',
    load: async () => (await import('./commands/migrate')).migrateCommand,
  },
  report: {
    summary: 're-render report.html/.txt from a report.json',
    load: async () => (await import('./commands/report')).reportCommand,
  },
  demo: {
    summary: 'the sample database through an embedded Azurite into ./out (what npm start runs)',
    load: async () => (await import('./commands/demo')).demoCommand,
  },
};

export function globalHelp(): string {
  const { name, version } = toolInfo();
  return [
    `${name} ${version}: migrate SAP/Sybase ASE databases to Azure SQL Database / SQL Server`,
    '',
    'Usage: ase-migrate <command> [options]      ase-migrate <command> --help',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`),
    '',
    'Options: -h, --help   this help      -V, --version   print the version',
    'Exit status: 0 done, 1 the run failed, 2 bad usage or unreadable input.',
    'Docs: README.md, docs/ARCHITECTURE.md, docs/diagnostics.md (every error code).',
    '',
  ].join('\n');
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.stderr(globalHelp());
      return EXIT.usage;
    }
    if (name === '-h' || name === '--help' || name === 'help') {
      io.stdout(globalHelp());
      return EXIT.ok;
    }
    if (name === '-V' || name === '--version') {
      io.stdout(`${toolInfo().version}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS[name];
    if (!command)
      throw usageError(
        `unknown command ${JSON.stringify(name)} (commands: ${Object.keys(COMMANDS).join(', ')})`,
      );
    return await (
      await command.load()
    )(rest, io);
  } catch (e) {
    io.stderr(formatCliError(e) + '\n');
    return exitCodeFor(e);
  }
}

export function main(argv: string[]): Promise<number> {
  return run(argv, processIo());
}

// `npm start` runs this file directly (node dist/cli/main.js demo).
if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error && err.stack ? err.stack : String(err));
      process.exit(1);
    },
  );
}
