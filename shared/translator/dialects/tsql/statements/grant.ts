/**
 * grant / revoke → GRANT / DENY / REVOKE (§7.2). Object permissions keep their column lists
 * (SEC-11), `all` is expanded (SEC-12), revokes become DENY (SEC-16) except where they only remove
 * a grant (`revoke grant option for`, revokes from public), statement permissions keep their
 * names (SEC-14). A privilege that cannot be carried flags the whole statement.
 */
import type { Grant } from '../../../ast/nodes';
import type { StatementOutput, StatementTranslator, TranslationContext } from '../../../statement-translator';
import type { TranslatorCode } from '../../../codes';
import { flagged, originalText } from '../flagged';
import { isCrossDatabase, reportName, tsqlName } from '../names';
import { quoteIdent } from '../quote';
import { noteLine, reportCode } from '../report-code';

const OBJECT_PRIVILEGES: Record<string, string> = {
  select: 'SELECT',
  insert: 'INSERT',
  update: 'UPDATE',
  delete: 'DELETE',
  references: 'REFERENCES',
  execute: 'EXECUTE',
  exec: 'EXECUTE',
};
const STATEMENT_PRIVILEGES: Record<string, string> = {
  'create table': 'CREATE TABLE',
  'create view': 'CREATE VIEW',
  'create procedure': 'CREATE PROCEDURE',
  'create proc': 'CREATE PROCEDURE',
  'create default': 'CREATE DEFAULT',
  'create function': 'CREATE FUNCTION',
};
/** Statement permissions SQL Server has no separate counterpart for (SEC-14). */
const NOT_NEEDED = new Set(['create trigger', 'create rule']);

interface Problem {
  readonly code: TranslatorCode;
  readonly message: string;
}

export const translateGrant: StatementTranslator<Grant> = (stmt, ctx) => {
  const verb = stmt.kind === 'Grant' ? 'grant' : 'revoke';
  const label = `${verb} ${stmt.privileges.join(', ')}${stmt.object ? ` on ${reportName(stmt.object, ctx)}` : ''}`;
  const object = {
    type: 'permission',
    name: stmt.object ? reportName(stmt.object, ctx) : `${verb} ${stmt.privileges.join(', ')}`,
  };
  const flag = (p: Problem): StatementOutput =>
    flagged({ ctx, code: p.code, label, message: p.message, original: originalText(ctx, stmt.span), object });

  // a procedure the script itself creates is not a system procedure, whatever its name
  if (
    stmt.object !== undefined &&
    /^sp_/i.test(stmt.object.name) &&
    ctx.objectTypeOf?.(stmt.object) === undefined
  ) {
    reportCode(ctx, 'grantSystemProc', `${label}: permission on system procedure dropped`);
    return {
      sql: noteLine('grantSystemProc', label, 'permission on a system procedure dropped (SEC-22)'),
      outcome: 'converted',
      object,
    };
  }
  if (stmt.object !== undefined && isCrossDatabase(stmt.object, ctx))
    return flag({
      code: 'crossDatabaseName',
      message: `${reportName(stmt.object, ctx)} is in another database (AZ-02)`,
    });

  const privileges: string[] = [];
  const notes: string[] = [];
  for (const p of stmt.privileges) {
    const mapped = stmt.object !== undefined ? objectPrivilege(p, stmt, ctx) : statementPrivilege(p, ctx);
    if ('problem' in mapped) {
      if (mapped.problem.code === 'grantNoSeparatePermission' || mapped.problem.code === 'grantSystemProc') {
        reportCode(ctx, mapped.problem.code, mapped.problem.message);
        notes.push(noteLine(mapped.problem.code, label, mapped.problem.message));
        continue;
      }
      return flag(mapped.problem);
    }
    privileges.push(...mapped.privileges);
  }
  if (privileges.length === 0) return { sql: notes.join('\n'), outcome: 'converted', object };

  const cols = stmt.columns.length > 0 ? ` (${stmt.columns.map(quoteIdent).join(', ')})` : '';
  const perms = privileges.map((p) => p + (stmt.object !== undefined ? cols : '')).join(', ');
  const on = stmt.object !== undefined ? ` ON OBJECT::${tsqlName(stmt.object, ctx)}` : '';
  const principals = (names: readonly string[]): string => names.map(quoteIdent).join(', ');
  const cascade = stmt.cascade ? ' CASCADE' : '';
  const lines = [...notes];
  if (stmt.kind === 'Grant') {
    lines.push(
      `GRANT ${perms}${on} TO ${principals(stmt.principals)}${stmt.withGrantOption ? ' WITH GRANT OPTION' : ''};`,
    );
  } else if (stmt.grantOptionFor) {
    // SEC-15: only the grant option is taken away; same statement in SQL Server
    lines.push(`REVOKE GRANT OPTION FOR ${perms}${on} FROM ${principals(stmt.principals)}${cascade};`);
  } else {
    // SEC-16: an ASE revoke from a user/group is a stored negative row → DENY. A revoke from
    // public only removes public's grant (nothing wider to override) → REVOKE.
    const isPublic = (p: string): boolean => p.toLowerCase() === 'public';
    const pub = stmt.principals.filter(isPublic);
    const others = stmt.principals.filter((p) => !isPublic(p));
    if (pub.length > 0) lines.push(`REVOKE ${perms}${on} FROM ${principals(pub)}${cascade};`);
    if (others.length > 0) {
      reportCode(
        ctx,
        'revokeAsDeny',
        `revoke from ${others.join(', ')} → DENY: it overrides grants to public or a role, as the ASE revoke row did; check no later grant was meant to restore access`,
      );
      lines.push(`DENY ${perms}${on} TO ${principals(others)}${cascade};`);
    }
  }
  return { sql: lines.join('\n'), outcome: 'converted', object };
};

