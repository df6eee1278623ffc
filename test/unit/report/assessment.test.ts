import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeAssessment } from '../../../shared/report/assessment-summary';
import {
  BASE_REVIEW_MINUTES,
  FINDING_MINUTES,
  LOAD_TIERS,
  LOG_BYTES_PER_DATA_BYTE,
  MIN_LOG_BYTES_PER_ROW,
  LOG_BYTES_PER_ROW_WITHOUT_SIZE,
  estimateEffort,
  estimateLoadTime,
  objectEffort,
  objectKind,
} from '../../../shared/report/effort';
import { renderHtml, renderJson, renderText, parseJsonReport } from '../../../shared/report';
import type { ObjectReport } from '../../../shared/report/model';
import { diagnostic, type Level } from '../../../shared/translator/diagnostics';
import { sampleReport } from './sample-report';

const MIB = 1024 * 1024;

function finding(level: Level, code = `ASM-T-${level}`, ruleId = 'QRY-03') {
  return diagnostic({ code, ruleId, level, message: `${level} finding`, line: 7 });
}

function obj(type: string, levels: Level[], status: ObjectReport['status'] = 'manual'): ObjectReport {
  return { type, name: `dbo.${type}_x`, status, diagnostics: levels.map((l) => finding(l)) };
}

describe('effort model: minutes per object (conversion-rules §0.1 levels)', () => {
  const cases: { name: string; o: ObjectReport; kind: 'module' | 'schema' }[] = [
    { name: 'table, no finding: base review only', o: obj('table', [], 'converted'), kind: 'schema' },
    { name: 'table with WARN (e.g. DT-03)', o: obj('table', ['WARN']), kind: 'schema' },
    { name: 'procedure with MANUAL (e.g. SYS-60 readtext)', o: obj('procedure', ['MANUAL']), kind: 'module' },
    { name: 'trigger with BLOCK and WARN', o: obj('trigger', ['BLOCK', 'WARN']), kind: 'module' },
    { name: 'view with INFO and AUTO costs nothing extra', o: obj('view', ['INFO', 'AUTO']), kind: 'module' },
    { name: 'unknown type priced as other', o: obj('synonym', ['MANUAL']), kind: 'schema' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.equal(objectKind(c.o.type), c.kind);
      const base = BASE_REVIEW_MINUTES[c.o.type] ?? BASE_REVIEW_MINUTES['other'] ?? NaN;
      const expected = c.o.diagnostics.reduce((m, d) => m + FINDING_MINUTES[d.level][c.kind], base);
      const e = objectEffort(c.o);
      assert.equal(e.minutes, expected);
      assert.equal(
        Object.values(e.findings).reduce((a, b) => a + b, 0),
        c.o.diagnostics.length,
      );
    });
  }
  test('MANUAL in a procedure costs more than in a table; BLOCK more than MANUAL', () => {
    assert.ok(FINDING_MINUTES.MANUAL.module > FINDING_MINUTES.MANUAL.schema);
    assert.ok(FINDING_MINUTES.BLOCK.module > FINDING_MINUTES.MANUAL.module);
    assert.ok(FINDING_MINUTES.WARN.module > FINDING_MINUTES.INFO.module);
  });
  test('total = sum of objects + run-level findings, in hours with one decimal', () => {
    const report = sampleReport({
      objects: [obj('procedure', ['MANUAL', 'WARN']), obj('table', [])],
      diagnostics: [finding('MANUAL', 'ASM-PL-900', '')],
      profile: [finding('WARN', 'ASM-PRF-001', 'DT-07')],
    });
    const e = estimateEffort(report);
    const objects = e.objects.reduce((m, o) => m + o.minutes, 0);
    assert.equal(e.unattachedMinutes, FINDING_MINUTES.MANUAL.schema, 'profile findings are not priced');
    assert.equal(e.totalMinutes, objects + e.unattachedMinutes);
    assert.equal(e.totalHours, Math.round((e.totalMinutes / 60) * 10) / 10);
    assert.deepEqual(Object.keys(e.hoursByType).sort(), ['procedure', 'table']);
  });
  test('an object finding repeated in the run list is priced once', () => {
    const r = sampleReport();
    const e = estimateEffort(r);
    // sampleReport repeats the customers WARN in diagnostics; only the INFO line is unattached.
    assert.equal(e.unattachedMinutes, FINDING_MINUTES.INFO.schema);
  });
});

