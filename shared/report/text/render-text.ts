/**
 * report.txt and the summary the CLI prints: a terminal page no wider than 100 columns (wrapped, not
 * cut, where the text matters), with ANSI colour only when the caller says the output is a TTY.
 * Control characters from object names or messages are shown escaped, so a hostile name cannot
 * move the cursor or change the terminal.
 */
import type { Severity } from '../../translator/diagnostics';
import { summarizeAssessment } from '../assessment-summary';
import type { RunReport } from '../model';
import {
  OBJECT_STATUSES,
  SEVERITIES,
  TABLE_STATUSES,
  allFindings,
  computeStats,
  formatBytes,
  formatCount,
  formatDuration,
  formatSourcePlace,
} from '../stats';

export const MAX_TEXT_WIDTH = 100;

export interface TextOptions {
  /** ANSI colours; default false (files, pipes, CI logs). */
  readonly color?: boolean;
  /** Columns, clamped to 40..100; default 100. */
  readonly width?: number;
  /** Findings listed in full before "N more"; default 25. */
  readonly maxFindings?: number;
}

const ANSI = {
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  green: '\x1b[32m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
};

/** Make untrusted text one safe terminal line: control characters become visible escapes. */
export function safeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === '\t') return ' ';
    return '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0');
  });
}

/** Cut to `width` code points with an ellipsis (for table cells, where a wrap would break columns). */
export function fit(s: string, width: number): string {
  const cps = Array.from(s);
  if (cps.length <= width) return s;
  return cps.slice(0, Math.max(0, width - 1)).join('') + '…';
}

function padEnd(s: string, width: number): string {
  const n = Array.from(s).length;
  return n >= width ? s : s + ' '.repeat(width - n);
}

function padStart(s: string, width: number): string {
  const n = Array.from(s).length;
  return n >= width ? s : ' '.repeat(width - n) + s;
}

/** Word-wrap to `width`, continuation lines indented; words longer than a line are split. */
export function wrap(text: string, width: number, indent = 0): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(indent);
  let line = '';
  let first = true;
  const limit = (): number => width - (first ? 0 : indent);
  const flush = (): void => {
    lines.push(first ? line : pad + line);
    first = false;
    line = '';
  };
  // Split on single spaces so runs of spaces (column padding) survive when the text fits.
  for (const word of text.split(' ')) {
    let w = word;
    if (!w) {
      if (line && Array.from(line).length < limit()) line += ' ';
      continue;
    }
    while (Array.from(w).length > limit()) {
      if (line) flush();
      const cps = Array.from(w);
      line = cps.slice(0, limit()).join('');
      w = cps.slice(limit()).join('');
      flush();
    }
    if (!w) continue;
    const candidate = line ? `${line} ${w}` : w;
    if (Array.from(candidate).length > limit()) {
      flush();
      line = w;
    } else {
      line = candidate;
    }
  }
  if (line || lines.length === 0) flush();
  return lines.map((l) => l.trimEnd());
}

