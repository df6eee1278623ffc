/**
 * 03-load-blob.sql and 03-load-local.sql: one BULK INSERT per staged chunk (BCP-14, AZ-11).
 * Options always set: FORMAT = 'CSV' with `"` quotes, `,` fields, LF rows (BCP-02: '0x0a', never
 * '\n' which SQL Server reads as CRLF), CODEPAGE = '65001' (UTF-8), KEEPNULLS (BCP-03: an empty
 * field is NULL, not the column default), KEEPIDENTITY when the table has an identity (BCP-09),
 * TABLOCK, MAXERRORS = 0 (the default of 10 would drop rows silently) and an ERRORFILE.
 * BCP-12: BULK INSERT checks no CHECK/FK constraint and fires no trigger; the constraints are
 * created afterwards, WITH CHECK, by 04-constraints.sql.
 *
 * Skipped columns (rowversion BCP-10, computed BCP-11): the file holds only the loadable columns,
 * so the chunk is loaded through a staging view listing exactly those columns (decided over a
 * format file: a view needs no second file per table and reads the same in both scripts).
 *
 * Idempotent per chunk: a ledger table records loaded chunks; a chunk already in it is skipped,
 * and a chunk that is loaded again first deletes its key range (a partial earlier attempt), all in
 * one transaction, and fails unless the loaded row count equals the manifest's.
 */
import { quoteIdent, quoteQualified } from '../../../translator/dialects/tsql/quote';
import type { KeyRange } from '../../contracts';
import { rangePredicate } from '../../validate/tsql-hash';
import type { Column } from '../../../catalog/model';
import {
  asTargetColumn,
  hasSkippedColumns,
  identityColumn,
  nstr,
  packageDataFile,
  str,
  targetColumnName,
  targetTableName,
  type PackagedTable,
} from './package-model';

export type LoadFlavour = 'blob' | 'local';

export const LEDGER = '[dbo].[asemig_load_ledger]';
export const DATA_SOURCE = 'AsemigStaging';
export const CREDENTIAL = 'AsemigBlobCredential';

/** The key range with key columns renamed to their target names. */
export function targetRange(p: PackagedTable, range: KeyRange | undefined): KeyRange | undefined {
  if (!range) return undefined;
  const rename = (k: string): string => {
    const c = p.table.columns.find((x) => x.name === k);
    return c ? targetColumnName(c) : k;
  };
  return { ...range, keyColumns: range.keyColumns.map(rename) };
}

/** All of the table's columns under their target names: what targetRange's key columns name. */
export function targetColumns(p: PackagedTable): Column[] {
  return p.table.columns.map(asTargetColumn);
}

function header(flavour: LoadFlavour, runId: string, version: string): string[] {
  const lines = [
    `-- ase-migrate ${version}, run ${runId}: load the staged data (${flavour === 'blob' ? 'from Azure Blob Storage, AZ-11' : 'from local files'}).`,
    '-- Run after 02-tables.sql and before 04-constraints.sql, with sqlcmd -b (stop at the first error):',
    flavour === 'blob'
      ? '--   sqlcmd ... -b -v BlobLocation="https://<account>.blob.core.windows.net/<container>" DataPrefix="data" -i 03-load-blob.sql'
      : '--   sqlcmd ... -b -v DataDir="<absolute path of this package>/data" -i 03-load-local.sql',
    '-- Safe to run again: chunks recorded in the ledger are skipped; a chunk is replaced by key range.',
    'SET NOCOUNT ON;',
    'SET XACT_ABORT ON;',
  ];
  if (flavour === 'blob') {
    lines.push(
      '-- The database reads the container with its managed identity (Storage Blob Data Reader, and',
      '-- Contributor for the ERRORFILE). No secret is written here; a SAS credential, if used instead,',
      '-- is created by the operator (AZ-11: SECRET without the leading ?).',
      "IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE name = N'##MS_DatabaseMasterKey##')",
      '  CREATE MASTER KEY; -- Azure SQL Database; on SQL Server add ENCRYPTION BY PASSWORD',
      `IF NOT EXISTS (SELECT 1 FROM sys.database_scoped_credentials WHERE name = ${nstr(CREDENTIAL)})`,
      `  CREATE DATABASE SCOPED CREDENTIAL ${quoteIdent(CREDENTIAL)} WITH IDENTITY = 'Managed Identity';`,
      `IF NOT EXISTS (SELECT 1 FROM sys.external_data_sources WHERE name = ${nstr(DATA_SOURCE)})`,
      `  CREATE EXTERNAL DATA SOURCE ${quoteIdent(DATA_SOURCE)} WITH (TYPE = BLOB_STORAGE, LOCATION = '$(BlobLocation)', CREDENTIAL = ${quoteIdent(CREDENTIAL)});`,
    );
  }
  lines.push(
    `IF OBJECT_ID(N'${LEDGER.replace(/'/g, "''")}', N'U') IS NULL`,
    `  CREATE TABLE ${LEDGER} (run_id nvarchar(64) NOT NULL, table_name nvarchar(400) NOT NULL, chunk int NOT NULL,`,
    '    row_count bigint NOT NULL, chunk_hash char(64) NOT NULL, loaded_at datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),',
    '    CONSTRAINT [pk_asemig_load_ledger] PRIMARY KEY (run_id, table_name, chunk));',
    'GO',
    '',
  );
  return lines;
}

