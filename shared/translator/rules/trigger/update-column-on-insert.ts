/**
 * TRG-04: in an insert trigger ASE's `update(col)` is true only for columns that received a value;
 * SQL Server's UPDATE(col) is true for every column on INSERT. Kept as UPDATE(col) with a warning.
 */
import type { Expression } from '../../ast/expressions';
import type { RuleContext } from '../rule';

export function updateColumnOnInsert(e: Expression, rc: RuleContext): Expression {
  if (e.kind !== 'FunctionCall' || e.name.length !== 1 || e.name[0] !== 'update') return e;
  if (rc.module === 'trigger' && rc.triggerEvents.includes('insert'))
    rc.report(
      'updateOnInsert',
      e.span,
      'update(col) in an insert trigger: SQL Server reports every column as updated on INSERT (TRG-04)',
    );
  return e;
}
