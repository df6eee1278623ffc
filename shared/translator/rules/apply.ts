/**
 * Runs the registry's rules over a module. A node is given to the rules registered for its kind
 * (registry order) before its children are walked, so a rule sees the construct whole
 * (`@@sqlstatus = 2`, not a bare `@@sqlstatus` first) and what it builds is walked by the other
 * rules. Statement lists (bodies, blocks) are given to the `statements` rules after their
 * statements were rewritten.
 */
import type { Expression, ExpressionKind } from '../ast/expressions';
import type { ModuleDefinition, ProcStatement } from '../ast/procedural';
import type { TableRef } from '../ast/queries';
import { built } from './build';
import type { Rule, RuleContext } from './rule';

const EXPRESSION_KINDS: ReadonlySet<string> = new Set<ExpressionKind>([
  'Literal',
  'ColumnRef',
  'Variable',
  'GlobalVariable',
  'Unary',
  'Binary',
  'Between',
  'InList',
  'InQuery',
  'Like',
  'IsNull',
  'Exists',
  'Case',
  'FunctionCall',
  'Convert',
  'Subquery',
  'Paren',
  'IdentityFn',
]);

/** Node kinds that are neither expressions nor statements. */
const OTHER_KINDS: ReadonlySet<string> = new Set([
  'TableRef',
  'DerivedTable',
  'Join',
  'Expr',
  'values',
  'select',
  'exec',
  'default',
]);

function isStatement(x: unknown): x is ProcStatement {
  if (x === null || typeof x !== 'object') return false;
  const kind = (x as { kind?: unknown }).kind;
  return (
    typeof kind === 'string' &&
    !EXPRESSION_KINDS.has(kind) &&
    !OTHER_KINDS.has(kind) &&
    'span' in x &&
    'comments' in x
  );
}

export function applyRules(def: ModuleDefinition, rules: readonly Rule[], rc: RuleContext): ModuleDefinition {
  /** Blocks standing for the several statements a rule wrote: spliced into the list they are in. */
  const generated = new WeakSet<object>();
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      const mapped = node
        .map(walk)
        .flatMap((x) =>
          x !== null && typeof x === 'object' && generated.has(x)
            ? (x as { statements: unknown[] }).statements
            : [x],
        );
      if (mapped.length > 0 && mapped.every(isStatement)) {
        let list: ProcStatement[] = mapped;
        for (const r of rules) if (r.on === 'statements') list = r.apply(list, rc);
        return list;
      }
      return mapped;
    }
    if (node === null || typeof node !== 'object') return node;
    // nodes a rule built are T-SQL already: only their children (original parts) are rewritten
    const rewritten = built.has(node) ? node : rewrite(node);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rewritten)) out[k] = k === 'span' || k === 'comments' ? v : walk(v);
    if (generated.has(rewritten)) generated.add(out);
    if (built.has(rewritten)) built.add(out);
    return out;
  };
  const rewrite = (node: object): object => {
    const kind = (node as { kind?: unknown }).kind;
    if (typeof kind !== 'string') return node;
    if (EXPRESSION_KINDS.has(kind)) {
      let e = node as Expression;
      for (const r of rules) if (r.on === 'expression') e = r.apply(e, rc);
      return e;
    }
    if (kind === 'TableRef') {
      let t = node as TableRef;
      for (const r of rules) if (r.on === 'table') t = r.apply(t, rc);
      return t;
    }
    if (isStatement(node)) {
      let s: ProcStatement = node;
      for (const r of rules) {
        if (r.on !== 'statement') continue;
        const out = r.apply(s, rc);
        if (!Array.isArray(out)) {
          s = out as ProcStatement;
          continue;
        }
        const block: ProcStatement = {
          kind: 'Block',
          statements: out as ProcStatement[],
          span: s.span,
          comments: [],
        };
        generated.add(block);
        s = block;
      }
      return s;
    }
    return node;
  };
  return walk(def) as ModuleDefinition;
}
