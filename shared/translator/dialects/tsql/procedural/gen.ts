/**
 * State shared by the procedural emitters: the translation context (names, nested schema
 * statements), the comments of the module still to be placed, and what a failing placeholder
 * looks like in this kind of module (THROW is not allowed in a function).
 */
import type { Comment, Span } from '../../../ast/nodes';
import type { TranslationContext } from '../../../statement-translator';

export type ModuleKind = 'procedure' | 'function' | 'trigger' | 'view' | 'batch';

export const INDENT = '    ';

export class CommentQueue {
  private readonly pending: Comment[];

  constructor(
    comments: readonly Comment[],
    private readonly source: string,
  ) {
    this.pending = [...comments].sort((a, b) => a.span.start - b.span.start);
  }

  /** Comments starting before `offset`, in source order; they are removed from the queue. */
  takeBefore(offset: number): string[] {
    const out: string[] = [];
    while (this.pending.length > 0 && (this.pending[0] as Comment).span.start < offset)
      out.push((this.pending.shift() as Comment).text);
    return out;
  }

  /** Comments after `span` on the same line (`select 1 -- why`). */
  takeTrailing(span: Span): string[] {
    const out: string[] = [];
    while (this.pending.length > 0) {
      const c = this.pending[0] as Comment;
      const between = this.source.slice(span.end, c.span.start);
      // only separators (`,` `;`) may stand between the node and its comment on that line
      if (c.span.start < span.end || !/^[ \t,;]*$/.test(between)) break;
      out.push((this.pending.shift() as Comment).text);
    }
    return out;
  }

  rest(): string[] {
    return this.pending.splice(0).map((c) => c.text);
  }
}

export interface Gen {
  readonly ctx: TranslationContext;
  readonly module: ModuleKind;
  readonly comments: CommentQueue;
  /** Set when a statement inside could not be converted (the module is then flagged). */
  flagged: boolean;
}

/**
 * Four more spaces before each line. An element holding several lines is a block comment: only its
 * first line moves, so the comment's text stays exactly as written.
 */
export function indent(lines: readonly string[]): string[] {
  return lines.map((l) => (l === '' ? l : INDENT + l));
}

/** Put `;` after the last line of a statement (before a trailing comment is added). */
export function terminate(lines: string[]): string[] {
  if (lines.length === 0) return lines;
  const last = lines.length - 1;
  lines[last] = `${lines[last] as string};`;
  return lines;
}
