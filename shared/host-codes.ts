/**
 * Codes of the hosts' own input handling (CLI arguments, input files, report files). The other
 * areas keep their catalogues beside their code; diagnostic-codes.ts aggregates them all.
 * `ruleId` is empty where no conversion rule applies.
 */
import type { Level } from './translator/diagnostics';

export interface CodeEntry {
  readonly code: string;
  readonly ruleId: string;
  readonly level: Level;
  readonly summary: string;
}

export const HOST_CODES = {
  usage: {
    code: 'ASM-CLI-001',
    ruleId: '',
    level: 'BLOCK',
    summary: 'Command line not understood: unknown command or option, missing or invalid value.',
  },
  inputMissing: {
    code: 'ASM-CLI-002',
    ruleId: '',
    level: 'BLOCK',
    summary: 'An input file or folder named on the command line does not exist.',
  },
  inputNotFile: {
    code: 'ASM-CLI-003',
    ruleId: '',
    level: 'BLOCK',
    summary: 'An input named as a file is a directory or another non-file.',
  },
  inputUnreadable: {
    code: 'ASM-CLI-004',
    ruleId: '',
    level: 'BLOCK',
    summary: 'An input file could not be read (permissions, I/O error).',
  },
  inputEncoding: {
    code: 'ASM-CLI-005',
    ruleId: '',
    level: 'BLOCK',
    summary:
      'An input script is not valid UTF-8; the line and byte offset are reported. Convert it from the server charset first (iconv).',
  },
  runFailed: {
    code: 'ASM-CLI-006',
    ruleId: '',
    level: 'BLOCK',
    summary: 'A run failed with an unexpected error; the message and stack are printed.',
  },
  reportSchema: {
    code: 'ASM-RPT-001',
    ruleId: '',
    level: 'BLOCK',
    summary: 'A report.json file is not a report of a schema version this tool reads.',
  },
  reportWrite: {
    code: 'ASM-RPT-002',
    ruleId: '',
    level: 'BLOCK',
    summary: 'The report files could not be written to the report folder.',
  },
} as const satisfies Record<string, CodeEntry>;
