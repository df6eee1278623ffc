/**
 * Codes of the offline source (ddlgen scripts + bcp -c files), the bcp decoder and the data
 * profile. ASM-SRC: folder and manifest; ASM-BCP: file format and values (errors carry the file,
 * line, table and column); ASM-PROF: data-profile findings (aggregated per table, column, kind).
 */
import type { Level } from '../../../translator/diagnostics';

export interface OfflineCode {
  readonly code: string;
  readonly ruleId: string;
  readonly level: Level;
  readonly summary: string;
}

const c = (code: string, ruleId: string, level: Level, summary: string): OfflineCode => ({
  code,
  ruleId,
  level,
  summary,
});

export const OfflineCodes = {
  folderMissing: c('ASM-SRC-001', 'CAT-11', 'BLOCK', 'offline source folder not found or not readable'),
  manifestJson: c('ASM-SRC-002', 'BCP-02', 'BLOCK', 'manifest.json is not valid JSON'),
  manifestField: c('ASM-SRC-003', 'BCP-02', 'BLOCK', 'manifest.json field missing, unknown or invalid'),
  charset: c(
    'ASM-SRC-004',
    'COL-05',
    'BLOCK',
    'character set cannot be decoded exactly: export with bcp -J utf8 (BCP-08)',
  ),
  noDataFile: c(
    'ASM-SRC-005',
    'BCP-01',
    'BLOCK',
    'table has no data file (say "data": false in the manifest if it is empty)',
  ),
  orphanFile: c('ASM-SRC-006', 'BCP-01', 'BLOCK', 'data file matches no table of the scripts'),
  twoFiles: c('ASM-SRC-007', 'BCP-01', 'BLOCK', 'two data files for one table'),
  noScripts: c('ASM-SRC-008', 'CAT-11', 'BLOCK', 'no ddlgen/defncopy *.sql scripts in the source'),
  fileChanged: c('ASM-SRC-009', 'BCP-01', 'BLOCK', 'data file changed since the chunks were planned'),
  catalogReader: c('ASM-SRC-010', 'CAT-11', 'BLOCK', 'the script catalog reader is not available'),
  badOption: c('ASM-SRC-012', 'BCP-01', 'BLOCK', 'invalid reader option (targetRows) or chunk plan'),
  ignoredFile: c(
    'ASM-SRC-011',
    'CAT-11',
    'INFO',
    'file in the source folder is neither a script nor a data file: ignored',
  ),
  blobContainer: c('ASM-SRC-013', 'CAT-11', 'BLOCK', 'Blob source container not found'),
  blobAuth: c(
    'ASM-SRC-014',
    'CAT-11',
    'BLOCK',
    'Blob source refused the credentials (key, SAS or managed identity lacks read/list)',
  ),
  blobVanished: c('ASM-SRC-015', 'BCP-01', 'BLOCK', 'Blob source file listed but gone when read'),
  blobRead: c('ASM-SRC-016', 'CAT-11', 'BLOCK', 'Blob source request failed'),
  badSourceSpec: c(
    'ASM-SRC-017',
    'CAT-11',
    'BLOCK',
    'source spec is not a folder, a Blob URL with a container, or a connection string with Container=',
  ),
  badEncoding: c('ASM-BCP-001', 'BCP-08', 'BLOCK', 'byte sequence not valid in the declared character set'),
  shortRow: c(
    'ASM-BCP-002',
    'BCP-02',
    'BLOCK',
    'row has fewer fields than the table has columns (row terminator inside a row?)',
  ),
  longRow: c(
    'ASM-BCP-003',
    'BCP-02',
    'BLOCK',
    'row has more fields than the table has columns (field terminator inside data?)',
  ),
  noRowEnd: c(
    'ASM-BCP-004',
    'BCP-02',
    'BLOCK',
    'row terminator not found (wrong terminator, or a row larger than maxRowBytes)',
  ),
  crlf: c(
    'ASM-BCP-005',
    'BCP-02',
    'BLOCK',
    'row ends with CR: the file has CRLF line ends but "\\n" was declared',
  ),
  badValue: c('ASM-BCP-006', 'BCP-06', 'BLOCK', 'value cannot be read as the column type'),
  outOfRange: c('ASM-BCP-007', 'DT-06', 'BLOCK', 'value outside the range of the column type'),
  precision: c(
    'ASM-BCP-008',
    'ERR-06',
    'BLOCK',
    'value has more precision than the column keeps (would be rounded)',
  ),
  nullNotNull: c('ASM-BCP-009', 'BCP-03', 'BLOCK', 'empty field (NULL) in a NOT NULL non-character column'),
  badHex: c('ASM-BCP-010', 'BCP-07', 'BLOCK', 'binary value is not an even number of hex digits'),
  tooLong: c('ASM-BCP-011', 'DT-03', 'BLOCK', 'value longer than the column'),
  nullKey: c('ASM-BCP-012', 'BCP-03', 'BLOCK', 'NULL in a chunking key column'),
  keyOutOfRange: c(
    'ASM-BCP-013',
    'BCP-01',
    'BLOCK',
    'row outside its planned key range (file changed or not sorted as planned)',
  ),
  badType: c('ASM-BCP-014', 'DT-00', 'BLOCK', 'column type cannot be read from a character-mode file'),
  noKey: c('ASM-BCP-101', 'BCP-01', 'WARN', 'no primary key or NOT NULL unique key: the table is one chunk'),
  unsorted: c(
    'ASM-BCP-102',
    'BCP-01',
    'INFO',
    'data file not sorted by the key: each chunk re-reads the file and sorts its rows',
  ),
  emptyTable: c('ASM-BCP-103', 'BCP-01', 'INFO', 'table declared without data ("data": false): no rows'),
  nullAsEmpty: c(
    'ASM-PROF-001',
    'BCP-04',
    'INFO',
    "empty fields in a nullable character column staged as NULL (ASE cannot store '', STR-02)",
  ),
  emptyNotNull: c(
    'ASM-PROF-002',
    'STR-02',
    'WARN',
    "empty fields in a NOT NULL character column staged as ' ' (what ASE stores for '')",
  ),
  pre1753: c('ASM-PROF-003', 'DT-07', 'INFO', 'dates before 1753: cannot go to a datetime target'),
  smalldatetimeRange: c(
    'ASM-PROF-004',
    'DT-07',
    'MANUAL',
    'values outside the smalldatetime range of the target column',
  ),
  lobMax: c('ASM-PROF-005', 'BCP-07', 'INFO', 'largest LOB value of the column'),
  textsizeCut: c(
    'ASM-PROF-006',
    'BCP-07',
    'WARN',
    'LOB values exactly as long as the export textsize (-T): probably cut',
  ),
  nonAscii: c(
    'ASM-PROF-007',
    'COL-06b',
    'INFO',
    'non-ASCII characters in a character column under a non-UTF-8 charset',
  ),
  c1Controls: c('ASM-PROF-008', 'COL-01', 'WARN', 'iso_1 bytes 0x80-0x9F (C1 controls; printable in cp1252)'),
  unsignedTarget: c('ASM-PROF-009', 'DT-06', 'MANUAL', 'unsigned values beyond the range of the target type'),
  offTick: c(
    'ASM-PROF-010',
    'DT-07',
    'WARN',
    'datetime/time fraction not on a 1/300 s tick: staged at the nearest tick',
  ),
  duplicateKey: c('ASM-PROF-011', 'BCP-01', 'MANUAL', 'duplicate values of the chunking key'),
  bom: c('ASM-PROF-012', 'BCP-08', 'INFO', 'UTF-8 byte order mark at the start of the file: skipped'),
  unsignedBigint: c(
    'ASM-PROF-013',
    'DT-06',
    'WARN',
    'unsigned bigint values above 9223372036854775807: clients reading a 64-bit integer fail',
  ),
} as const;

export type OfflineCodeName = keyof typeof OfflineCodes;

/** The catalogue as a list, for shared/diagnostic-codes.ts and docs/diagnostics.md. */
export const offlineCodeList: readonly OfflineCode[] = Object.values(OfflineCodes);
