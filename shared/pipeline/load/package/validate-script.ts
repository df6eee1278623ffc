/**
 * 07-validate.sql: recomputes per chunk the row count and the chunk hash (validate/row-hash.ts,
 * key-order-v1 or sorted-rows-v1 as the chunk's manifest says;
 * T-SQL from validate/tsql-hash.ts) and per table the total count and the table hash, compares
 * them with the staged values written into the script, and raises an error listing every
 * mismatch. The total count catches rows outside every chunk's key range.
 * The hash SQL has not been run against a real SQL Server yet (docs/ARCHITECTURE.md §6).
 */
import type { Column } from '../../../catalog/model';
import { quoteQualified } from '../../../translator/dialects/tsql/quote';
import { tableHash } from '../../validate/row-hash';
import { chunkHashSelectFor, rangePredicate } from '../../validate/tsql-hash';
import { targetColumns, targetRange } from './load-script';
import { asTargetColumn, nstr, targetTableName, type PackagedTable } from './package-model';

export function validateScript(tables: readonly PackagedTable[], runId: string, version: string): string {
  const lines: string[] = [
    `-- ase-migrate ${version}, run ${runId}: validate the loaded data against the staged counts and hashes.`,
    '-- Raises error 50002 listing every mismatch; prints a summary when everything matches.',
    'SET NOCOUNT ON;',
    'DECLARE @chunks TABLE (table_name nvarchar(400) NOT NULL, chunk int NOT NULL, expected_rows bigint NOT NULL,',
    '  expected_hash char(64) NOT NULL, actual_rows bigint NULL, actual_hash char(64) NULL);',
    'DECLARE @tables TABLE (table_name nvarchar(400) NOT NULL, expected_rows bigint NOT NULL, expected_hash char(64) NOT NULL,',
    '  actual_rows bigint NULL);',
    'DECLARE @mismatch TABLE (id int IDENTITY PRIMARY KEY, message nvarchar(1000) NOT NULL);',
    '',
  ];
  for (const p of tables) {
    const t = p.table;
    const qualified = `${t.schema}.${targetTableName(t)}`;
    const target = quoteQualified(t.schema, targetTableName(t));
    const columns = p.columns.map(asTargetColumn);
    const rows = p.manifests.reduce((n, m) => n + m.rows, 0);
    const hash = tableHash(p.manifests.map((m) => m.hash)).toUpperCase();
    lines.push(
      `-- ${qualified}`,
      `INSERT @tables (table_name, expected_rows, expected_hash) VALUES (${nstr(qualified)}, ${rows}, '${hash}');`,
      `UPDATE @tables SET actual_rows = (SELECT COUNT_BIG(*) FROM ${target}) WHERE table_name = ${nstr(qualified)};`,
    );
    const all = targetColumns(p);
    for (const m of p.manifests) {
      const range = targetRange(p, m.range);
      const where = rangePredicate(range, all);
      // Each chunk is checked with the hash definition its manifest names (row-hash.ts).
      const keys = (range?.keyColumns ?? []).map((k) => all.find((c) => c.name === k) as Column);
      lines.push(
        `INSERT @chunks (table_name, chunk, expected_rows, expected_hash) VALUES (${nstr(qualified)}, ${m.ref.index}, ${m.rows}, '${m.hash.toUpperCase()}');`,
        'UPDATE c SET actual_rows = x.n, actual_hash = x.h FROM @chunks AS c CROSS JOIN (',
        chunkHashSelectFor(m.hashMethod, target, columns, keys, where),
        `) AS x WHERE c.table_name = ${nstr(qualified)} AND c.chunk = ${m.ref.index};`,
      );
    }
    lines.push('');
  }
  lines.push(
    'INSERT @mismatch (message)',
    "SELECT table_name + N' chunk ' + CONVERT(nvarchar(12), chunk) + N': expected ' + CONVERT(nvarchar(20), expected_rows)",
    "  + N' rows hash ' + expected_hash + N', found ' + ISNULL(CONVERT(nvarchar(20), actual_rows), N'?') + N' rows hash ' + ISNULL(actual_hash, N'?')",
    'FROM @chunks WHERE actual_rows IS NULL OR actual_rows <> expected_rows OR actual_hash <> expected_hash ORDER BY table_name, chunk;',
    'INSERT @mismatch (message)',
    "SELECT table_name + N': expected ' + CONVERT(nvarchar(20), expected_rows) + N' rows in the table, found ' + ISNULL(CONVERT(nvarchar(20), actual_rows), N'?')",
    'FROM @tables WHERE actual_rows IS NULL OR actual_rows <> expected_rows ORDER BY table_name;',
    '-- Table hash = SHA-256 of the chunk hashes in chunk order.',
    'INSERT @mismatch (message)',
    "SELECT t.table_name + N': table hash differs (expected ' + t.expected_hash + N')'",
    'FROM @tables AS t CROSS APPLY (',
    "  SELECT CONVERT(char(64), HASHBYTES('SHA2_256', ISNULL(CONVERT(varbinary(max), STRING_AGG(CONVERT(varchar(max), c.actual_hash), '')",
    '    WITHIN GROUP (ORDER BY c.chunk), 2), 0x)), 2) AS h FROM @chunks AS c WHERE c.table_name = t.table_name) AS a',
    'WHERE a.h IS NULL OR a.h <> t.expected_hash;',
    'IF EXISTS (SELECT 1 FROM @mismatch)',
    'BEGIN',
    '  SELECT message FROM @mismatch ORDER BY id;',
    "  DECLARE @list nvarchar(max) = (SELECT STRING_AGG(message, N'; ') WITHIN GROUP (ORDER BY id) FROM @mismatch);",
    "  DECLARE @text nvarchar(2048) = LEFT(N'validation failed: ' + @list, 2048);",
    '  THROW 50002, @text, 1;',
    'END',
    `PRINT N'validation passed: ${tables.length} table(s), ${tables.reduce((n, p) => n + p.manifests.length, 0)} chunk(s)';`,
    'GO',
    '',
  );
  return lines.join('\n');
}
