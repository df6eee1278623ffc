/**
 * Procedural statements from text (no module header): what the output self-check uses to read a
 * generated batch that is not a module (THROW placeholders, converted top-level statements), and
 * what a host can use to parse a loose batch of ASE code.
 */
import type { ProcStatement } from '../../ast/procedural';
import type { Diagnostic } from '../../diagnostics';
import { tokenize } from '../../tokens/tokenize';
import { Cursor } from '../cursor';
import { parseBody } from './body-statement';

export interface BodyParseResult {
  readonly statements: ProcStatement[];
  /** Lexical findings (unterminated strings...). Unparsed statements are in `statements`. */
  readonly diagnostics: Diagnostic[];
}

export function parseBodyText(
  text: string,
  options: { file?: string; dialect?: 'ase' | 'tsql' } = {},
): BodyParseResult {
  const { tokens, diagnostics, lines } = tokenize(text, {
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.dialect !== undefined ? { dialect: options.dialect } : {}),
  });
  const c = new Cursor(
    tokens.filter((t) => t.kind !== 'comment' && t.kind !== 'go'),
    text,
    lines,
  );
  c.dialect = options.dialect ?? 'ase';
  return { statements: parseBody(c), diagnostics };
}
