/**
 * Attach comments to statements (LEX-06: comments stay with the statement they document):
 * comments before a statement and inside it are its `comments`, as are those on the line where it
 * ends. What is left (after the last statement, or in a batch without statements) belongs to the
 * batch.
 */
import type { Comment, Statement } from '../ast/nodes';
import type { Token } from '../tokens/token';

export function toComment(t: Token): Comment {
  return { text: t.text, span: t.span, style: t.style ?? 'line' };
}

export function attachComments(
  statements: readonly Statement[],
  comments: readonly Comment[],
  endLineOf: (s: Statement) => number,
): { statements: Statement[]; rest: Comment[] } {
  const out: Statement[] = [];
  let k = 0;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i] as Statement;
    const nextStart = statements[i + 1]?.span.start ?? Number.POSITIVE_INFINITY;
    const mine: Comment[] = [];
    while (k < comments.length) {
      const cm = comments[k] as Comment;
      const before = cm.span.start < s.span.end;
      const trailing = cm.span.line === endLineOf(s) && cm.span.start < nextStart;
      if (!before && !trailing) break;
      mine.push(cm);
      k++;
    }
    out.push(mine.length > 0 ? withComments(s, mine) : s);
  }
  return { statements: out, rest: comments.slice(k) };
}

function withComments(s: Statement, comments: Comment[]): Statement {
  const inner =
    s.kind === 'If'
      ? { then: nest(s.then, comments), ...(s.else ? { else: nest(s.else, comments) } : {}) }
      : {};
  return { ...s, ...inner, comments: [...s.comments, ...comments] } as Statement;
}

/** Nested statements of an if keep the comments inside their own span. */
function nest(statements: readonly Statement[], comments: readonly Comment[]): Statement[] {
  return statements.map((s) => {
    const inside = comments.filter((c) => c.span.start >= s.span.start && c.span.end <= s.span.end);
    return inside.length > 0 ? withComments(s, inside) : s;
  });
}

interface Commentable {
  readonly span: Statement['span'];
  readonly comments: readonly Comment[];
}

/**
 * Give the parts of a statement (columns, constraints) the comments written next to them: inside
 * a part, after it on the line where it ends (`a int, -- the key`), or before it on lines of their
 * own. The statement keeps all of them too; emitters use whichever level they render.
 */
export function distributeComments<T extends Commentable>(
  parts: readonly T[],
  comments: readonly Comment[],
  lineOf: (offset: number) => number,
): T[] {
  const sorted = [...parts].sort((a, b) => a.span.start - b.span.start);
  const given = new Map<T, Comment[]>();
  for (const c of comments) {
    const inside = sorted.find((p) => p.span.start <= c.span.start && c.span.start < p.span.end);
    const trailing = sorted
      .filter(
        (p) => p.span.end <= c.span.start && lineOf(Math.max(p.span.start, p.span.end - 1)) === c.span.line,
      )
      .pop();
    const leading = sorted.find((p) => p.span.start >= c.span.end);
    const owner = inside ?? trailing ?? leading;
    if (owner !== undefined) given.set(owner, [...(given.get(owner) ?? []), c]);
  }
  return parts.map((p) => {
    const mine = given.get(p);
    return mine === undefined ? p : { ...p, comments: [...p.comments, ...mine] };
  });
}
