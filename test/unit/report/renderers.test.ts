import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHtml } from '../../../shared/report/html/render-html';
import { escapeHtml } from '../../../shared/report/html/escape';
import { parseJsonReport, renderJson, REPORT_SCHEMA_VERSION } from '../../../shared/report/json/render-json';
import { MAX_TEXT_WIDTH, renderText, wrap } from '../../../shared/report/text/render-text';
import { writeReport } from '../../../shared/report/write-report';
import { computeStats } from '../../../shared/report/stats';
import { AsemigError } from '../../../shared/errors';
import { hostileReport, sampleReport, XSS } from './sample-report';

describe('HTML report', () => {
  test('escapes markup in every free-text field (names, messages, paths, run id)', () => {
    const page = renderHtml(hostileReport());
    assert.ok(!page.includes(XSS), 'raw <script> from the data must not appear');
    assert.ok(!page.includes('<img'), 'attribute-breaking run id must be escaped');
    assert.equal(page.match(/<script>/g)?.length, 1, 'only the page’s own filter script');
    assert.ok(page.includes(escapeHtml(XSS)));
  });

  test('lists every table, object, type mapping, profile finding and output', () => {
    const r = sampleReport();
    const page = renderHtml(r);
    for (const t of r.tables) assert.ok(page.includes(`${t.schema}.${t.table}`), t.table);
    for (const o of r.objects) assert.ok(page.includes(o.name), o.name);
    for (const m of r.typeMappings) assert.ok(page.includes(escapeHtml(m.castRule)), m.castRule);
    for (const d of [...r.profile, ...r.diagnostics])
      assert.ok(page.includes(escapeHtml(d.message)), d.message);
    for (const v of Object.values(r.outputs)) assert.ok(page.includes(v), v);
    assert.ok(page.includes('schema.sql:12'), 'source file:line of a finding');
    assert.ok(page.includes('procs.sql:38'), 'source file:line of an object');
  });

  test('is self-contained: no external asset, CSP forbids fetching', () => {
    const page = renderHtml(sampleReport());
    assert.doesNotMatch(page, /\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    assert.doesNotMatch(page, /@import|url\(/i);
    assert.match(page, /Content-Security-Policy" content="default-src &#39;none&#39;/);
  });

  test('severity filter is hidden until script runs, so the page reads without JS', () => {
    const page = renderHtml(sampleReport());
    assert.match(page, /<div id="filters" class="filters" hidden>/);
    for (const s of ['error', 'warning', 'info']) assert.match(page, new RegExp(`<tr class="sev-${s}">`));
  });

  test('empty run renders explicit "none" notes instead of empty tables', () => {
    const page = renderHtml(
      sampleReport({ objects: [], tables: [], typeMappings: [], profile: [], diagnostics: [], outputs: {} }),
    );
    assert.match(page, /No table data in this run/);
    assert.match(page, /No findings/);
  });
});

describe('JSON report', () => {
  test('round-trips through parseJsonReport', () => {
    const r = sampleReport();
    assert.deepEqual(parseJsonReport(renderJson(r)), JSON.parse(JSON.stringify(r)));
  });

  test('schemaVersion first, stats included, key order independent of input order', () => {
    const r = sampleReport();
    const text = renderJson(r);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    assert.equal(Object.keys(parsed)[0], 'schemaVersion');
    assert.equal(parsed.schemaVersion, REPORT_SCHEMA_VERSION);
    assert.deepEqual((parsed.stats as { rows: number }).rows, 301_200);
    const shuffled = JSON.parse(JSON.stringify(r), (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as typeof r;
    assert.equal(renderJson(shuffled), text);
  });

  const bad: ReadonlyArray<readonly [string, string, string | undefined]> = [
    ['not JSON', '{', undefined],
    ['array', '[]', undefined],
    ['wrong version', JSON.stringify({ schemaVersion: 99 }), 'schemaVersion'],
    ['missing field', JSON.stringify({ schemaVersion: 1, runId: 'x' }), 'status'],
  ];
  for (const [name, text, field] of bad) {
    test(`rejects ${name} with ASM-RPT-001 and the field`, () => {
      assert.throws(
        () => parseJsonReport(text, 'r.json'),
        (e: unknown) =>
          e instanceof AsemigError &&
          e.code === 'ASM-RPT-001' &&
          e.place.file === 'r.json' &&
          e.place.field === field,
      );
    });
  }
});

describe('text report', () => {
  const cases: ReadonlyArray<readonly [string, ReturnType<typeof sampleReport>]> = [
    ['sample', sampleReport()],
    ['hostile', hostileReport()],
    [
      'long names and messages',
      sampleReport({
        database: 'd'.repeat(300),
        source: 's'.repeat(250) + ' with spaces ' + 'x'.repeat(120),
        tables: [
          {
            schema: 'dbo',
            table: 't'.repeat(150),
            rows: 1e12,
            bytes: 5e12,
            chunks: 99999,
            hash: 'c'.repeat(64),
            status: 'failed',
            message: 'm '.repeat(200),
          },
        ],
        outputs: { ['k'.repeat(50)]: '/' + 'p'.repeat(200) },
      }),
    ],
  ];
  for (const [name, report] of cases) {
    test(`${name}: every line at most ${MAX_TEXT_WIDTH} columns, no colour by default`, () => {
      const text = renderText(report);
      for (const line of text.split('\n'))
        assert.ok(Array.from(line).length <= MAX_TEXT_WIDTH, `too wide: ${line}`);
      assert.ok(!text.includes('\x1b'), 'no ANSI escape (nor a raw ESC from the data)');
    });
  }

  test('colour only when asked', () => {
    assert.ok(renderText(sampleReport(), { color: true }).includes('\x1b[32mSUCCEEDED'));
  });

  test('lists attention objects and errors, counts findings once', () => {
    const text = renderText(sampleReport());
    assert.match(text, /manual\s+procedure dbo\.get_notes\s+\(procs\.sql:38\)/);
    assert.match(text, /ASM-TR-201 \[SYS-60\] procs\.sql:40/);
    assert.match(text, /findings 4: error 1, warning 2, info 1/);
  });

  test('wrap splits words longer than the width', () => {
    const lines = wrap('a ' + 'b'.repeat(25), 10, 2);
    assert.deepEqual(lines, ['a', '  bbbbbbbb', '  bbbbbbbb', '  bbbbbbbb', '  b']);
  });
});

describe('stats', () => {
  test('sums tables and counts objects/findings by status and severity', () => {
    const s = computeStats(sampleReport());
    assert.equal(s.tables, 2);
    assert.equal(s.rows, 301_200);
    assert.equal(s.chunks, 7);
    assert.deepEqual(s.objectsByStatus, { converted: 1, warnings: 1, manual: 1, blocked: 0 });
    assert.deepEqual(s.findingsBySeverity, { error: 1, warning: 2, info: 1 });
    assert.equal(s.durationMs, 125_500);
  });
});

describe('writeReport', () => {
  test('writes report.html, report.json and report.txt', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'asemig-report-'));
    try {
      const out = await writeReport(sampleReport(), join(dir, 'nested'));
      assert.match(await readFile(out.html, 'utf8'), /^<!DOCTYPE html>/);
      assert.equal(parseJsonReport(await readFile(out.json, 'utf8')).runId, 'run-2026-11-25-001');
      assert.match(await readFile(out.text, 'utf8'), /SUCCEEDED/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
