/**
 * Other system procedure calls of schema scripts (§4.12 SYS-20 … SYS-38, §7.1 SEC-01 … SEC-07):
 * security procedures become CREATE USER / CREATE ROLE / ALTER ROLE, storage and replication
 * procedures are dropped with a note, the rest are flagged.
 */
import type { SystemProcCall } from '../../../ast/nodes';
import type { TranslatorCode } from '../../../codes';
import type { StatementOutput, StatementTranslator, TranslationContext } from '../../../statement-translator';
import { namePartsFromString } from '../../../parser/names';
import { flagged, originalText } from '../flagged';
import { reportName, tsqlName } from '../names';
import { quoteIdent, sqlString } from '../quote';
import { noteLine, reportCode } from '../report-code';

type Handler = (stmt: SystemProcCall, ctx: TranslationContext) => StatementOutput;

const out = (stmt: SystemProcCall, sql: string, type = 'other', name = stmt.proc): StatementOutput => ({
  sql,
  outcome: 'converted',
  object: { type, name },
});

const drop =
  (key: TranslatorCode, why: string): Handler =>
  (stmt, ctx) => {
    reportCode(ctx, key, `${stmt.proc} dropped: ${why}`);
    return out(stmt, noteLine(key, `${stmt.proc} ${stmt.args.join(', ')}`, `dropped; ${why}`));
  };

const manual =
  (key: TranslatorCode, why: string): Handler =>
  (stmt, ctx) =>
    flagged({
      ctx,
      code: key,
      label: `exec ${stmt.proc}`,
      message: why,
      original: originalText(ctx, stmt.span),
      object: { type: 'other', name: stmt.proc },
    });

/** Argument `i` when present and non-empty (`null` counts as absent, as in ASE). */
function argAt(stmt: SystemProcCall, i: number): string | undefined {
  const a = stmt.args[i];
  return a === undefined || a === '' || a.toLowerCase() === 'null' ? undefined : a;
}

/** The procedure an `sp_procxmode` names, as the per-object report spells it (`dbo.p`). */
function procedureName(stmt: SystemProcCall, ctx: TranslationContext): string | undefined {
  const arg = argAt(stmt, 0);
  const parts = arg !== undefined ? namePartsFromString(arg) : undefined;
  const name = parts?.[parts.length - 1];
  if (parts === undefined || name === undefined || parts.length > 3) return arg;
  const owner = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  const database = parts.length === 3 ? parts[0] : undefined;
  return reportName(
    {
      name,
      ...(owner !== undefined && owner !== '' ? { owner } : {}),
      ...(database !== undefined ? { database } : {}),
    },
    ctx,
  );
}

/**
 * TRAN-04: the transaction-mode tag has no SQL Server equivalent and is dropped. A procedure tagged
 * `chained` was written for implicit transactions (its DML commits only on an explicit commit), so
 * dropping the tag changes behaviour unless the caller runs with IMPLICIT_TRANSACTIONS ON: WARN on
 * the procedure. `unchained` / `anymode` (and the one-argument query form) lose nothing: INFO.
 */
const procxmode: Handler = (stmt, ctx) => {
  const mode = argAt(stmt, 1)?.toLowerCase();
  const proc = procedureName(stmt, ctx);
  if (mode !== 'chained' || proc === undefined)
    return drop('procDroppedProcxmode', 'SQL Server has no procedure transaction mode (TRAN-04)')(stmt, ctx);
  const why =
    'the body was written for chained mode (implicit transactions): run callers with SET IMPLICIT_TRANSACTIONS ON or add explicit BEGIN TRAN / COMMIT in the converted body';
  reportCode(ctx, 'procxmodeChained', `sp_procxmode ${proc} 'chained' dropped: ${why} (TRAN-04)`, proc);
  return out(
    stmt,
    noteLine('procxmodeChained', `sp_procxmode ${proc}, chained`, `dropped; ${why}`),
    'procedure',
    proc,
  );
};

