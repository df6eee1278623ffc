/**
 * report.html: one self-contained page for the DBA (inline CSS, a few lines of inline script for
 * the severity filter, no external asset, readable without script and in print). Every value from
 * the report goes through the escaping `html` template, object names and messages included.
 */
import type { Diagnostic } from '../../translator/diagnostics';
import type { ObjectReport, RunReport } from '../model';
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
  type ReportStats,
} from '../stats';
import { assessmentSection } from './assessment-section';
import { Html, html } from './escape';
import { FILTER_SCRIPT, REPORT_CSS } from './styles';

// Only inline style and script may run; nothing is fetched, so the page behaves the same offline.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

function badge(status: string): Html {
  return html`<span class="badge s-${status}">${status}</span>`;
}

function card(key: string, value: string, detail?: string, cls?: string): Html {
  return html`<div class="card">
    <div class="k">${key}</div>
    <div class="v ${cls ?? ''}">${value}</div>
    ${detail ? html`<div class="d">${detail}</div>` : ''}
  </div>`;
}

function countsLine<K extends string>(keys: readonly K[], counts: Readonly<Record<K, number>>): string {
  return keys
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k}`)
    .join(' · ');
}

function summaryCards(report: RunReport, stats: ReportStats): Html {
  return html`<section class="cards" aria-label="Summary">
    ${card('status', report.status, formatDuration(stats.durationMs), `s-${report.status}`)}
    ${card('tables', formatCount(stats.tables), countsLine(TABLE_STATUSES, stats.tablesByStatus) || 'no data copied')}
    ${card('rows', formatCount(stats.rows))}
    ${card('staged bytes', formatBytes(stats.bytes), `${formatCount(stats.chunks)} chunks`)}
    ${card('objects', formatCount(stats.objects), countsLine(OBJECT_STATUSES, stats.objectsByStatus) || 'none')}
    ${card(
      'findings',
      formatCount(stats.findings),
      SEVERITIES.map((s) => `${stats.findingsBySeverity[s]} ${s}`).join(' · '),
      stats.findingsBySeverity.error > 0
        ? 's-error'
        : stats.findingsBySeverity.warning > 0
          ? 's-warning'
          : '',
    )}
  </section>`;
}

function emptyNote(text: string): Html {
  return html`<p class="empty">${text}</p>`;
}

function tablesSection(report: RunReport): Html {
  if (report.tables.length === 0) return emptyNote('No table data in this run.');
  const rows = report.tables.map(
    (t) =>
      html`<tr>
        <td class="mono">${t.schema}.${t.table}</td>
        <td>${badge(t.status)}</td>
        <td class="n">${formatCount(t.rows)}</td>
        <td class="n" title="${String(t.bytes)} bytes">${formatBytes(t.bytes)}</td>
        <td class="n">${formatCount(t.chunks)}</td>
        <td class="mono" title="${t.hash}">${t.hash.slice(0, 16)}${t.hash.length > 16 ? '…' : ''}</td>
        <td>${t.message ?? ''}</td>
      </tr>`,
  );
  return html`<table>
    <thead>
      <tr>
        <th>table</th>
        <th>status</th>
        <th>rows</th>
        <th>bytes</th>
        <th>chunks</th>
        <th>hash (SHA-256)</th>
        <th>note</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function diagnosticItem(d: Diagnostic): Html {
  const place = formatSourcePlace(d.file, d.line || undefined);
  return html`<li>
    <span class="badge s-${d.severity}">${d.severity}</span> <code>${d.code}</code>${
      d.ruleId ? html` <code>${d.ruleId}</code>` : ''
    }${place ? html` <span class="mono">${place}</span>` : ''}
    — ${d.message}
  </li>`;
}

function objectRow(o: ObjectReport): Html {
  const place = formatSourcePlace(o.file, o.line);
  const head = html`${badge(o.status)} <span class="mono">${o.type} ${o.name}</span>${
      place ? html` <span class="mono" style="color:var(--muted)">${place}</span>` : ''
    }`;
  if (o.diagnostics.length === 0)
    return html`<details>
      <summary>${head}</summary>
      <ul>
        <li class="empty">no findings</li>
      </ul>
    </details>`;
  // Objects that need a person start open, so the page works as a to-do list without clicking.
  const open = o.status === 'manual' || o.status === 'blocked';
  return html`<details${open ? html` open` : ''}><summary>${head} (${o.diagnostics.length} finding${
    o.diagnostics.length === 1 ? '' : 's'
  })</summary><ul>${o.diagnostics.map(diagnosticItem)}</ul></details>`;
}

function objectsSection(report: RunReport): Html {
  if (report.objects.length === 0) return emptyNote('No database objects in this run.');
  const rank: Record<string, number> = { blocked: 0, manual: 1, warnings: 2, converted: 3 };
  const sorted = [...report.objects].sort((a, b) => (rank[a.status] ?? 9) - (rank[b.status] ?? 9));
  return html`${sorted.map(objectRow)}`;
}