function objectPrivilege(
  p: string,
  stmt: Grant,
  ctx: TranslationContext,
): { privileges: string[] } | { problem: Problem } {
  const mapped = OBJECT_PRIVILEGES[p];
  if (mapped !== undefined) return { privileges: [mapped] };
  if (p === 'all') {
    const type = stmt.object !== undefined ? ctx.objectTypeOf?.(stmt.object) : undefined;
    if (type === 'procedure' || type === 'function') return { privileges: ['EXECUTE'] };
    if (type === 'table' || type === 'view') {
      // SEC-12: ALL is deprecated in SQL Server; column grants cover only these three
      return {
        privileges:
          stmt.columns.length > 0
            ? ['SELECT', 'UPDATE', 'REFERENCES']
            : ['SELECT', 'INSERT', 'DELETE', 'UPDATE', 'REFERENCES'],
      };
    }
    return {
      problem: {
        code: 'grantAllUnknownObject',
        message: `grant all on ${stmt.object ? reportName(stmt.object, ctx) : '?'}: the object is not defined in this script, so the privilege list (table or procedure) is unknown`,
      },
    };
  }
  return {
    problem: { code: 'grantUnsupported', message: `privilege '${p}' has no SQL Server equivalent (SEC-21)` },
  };
}

function statementPrivilege(
  p: string,
  ctx: TranslationContext,
): { privileges: string[] } | { problem: Problem } {
  const mapped = STATEMENT_PRIVILEGES[p];
  if (mapped !== undefined) return { privileges: [mapped] };
  if (NOT_NEEDED.has(p))
    return {
      problem: {
        code: 'grantNoSeparatePermission',
        message: `'${p}' has no separate permission in SQL Server (triggers need ALTER on the table; rules become CHECK constraints)`,
      },
    };
  if (p === 'create database')
    return {
      problem: {
        code: 'grantServerLevel',
        message: `'create database' is a server-level permission${ctx.options.target === 'azure-sql' ? ', not available in Azure SQL Database' : ''}`,
      },
    };
  if (p.startsWith('role ') || p === 'role')
    return {
      problem: {
        code: 'grantRole',
        message: `grant ${p} → ALTER ROLE ... ADD MEMBER (server roles need a manual mapping, SEC-06)`,
      },
    };
  if (p === 'set proxy' || p === 'set session authorization')
    return {
      problem: { code: 'grantProxy', message: `${p} → GRANT IMPERSONATE ON USER::<user> TO <grantee>` },
    };
  return {
    problem: {
      code: 'grantUnsupported',
      message: `statement permission '${p}' has no SQL Server equivalent`,
    },
  };
}
