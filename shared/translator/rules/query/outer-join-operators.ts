/**
 * QRY-01 / QRY-02: old-style outer joins `a.x *= b.y` (b is the inner, null-supplying table) and
 * `a.x =* b.y` (a is inner) → `LEFT OUTER JOIN`. In ASE a restriction on the inner table does not
 * remove outer rows, so every conjunct that references the inner table (and otherwise only tables
 * already joined, constants and variables) moves to that join's ON clause; conjuncts on outer tables
 * stay in WHERE. Chains (`a *= b and b *= c`) nest in dependency order. An `is null` test on the
 * inner table is kept in WHERE (the anti-join reading) and flagged (QRY-02). Cases the algorithm
 * cannot place safely are emitted best effort and flagged MANUAL.
 */
import type { Expression } from '../../ast/expressions';
import type { ProcStatement } from '../../ast/procedural';
import type { Select, TableSource } from '../../ast/queries';
import { andAll, bin, conjuncts } from '../build';
import type { RuleContext } from '../rule';
import { manualStatement } from '../rule';

const OUTER_OPS = new Set(['*=', '=*']);

function containsOuterOp(e: unknown): boolean {
  if (e === null || typeof e !== 'object') return false;
  if ((e as { kind?: string }).kind === 'Binary' && OUTER_OPS.has((e as { op: string }).op)) return true;
  return Object.entries(e).some(
    ([k, v]) => k !== 'span' && (Array.isArray(v) ? v.some(containsOuterOp) : containsOuterOp(v)),
  );
}

/** `*=` → `=` everywhere (best effort for the MANUAL cases). */
function plainEquals(e: Expression): Expression {
  const walk = (n: unknown): unknown => {
    if (n === null || typeof n !== 'object') return n;
    if (Array.isArray(n)) return n.map(walk);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) out[k] = k === 'span' ? v : walk(v);
    if (out['kind'] === 'Binary' && OUTER_OPS.has(out['op'] as string)) out['op'] = '=';
    return out;
  };
  return walk(e) as Expression;
}

interface Refs {
  readonly tables: Set<number>;
  /** An unqualified column at the top level of the condition: its table is unknown. */
  unknown: boolean;
}