const HANDLERS: Record<string, Handler> = {
  sp_procxmode: procxmode,
  sp_hidetext: drop('procDroppedHidetext', 'use WITH ENCRYPTION on the module if the text must stay hidden'),
  // SEC-04: groups → database roles
  sp_addgroup: (s, c) =>
    argAt(s, 0) !== undefined
      ? out(s, `CREATE ROLE ${quoteIdent(argAt(s, 0) as string)};`, 'role', argAt(s, 0))
      : manual('securityProc', 'sp_addgroup without a group name')(s, c),
  sp_dropgroup: (s, c) =>
    argAt(s, 0) !== undefined
      ? out(s, `DROP ROLE ${quoteIdent(argAt(s, 0) as string)};`, 'role', argAt(s, 0))
      : manual('securityProc', 'sp_dropgroup without a group name')(s, c),
  // SEC-02: sp_adduser login [, name_in_db [, group]]
  sp_adduser: (s, c) => {
    const login = argAt(s, 0);
    if (login === undefined) return manual('securityProc', 'sp_adduser without a login name')(s, c);
    if (login.toLowerCase() === 'guest')
      return manual(
        'securityProc',
        'guest user (SEC-03): enable with GRANT CONNECT TO guest on SQL Server only if really needed; avoid on Azure',
      )(s, c);
    const user = argAt(s, 1) ?? login;
    const group = argAt(s, 2);
    reportCode(
      c,
      'addUser',
      `user ${user} created FOR LOGIN ${login}: the login must exist on the target server${c.options.target === 'azure-sql' ? ' (in master), or use a contained/Entra user (SEC-01)' : ''}`,
    );
    const lines = [`CREATE USER ${quoteIdent(user)} FOR LOGIN ${quoteIdent(login)};`];
    if (group !== undefined && group.toLowerCase() !== 'public')
      lines.push(`ALTER ROLE ${quoteIdent(group)} ADD MEMBER ${quoteIdent(user)};`);
    return out(s, lines.join('\n'), 'user', user);
  },
  sp_dropuser: (s, c) =>
    argAt(s, 0) !== undefined
      ? out(s, `DROP USER ${quoteIdent(argAt(s, 0) as string)};`, 'user', argAt(s, 0))
      : manual('securityProc', 'sp_dropuser without a user name')(s, c),
  // sp_changegroup group, user
  sp_changegroup: (s, c) => {
    const group = argAt(s, 0);
    const user = argAt(s, 1);
    if (group === undefined || user === undefined)
      return manual('securityProc', 'sp_changegroup needs a group and a user')(s, c);
    if (group.toLowerCase() === 'public') {
      reportCode(
        c,
        'changeGroup',
        `sp_changegroup public, ${user}: removes ${user} from its ASE group; remove the role membership manually`,
      );
      return out(
        s,
        noteLine(
          'changeGroup',
          `sp_changegroup public, ${user}`,
          'ALTER ROLE <old group> DROP MEMBER needed',
        ),
        'user',
        user,
      );
    }
    reportCode(
      c,
      'changeGroup',
      `sp_changegroup ${group}, ${user}: ASE moved the user out of its previous group; SQL Server role membership accumulates`,
    );
    return out(s, `ALTER ROLE ${quoteIdent(group)} ADD MEMBER ${quoteIdent(user)};`, 'user', user);
  },
  sp_addlogin: manual(
    'addLogin',
    'logins carry passwords that cannot be migrated (one-way hashes); create contained or Entra users instead',
  ),
  sp_configure: (s, c) =>
    c.options.target === 'azure-sql'
      ? manual('configure', 'server configuration is not available in Azure SQL Database')(s, c)
      : manual('procNotConverted', 'sp_configure options differ between ASE and SQL Server (SYS-30)')(s, c),
  sp_dboption: manual(
    'procDboption',
    'map the database option to ALTER DATABASE ... SET (sp_dboption was removed)',
  ),
  sp_addmessage: manual('procMessage', 'user messages need a message table and wrapper on Azure (AZ-06)'),
  sp_dropmessage: manual('procMessage', 'user messages need a message table and wrapper on Azure (AZ-06)'),
  // DDL-44: sp_rename 'old', 'new' | 't.c', 'new' [, 'column' | 'index']
  sp_rename: (s, c) => {
    const parts = argAt(s, 0) !== undefined ? namePartsFromString(argAt(s, 0) as string) : undefined;
    const newName = argAt(s, 1);
    const kind = argAt(s, 2)?.toLowerCase();
    if (
      parts === undefined ||
      newName === undefined ||
      parts.length > 2 ||
      (kind !== undefined && kind !== 'column' && kind !== 'index')
    )
      return manual('procNotConverted', 'sp_rename arguments not understood (DDL-44)')(s, c);
    if (parts.length === 1)
      return out(
        s,
        `EXEC [sys].[sp_rename] ${sqlString(tsqlName({ name: parts[0] as string }, c))}, ${sqlString(newName)};`,
        'other',
        `rename ${parts[0]}`,
      );
    const objname = `${tsqlName({ name: parts[0] as string }, c)}.${quoteIdent(parts[1] as string)}`;
    return out(
      s,
      `EXEC [sys].[sp_rename] ${sqlString(objname)}, ${sqlString(newName)}, ${sqlString(kind === 'index' ? 'INDEX' : 'COLUMN')};`,
      'other',
      `rename ${parts.join('.')}`,
    );
  },
  // SYS-25
  sp_droptype: (s, c) =>
    argAt(s, 0) !== undefined
      ? out(s, `DROP TYPE ${tsqlName({ name: argAt(s, 0) as string }, c)};`, 'type', argAt(s, 0))
      : manual('procNotConverted', 'sp_droptype without a type name')(s, c),
};

