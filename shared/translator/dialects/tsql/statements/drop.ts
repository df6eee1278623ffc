/**
 * drop → DROP (DDL-47). Indexes need their table in T-SQL (`DROP INDEX [i] ON [dbo].[t]`); rules
 * and defaults are emitted as constraints (RD-01/RD-10), so dropping them leaves nothing to do.
 */
import type { Drop } from '../../../ast/nodes';
import type { StatementTranslator } from '../../../statement-translator';
import { flagged, originalText } from '../flagged';
import { isCrossDatabase, reportName, tsqlName } from '../names';
import { quoteIdent } from '../quote';
import { noteLine, reportCode } from '../report-code';

const KEYWORD: Record<string, string> = {
  table: 'TABLE',
  view: 'VIEW',
  procedure: 'PROCEDURE',
  trigger: 'TRIGGER',
  function: 'FUNCTION',
  type: 'TYPE',
};

export const translateDrop: StatementTranslator<Drop> = (stmt, ctx) => {
  const names = stmt.names.map((n, i) => {
    const table = stmt.indexTables?.[i];
    return table !== undefined ? `${reportName(table, ctx)}.${n.name}` : reportName(n, ctx);
  });
  const object = { type: stmt.objectType, name: names.join(', ') };
  const label = `drop ${stmt.objectType} ${object.name}`;
  const original = originalText(ctx, stmt.span);
  const ifExists = stmt.ifExists === true ? 'IF EXISTS ' : '';

  const cross = [...stmt.names, ...(stmt.indexTables ?? [])].find(
    (n) => n !== undefined && isCrossDatabase(n, ctx),
  );
  if (cross !== undefined)
    return flagged({
      ctx,
      code: 'crossDatabaseName',
      label,
      message: `${reportName(cross, ctx)} is in another database (AZ-02)`,
      original,
      object,
    });

  switch (stmt.objectType) {
    case 'rule':
    case 'default': {
      const msg = `${stmt.objectType} objects are converted to ${stmt.objectType === 'rule' ? 'CHECK' : 'DEFAULT'} constraints on the bound columns; nothing to drop`;
      reportCode(ctx, 'dropRuleDefault', `${label}: ${msg}`);
      return { sql: noteLine('dropRuleDefault', label, msg), outcome: 'converted', object };
    }
    case 'index': {
      const parts = stmt.names.map((n, i) => {
        const table = stmt.indexTables?.[i];
        return table === undefined ? undefined : `${quoteIdent(n.name)} ON ${tsqlName(table, ctx)}`;
      });
      if (parts.some((p) => p === undefined))
        return flagged({
          ctx,
          code: 'unsupportedStatement',
          label,
          message: 'drop index needs table.index',
          original,
          object,
        });
      return { sql: `DROP INDEX ${ifExists}${parts.join(', ')};`, outcome: 'converted', object };
    }
    case 'database':
      return flagged({
        ctx,
        code: 'createDatabase',
        label,
        message: 'databases are provisioned and removed outside the migration script (SYS-77)',
        original,
        object,
      });
    case 'role':
    case 'user':
      // DROP USER / DROP ROLE take one name each
      return {
        sql: stmt.names
          .map((n) => `DROP ${stmt.objectType.toUpperCase()} ${ifExists}${quoteIdent(n.name)};`)
          .join('\n'),
        outcome: 'converted',
        object,
      };
    case 'login':
      return flagged({
        ctx,
        code: 'addLogin',
        label,
        message: 'logins are server-level (SEC-01); manage them outside the database script',
        original,
        object,
      });
    default: {
      const kw = KEYWORD[stmt.objectType];
      if (kw === undefined)
        return flagged({
          ctx,
          code: 'unsupportedStatement',
          label,
          message: `drop ${stmt.objectType} is not converted`,
          original,
          object,
        });
      return {
        sql: `DROP ${kw} ${ifExists}${stmt.names.map((n) => tsqlName(n, ctx)).join(', ')};`,
        outcome: 'converted',
        object,
      };
    }
  }
};
