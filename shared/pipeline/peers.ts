/**
 * The functions the run takes from other areas — the DDL generator (catalog/ddl) and the offline
 * source (pipeline/source/offline) — behind small types, so tests can inject fakes.
 */
import type { Catalog } from '../catalog/model';
import { generateDdl } from '../catalog/ddl/generate';
import type { ObjectReport } from '../report/model';
import type { Diagnostic } from '../translator/diagnostics';
import type { SourceReader } from './contracts';
import type { DdlScript } from './load/package/write-package';
import { openOfflineSource } from './source/offline/open';

export interface DdlOutput {
  readonly scripts: readonly DdlScript[];
  readonly objects: readonly ObjectReport[];
  /** Findings of the generator (those attached to an object are not repeated in the report). */
  readonly diagnostics?: readonly Diagnostic[];
}

export type DdlGenerator = (catalog: Catalog, options: Record<string, unknown>) => DdlOutput;
export type OfflineOpener = (dir: string, options: { targetRows: number }) => Promise<SourceReader>;

export function loadDdlGenerator(): DdlGenerator {
  return (catalog) => generateDdl(catalog);
}

export function loadOfflineOpener(): OfflineOpener {
  return (dir, options) => openOfflineSource(dir, options);
}
