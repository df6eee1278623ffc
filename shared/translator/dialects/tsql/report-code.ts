/** Report a catalogued code (codes.ts) so rule id and severity always match the catalogue. */
import { translatorCodes, type TranslatorCode } from '../../codes';
import type { TranslationContext } from '../../statement-translator';

export function reportCode(
  ctx: TranslationContext,
  key: TranslatorCode,
  message: string,
  object?: string,
): void {
  const info = translatorCodes[key];
  ctx.report({
    code: info.code,
    ruleId: info.ruleId,
    level: info.level,
    message,
    ...(object !== undefined ? { object } : {}),
  });
}

/** `-- SYB2MS-<RULE> <object>: <text>` (§0.1 warning text format), one line. */
export function noteLine(key: TranslatorCode, object: string, text: string): string {
  return `-- SYB2MS-${translatorCodes[key].ruleId} ${oneLine(object)}: ${oneLine(text)}`;
}

export function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}
