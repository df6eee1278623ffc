/** RunReport builders for the renderer tests: a realistic run plus a hostile one. */
import { diagnostic } from '../../../shared/translator/diagnostics';
import type { RunReport } from '../../../shared/report/model';

export const XSS = '<script>alert("x")</script>';

export function sampleReport(overrides: Partial<RunReport> = {}): RunReport {
  const warn = diagnostic({
    code: 'ASM-TR-101',
    ruleId: 'DT-03',
    level: 'WARN',
    message: 'char(10) null mapped to varchar(10): trailing blanks are no longer padded',
    object: 'dbo.customers',
    file: 'schema.sql',
    line: 12,
    column: 5,
  });
  const manual = diagnostic({
    code: 'ASM-TR-201',
    ruleId: 'SYS-60',
    level: 'MANUAL',
    message: 'readtext has no T-SQL equivalent',
    object: 'dbo.get_notes',
    file: 'procs.sql',
    line: 40,
  });
  return {
    runId: 'run-2026-11-25-001',
    tool: { name: 'ase-migrate', version: '0.1.0' },
    database: 'salesdb',
    source: 'offline extract /data/salesdb',
    staging: 'Azurite http://127.0.0.1:10000/devstoreaccount1/staging',
    target: 'deployment package ./out/package',
    startedAt: '2026-11-25T18:00:00.000Z',
    finishedAt: '2026-11-25T18:02:05.500Z',
    status: 'succeeded',
    objects: [
      {
        type: 'table',
        name: 'dbo.customers',
        status: 'warnings',
        file: 'schema.sql',
        line: 10,
        diagnostics: [warn],
      },
      {
        type: 'table',
        name: 'dbo.orders',
        status: 'converted',
        file: 'schema.sql',
        line: 30,
        diagnostics: [],
      },
      {
        type: 'procedure',
        name: 'dbo.get_notes',
        status: 'manual',
        file: 'procs.sql',
        line: 38,
        diagnostics: [manual],
      },
    ],
    tables: [
      {
        schema: 'dbo',
        table: 'customers',
        rows: 1200,
        bytes: 98_304,
        chunks: 1,
        hash: 'a'.repeat(64),
        status: 'validated',
      },
      {
        schema: 'dbo',
        table: 'orders',
        rows: 300_000,
        bytes: 44_300_000,
        chunks: 6,
        hash: 'b'.repeat(64),
        status: 'staged',
      },
    ],
    typeMappings: [
      {
        table: 'dbo.customers',
        column: 'name',
        sourceType: 'char(10)',
        targetType: 'varchar(10)',
        castRule: 'DT-03 nullable-char',
        nullable: true,
      },
      {
        table: 'dbo.orders',
        column: 'amount',
        sourceType: 'money',
        targetType: 'decimal(19,4)',
        castRule: 'DT-20 money',
        nullable: false,
      },
    ],
    profile: [
      diagnostic({
        code: 'ASM-PRF-001',
        ruleId: 'DT-07',
        level: 'WARN',
        message: '3 dates before 1753-01-01',
        object: 'dbo.orders',
      }),
    ],
    // The pipeline may repeat object findings in the run list; stats must count them once.
    diagnostics: [
      warn,
      diagnostic({
        code: 'ASM-PL-010',
        ruleId: '',
        level: 'INFO',
        message: 'table dbo.orders planned into 6 chunks',
      }),
    ],
    outputs: { package: './out/package', report: './out/report/report.html' },
    ...overrides,
  };
}

/** A report whose every free-text field carries markup or control characters. */
export function hostileReport(): RunReport {
  const base = sampleReport();
  const d = diagnostic({
    code: 'ASM-TR-1',
    ruleId: 'LEX-01',
    level: 'BLOCK',
    message: `bad ${XSS} & more`,
    object: XSS,
    file: `${XSS}.sql`,
    line: 1,
  });
  return {
    ...base,
    database: XSS,
    source: XSS,
    runId: `"'><img src=x onerror=alert(1)>`,
    objects: [
      {
        type: 'procedure',
        name: `dbo.${XSS}\x1b[2J`,
        status: 'blocked',
        file: `${XSS}.sql`,
        line: 1,
        diagnostics: [d],
      },
    ],
    tables: [
      { schema: 'dbo', table: XSS, rows: 1, bytes: 1, chunks: 1, hash: XSS, status: 'failed', message: XSS },
    ],
    typeMappings: [
      { table: XSS, column: XSS, sourceType: XSS, targetType: XSS, castRule: XSS, nullable: true },
    ],
    profile: [d],
    diagnostics: [d],
    outputs: { [XSS]: XSS },
  };
}
