/**
 * TRG-05: `rollback trigger [with raiserror n "msg"]` undoes only the trigger and its statement;
 * SQL Server has no such statement-level rollback (the usual rewrite is an INSTEAD OF trigger that
 * raises and returns). Carried MANUAL with a failing placeholder.
 */
import type { ProcStatement } from '../../ast/procedural';
import type { RuleContext } from '../rule';
import { manualStatement } from '../rule';

export function rollbackTrigger(s: ProcStatement, rc: RuleContext): ProcStatement {
  if (s.kind !== 'Transaction' || s.op !== 'rollback trigger') return s;
  const message =
    'rollback trigger has no SQL Server form: rewrite as an INSTEAD OF trigger that raises the error and returns without the DML (TRG-05)';
  rc.report('rollbackTrigger', s.span, message);
  return manualStatement(rc, s, 'rollbackTrigger', message);
}
