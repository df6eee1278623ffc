/**
 * How a statement that is not converted appears in the output (§0.1): its original text in a
 * marked comment and, for MANUAL findings, a placeholder that fails loudly when the script runs.
 * BLOCK findings (cannot exist on the target) get the comment only: the object is not created
 * and the report lists it. Line comments are used so no text inside the original (an unbalanced
 * `*\/`, a `go` line) can end the comment early.
 */
import { translatorCodes, type CodeInfo, type TranslatorCode } from '../../codes';
import type { StatementOutput, TranslationContext } from '../../statement-translator';
import { oneLine, reportCode } from './report-code';
import { sqlString } from './quote';

export function commentOut(text: string, prefix = '-- | '): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => prefix + l)
    .join('\n');
}

export interface FlagInput {
  readonly ctx: TranslationContext;
  readonly code: TranslatorCode;
  /** What the statement is, for the comment and the report (`procedure dbo.p`). */
  readonly label: string;
  readonly message: string;
  readonly original: string;
  readonly object?: { readonly type: string; readonly name: string };
}

export function flagged(f: FlagInput): StatementOutput {
  reportCode(f.ctx, f.code, f.message, f.object?.name);
  return flaggedText(f.code, f.label, f.message, f.original, f.object);
}

/** Same output for a finding already reported under another code (the parser's). */
export function flaggedText(
  code: TranslatorCode | CodeInfo,
  label: string,
  message: string,
  original: string,
  object?: { type: string; name: string },
): StatementOutput {
  const info = typeof code === 'string' ? translatorCodes[code] : code;
  // tool-level findings have no spec rule: the marker then names our code
  const rule = info.ruleId === 'NONE' ? info.code : info.ruleId;
  const lines = [
    `-- SYB2MS-${rule} ${oneLine(label)}: not converted (${info.level}): ${oneLine(message)}`,
    '-- Original ASE text:',
    commentOut(original.trimEnd()),
  ];
  if (info.level !== 'BLOCK')
    lines.push(
      `THROW 50000, ${sqlString(`SYB2MS-${rule} not converted: ${oneLine(label).slice(0, 200)}`)}, 1;`,
    );
  return { sql: lines.join('\n'), outcome: 'flagged', ...(object !== undefined ? { object } : {}) };
}

/** Original text of a node (its span in the script). */
export function originalText(ctx: TranslationContext, span: { start: number; end: number }): string {
  return ctx.source?.slice(span.start, span.end) ?? '';
}
