/**
 * Error and diagnostic codes of the data pipeline (staging, package, run). One place so that
 * docs/diagnostics.md and the tests can list them; the message text lives where the error is raised.
 */
import type { CodeEntry } from '../host-codes';

export const PipelineCodes = {
  /** A staged CSV object is not in the format the encoder writes (quote, field count, hex...). */
  stageBadCsv: 'ASM-STAGE-001',
  /** A value cannot be carried in UTF-8 CSV (lone surrogate) or is not canonical (NaN float). */
  stageBadValue: 'ASM-STAGE-002',
  /** A row has a different number of values than the chunk's columns. */
  stageRowWidth: 'ASM-STAGE-003',
  /** An object store operation failed (write, read, list, delete). */
  stageStore: 'ASM-STAGE-004',
  /** A staged object is missing or its size differs from its manifest. */
  stageMissing: 'ASM-STAGE-005',
  /** A manifest is unreadable or does not describe the chunk it is named for. */
  stageBadManifest: 'ASM-STAGE-006',
  /** An object name (run id, schema, table) cannot be used in the staging layout. */
  stageBadName: 'ASM-STAGE-007',
  /** Azurite could not be started or did not accept connections. */
  stageAzurite: 'ASM-STAGE-008',
  /** The deployment package could not be written (missing chunk, unreadable staged data). */
  pkgWrite: 'ASM-PKG-001',
  /** A DDL script name from generateDdl collides with a pipeline script or is unsafe. */
  pkgBadScript: 'ASM-PKG-002',
  /** Identity values in staged data are not integers: the reseed cannot be computed (ID-03). */
  pkgIdentity: 'ASM-PKG-003',
  /** A chunk failed while extracting or staging: the run fails and names the chunk. */
  runChunkFailed: 'ASM-RUN-001',
  /** Resume was asked for a run whose run.json is missing or unreadable. */
  runNoCheckpoint: 'ASM-RUN-002',
  /** Resume against a source whose fingerprint differs from the checkpoint's. */
  runSourceChanged: 'ASM-RUN-003',
  /** Invalid run options (chunk size, concurrency, run id). */
  runBadOption: 'ASM-RUN-004',
  // ASM-RUN-005 and -006 are retired (no-key warnings come from the source's planner; columns
  // without a target get the default cast rules). Not reused.
  /** Informational: the reseed comes from the max staged value, not ASE next_identity (ID-03). */
  runReseedFromData: 'ASM-RUN-007',
  /** Informational: rowversion/computed columns are not staged (BCP-10/11). */
  runSkippedColumns: 'ASM-RUN-008',
} as const;

export type PipelineCode = (typeof PipelineCodes)[keyof typeof PipelineCodes];

/**
 * The same codes with rule, level and a one-line summary, for docs/diagnostics.md
 * (shared/diagnostic-codes.ts can list these instead of the bare names).
 */
export const pipelineCodeEntries: readonly CodeEntry[] = [
  {
    code: PipelineCodes.stageBadCsv,
    ruleId: 'BCP-02',
    level: 'BLOCK',
    summary:
      'Staged CSV is not in the dialect the encoder writes (quote, field count, CR, hex); names the line.',
  },
  {
    code: PipelineCodes.stageBadValue,
    ruleId: '',
    level: 'BLOCK',
    summary: 'A value cannot be staged: lone UTF-16 surrogate (no UTF-8 form) or a non-finite float.',
  },
  {
    code: PipelineCodes.stageRowWidth,
    ruleId: '',
    level: 'BLOCK',
    summary: 'A row has a different number of values than the table or chunk has columns.',
  },
  {
    code: PipelineCodes.stageStore,
    ruleId: '',
    level: 'BLOCK',
    summary: 'Writing, reading, listing or deleting in the staging folder or Blob container failed.',
  },
  {
    code: PipelineCodes.stageMissing,
    ruleId: '',
    level: 'BLOCK',
    summary: 'A staged object or manifest is missing, or its size differs from its manifest.',
  },
  {
    code: PipelineCodes.stageBadManifest,
    ruleId: '',
    level: 'BLOCK',
    summary: 'A chunk manifest is unreadable or incomplete.',
  },
  {
    code: PipelineCodes.stageBadName,
    ruleId: '',
    level: 'BLOCK',
    summary: 'A run id or object name cannot be used in the staging layout.',
  },
  {
    code: PipelineCodes.stageAzurite,
    ruleId: '',
    level: 'BLOCK',
    summary: 'The embedded Azurite did not start or accept connections.',
  },
  {
    code: PipelineCodes.pkgWrite,
    ruleId: '',
    level: 'BLOCK',
    summary: 'The deployment package could not be written (folder not a package, unreadable staged data).',
  },
  {
    code: PipelineCodes.pkgBadScript,
    ruleId: '',
    level: 'BLOCK',
    summary: 'A DDL script name is unsafe or collides with a pipeline script.',
  },
  {
    code: PipelineCodes.pkgIdentity,
    ruleId: 'ID-03',
    level: 'BLOCK',
    summary: 'An identity value in the data is not an integer: the reseed cannot be computed.',
  },
  {
    code: PipelineCodes.runChunkFailed,
    ruleId: '',
    level: 'BLOCK',
    summary: 'A chunk failed while extracting or staging; the run failed and names the chunk.',
  },
  {
    code: PipelineCodes.runNoCheckpoint,
    ruleId: '',
    level: 'BLOCK',
    summary: 'Resume asked for a run whose run.json is missing or unreadable.',
  },
  {
    code: PipelineCodes.runSourceChanged,
    ruleId: '',
    level: 'BLOCK',
    summary: 'Resume refused: the source differs from the one the run was staged from.',
  },
  {
    code: PipelineCodes.runBadOption,
    ruleId: '',
    level: 'BLOCK',
    summary: 'Invalid run option (chunk rows, concurrency, run id / resume).',
  },
  {
    code: PipelineCodes.runReseedFromData,
    ruleId: 'ID-03',
    level: 'INFO',
    summary: 'Identity reseeded to the largest staged value; ASE next_identity() is not known offline.',
  },
  {
    code: PipelineCodes.runSkippedColumns,
    ruleId: 'BCP-10',
    level: 'INFO',
    summary: 'rowversion/computed columns are not staged; the table is loaded through a view (BCP-10/11).',
  },
];
