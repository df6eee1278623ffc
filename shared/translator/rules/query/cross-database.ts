/**
 * AZ-02 / LEX-10: a name in another database (`otherdb..t`, `otherdb.dbo.p`) cannot be reached from
 * Azure SQL Database; the generator then writes the two-part name, and this rule flags it so the
 * reference is not silently redirected to the current database. tempdb names are fine.
 */
import type { QualifiedName, Span } from '../../ast/nodes';
import type { ProcStatement } from '../../ast/procedural';
import type { TableRef } from '../../ast/queries';
import type { RuleContext } from '../rule';

function check(q: QualifiedName | undefined, span: Span, rc: RuleContext): void {
  if (q === undefined || q.database === undefined || q.database.toLowerCase() === 'tempdb') return;
  if (rc.target !== 'azure-sql') return;
  rc.report(
    'crossDatabaseName',
    span,
    `${[q.database, q.owner ?? '', q.name].join('.')}: another database cannot be reached from Azure SQL Database; written without the database part (AZ-02)`,
  );
}

export function crossDatabaseTable(t: TableRef, rc: RuleContext): TableRef {
  check(t.name, t.span, rc);
  return t;
}

export function crossDatabaseStatement(s: ProcStatement, rc: RuleContext): ProcStatement {
  switch (s.kind) {
    case 'Insert':
    case 'Update':
    case 'Delete':
    case 'Truncate':
      check(s.table, s.span, rc);
      break;
    case 'Exec':
      // sybsystemprocs..sp_x is a system procedure, found by its bare name on the target
      if (!/^sp_/i.test(s.procedure.name) || !/^(sybsystemprocs|master)$/i.test(s.procedure.database ?? ''))
        check(s.procedure, s.span, rc);
      break;
    case 'Select':
      check(s.into, s.span, rc);
      break;
    default:
      break;
  }
  return s;
}
