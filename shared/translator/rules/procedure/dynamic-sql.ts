/** PROC-07: the text of `exec (@sql)` is ASE dialect built at run time; it is kept and flagged. */
import type { ProcStatement } from '../../ast/procedural';
import type { RuleContext } from '../rule';

export function dynamicSql(s: ProcStatement, rc: RuleContext): ProcStatement {
  if (s.kind === 'ExecDynamic')
    rc.report(
      'dynamicSql',
      s.span,
      'exec(...) runs ASE text built at run time: check the generated statements against SQL Server (PROC-07)',
    );
  return s;
}