for (const p of [
  'sp_addsegment',
  'sp_extendsegment',
  'sp_dropsegment',
  'sp_placeobject',
  'sp_cacheconfig',
  'sp_bindcache',
  'sp_unbindcache',
  'sp_setrowlockpromote',
  'sp_setpglockpromote',
  'sp_chgattribute',
  'sp_poolconfig',
  'sp_logiosize',
]) {
  HANDLERS[p] = drop('procDroppedStorage', 'storage/cache placement has no SQL Server equivalent (SYS-33)');
}
for (const p of [
  'sp_setreptable',
  'sp_setrepproc',
  'sp_reptostandby',
  'sp_setrepcol',
  'sp_setrepdefmode',
  'sp_setrepdbmode',
]) {
  HANDLERS[p] = drop('procDroppedReplication', 'replication is configured separately on the target (SYS-38)');
}
for (const p of [
  'sp_addalias',
  'sp_dropalias',
  'sp_role',
  'sp_password',
  'sp_locklogin',
  'sp_modifylogin',
  'sp_droplogin',
  'sp_defaultdb',
  'sp_defaultlanguage',
  'sp_addremotelogin',
  'sp_dropremotelogin',
]) {
  HANDLERS[p] = manual(
    'securityProc',
    `${p}: logins, aliases and server roles need a manual security design (SEC-01, SEC-06, SEC-07)`,
  );
}

export const translateSystemProcCall: StatementTranslator<SystemProcCall> = (stmt, ctx) => {
  const handler = HANDLERS[stmt.proc];
  // handlers read arguments by position: `@name = value` arguments could be in any order
  if (stmt.args.some((a) => /^@\w+\s*=/.test(a)))
    return manual('procNotConverted', `${stmt.proc} with named arguments is not converted`)(stmt, ctx);
  if (handler !== undefined) return handler(stmt, ctx);
  return manual('procNotConverted', `system procedure ${stmt.proc} is not converted`)(stmt, ctx);
};
