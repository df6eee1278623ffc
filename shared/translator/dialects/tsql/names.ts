/**
 * Object names in generated T-SQL: owner → schema (SEC-08, unqualified names get the default
 * schema), every part bracket-quoted (LEX-04). A database part is only allowed on SQL Server;
 * on Azure SQL Database it is a cross-database reference (AZ-02) and the caller flags it.
 */
import type { QualifiedName } from '../../ast/nodes';
import type { TranslationContext } from '../../statement-translator';
import { quoteIdent, quoteQualified } from './quote';

export function isTemp(q: QualifiedName): boolean {
  return q.name.startsWith('#');
}

/** True when the name points into another database and the target cannot do that (AZ-02). */
export function isCrossDatabase(q: QualifiedName, ctx: TranslationContext): boolean {
  return (
    q.database !== undefined && q.database.toLowerCase() !== 'tempdb' && ctx.options.target === 'azure-sql'
  );
}

export function schemaOf(q: QualifiedName, ctx: TranslationContext): string {
  return q.owner ?? ctx.options.defaultSchema;
}

/** `[schema].[name]` (or `[db].[schema].[name]` on SQL Server; `[#t]` for temp tables). */
export function tsqlName(q: QualifiedName, ctx: TranslationContext): string {
  if (isTemp(q)) return quoteIdent(q.name);
  const two = quoteQualified(schemaOf(q, ctx), q.name);
  return q.database !== undefined && !isCrossDatabase(q, ctx) ? `${quoteIdent(q.database)}.${two}` : two;
}

/** `schema.name` for reports and diagnostics. */
export function reportName(q: QualifiedName, ctx: TranslationContext): string {
  if (isTemp(q)) return q.name;
  return [q.database, schemaOf(q, ctx), q.name].filter((p) => p !== undefined).join('.');
}
