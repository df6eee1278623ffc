/**
 * Phase 05: views, functions, procedures, triggers. Each module's source text goes through the
 * translator's translate(); the translator module is loaded lazily (translate.ts imports this
 * area's statement translators, so a static import would be a cycle). Without a translator the
 * text is carried in a marked comment with a failing placeholder (MANUAL), never dropped.
 */
import type { Diagnostic } from '../../translator/diagnostics';
import { diagnostic } from '../../translator/diagnostics';
import type { TranslateOptions } from '../../translator/statement-translator';
import { finding } from '../codes';
import type { Module } from '../model';
import { qualifiedName } from '../model';
import { commentBlock, failingPlaceholder } from './render';

interface TranslateResult {
  readonly sql: string;
  readonly diagnostics: readonly Diagnostic[];
}
type TranslateFn = (sql: string, options?: TranslateOptions) => TranslateResult;

/** Functions first (views and procedures call them), then views, procedures, triggers; source order within. */
const KIND_ORDER: Readonly<Record<Module['kind'], number>> = {
  function: 0,
  view: 1,
  procedure: 2,
  trigger: 3,
};

export function orderModules(modules: readonly Module[]): Module[] {
  return modules
    .map((m, i) => ({ m, i }))
    .sort((a, b) => KIND_ORDER[a.m.kind] - KIND_ORDER[b.m.kind] || a.i - b.i)
    .map((x) => x.m);
}

export function loadTranslate(): TranslateFn | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: translate.ts imports this area (cycle)
    const mod = require('../../translator/translate') as { translate?: unknown };
    return typeof mod.translate === 'function' ? (mod.translate as TranslateFn) : undefined;
  } catch (e) {
    if (
      (e as { code?: string }).code === 'MODULE_NOT_FOUND' &&
      /translator[\\/]translate/.test(String((e as Error).message))
    )
      return undefined;
    throw e;
  }
}

export function moduleSql(
  m: Module,
  options: TranslateOptions,
  translate: TranslateFn | undefined,
): { sql: string; diagnostics: Diagnostic[] } {
  const object = qualifiedName(m);
  const file = m.origin.file;
  if (translate) {
    const r = translate(m.sourceText, {
      ...options,
      defaultSchema: m.schema,
      ...(file !== undefined ? { file } : {}),
    });
    // Lines are relative to the module text; shift them to the script the module came from.
    const shift = (m.origin.line ?? 1) - 1;
    const diagnostics = r.diagnostics.map((d) => ({
      ...d,
      object: d.object ?? object,
      line: d.line ? d.line + shift : d.line,
    }));
    // translate() ends each batch with GO; generateDdl adds the module's own.
    return {
      sql: r.sql
        .trimEnd()
        .replace(/\n?GO\s*$/i, '')
        .trimEnd(),
      diagnostics,
    };
  }
  const d = diagnostic(
    finding('ASM-CAT-014', `${m.kind} ${object} not converted: the translator is not available`, {
      object,
      ...(m.origin.line !== undefined ? { line: m.origin.line } : {}),
      ...(file !== undefined ? { file } : {}),
    }),
  );
  const sql = [
    `-- SYB2MS-CAT-11 ${object}: ${m.kind} not converted; original text:`,
    commentBlock(m.sourceText),
    failingPlaceholder('CAT-11', object),
  ].join('\n');
  return { sql, diagnostics: [d] };
}