function refsOf(e: Expression, names: Map<string, number>): Refs {
  const refs: Refs = { tables: new Set(), unknown: false };
  const walk = (n: unknown, inSubquery: boolean): void => {
    if (n === null || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach((x) => walk(x, inSubquery));
    const node = n as { kind?: string; parts?: readonly string[] };
    if (node.kind === 'ColumnRef' && node.parts !== undefined) {
      if (node.parts.length >= 2) {
        const i = names.get((node.parts[node.parts.length - 2] as string).toLowerCase());
        if (i !== undefined) refs.tables.add(i);
        else if (!inSubquery) refs.unknown = true;
      } else if (!inSubquery && node.parts[0] !== '*') refs.unknown = true;
      return;
    }
    const sub = inSubquery || node.kind === 'Select';
    for (const [k, v] of Object.entries(n)) if (k !== 'span') walk(v, sub);
  };
  walk(e, false);
  return refs;
}

function hasIsNull(e: Expression): boolean {
  if (e.kind === 'IsNull') return !e.negated;
  if (e.kind === 'Binary' && (e.op === 'and' || e.op === 'or'))
    return hasIsNull(e.left) || hasIsNull(e.right);
  if (e.kind === 'Paren') return hasIsNull(e.expr);
  return false;
}

export function outerJoinOperators(q: Select, rc: RuleContext): Select {
  if (!containsOuterOp(q.where)) return q;
  const manual = (why: string): Select => {
    rc.report('outerJoinManual', q.span, `${why}; emitted with plain '=' as best effort (QRY-01)`);
    return { ...q, ...(q.where !== undefined ? { where: plainEquals(q.where) } : {}) };
  };
  if (q.from.some((s) => s.kind === 'Join')) return manual('*= mixed with ANSI joins in one from clause');
  const names = new Map<string, number>();
  q.from.forEach((s, i) => {
    if (s.kind === 'TableRef') names.set((s.alias ?? s.name.name).toLowerCase(), i);
    else if (s.kind === 'DerivedTable') names.set(s.alias.toLowerCase(), i);
  });
  const all = conjuncts(q.where);
  const outerOf = new Map<number, number>();
  const onConds = new Map<number, Expression[]>();
  const rest: Expression[] = [];
  for (const c of all) {
    if (c.kind !== 'Binary' || !OUTER_OPS.has(c.op)) {
      if (containsOuterOp(c)) return manual('*= inside an or / not / nested condition');
      rest.push(c);
      continue;
    }
    const l = refsOf(c.left, names);
    const r = refsOf(c.right, names);
    if (l.unknown || r.unknown || l.tables.size !== 1 || r.tables.size !== 1)
      return manual('each side of *= must name one table (qualify the columns)');
    const [left] = [...l.tables] as [number];
    const [right] = [...r.tables] as [number];
    const [outer, inner] = c.op === '*=' ? [left, right] : [right, left];
    const prev = outerOf.get(inner);
    if (prev !== undefined && prev !== outer)
      return manual('an inner table is outer-joined to two different tables');
    outerOf.set(inner, outer);
    // `=*` is written as a LEFT JOIN with the tables swapped: the condition reads the same
    onConds.set(inner, [...(onConds.get(inner) ?? []), bin('=', c.left, c.right, c.span)]);
  }
  /** Tables joined before `inner` in its chain (its outer, the outer's outer...). */
  const ancestors = (inner: number): Set<number> => {
    const seen = new Set<number>();
    let at = outerOf.get(inner);
    while (at !== undefined && !seen.has(at)) {
      seen.add(at);
      at = outerOf.get(at);
    }
    return seen;
  };
  const where: Expression[] = [];
  for (const c of rest) {
    const refs = refsOf(c, names);
    const inners = [...refs.tables].filter((t) => outerOf.has(t));
    if (inners.length === 0 && !refs.unknown) {
      where.push(c);
      continue;
    }
    if (refs.unknown) {
      rc.report(
        'outerJoinManual',
        c.span,
        'unqualified column in a query with *=: condition kept in WHERE, check which table it belongs to (QRY-01)',
      );
      where.push(c);
      continue;
    }
    if (hasIsNull(c)) {
      rc.report(
        'outerJoinIsNull',
        c.span,
        'is null on the inner table of *= kept in WHERE (anti-join reading); compare results with ASE (QRY-02)',
      );
      where.push(c);
      continue;
    }
    // the inner table joined last among those referenced takes the condition
    const target = inners.find((t) => inners.every((o) => o === t || ancestors(t).has(o)));
    const allowed = target === undefined ? new Set<number>() : new Set([target, ...ancestors(target)]);
    if (target === undefined || [...refs.tables].some((t) => !allowed.has(t))) {
      rc.report(
        'outerJoinManual',
        c.span,
        'condition joins an inner table of *= to a table outside its join chain: kept in WHERE (QRY-01)',
      );
      where.push(c);
      continue;
    }
    onConds.set(target, [...(onConds.get(target) ?? []), c]);
  }
  // join trees: each outer (non-inner) table in from order, its inner tables nested in dependency order
  const attached = new Set<number>();
  const attach = (tree: TableSource, members: Set<number>): TableSource => {
    let out = tree;
    for (let progress = true; progress;) {
      progress = false;
      for (const [inner, outer] of outerOf) {
        if (attached.has(inner) || !members.has(outer)) continue;
        attached.add(inner);
        members.add(inner);
        const on = andAll(onConds.get(inner) ?? []);
        out = {
          kind: 'Join',
          type: 'left',
          left: out,
          right: q.from[inner] as TableSource,
          ...(on !== undefined ? { on } : {}),
          span: q.span,
        };
        progress = true;
      }
    }
    return out;
  };
  const from: TableSource[] = [];
  q.from.forEach((s, i) => {
    if (!outerOf.has(i)) from.push(attach(s, new Set([i])));
  });
  if (attached.size !== outerOf.size) return manual('outer joins form a cycle');
  rc.report(
    'outerJoin',
    q.span,
    '*= / =* rewritten as LEFT OUTER JOIN; inner-table conditions moved to ON (QRY-01)',
  );
  const w = andAll(where);
  const { where: _old, ...base } = q;
  return { ...base, from, ...(w !== undefined ? { where: w } : {}) };
}

/** The expressions of a node without its nested statements (they are visited on their own). */
function ownOuterOp(node: unknown, top = true): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((n) => ownOuterOp(n, false));
  const n = node as { kind?: string; op?: string; span?: unknown; comments?: unknown };
  if (!top && n.span !== undefined && n.comments !== undefined) return false;
  if (n.kind === 'Binary' && n.op !== undefined && OUTER_OPS.has(n.op)) return true;
  return Object.entries(node).some(([k, v]) => k !== 'span' && k !== 'comments' && ownOuterOp(v, false));
}

/**
 * QRY-01: `*=` / `=*` anywhere but a select's where (an if condition, a select list, having) has no
 * join to become. A select keeps its place (it may be a subquery) with `=` as best effort; any other
 * statement is carried for a person. Both are MANUAL.
 */
export function strayOuterJoin(s: ProcStatement, rc: RuleContext): ProcStatement {
  if (!ownOuterOp(s)) return s;
  const message = 'outer-join operator outside a where clause: no ANSI join to build (QRY-01)';
  rc.report('outerJoinManual', s.span, message);
  if (s.kind === 'Select') return plainEqualsNode(s);
  return manualStatement(rc, s, 'outerJoinManual', message);
}

function plainEqualsNode<T>(n: T): T {
  const walk = (x: unknown): unknown => {
    if (x === null || typeof x !== 'object') return x;
    if (Array.isArray(x)) return x.map(walk);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = k === 'span' ? v : walk(v);
    if (out['kind'] === 'Binary' && OUTER_OPS.has(out['op'] as string)) out['op'] = '=';
    return out;
  };
  return walk(n) as T;
}
