/**
 * Phase 06: grants and revokes (§7.2). `all` is expanded (SEC-12), a stored revoke becomes DENY
 * (SEC-16), permissions on system procedures are dropped (SEC-22), server-level ones cannot exist
 * on Azure SQL Database (SEC-23).
 */
import { quoteIdent, quoteQualified } from '../../translator/dialects/tsql/quote';
import type { DiagnosticInput } from '../../translator/diagnostics';
import type { TargetPlatform } from '../../translator/statement-translator';
import { finding } from '../codes';
import type { Catalog, Permission } from '../model';
import { qualifiedName } from '../model';

const TABLE_ALL = ['SELECT', 'INSERT', 'DELETE', 'UPDATE', 'REFERENCES'];
const VIEW_ALL = ['SELECT', 'INSERT', 'DELETE', 'UPDATE'];
const DB_STATEMENT_PERMS = new Set([
  'create table',
  'create view',
  'create procedure',
  'create function',
  'create default',
]);

export function permissionSql(
  p: Permission,
  catalog: Catalog,
  target: TargetPlatform,
  report: (d: DiagnosticInput) => void,
): string {
  const object = p.object ? qualifiedName(p.object) : undefined;
  const place = {
    ...(object !== undefined ? { object } : {}),
    ...(p.origin.line !== undefined ? { line: p.origin.line } : {}),
    ...(p.origin.file !== undefined ? { file: p.origin.file } : {}),
  };
  const principals = p.principals.map(quoteIdent).join(', ');
  const verb = p.action === 'grant' ? 'GRANT' : p.grantOptionFor ? 'REVOKE GRANT OPTION FOR' : 'DENY';
  if (p.action === 'revoke' && !p.grantOptionFor) {
    report(
      finding(
        'ASM-CAT-011',
        `revoke ${p.privileges.join(', ')} from ${p.principals.join(', ')} written as DENY`,
        place,
      ),
    );
  }
  const tail = `${p.action === 'grant' ? ' TO ' : p.grantOptionFor ? ' FROM ' : ' TO '}${principals}${p.withGrantOption && p.action === 'grant' ? ' WITH GRANT OPTION' : ''}${p.cascade ? ' CASCADE' : ''};`;

  if (!p.object) {
    const kept: string[] = [];
    const lines: string[] = [];
    for (const priv of p.privileges) {
      if (DB_STATEMENT_PERMS.has(priv)) kept.push(priv.toUpperCase());
      else if (priv === 'create rule' && target === 'sqlserver') kept.push('CREATE RULE');
      else {
        const level =
          priv === 'create trigger' || priv === 'create rule'
            ? 'INFO'
            : target === 'azure-sql'
              ? 'BLOCK'
              : 'MANUAL';
        report(
          finding(
            'ASM-CAT-012',
            `statement permission ${priv} has no database-level equivalent here; not granted`,
            {
              ...place,
              level,
              ruleId: priv === 'create trigger' || priv === 'create rule' ? 'SEC-14' : 'SEC-23',
            },
          ),
        );
        lines.push(
          `-- SYB2MS-${priv === 'create trigger' || priv === 'create rule' ? 'SEC-14' : 'SEC-23'}: ${p.action} ${priv} to ${p.principals.join(', ')} not carried`,
        );
      }
    }
    if (kept.length) lines.push(`${verb} ${kept.join(', ')}${tail}`);
    return lines.join('\n');
  }

  const o = p.object;
  const isTable = catalog.tables.some((t) => same(t, o));
  const mod = catalog.modules.find((m) => same(m, o));
  if (!isTable && !mod && /^sp_/i.test(o.name)) {
    report(finding('ASM-CAT-012', `permission on system procedure ${o.name} dropped`, place));
    return `-- SYB2MS-SEC-22: ${p.action} ${p.privileges.join(', ')} on ${o.name} dropped (system procedure)`;
  }
  let privileges = p.privileges.map((x) => x.toUpperCase());
  if (privileges.includes('ALL')) {
    const all = mod ? (mod.kind === 'view' ? VIEW_ALL : ['EXECUTE']) : TABLE_ALL;
    privileges = [...new Set([...privileges.filter((x) => x !== 'ALL'), ...all])];
    report(finding('ASM-CAT-016', `all expanded to ${all.join(', ')}`, place));
  }
  const cols = p.columns.length ? ` (${p.columns.map(quoteIdent).join(', ')})` : '';
  return `${verb} ${privileges.join(', ')} ON OBJECT::${quoteQualified(o.schema, o.name)}${cols}${tail}`;
}

function same(a: { schema: string; name: string }, b: { schema: string; name: string }): boolean {
  return a.schema.toLowerCase() === b.schema.toLowerCase() && a.name.toLowerCase() === b.name.toLowerCase();
}
