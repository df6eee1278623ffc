/** A stand-in for catalog/ddl's generateDdl in pipeline tests: one CREATE TABLE script, one object per table. */
import type { Catalog } from '../../shared/catalog/model';
import type { DdlOutput } from '../../shared/pipeline/peers';

export function fakeDdl(catalog: Catalog): DdlOutput {
  return {
    scripts: [
      { phase: 'types', fileName: '01-types.sql', sql: '-- no types\n' },
      {
        phase: 'tables',
        fileName: '02-tables.sql',
        sql: catalog.tables.map((t) => `CREATE TABLE [${t.schema}].[${t.name}] (...);`).join('\n'),
      },
      { phase: 'constraints', fileName: '04-constraints.sql', sql: '-- constraints\n' },
    ],
    objects: catalog.tables.map((t) => ({
      type: 'table',
      name: `${t.schema}.${t.name}`,
      status: 'converted',
      diagnostics: [],
    })),
  };
}
