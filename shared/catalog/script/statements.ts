/**
 * PLACEHOLDER owned by the catalog engineer: replaced by the real schema-statement translators.
 * translate.ts imports these two names; their signatures are the contract.
 */
import { AsemigError } from '../../errors';
import type { SchemaState, StatementTranslators, TranslateOptions } from '../../translator/statement-translator';

type SchemaKinds = 'CreateTable' | 'AlterTable' | 'CreateIndex' | 'CreateRule' | 'CreateDefault' | 'AddType' | 'Bind' | 'Unbind' | 'KeyProc';

const notYet = (): never => {
  throw new AsemigError('ASM-INTERNAL-001', 'schema statement translators not implemented yet');
};

export const schemaStatementTranslators: Pick<StatementTranslators, SchemaKinds> = {
  CreateTable: notYet,
  AlterTable: notYet,
  CreateIndex: notYet,
  CreateRule: notYet,
  CreateDefault: notYet,
  AddType: notYet,
  Bind: notYet,
  Unbind: notYet,
  KeyProc: notYet,
};

export function createSchemaState(_options: TranslateOptions & { database?: string }): SchemaState {
  return notYet();
}
