/**
 * TRG-08: in SQL Server any run-time error inside a trigger (constraint violation, conversion error)
 * rolls back the transaction and aborts the batch [T1]; in ASE many only abort the statement. A
 * trigger that runs DML and then tests `@@error` relies on the ASE behaviour: the check never runs
 * in SQL Server. The code is kept (it is valid) and the check is flagged for a TRY...CATCH rewrite.
 */
import type { ProcStatement } from '../../ast/procedural';
import type { RuleContext } from '../rule';

const DML = new Set(['Insert', 'Update', 'Delete']);

const isErrorRead = (x: unknown): boolean =>
  x !== null &&
  typeof x === 'object' &&
  (x as { kind?: unknown }).kind === 'GlobalVariable' &&
  (x as { name?: unknown }).name === '@@error';

/** Reads `@@error` in its own expressions (an if's condition, a select list), not in nested bodies. */
function readsError(node: unknown, top = true): boolean {
  if (isErrorRead(node)) return true;
  if (Array.isArray(node)) return node.some((x) => readsError(x, false));
  if (node === null || typeof node !== 'object') return false;
  const kind = (node as { kind?: unknown }).kind;
  if (top && kind === 'IfStatement') return readsError((node as { condition: unknown }).condition, false);
  if (top && (kind === 'While' || kind === 'Block' || kind === 'TryCatch')) return false;
  return Object.entries(node).some(([k, v]) => k !== 'span' && k !== 'comments' && readsError(v, false));
}

export function errorCheckAfterDml(list: readonly ProcStatement[], rc: RuleContext): ProcStatement[] {
  if (rc.module !== 'trigger') return [...list];
  list.forEach((s, i) => {
    const before = list[i - 1];
    if (before === undefined || !DML.has(before.kind) || !readsError(s)) return;
    rc.report(
      'triggerErrorCheck',
      s.span,
      '@@error checked after DML in a trigger: in SQL Server an error there rolls back and aborts the batch, so this check never runs; use TRY...CATCH or constraints (TRG-08)',
    );
  });
  return [...list];
}
