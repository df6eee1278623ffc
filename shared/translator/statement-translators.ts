/**
 * The registry: one translator per statement kind. Schema statements come from the catalog
 * (they need the accumulated catalog); the others are the front end's. The mapped type makes a
 * kind without a translator a compile error.
 */
import { schemaStatementTranslators } from '../catalog/script/statements';
import type { StatementTranslators } from './statement-translator';
import { translateCreateDatabase, translateUnparsed } from './dialects/tsql/statements/carried';
import { translateCreateModule } from './dialects/tsql/statements/module';
import { translateDrop } from './dialects/tsql/statements/drop';
import { translateGrant } from './dialects/tsql/statements/grant';
import { translateIf } from './dialects/tsql/statements/if-guard';
import {
  translatePrint,
  translateSetOption,
  translateSetUser,
  translateUse,
} from './dialects/tsql/statements/session';
import { translateSystemProcCall } from './dialects/tsql/statements/system-proc';

export const statementTranslators: StatementTranslators = {
  ...schemaStatementTranslators,
  Use: translateUse,
  SetUser: translateSetUser,
  Print: translatePrint,
  SetOption: translateSetOption,
  Grant: translateGrant,
  Revoke: translateGrant,
  Drop: translateDrop,
  If: translateIf,
  CreateDatabase: translateCreateDatabase,
  CreateModule: translateCreateModule,
  Unparsed: translateUnparsed,
  SystemProcCall: translateSystemProcCall,
};
