/**
 * Every code the tool can report, aggregated from the areas' catalogues (each kept beside its
 * code). docs/diagnostics.md is generated from this list (`npm run docs:diagnostics`) and a test
 * fails when the two drift apart or when two areas claim the same code.
 */
import { catalogCodes } from './catalog/codes';
import { CONFIG_CODES } from './config/codes';
import { HOST_CODES, type CodeEntry } from './host-codes';
import { pipelineCodeEntries } from './pipeline/codes';
import { OfflineCodes } from './pipeline/source/offline/codes';
import { TELEMETRY_CODES } from './telemetry/codes';
import { translatorCodes } from './translator/codes';
import type { Level } from './translator/diagnostics';

export type { CodeEntry };

export interface CataloguedCode extends CodeEntry {
  /** The area whose catalogue declares the code (a heading in docs/diagnostics.md). */
  readonly area: string;
}

/**
 * A catalogue is either a list of entries or an object of entries; an area that has only names
 * and codes so far (`{ name: 'ASM-X-001' }`) is accepted and shown without rule or level.
 */
type Catalogue = readonly CodeEntry[] | Readonly<Record<string, CodeEntry | string>>;

const AREAS: ReadonlyArray<readonly [string, Catalogue]> = [
  ['translator', translatorCodes],
  ['catalog and type mapping', catalogCodes],
  ['offline source, bcp files and data profile', OfflineCodes],
  ['data pipeline', pipelineCodeEntries],
  ['hosts (CLI, report files)', HOST_CODES],
  ['telemetry', TELEMETRY_CODES],
  ['run options and Functions host', CONFIG_CODES],
];

const NO_LEVEL = '' as Level;

function entriesOf(area: string, c: Catalogue): CataloguedCode[] {
  const list = Array.isArray(c)
    ? (c as readonly CodeEntry[])
    : Object.values(c as Record<string, CodeEntry | string>);
  return list.map((e) =>
    typeof e === 'string'
      ? { area, code: e, ruleId: '', level: NO_LEVEL, summary: '' }
      : // Some areas spell "no spec rule" as NONE; the doc shows both the same way.
        { area, ...e, ruleId: e.ruleId === 'NONE' ? '' : e.ruleId },
  );
}

/** All codes in area order, each area's codes sorted. Duplicates are kept so a test can see them. */
export function allCodes(): CataloguedCode[] {
  return AREAS.flatMap(([area, c]) => entriesOf(area, c).sort((a, b) => a.code.localeCompare(b.code)));
}

/** Codes declared more than once (across or within areas). */
export function duplicateCodes(codes: readonly CataloguedCode[] = allCodes()): string[] {
  const seen = new Map<string, number>();
  for (const c of codes) seen.set(c.code, (seen.get(c.code) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([code]) => code);
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The full text of docs/diagnostics.md. */
export function renderDiagnosticsMarkdown(codes: readonly CataloguedCode[] = allCodes()): string {
  const out: string[] = [
    '# Diagnostic and error codes',
    '',
    '<!-- Generated from shared/diagnostic-codes.ts by `npm run docs:diagnostics`; do not edit by hand. -->',
    '',
    'Every finding in a report and every error the tool prints carries one of these codes. The rule',
    'column cites the conversion-rules specification (for example `DT-03`); the level is the default',
    'severity (AUTO, INFO, WARN, MANUAL, BLOCK), which a few call sites raise for a given target.',
    'Errors print as `CODE file:line object.field: message`.',
    '',
    `${codes.length} codes.`,
  ];
  let area = '';
  for (const c of codes) {
    if (c.area !== area) {
      area = c.area;
      out.push('', `## ${area}`, '', '| code | rule | level | meaning |', '|---|---|---|---|');
    }
    out.push(
      `| \`${c.code}\` | ${c.ruleId ? `\`${cell(c.ruleId)}\`` : '—'} | ${c.level || '—'} | ${cell(c.summary) || '—'} |`,
    );
  }
  return out.join('\n') + '\n';
}