function typeMappingSection(report: RunReport): Html {
  if (report.typeMappings.length === 0) return emptyNote('No column type mappings recorded.');
  const rows = report.typeMappings.map(
    (m) =>
      html`<tr>
        <td class="mono">${m.table}</td>
        <td class="mono">${m.column}</td>
        <td class="mono">${m.sourceType}</td>
        <td class="mono">${m.targetType}</td>
        <td class="mono">${m.castRule}</td>
        <td>${m.nullable ? 'null' : 'not null'}</td>
      </tr>`,
  );
  return html`<table>
    <thead>
      <tr>
        <th>table</th>
        <th>column</th>
        <th>source type</th>
        <th>target type</th>
        <th>cast rule</th>
        <th>nullability</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function findingsTable(findings: readonly Diagnostic[], withFilter: boolean): Html {
  const rows = findings.map((d) => {
    const place = formatSourcePlace(d.file, d.line || undefined);
    return html`<tr class="sev-${d.severity}">
      <td>${badge(d.severity)}</td>
      <td>${d.level}</td>
      <td><code>${d.code}</code></td>
      <td><code>${d.ruleId}</code></td>
      <td class="mono">${d.object ?? ''}</td>
      <td class="mono">${place}${place && d.line && d.column ? `:${d.column}` : ''}</td>
      <td>${d.message}</td>
    </tr>`;
  });
  const filter = withFilter
    ? html`<div id="filters" class="filters" hidden>
        Show:
        ${SEVERITIES.map(
          (s) => html`<label><input type="checkbox" name="sev" value="${s}" checked /> ${s}</label>`,
        )}
      </div>`
    : '';
  return html`${filter}
    <table>
      <thead>
        <tr>
          <th>severity</th>
          <th>level</th>
          <th>code</th>
          <th>rule</th>
          <th>object</th>
          <th>place</th>
          <th>message</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>`;
}

function outputsSection(report: RunReport): Html {
  const entries = Object.entries(report.outputs);
  if (entries.length === 0) return emptyNote('No outputs recorded.');
  return html`<table>
    <tbody>
      ${entries.map(
        ([k, v]) =>
          html`<tr>
            <th scope="row">${k}</th>
            <td class="mono">${v}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function renderHtml(report: RunReport): string {
  const stats = computeStats(report);
  // Errors first, then warnings, then info; report order within a severity (stable sort).
  const findings = allFindings(report)
    .map((f) => f.diagnostic)
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const page = html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${CSP}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>ase-migrate report: ${report.database} (${report.status})</title>
        <style>
          ${new Html(REPORT_CSS)}
        </style>
      </head>
      <body>
        <header>
          <h1>Migration report: <span class="mono">${report.database}</span> ${badge(report.status)}</h1>
          <dl class="meta">
            <dt>run</dt>
            <dd class="mono">${report.runId}</dd>
            <dt>source</dt>
            <dd>${report.source}</dd>
            <dt>staging</dt>
            <dd>${report.staging || 'none (assessment)'}</dd>
            <dt>target</dt>
            <dd>${report.target || 'none (assessment)'}</dd>
            <dt>time</dt>
            <dd>${report.startedAt} → ${report.finishedAt} (${formatDuration(stats.durationMs)})</dd>
          </dl>
          ${summaryCards(report, stats)}
          <nav class="toc">
            <a href="#assessment">Assessment</a> · <a href="#tables">Tables</a> ·
            <a href="#objects">Objects</a> · <a href="#types">Type mappings</a> ·
            <a href="#profile">Data profile</a> · <a href="#findings">All findings</a> ·
            <a href="#outputs">Outputs</a>
          </nav>
        </header>
        <main>
          <h2 id="assessment">Assessment</h2>
          ${assessmentSection(report)}
          <h2 id="tables">Tables (${report.tables.length})</h2>
          ${tablesSection(report)}
          <h2 id="objects">Objects (${report.objects.length})</h2>
          ${objectsSection(report)}
          <h2 id="types">Type mappings (${report.typeMappings.length})</h2>
          ${typeMappingSection(report)}
          <h2 id="profile">Data profile (${report.profile.length})</h2>
          ${
            report.profile.length
              ? html`<ul>
                  ${report.profile.map(diagnosticItem)}
                </ul>`
              : emptyNote('No data-profile findings.')
          }
          <h2 id="findings">All findings (${findings.length})</h2>
          ${findings.length ? findingsTable(findings, true) : emptyNote('No findings.')}
          <h2 id="outputs">Outputs</h2>
          ${outputsSection(report)}
        </main>
        <footer>
          Generated by ${report.tool.name} ${report.tool.version}. This file is self-contained and holds no
          credentials.
        </footer>
        <script>
          ${new Html(FILTER_SCRIPT)};
        </script>
      </body>
    </html> `;
  return page.value;
}