export function renderText(report: RunReport, options: TextOptions = {}): string {
  const width = Math.max(40, Math.min(MAX_TEXT_WIDTH, options.width ?? MAX_TEXT_WIDTH));
  const maxFindings = options.maxFindings ?? 25;
  const paint = (color: keyof typeof ANSI, s: string): string =>
    options.color ? `${ANSI[color]}${s}${ANSI.reset}` : s;
  const sevColor = (s: Severity): keyof typeof ANSI =>
    s === 'error' ? 'red' : s === 'warning' ? 'yellow' : 'dim';
  const stats = computeStats(report);
  const out: string[] = [];
  const para = (s: string, indent = 0): void => {
    for (const l of wrap(safeText(s), width - indent, 2)) out.push(' '.repeat(indent) + l);
  };
  const heading = (s: string): void => {
    out.push('');
    out.push(paint('bold', s));
  };

  const statusWord = report.status.toUpperCase();
  const statusColor = report.status === 'failed' ? 'red' : report.status === 'succeeded' ? 'green' : 'yellow';
  const title = fit(
    safeText(`${report.tool.name} ${report.tool.version} · ${report.database} · run ${report.runId}`),
    width - statusWord.length - 1,
  );
  out.push(padEnd(title, width - statusWord.length) + paint(statusColor, statusWord));
  for (const [k, v] of [
    ['source', report.source],
    ['staging', report.staging],
    ['target', report.target],
  ] as const) {
    // An assessment has no staging or target: leave the line out rather than print a blank.
    if (v) para(`${padEnd(k, 8)} ${v}`);
  }
  para(
    `${padEnd('time', 8)} ${report.startedAt} → ${report.finishedAt} (${formatDuration(stats.durationMs)})`,
  );

  heading('Summary');
  const tableStates = TABLE_STATUSES.filter((s) => stats.tablesByStatus[s] > 0)
    .map((s) => `${s} ${stats.tablesByStatus[s]}`)
    .join(', ');
  para(
    `tables ${formatCount(stats.tables)}${tableStates ? ` (${tableStates})` : ''} · rows ${formatCount(stats.rows)} · ` +
      `${formatBytes(stats.bytes)} staged · chunks ${formatCount(stats.chunks)}`,
    2,
  );
  para(
    `objects ${formatCount(stats.objects)}: ${OBJECT_STATUSES.map((s) => `${s} ${stats.objectsByStatus[s]}`).join(', ')}`,
    2,
  );
  out.push(
    '  ' +
      `findings ${formatCount(stats.findings)}: ` +
      SEVERITIES.map((s) => paint(sevColor(s), `${s} ${stats.findingsBySeverity[s]}`)).join(', '),
  );

  const assessment = summarizeAssessment(report);
  if (assessment.objectsByType.length > 0) {
    heading('Objects by type');
    for (const t of assessment.objectsByType) {
      para(
        `${padEnd(t.type, 10)} ${formatCount(t.total)}: ` +
          OBJECT_STATUSES.map((s) => `${s} ${t.byStatus[s]}`).join(', '),
        2,
      );
    }
  }
  if (assessment.findingsByCode.length > 0) {
    heading(`Findings by code (${assessment.findingsByCode.length})`);
    for (const c of assessment.findingsByCode.slice(0, maxFindings)) {
      para(
        `${padStart(formatCount(c.count), 6)}  ${c.code}${c.ruleId ? ` [${c.ruleId}]` : ''} ${c.level}`,
        2,
      );
    }
    if (assessment.findingsByCode.length > maxFindings) {
      out.push(
        `  … ${assessment.findingsByCode.length - maxFindings} more codes (all in report.html and report.json)`,
      );
    }
  }
  const effort = assessment.effort;
  heading(`Effort estimate (${effort.model}, docs/assessment.md)`);
  para(
    `${effort.totalHours} person-hours: ` +
      Object.entries(effort.hoursByType)
        .map(([t, h]) => `${t} ${h} h`)
        .join(', ') +
      (effort.unattachedMinutes > 0
        ? `, run findings ${Math.round((effort.unattachedMinutes / 60) * 10) / 10} h`
        : ''),
    2,
  );
  if (assessment.loadTime.tables.length > 0) {
    heading('Load time at the target log-rate cap (performance.md §3.1)');
    const rowsOnly = assessment.loadTime.tables.filter((t) => t.basis === 'rows').length;
    if (rowsOnly > 0)
      para(`${rowsOnly} table(s) without a byte count: estimated at 200 log bytes per row`, 2);
    for (const tier of assessment.loadTime.tiers) {
      para(
        `${padEnd(tier.label, 30)} ${padStart(String(tier.logMiBPerSecond), 4)} MiB/s  ` +
          formatDuration((assessment.loadTime.totalSeconds[tier.id] ?? 0) * 1000),
        2,
      );
    }
  }

  if (report.tables.length > 0) {
    heading('Tables');
    // Numbers are never cut: their columns grow to the widest value and the name column gives way.
    const widest = (values: string[], min: number): number => Math.max(min, ...values.map((v) => v.length));
    const cols = {
      rows: widest(
        report.tables.map((t) => formatCount(t.rows)),
        4,
      ),
      bytes: widest(
        report.tables.map((t) => formatBytes(t.bytes)),
        5,
      ),
      chunks: widest(
        report.tables.map((t) => formatCount(t.chunks)),
        6,
      ),
      status: 9,
      hash: 13,
    };
    const nameWidth = width - 2 - (cols.rows + cols.bytes + cols.chunks + cols.status + cols.hash) - 5;
    const row = (
      name: string,
      status: string,
      rows: string,
      bytes: string,
      chunks: string,
      hash: string,
    ): string =>
      '  ' +
      [
        padEnd(fit(name, nameWidth), nameWidth),
        padEnd(status, cols.status),
        padStart(rows, cols.rows),
        padStart(bytes, cols.bytes),
        padStart(chunks, cols.chunks),
        padEnd(hash, cols.hash),
      ].join(' ');
    out.push(paint('dim', row('table', 'status', 'rows', 'bytes', 'chunks', 'hash')));
    for (const t of report.tables) {
      const line = row(
        safeText(`${t.schema}.${t.table}`),
        t.status,
        formatCount(t.rows),
        formatBytes(t.bytes),
        formatCount(t.chunks),
        fit(safeText(t.hash), cols.hash),
      );
      out.push(t.status === 'failed' ? paint('red', line) : line);
      if (t.message) para(t.message, 4);
    }
  }

  const attention = report.objects.filter((o) => o.status !== 'converted');
  if (attention.length > 0) {
    heading(`Objects needing attention (${attention.length} of ${report.objects.length})`);
    for (const o of attention) {
      const place = formatSourcePlace(o.file, o.line);
      para(`${padEnd(o.status, 8)} ${o.type} ${o.name}${place ? `  (${place})` : ''}`, 2);
    }
  }

  const findings = allFindings(report).filter((f) => f.diagnostic.severity !== 'info');
  if (findings.length > 0) {
    heading(`Errors and warnings (${findings.length})`);
    const bySeverity = [...findings].sort(
      (a, b) => SEVERITIES.indexOf(a.diagnostic.severity) - SEVERITIES.indexOf(b.diagnostic.severity),
    );
    for (const f of bySeverity.slice(0, maxFindings)) {
      const d = f.diagnostic;
      const place = [formatSourcePlace(d.file, d.line || undefined), d.object].filter(Boolean).join(' ');
      const head = `${padEnd(d.severity, 7)} ${d.code}${d.ruleId ? ` [${d.ruleId}]` : ''}${place ? ` ${place}` : ''}:`;
      const lines = wrap(safeText(`${head} ${d.message}`), width - 2, 10);
      lines.forEach((l, i) =>
        out.push('  ' + (i === 0 ? paint(sevColor(d.severity), l.slice(0, 7)) + l.slice(7) : l)),
      );
    }
    if (findings.length > maxFindings) {
      out.push(`  … ${findings.length - maxFindings} more (every finding is in report.html and report.json)`);
    }
  }

  const outputs = Object.entries(report.outputs);
  if (outputs.length > 0) {
    heading('Outputs');
    const keyWidth = Math.min(16, Math.max(...outputs.map(([k]) => k.length)));
    for (const [k, v] of outputs) para(`${padEnd(k, keyWidth)}  ${v}`, 2);
  }
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}
