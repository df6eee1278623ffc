/**
 * Error and diagnostic codes of the data pipeline (staging, package, run). One place so that
 * docs/diagnostics.md and the tests can list them; the message text lives where the error is raised.
 */
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
  /** A table has no usable chunking key: one chunk, no key range (warning diagnostic). */
  runNoKey: 'ASM-RUN-005',
  /** A column has no target mapping (cast rules did not run): it cannot be staged. */
  runNoTarget: 'ASM-RUN-006',
  /** Informational: the reseed comes from the max staged value, not ASE next_identity (ID-03). */
  runReseedFromData: 'ASM-RUN-007',
  /** Informational: rowversion/computed columns are not staged (BCP-10/11). */
  runSkippedColumns: 'ASM-RUN-008',
} as const;

export type PipelineCode = (typeof PipelineCodes)[keyof typeof PipelineCodes];