describe('load-time model: log bytes / tier log rate (performance.md §3.1)', () => {
  test('seconds per tier = max(bytes × log factor, rows × floor) / rate', () => {
    const est = estimateLoadTime([{ schema: 'dbo', table: 'big', rows: 300_000, bytes: 44_300_000 }]);
    const t = est.tables[0];
    assert.ok(t);
    const log = Math.ceil(Math.max(44_300_000 * LOG_BYTES_PER_DATA_BYTE, 300_000 * MIN_LOG_BYTES_PER_ROW));
    assert.equal(t.logBytes, log);
    for (const tier of LOAD_TIERS) {
      assert.equal(t.seconds[tier.id], log / (tier.logMiBPerSecond * MIB), tier.id);
    }
  });
  test('narrow rows use the per-row floor', () => {
    const est = estimateLoadTime([{ schema: 'dbo', table: 'narrow', rows: 1_000_000, bytes: 4_000_000 }]);
    assert.equal(est.tables[0]?.logBytes, 1_000_000 * MIN_LOG_BYTES_PER_ROW);
  });
  test('a higher log-rate cap never takes longer; totals add the tables', () => {
    const est = estimateLoadTime(sampleReport().tables);
    const sorted = [...LOAD_TIERS].sort((a, b) => a.logMiBPerSecond - b.logMiBPerSecond);
    for (let i = 1; i < sorted.length; i++) {
      const slow = est.totalSeconds[sorted[i - 1]?.id ?? ''] ?? NaN;
      const fast = est.totalSeconds[sorted[i]?.id ?? ''] ?? NaN;
      assert.ok(fast <= slow, `${sorted[i]?.id} vs ${sorted[i - 1]?.id}`);
    }
    for (const tier of LOAD_TIERS) {
      const sum = est.tables.reduce((s, t) => s + (t.seconds[tier.id] ?? 0), 0);
      assert.ok(Math.abs(sum - (est.totalSeconds[tier.id] ?? NaN)) < 1e-9);
    }
  });
  test('no tables: empty estimate with zero totals', () => {
    const est = estimateLoadTime([]);
    assert.equal(est.tables.length, 0);
    for (const tier of LOAD_TIERS) assert.equal(est.totalSeconds[tier.id], 0);
  });
});

describe('assessment summary: counts by object type and by diagnostic code', () => {
  test('objects by type split by status; totals match the object list', () => {
    const a = summarizeAssessment(sampleReport());
    assert.deepEqual(
      a.objectsByType.map((t) => [
        t.type,
        t.total,
        t.byStatus.converted,
        t.byStatus.warnings,
        t.byStatus.manual,
      ]),
      [
        ['procedure', 1, 0, 0, 1],
        ['table', 2, 1, 1, 0],
      ],
    );
  });
  test('findings by code count duplicates once and aggregated profile findings by their count', () => {
    const report = sampleReport({
      profile: [{ ...finding('WARN', 'ASM-PRF-001', 'DT-07'), count: 3 }],
    });
    const a = summarizeAssessment(report);
    const byCode = new Map(a.findingsByCode.map((c) => [c.code, c.count]));
    assert.equal(byCode.get('ASM-TR-101'), 1, 'repeated run copy not counted twice');
    assert.equal(byCode.get('ASM-PRF-001'), 3);
    const counts = a.findingsByCode.map((c) => c.count);
    assert.deepEqual(
      counts,
      [...counts].sort((x, y) => y - x),
      'most frequent first',
    );
  });
  test('a precomputed effort on the report is shown as given', () => {
    const custom = { ...estimateEffort(sampleReport()), model: 'custom-model', totalHours: 999 };
    const a = summarizeAssessment(sampleReport({ effort: custom }));
    assert.equal(a.effort.model, 'custom-model');
  });
});

describe('assessment in the renderers', () => {
  const report = sampleReport();
  const e = estimateEffort(report);
  test('HTML shows objects by type, findings by code, effort total and load tiers', () => {
    const page = renderHtml(report);
    assert.match(page, /id="assessment"/);
    assert.ok(page.includes(`${e.totalHours.toFixed(1)} person-hours`));
    assert.ok(page.includes('ASM-TR-201'));
    for (const tier of LOAD_TIERS) assert.ok(page.includes(tier.label), tier.label);
  });
  test('JSON carries the derived assessment and still round-trips', () => {
    const json = JSON.parse(renderJson(report)) as { assessment: { effort: { totalHours: number } } };
    assert.equal(json.assessment.effort.totalHours, e.totalHours);
    assert.deepEqual(parseJsonReport(renderJson(report)), report);
  });
  test('text shows the effort line and the load time per tier', () => {
    const text = renderText(report);
    assert.ok(text.includes(`${e.totalHours} person-hours`));
    assert.match(text, /Objects by type/);
    assert.match(text, /Findings by code/);
    for (const tier of LOAD_TIERS) assert.ok(text.includes(tier.label), tier.label);
  });
});

describe('load-time model without a byte count (assessment counts rows only)', () => {
  test('rows × LOG_BYTES_PER_ROW_WITHOUT_SIZE, marked basis "rows", and said in the text report', () => {
    const est = estimateLoadTime([{ schema: 'dbo', table: 'counted', rows: 5000, bytes: 0 }]);
    assert.equal(est.tables[0]?.basis, 'rows');
    assert.equal(est.tables[0]?.logBytes, 5000 * LOG_BYTES_PER_ROW_WITHOUT_SIZE);
    const sized = estimateLoadTime([{ schema: 'dbo', table: 'sized', rows: 5000, bytes: 1_000_000 }]);
    assert.equal(sized.tables[0]?.basis, 'bytes');
    const text = renderText(
      sampleReport({
        tables: [
          { schema: 'dbo', table: 'counted', rows: 5000, bytes: 0, chunks: 1, hash: '', status: 'skipped' },
        ],
      }),
    );
    assert.match(text, /1 table\(s\) without a byte count/);
    const page = renderHtml(
      sampleReport({
        tables: [
          { schema: 'dbo', table: 'counted', rows: 5000, bytes: 0, chunks: 1, hash: '', status: 'skipped' },
        ],
      }),
    );
    assert.ok(page.includes('unknown (rows × 200 B)'));
  });
});
