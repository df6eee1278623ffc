/**
 * Offset → (line, column) for any mix of CR, LF and CRLF line ends (a CRLF counts as one break),
 * because ddlgen output copied between Windows and Unix often mixes them.
 */
import type { Span } from '../ast/nodes';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) {
        this.starts.push(i + 1);
      }
    }
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  span(start: number, end: number): Span {
    const { line, column } = this.position(start);
    return { start, end, line, column };
  }
}

export function isLineBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}
