/**
 * `ase-migrate translate [FILE...] [--json] [--target azure-sql|sqlserver]`
 * Reads the scripts (or stdin), translates each, and prints T-SQL. With --json, stdout holds exactly
 * one JSON object: { sql, diagnostics: [{ code, severity, line, message, ruleId, column, object, file }],
 * statements, objects }. --encoding reads latin1/cp1252 scripts. Findings do not fail the command (exit 0); unreadable input does (exit 2).
 */
import type { TargetPlatform } from '../../shared/translator/statement-translator';
import { parseCommandArgs } from '../args';
import { EXIT, usageError } from '../cli-error';
import {
  translatePreview,
  type PreviewDiagnostic,
  type PreviewObject,
} from '../../shared/translator/preview';
import type { CliIo } from '../io';
import {
  INPUT_ENCODINGS,
  readInputFile,
  readStdin,
  type InputEncoding,
  type InputScript,
} from '../read-input';

export const TRANSLATE_HELP = `Usage: ase-migrate translate [FILE...] [--json] [--target azure-sql|sqlserver]
                             [--encoding utf8|latin1|cp1252]

Translate Sybase ASE SQL scripts (ddlgen/defncopy output, procedures, ad-hoc SQL) to T-SQL.
Reads each FILE in order (\`-\` is standard input), or standard input when no FILE is given.
Input is UTF-8 unless --encoding says otherwise.

Options:
  --json             print one JSON object on stdout:
                     { "sql": "...", "diagnostics": [ { "code", "severity", "line", "message",
                       "ruleId", "column", "object", "file" } ], "statements": {...},
                       "objects": [ { "type", "name", "status", "file", "line", "findings" } ] }
  --target T         azure-sql (default; Azure SQL Database rules apply) or sqlserver
  --encoding E       utf8 (default, strict), latin1 (ISO-8859-1, ASE iso_1) or cp1252
                     (Windows-1252); an undecodable byte is an error, never replaced
  -h, --help         show this help

Without --json the T-SQL goes to stdout and the findings to stderr, one per line.
Exit status: 0 translated (even with findings), 2 bad usage or unreadable input.
`;

const TARGETS: readonly TargetPlatform[] = ['azure-sql', 'sqlserver'];

function diagnosticLine(d: PreviewDiagnostic): string {
  const place = `${d.file ?? ''}${d.line ? `:${d.line}` : ''}${d.line && d.column ? `:${d.column}` : ''}`;
  return `${place ? `${place}: ` : ''}${d.severity} ${d.code}${d.ruleId ? ` [${d.ruleId}]` : ''}${
    d.object ? ` ${d.object}` : ''
  }: ${d.message}`;
}

export async function translateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      json: { type: 'boolean' },
      target: { type: 'string' },
      encoding: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.stdout(TRANSLATE_HELP);
    return EXIT.ok;
  }
  const target = (values.target ?? 'azure-sql') as TargetPlatform;
  if (!TARGETS.includes(target)) throw usageError(`must be one of ${TARGETS.join(', ')}`, 'target');
  const encoding = (values.encoding ?? 'utf8') as InputEncoding;
  if (!INPUT_ENCODINGS.includes(encoding))
    throw usageError(`must be one of ${INPUT_ENCODINGS.join(', ')}`, 'encoding');

  // Read every input before translating any, so a bad file fails fast with nothing half-printed.
  const inputs: InputScript[] = [];
  if (positionals.length === 0) {
    if (io.stdinIsTty) throw usageError('no FILE given and standard input is a terminal (see --help)');
    inputs.push(await readStdin(io.stdin, encoding));
  } else {
    // `-` is standard input, as in most Unix tools (only once: stdin cannot be read twice).
    if (positionals.filter((p) => p === '-').length > 1)
      throw usageError('standard input (-) given more than once');
    for (const p of positionals)
      inputs.push(p === '-' ? await readStdin(io.stdin, encoding) : await readInputFile(p, encoding));
  }

  const sqlParts: string[] = [];
  const diagnostics: PreviewDiagnostic[] = [];
  const objects: PreviewObject[] = [];
  const statements = { total: 0, converted: 0, flagged: 0 };
  for (const input of inputs) {
    // The library function the HTTP API calls too, so both hosts give the same contract.
    const r = translatePreview(input.text, { file: input.name, target });
    sqlParts.push(r.sql);
    diagnostics.push(...r.diagnostics);
    objects.push(...r.objects);
    statements.total += r.statements.total;
    statements.converted += r.statements.converted;
    statements.flagged += r.statements.flagged;
  }
  const sql = sqlParts.map((s) => (s.endsWith('\n') || s === '' ? s : s + '\n')).join('');

  if (values.json) {
    io.stdout(JSON.stringify({ sql, diagnostics, statements, objects }) + '\n');
  } else {
    io.stdout(sql);
    for (const d of diagnostics) io.stderr(diagnosticLine(d) + '\n');
    io.stderr(
      `translated ${statements.total} statement(s): ${statements.converted} converted, ${statements.flagged} flagged; ` +
        `${diagnostics.length} finding(s)\n`,
    );
  }
  return EXIT.ok;
}
