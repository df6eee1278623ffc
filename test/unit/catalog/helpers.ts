/** Small helpers for the catalog tests: build a catalog from ASE text and find its parts. */
import type { TranslateOptions } from '../../../shared/translator/statement-translator';
import type { CastOverride } from '../../../shared/catalog/cast-rules/types';
import type { Catalog, Column, ServerFacts, Table } from '../../../shared/catalog/model';
import { catalogFromScripts } from '../../../shared/catalog/script/read-scripts';

export function catalogOf(
  sql: string,
  options: TranslateOptions & {
    overrides?: readonly CastOverride[];
    server?: ServerFacts;
    database?: string;
  } = {},
): Catalog {
  return catalogFromScripts([{ path: 'test.sql', text: sql }], options);
}

export function tableOf(c: Catalog, name: string): Table {
  const [schema, table] = name.includes('.') ? name.split('.') : ['dbo', name];
  const t = c.tables.find((x) => x.schema === schema && x.name === table);
  if (!t)
    throw new Error(
      `table ${name} not in catalog: ${c.tables.map((x) => `${x.schema}.${x.name}`).join(', ')}`,
    );
  return t;
}

export function columnOf(c: Catalog, table: string, column: string): Column {
  const col = tableOf(c, table).columns.find((x) => x.name === column);
  if (!col) throw new Error(`column ${column} not in ${table}`);
  return col;
}

export function codes(c: Catalog): string[] {
  return c.diagnostics.map((d) => d.code);
}
