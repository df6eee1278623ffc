/**
 * catalogFromScripts: ddlgen/defncopy script files → one Catalog. Each file is parsed with the
 * translator's parser and every statement (including those inside `if` guards) is folded, in file
 * order, into one CatalogBuilder; findings keep their file and line. Parser findings (lexical,
 * unparsed statements) are part of the catalog's diagnostics too, so nothing is lost silently.
 */
import { parseScript } from '../../translator/parser/parse';
import { diagnostic, type Diagnostic } from '../../translator/diagnostics';
import type { TranslateOptions } from '../../translator/statement-translator';
import type { CastOverride } from '../cast-rules/types';
import type { Catalog, ServerFacts } from '../model';
import { CatalogBuilder } from './builder';

export interface ScriptFile {
  readonly path: string;
  readonly text: string;
}

export function catalogFromScripts(
  files: readonly ScriptFile[],
  options: TranslateOptions & {
    database?: string;
    overrides?: readonly CastOverride[];
    server?: ServerFacts;
  } = {},
): Catalog {
  const builder = new CatalogBuilder(options);
  const parserFindings: Diagnostic[] = [];
  for (const f of files) {
    const { script, diagnostics } = parseScript(
      f.text,
      f.path,
      options.quotedIdentifier !== undefined ? { quotedIdentifier: options.quotedIdentifier } : {},
    );
    // Unparsed statements are reported by the parser with its own code; the builder adds ASM-CAT-009.
    parserFindings.push(
      ...diagnostics.map((d) => (d.file === undefined ? diagnostic({ ...d, file: f.path }) : d)),
    );
    for (const batch of script.batches) {
      // `go n` repeats a batch at run time; its definitions are folded once.
      for (const stmt of batch.statements) builder.apply(stmt, f.path);
    }
  }
  const catalog = builder.snapshot();
  return { ...catalog, diagnostics: [...parserFindings, ...catalog.diagnostics] };
}
