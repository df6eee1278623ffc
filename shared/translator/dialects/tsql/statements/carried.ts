/**
 * Statements carried verbatim and flagged: unparsed statements (with the parser's code) and
 * create database (SYS-77). Modules are translated in module.ts.
 */
import type { CreateDatabase, Unparsed } from '../../../ast/nodes';
import { translatorCodes } from '../../../codes';
import type { StatementTranslator } from '../../../statement-translator';
import { flagged, flaggedText } from '../flagged';

export const translateUnparsed: StatementTranslator<Unparsed> = (stmt, ctx) => {
  const info =
    Object.values(translatorCodes).find((c) => c.code === stmt.code) ?? translatorCodes.unsupportedStatement;
  ctx.report({ code: stmt.code, ruleId: info.ruleId, level: info.level, message: stmt.reason });
  const label = `line ${stmt.span.line}: ${stmt.text.split(/\s+/).slice(0, 3).join(' ')}`;
  return flaggedText(info, label, stmt.reason, stmt.text, { type: 'other', name: label });
};

export const translateCreateDatabase: StatementTranslator<CreateDatabase> = (stmt, ctx) =>
  flagged({
    ctx,
    code: 'createDatabase',
    label: `create database ${stmt.name}`,
    message:
      ctx.options.target === 'azure-sql'
        ? 'Azure SQL Database is created with EDITION/SERVICE_OBJECTIVE/MAXSIZE outside this script'
        : 'create the database with SQL Server files outside this script',
    original: stmt.text,
    object: { type: 'database', name: stmt.name },
  });
