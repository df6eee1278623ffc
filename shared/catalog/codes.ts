/**
 * Diagnostic codes of the catalog area (cast rules, catalog builder, DDL generation), as data so
 * that docs/diagnostics.md and the report can list them. Each code cites the conversion-rules.md
 * rule it implements; `level` is the default level (a few call sites raise it, e.g. BLOCK on Azure).
 */
import type { DiagnosticInput, Level } from '../translator/diagnostics';

export interface CodeEntry {
  readonly code: string;
  readonly ruleId: string;
  readonly level: Level;
  readonly summary: string;
}

const entries = [
  // §1 data types
  {
    code: 'ASM-DT-001',
    ruleId: 'DT-01',
    level: 'INFO',
    summary: 'nullability not declared: ASE default (NOT NULL) written explicitly',
  },
  {
    code: 'ASM-DT-003',
    ruleId: 'DT-03',
    level: 'INFO',
    summary: 'nullable char/binary mapped to varchar/varbinary (ASE stores it unpadded)',
  },
  {
    code: 'ASM-DT-004',
    ruleId: 'DT-03',
    level: 'WARN',
    summary: 'nullable char kept as char (option keepNullableChar): values are now blank-padded',
  },
  {
    code: 'ASM-DT-005',
    ruleId: 'DT-05',
    level: 'WARN',
    summary: 'bit declared NULL: ASE bit is never NULL, written NOT NULL',
  },
  {
    code: 'ASM-DT-006',
    ruleId: 'DT-06',
    level: 'INFO',
    summary: 'unsigned type widened, CHECK keeps the ASE domain',
  },
  {
    code: 'ASM-DT-007',
    ruleId: 'DT-06',
    level: 'WARN',
    summary: 'unsigned bigint mapped to numeric(20,0): clients receive a decimal',
  },
  {
    code: 'ASM-DT-008',
    ruleId: 'DT-07',
    level: 'WARN',
    summary: 'datetime mapped to datetime2(3) (option): .999 literals and empty strings behave differently',
  },
  {
    code: 'ASM-DT-009',
    ruleId: 'DT-08',
    level: 'WARN',
    summary: 'timestamp mapped to rowversion: values are not migrated, cached tokens become stale',
  },
  { code: 'ASM-DT-010', ruleId: 'DT-09', level: 'INFO', summary: 'user type inlined as its base type' },
  {
    code: 'ASM-DT-011',
    ruleId: 'DT-00',
    level: 'WARN',
    summary: 'text/image mapped to varchar(max)/varbinary(max); readtext/writetext need rewriting',
  },
  {
    code: 'ASM-DT-012',
    ruleId: 'DT-00',
    level: 'WARN',
    summary: 'length above the SQL Server in-row limit: mapped to a max type',
  },
  {
    code: 'ASM-DT-013',
    ruleId: 'DT-00',
    level: 'MANUAL',
    summary: 'type has no SQL Server equivalent (Java class, unknown type)',
  },
  {
    code: 'ASM-DT-014',
    ruleId: 'DT-00',
    level: 'INFO',
    summary: 'sysname mapped to SQL Server sysname (nvarchar(128))',
  },
  {
    code: 'ASM-DT-015',
    ruleId: 'DT-00',
    level: 'INFO',
    summary: 'nchar/nvarchar in the server character set: data is transcoded on load (COL-06b)',
  },
  {
    code: 'ASM-DT-016',
    ruleId: 'DT-00',
    level: 'INFO',
    summary: 'cast rule from the user override file applied',
  },
  {
    code: 'ASM-DT-017',
    ruleId: 'DT-09',
    level: 'INFO',
    summary: 'user type emitted as CREATE TYPE for documentation and parameters',
  },
  // §2 table DDL
  {
    code: 'ASM-DDL-001',
    ruleId: 'DDL-01',
    level: 'INFO',
    summary: 'lock scheme dropped (recorded for IDX-04)',
  },
  { code: 'ASM-DDL-002', ruleId: 'DDL-02', level: 'INFO', summary: 'max_rows_per_page dropped' },
  { code: 'ASM-DDL-003', ruleId: 'DDL-03', level: 'INFO', summary: 'exp_row_size dropped' },
  { code: 'ASM-DDL-004', ruleId: 'DDL-04', level: 'INFO', summary: 'reservepagegap dropped' },
  { code: 'ASM-DDL-005', ruleId: 'DDL-05', level: 'INFO', summary: 'identity_gap dropped (ID-02)' },
  {
    code: 'ASM-DDL-006',
    ruleId: 'DDL-06',
    level: 'WARN',
    summary: 'dml_logging dropped: all DML is fully logged',
  },
  {
    code: 'ASM-DDL-007',
    ruleId: 'DDL-07',
    level: 'INFO',
    summary: 'compression mapped / lob_compression dropped',
  },
  {
    code: 'ASM-DDL-008',
    ruleId: 'DDL-08',
    level: 'INFO',
    summary: 'table option without equivalent dropped',
  },
  { code: 'ASM-DDL-009', ruleId: 'DDL-09', level: 'INFO', summary: 'segment clause dropped (AZ-05)' },
  {
    code: 'ASM-DDL-010',
    ruleId: 'DDL-10',
    level: 'WARN',
    summary: 'range partitioning mapped to a partition function and scheme (boundaries as written: verify)',
  },
  {
    code: 'ASM-DDL-011',
    ruleId: 'DDL-11',
    level: 'WARN',
    summary: 'hash/list/roundrobin partitioning dropped',
  },
  {
    code: 'ASM-DDL-012',
    ruleId: 'DDL-12',
    level: 'MANUAL',
    summary: 'encrypted column: extract decrypted data, choose target protection',
  },
  { code: 'ASM-DDL-013', ruleId: 'DDL-13', level: 'INFO', summary: 'in row / off row LOB option dropped' },
  {
    code: 'ASM-DDL-014',
    ruleId: 'DDL-14',
    level: 'MANUAL',
    summary: 'proxy table (create existing / external table) not created',
  },
  { code: 'ASM-DDL-015', ruleId: 'DDL-15', level: 'INFO', summary: 'for load dropped' },
  {
    code: 'ASM-DDL-016',
    ruleId: 'DDL-16',
    level: 'WARN',
    summary: 'database qualifier dropped: object created in the target database (AZ-02)',
  },
  {
    code: 'ASM-DDL-020',
    ruleId: 'DDL-20',
    level: 'WARN',
    summary: 'non-deterministic materialized computed column became a column with a DEFAULT',
  },
  {
    code: 'ASM-DDL-021',
    ruleId: 'DDL-20',
    level: 'MANUAL',
    summary: 'non-deterministic materialized computed column cannot be persisted: kept not persisted',
  },
  {
    code: 'ASM-DDL-022',
    ruleId: 'DDL-22',
    level: 'WARN',
    summary: 'constraint name longer than 128 characters or duplicated: shortened deterministically',
  },
  {
    code: 'ASM-DDL-023',
    ruleId: 'DDL-23',
    level: 'WARN',
    summary: 'identifier longer than 128 characters: shortened deterministically',
  },
  {
    code: 'ASM-DDL-031',
    ruleId: 'DDL-31',
    level: 'WARN',
    summary: 'unique constraint on nullable columns: SQL Server allows one NULL (verify ASE behaviour)',
  },
  {
    code: 'ASM-DDL-033',
    ruleId: 'DDL-33',
    level: 'MANUAL',
    summary: 'cross-database foreign key cannot be created',
  },
  {
    code: 'ASM-DDL-034',
    ruleId: 'DDL-34',
    level: 'WARN',
    summary: 'match full emulated with a CHECK next to the foreign key',
  },
  {
    code: 'ASM-DDL-041',
    ruleId: 'DDL-41',
    level: 'WARN',
    summary: 'alter table modify became ALTER COLUMN (dependent constraints/indexes must be dropped first)',
  },
  {
    code: 'ASM-DDL-043',
    ruleId: 'DDL-43',
    level: 'INFO',
    summary: 'alter table lock/partition/unpartition dropped',
  },
  { code: 'ASM-DDL-049', ruleId: 'DDL-40', level: 'MANUAL', summary: 'alter table action not translated' },
  // §2.4 indexes
  {
    code: 'ASM-IDX-002',
    ruleId: 'IDX-02',
    level: 'INFO',
    summary: 'ignore_dup_key mapped to IGNORE_DUP_KEY = ON',
  },
  {
    code: 'ASM-IDX-003',
    ruleId: 'IDX-03',
    level: 'MANUAL',
    summary: 'ignore_dup_row has no equivalent: duplicates are now accepted',
  },
  {
    code: 'ASM-IDX-004',
    ruleId: 'IDX-04',
    level: 'WARN',
    summary:
      'non-unique clustered index on an allpages table: ASE rejected duplicate rows, SQL Server accepts them',
  },
  { code: 'ASM-IDX-005', ruleId: 'IDX-05', level: 'INFO', summary: 'allow_dup_row dropped' },
  {
    code: 'ASM-IDX-007',
    ruleId: 'IDX-07',
    level: 'INFO',
    summary: 'max_rows_per_page / reservepagegap dropped',
  },
  { code: 'ASM-IDX-008', ruleId: 'IDX-08', level: 'INFO', summary: 'sorted_data dropped' },
  { code: 'ASM-IDX-009', ruleId: 'IDX-09', level: 'INFO', summary: 'consumers / statistics option dropped' },
  { code: 'ASM-IDX-010', ruleId: 'IDX-10', level: 'INFO', summary: 'index segment dropped (DDL-09)' },
  {
    code: 'ASM-IDX-011',
    ruleId: 'IDX-11',
    level: 'WARN',
    summary: 'local index: created as an ordinary index',
  },
  {
    code: 'ASM-IDX-012',
    ruleId: 'IDX-12',
    level: 'WARN',
    summary: 'function-based index: indexed computed column added (visible to select *)',
  },
  {
    code: 'ASM-IDX-013',
    ruleId: 'IDX-13',
    level: 'WARN',
    summary: 'index key may exceed the SQL Server key size limit',
  },
  {
    code: 'ASM-IDX-014',
    ruleId: 'IDX-13',
    level: 'MANUAL',
    summary: 'unique index key may exceed the SQL Server key size limit',
  },
  { code: 'ASM-IDX-015', ruleId: 'IDX-01', level: 'WARN', summary: 'unknown index option dropped' },
  // §3 rules and defaults
  {
    code: 'ASM-RD-001',
    ruleId: 'RD-01',
    level: 'INFO',
    summary: 'rule bound to a column became a CHECK constraint',
  },
  {
    code: 'ASM-RD-002',
    ruleId: 'RD-02',
    level: 'INFO',
    summary: 'rule bound to a user type became a CHECK on each column using it',
  },
  {
    code: 'ASM-RD-004',
    ruleId: 'RD-04',
    level: 'WARN',
    summary: 'rule-derived CHECK created after load: ASE never checked existing rows',
  },
  { code: 'ASM-RD-006', ruleId: 'RD-06', level: 'MANUAL', summary: 'access rule: use Row-Level Security' },
  {
    code: 'ASM-RD-008',
    ruleId: 'RD-01',
    level: 'INFO',
    summary: 'create rule/default kept only as the constraints generated from its bindings',
  },
  {
    code: 'ASM-RD-010',
    ruleId: 'RD-10',
    level: 'INFO',
    summary: 'default bound to a column became a DEFAULT constraint',
  },
  {
    code: 'ASM-RD-011',
    ruleId: 'RD-11',
    level: 'INFO',
    summary: 'default bound to a user type became a DEFAULT on each column using it',
  },
  { code: 'ASM-RD-012', ruleId: 'RD-07', level: 'INFO', summary: 'unbind removed the generated constraint' },
  // catalog building
  { code: 'ASM-CAT-001', ruleId: 'RD-01', level: 'MANUAL', summary: 'bound rule not found' },
  { code: 'ASM-CAT-002', ruleId: 'RD-10', level: 'MANUAL', summary: 'bound default not found' },
  { code: 'ASM-CAT-003', ruleId: 'CAT-11', level: 'MANUAL', summary: 'table not found' },
  { code: 'ASM-CAT-004', ruleId: 'CAT-11', level: 'MANUAL', summary: 'column not found in the table' },
  { code: 'ASM-CAT-005', ruleId: 'DT-09', level: 'MANUAL', summary: 'user type not found' },
  {
    code: 'ASM-CAT-006',
    ruleId: 'CAT-11',
    level: 'WARN',
    summary: 'object defined twice: the later definition replaces the earlier one',
  },
  { code: 'ASM-CAT-007', ruleId: 'CAT-11', level: 'INFO', summary: 'drop of an object not in the catalog' },
  {
    code: 'ASM-CAT-008',
    ruleId: 'CAT-11',
    level: 'INFO',
    summary: 'logical key (sp_primarykey/sp_foreignkey/sp_commonkey): not enforced in ASE, not created',
  },
  {
    code: 'ASM-CAT-009',
    ruleId: 'CAT-11',
    level: 'MANUAL',
    summary: 'statement not parsed: carried verbatim',
  },
  {
    code: 'ASM-CAT-011',
    ruleId: 'SEC-16',
    level: 'WARN',
    summary: 'revoke written as DENY (ASE stores revokes as negative rows)',
  },
  {
    code: 'ASM-CAT-012',
    ruleId: 'SEC-22',
    level: 'INFO',
    summary: 'permission on a system procedure dropped',
  },
  {
    code: 'ASM-CAT-013',
    ruleId: 'SEC-08',
    level: 'INFO',
    summary: 'schema created for an owner other than dbo',
  },
  {
    code: 'ASM-CAT-014',
    ruleId: 'CAT-11',
    level: 'MANUAL',
    summary: 'module not converted (translator not available)',
  },
  {
    code: 'ASM-CAT-015',
    ruleId: 'CAT-11',
    level: 'WARN',
    summary: 'foreign key dependency cycle: order kept by name (FKs created after load)',
  },
  {
    code: 'ASM-CAT-016',
    ruleId: 'SEC-12',
    level: 'INFO',
    summary: 'grant all expanded to the explicit privilege list',
  },
  // errors (AsemigError) of the override file
  {
    code: 'ASM-CAT-100',
    ruleId: 'DT-00',
    level: 'BLOCK',
    summary: 'cast override file is not valid JSON or not an array',
  },
  {
    code: 'ASM-CAT-101',
    ruleId: 'DT-00',
    level: 'BLOCK',
    summary: 'cast override entry is missing a field or has a wrong field type',
  },
  {
    code: 'ASM-CAT-102',
    ruleId: 'DT-00',
    level: 'BLOCK',
    summary: 'cast override entry has an unknown field',
  },
  {
    code: 'ASM-CAT-103',
    ruleId: 'DT-00',
    level: 'BLOCK',
    summary: 'cast override target is not a valid SQL Server type',
  },
] as const satisfies readonly CodeEntry[];

export type CatalogCode = (typeof entries)[number]['code'];

export const catalogCodes: readonly CodeEntry[] = entries;

const byCode = new Map<string, CodeEntry>(entries.map((e) => [e.code, e]));

export function codeEntry(code: CatalogCode): CodeEntry {
  const e = byCode.get(code);
  // Unreachable: `code` is typed from the table itself.
  if (!e) throw new Error(`unknown catalog code ${code}`);
  return e;
}

/** A DiagnosticInput for a catalogued code; level and ruleId come from the table unless overridden. */
export function finding(
  code: CatalogCode,
  message: string,
  place: {
    object?: string;
    file?: string;
    line?: number;
    column?: number;
    level?: Level;
    ruleId?: string;
  } = {},
): DiagnosticInput {
  const e = codeEntry(code);
  return {
    code,
    ruleId: place.ruleId ?? e.ruleId,
    level: place.level ?? e.level,
    message,
    ...(place.object !== undefined ? { object: place.object } : {}),
    ...(place.file !== undefined ? { file: place.file } : {}),
    ...(place.line !== undefined ? { line: place.line } : {}),
    ...(place.column !== undefined ? { column: place.column } : {}),
  };
}
