/**
 * LOCK-05 – LOCK-10: ASE table hints → T-SQL `WITH (...)` hints: holdlock → HOLDLOCK, noholdlock →
 * READCOMMITTED, readpast → READPAST, `(index i)` → INDEX(i); `shared`, `prefetch`, `lru`, `mru`,
 * `parallel` have no table-hint form and are dropped with a note.
 */
import type { TableHint, TableRef } from '../../ast/queries';
import type { RuleContext } from '../rule';

const MAP: Record<string, string | undefined> = {
  holdlock: 'holdlock',
  noholdlock: 'readcommitted',
  readpast: 'readpast',
  index: 'index',
  nolock: 'nolock',
  updlock: 'updlock',
  rowlock: 'rowlock',
  tablock: 'tablock',
  tablockx: 'tablockx',
  xlock: 'xlock',
  // set by the isolation-clause rule (LOCK-01 – LOCK-04)
  readcommitted: 'readcommitted',
  repeatableread: 'repeatableread',
  serializable: 'serializable',
};

export function lockHints(t: TableRef, rc: RuleContext): TableRef {
  if (t.hints.length === 0) return t;
  const hints: TableHint[] = [];
  for (const h of t.hints) {
    const to = MAP[h.name];
    if (to === undefined) {
      rc.report(
        'hintDropped',
        t.span,
        `table hint '${h.name}' has no SQL Server form: dropped (LOCK-07/09/10)`,
      );
      continue;
    }
    if (to !== h.name) rc.report('lockHint', t.span, `${h.name} → WITH (${to.toUpperCase()}) (LOCK-06)`);
    if (!hints.some((x) => x.name === to)) hints.push({ ...h, name: to });
  }
  return { ...t, hints };
}