/** Name of the staging view of a table with skipped columns. */
export function loadViewName(p: PackagedTable): string {
  return `${targetTableName(p.table)}$asemig_load`;
}

function tableBlock(p: PackagedTable, flavour: LoadFlavour, runId: string): string[] {
  const t = p.table;
  const qualified = `${t.schema}.${targetTableName(t)}`;
  const target = quoteQualified(t.schema, targetTableName(t));
  const rows = p.manifests.reduce((n, m) => n + m.rows, 0);
  const lines = [`-- ${qualified}: ${p.manifests.length} chunk(s), ${rows} row(s)`];
  let into = target;
  if (hasSkippedColumns(p)) {
    const skipped = t.columns.filter((c) => !p.columns.includes(c)).map(targetColumnName);
    into = quoteQualified(t.schema, loadViewName(p));
    lines.push(
      `-- BCP-10/11: ${skipped.join(', ')} not loaded (rowversion/computed); loading through a view of the staged columns.`,
      `CREATE OR ALTER VIEW ${into} AS SELECT ${p.columns.map((c) => quoteIdent(targetColumnName(c))).join(', ')} FROM ${target};`,
      'GO',
    );
  }
  const keepIdentity = identityColumn(t) !== undefined;
  for (const m of p.manifests) {
    const file = packageDataFile(t, m.ref.index);
    // Typed literals, string keys under BIN2: exactly the rows of this chunk (validate/tsql-hash.ts).
    const where = rangePredicate(targetRange(p, m.range), targetColumns(p));
    const path =
      flavour === 'blob'
        ? `$(DataPrefix)/${file.slice('data/'.length)}`
        : `$(DataDir)/${file.slice('data/'.length)}`;
    const errorFile =
      flavour === 'blob'
        ? `$(DataPrefix)/errors/${file.slice('data/'.length).replace(/\.csv$/, '')}`
        : `$(DataDir)/${file.slice('data/'.length).replace(/\.csv$/, '.errors')}`;
    const options = [
      ...(flavour === 'blob' ? [`DATA_SOURCE = ${str(DATA_SOURCE)}`] : []),
      "FORMAT = 'CSV'",
      `FIELDQUOTE = '"'`,
      "FIELDTERMINATOR = ','",
      "ROWTERMINATOR = '0x0a'",
      "CODEPAGE = '65001'",
      'KEEPNULLS',
      ...(keepIdentity ? ['KEEPIDENTITY'] : []),
      'TABLOCK',
      'MAXERRORS = 0',
      `ERRORFILE = ${str(errorFile)}`,
      ...(flavour === 'blob' ? [`ERRORFILE_DATA_SOURCE = ${str(DATA_SOURCE)}`] : []),
    ];
    const key = `run_id = ${nstr(runId)} AND table_name = ${nstr(qualified)} AND chunk = ${m.ref.index}`;
    lines.push(
      `-- chunk ${m.ref.index}: ${m.rows} row(s), ${m.bytes} byte(s), hash ${m.hash}`,
      `IF NOT EXISTS (SELECT 1 FROM ${LEDGER} WHERE ${key})`,
      'BEGIN',
      '  BEGIN TRANSACTION;',
      `  DELETE FROM ${target} WHERE ${where};`,
    );
    if (m.rows > 0) {
      lines.push(
        `  BULK INSERT ${into} FROM ${str(path)}`,
        `    WITH (${options.join(', ')});`,
        `  IF @@ROWCOUNT <> ${m.rows} THROW 50001, ${nstr(`${qualified} chunk ${m.ref.index}: loaded row count differs from the ${m.rows} staged rows`)}, 1;`,
      );
    } else {
      lines.push('  -- no rows staged for this chunk: nothing to load');
    }
    lines.push(
      `  INSERT ${LEDGER} (run_id, table_name, chunk, row_count, chunk_hash) VALUES (${nstr(runId)}, ${nstr(qualified)}, ${m.ref.index}, ${m.rows}, '${m.hash.toUpperCase()}');`,
      '  COMMIT TRANSACTION;',
      'END',
      'GO',
    );
  }
  if (hasSkippedColumns(p)) lines.push(`DROP VIEW IF EXISTS ${into};`, 'GO');
  lines.push('');
  return lines;
}

export function loadScript(
  tables: readonly PackagedTable[],
  flavour: LoadFlavour,
  runId: string,
  version: string,
): string {
  return [...header(flavour, runId, version), ...tables.flatMap((p) => tableBlock(p, flavour, runId))].join(
    '\n',
  );
}
