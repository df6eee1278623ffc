/**
 * TRG-03: a trigger's `if @@rowcount = 0 return` reads the count of the firing statement. In SQL
 * Server `@@ROWCOUNT` holds it only until the first statement: a `SET` option (or a `SET NOCOUNT ON`
 * added before the test) resets it to 0 and the trigger silently does nothing. When the trigger
 * reads `@@rowcount` before any statement other than `set` options and declarations, the count is
 * captured into `@ase_rowcount` as the very first statement and those reads use it.
 * (`DECLARE` without a value does not touch `@@ROWCOUNT`; the SET that follows it reads it first.)
 */
import type { Expression } from '../../ast/expressions';
import type { ProcStatement } from '../../ast/procedural';
import { mark } from '../build';
import type { RuleContext } from '../rule';

export const CAPTURED_ROWCOUNT = '@ase_rowcount';

/** Statements that do not change the count in ASE and come before the test in practice. */
const PREAMBLE = new Set(['SetOption', 'Declare']);

const isRowcount = (x: unknown): boolean =>
  x !== null &&
  typeof x === 'object' &&
  (x as { kind?: unknown }).kind === 'GlobalVariable' &&
  (x as { name?: unknown }).name === '@@rowcount';

function reads(node: unknown): boolean {
  if (isRowcount(node)) return true;
  if (Array.isArray(node)) return node.some(reads);
  if (node === null || typeof node !== 'object') return false;
  return Object.entries(node).some(([k, v]) => k !== 'span' && k !== 'comments' && reads(v));
}

function replace(node: unknown): unknown {
  if (isRowcount(node)) {
    const span = (node as Expression).span;
    return { kind: 'Variable', name: CAPTURED_ROWCOUNT, span } satisfies Expression;
  }
  if (Array.isArray(node)) return node.map(replace);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'span' || k === 'comments' ? v : replace(v);
  return out;
}

/** Only the expression parts of the reading statement: its nested statements run later. */
function replaceReads(s: ProcStatement): ProcStatement {
  if (s.kind === 'IfStatement') return { ...s, condition: replace(s.condition) as Expression };
  if (s.kind === 'While' || s.kind === 'Block' || s.kind === 'TryCatch') return s;
  return replace(s) as ProcStatement;
}

export function rowcountAtStart(list: readonly ProcStatement[], rc: RuleContext): ProcStatement[] {
  const first = list[0];
  if (rc.module !== 'trigger' || first === undefined || first.span.start !== rc.bodyStart) return [...list];
  const at = list.findIndex((s) => !PREAMBLE.has(s.kind));
  const reader = list[at];
  if (reader === undefined || reader.kind === 'Block' || reader.kind === 'While' || !reads(reader))
    return [...list];
  if (reader.kind === 'IfStatement' && !reads(reader.condition)) return [...list];
  rc.report(
    'triggerRowcount',
    reader.span,
    `@@rowcount read at the start of the trigger → captured first into ${CAPTURED_ROWCOUNT} (a SET before it would reset @@ROWCOUNT to 0) (TRG-03)`,
  );
  const span = first.span;
  const declare: ProcStatement = mark({
    kind: 'Declare',
    variables: [{ name: CAPTURED_ROWCOUNT, type: { name: 'int', args: [], span } }],
    span,
    comments: [],
  });
  const capture: ProcStatement = mark({
    kind: 'SetVariable',
    variable: { kind: 'Variable', name: CAPTURED_ROWCOUNT, span },
    expr: mark({ kind: 'GlobalVariable', name: '@@rowcount', span }),
    span,
    comments: [],
  });
  return [declare, capture, ...list.slice(0, at), replaceReads(reader), ...list.slice(at + 1)];
}
