/**
 * LOCK-01 – LOCK-04, LOCK-11: `select ... at isolation n` → a table hint on every table of the
 * statement that has no lock hint of its own (a table's own holdlock/noholdlock wins); `plan '...'`
 * (abstract plan) is dropped with a note.
 */
import type { ProcStatement } from '../../ast/procedural';
import type { Select, TableSource } from '../../ast/queries';
import type { RuleContext } from '../rule';

const LEVELS: Record<string, string | undefined> = {
  '0': 'nolock',
  'read uncommitted': 'nolock',
  '1': undefined,
  'read committed': undefined,
  '2': 'repeatableread',
  'repeatable read': 'repeatableread',
  '3': 'holdlock',
  serializable: 'holdlock',
};
const LOCK_HINTS = new Set([
  'holdlock',
  'noholdlock',
  'readcommitted',
  'nolock',
  'readpast',
  'repeatableread',
  'serializable',
]);

function withHint(s: TableSource, hint: string): TableSource {
  switch (s.kind) {
    case 'TableRef':
      return s.hints.some((h) => LOCK_HINTS.has(h.name)) ? s : { ...s, hints: [{ name: hint }, ...s.hints] };
    case 'Join':
      return { ...s, left: withHint(s.left, hint), right: withHint(s.right, hint) };
    case 'DerivedTable':
      return { ...s, query: isolate(s.query, hint) };
  }
}

function isolate(q: Select, hint: string): Select {
  return {
    ...q,
    from: q.from.map((s) => withHint(s, hint)),
    ...(q.union !== undefined ? { union: { ...q.union, query: isolate(q.union.query, hint) } } : {}),
  };
}

export function isolationClause(s: ProcStatement, rc: RuleContext): ProcStatement {
  if (s.kind !== 'Select' || (s.isolation === undefined && s.plan === undefined)) return s;
  const { isolation, plan, ...rest } = s;
  let q: Select = rest;
  if (plan !== undefined) rc.report('planDropped', s.span, 'abstract plan clause dropped (LOCK-11)');
  if (isolation !== undefined) {
    if (!(isolation in LEVELS)) {
      rc.report(
        'isolationClause',
        s.span,
        `at isolation ${isolation}: unknown level, clause dropped; check the locking (LOCK-01)`,
      );
      return q;
    }
    const hint = LEVELS[isolation];
    rc.report(
      'isolationClause',
      s.span,
      `at isolation ${isolation} → ${hint === undefined ? 'default READ COMMITTED' : `WITH (${hint.toUpperCase()})`} (LOCK-01–04)`,
    );
    if (hint !== undefined) q = isolate(q, hint);
  }
  return q;
}
