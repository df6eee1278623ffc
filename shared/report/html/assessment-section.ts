/**
 * The assessment part of report.html: objects per type and status, findings per code, the effort
 * estimate per object and the load time per table at each target tier's log-rate cap. Numbers come
 * from summarizeAssessment, the same source as the JSON and text reports.
 */
import { summarizeAssessment } from '../assessment-summary';
import { EFFORT_LEVELS } from '../effort';
import type { RunReport } from '../model';
import { OBJECT_STATUSES, formatBytes, formatCount, formatDuration } from '../stats';
import { Html, html } from './escape';

const hours = (minutes: number): string => (Math.round((minutes / 60) * 10) / 10).toFixed(1);

export function assessmentSection(report: RunReport): Html {
  const a = summarizeAssessment(report);
  const byType = a.objectsByType.length
    ? html`<table>
        <thead>
          <tr>
            <th>object type</th>
            <th>total</th>
            ${OBJECT_STATUSES.map((s) => html`<th>${s}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${a.objectsByType.map(
            (t) =>
              html`<tr>
                <td>${t.type}</td>
                <td class="n">${formatCount(t.total)}</td>
                ${OBJECT_STATUSES.map((s) => html`<td class="n">${formatCount(t.byStatus[s])}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>`
    : html`<p class="empty">No database objects in this run.</p>`;
  const byCode = a.findingsByCode.length
    ? html`<table>
        <thead>
          <tr>
            <th>code</th>
            <th>rule</th>
            <th>level</th>
            <th>count</th>
          </tr>
        </thead>
        <tbody>
          ${a.findingsByCode.map(
            (c) =>
              html`<tr>
                <td class="mono">${c.code}</td>
                <td class="mono">${c.ruleId}</td>
                <td>${c.level}</td>
                <td class="n">${formatCount(c.count)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`
    : html`<p class="empty">No findings.</p>`;
  const e = a.effort;
  const effortRows = e.objects
    .filter((o) => o.minutes > 0)
    .map(
      (o) =>
        html`<tr>
          <td>${o.type}</td>
          <td class="mono">${o.name}</td>
          <td>${o.status}</td>
          ${EFFORT_LEVELS.slice(2).map((l) => html`<td class="n">${formatCount(o.findings[l])}</td>`)}
          <td class="n">${hours(o.minutes)}</td>
        </tr>`,
    );
  const effort = html`<p>
      <strong>${e.totalHours.toFixed(1)} person-hours</strong> (model <code>${e.model}</code>, see
      docs/assessment.md;
      ${e.unattachedMinutes > 0 ? `${hours(e.unattachedMinutes)} h for run-level findings; ` : ''}data
      clean-up for data-profile findings is not included).
    </p>
    <details>
      <summary>Effort per object (${e.objects.length})</summary>
      <table>
        <thead>
          <tr>
            <th>type</th>
            <th>object</th>
            <th>status</th>
            ${EFFORT_LEVELS.slice(2).map((l) => html`<th>${l}</th>`)}
            <th>hours</th>
          </tr>
        </thead>
        <tbody>
          ${effortRows}
        </tbody>
      </table>
    </details>`;
  const load = a.loadTime.tables.length
    ? html`<table>
          <thead>
            <tr>
              <th>table</th>
              <th>rows</th>
              <th>bytes</th>
              ${a.loadTime.tiers.map((t) => html`<th title="${String(t.logMiBPerSecond)} MiB/s log rate">${t.label}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${a.loadTime.tables.map(
              (t) =>
                html`<tr>
                  <td class="mono">${t.schema}.${t.table}</td>
                  <td class="n">${formatCount(t.rows)}</td>
                  <td class="n">${t.basis === 'bytes' ? formatBytes(t.bytes) : 'unknown (rows × 200 B)'}</td>
                  ${a.loadTime.tiers.map((tier) => html`<td class="n">${formatDuration((t.seconds[tier.id] ?? 0) * 1000)}</td>`)}
                </tr>`,
            )}
            <tr>
              <td><strong>total</strong></td>
              <td></td>
              <td></td>
              ${a.loadTime.tiers.map(
                (tier) =>
                  html`<td class="n">
                    <strong>${formatDuration((a.loadTime.totalSeconds[tier.id] ?? 0) * 1000)}</strong>
                  </td>`,
              )}
            </tr>
          </tbody>
        </table>
        <p>Lower bounds: log bytes (≈ 1.33 × data bytes) ÷ the tier's log-rate cap (performance.md §3.1).</p>`
    : html`<p class="empty">No table data sizes in this run.</p>`;
  return html`<h3>Objects by type</h3>
    ${byType}
    <h3>Findings by code (${a.findingsByCode.length})</h3>
    ${byCode}
    <h3>Effort estimate</h3>
    ${effort}
    <h3>Load time per target tier</h3>
    ${load}`;
}
