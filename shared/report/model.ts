/**
 * Everything a migration report shows, as plain data. The HTML, JSON and text renderers read only
 * this; the pipeline and the hosts build it. Never put a secret here (reports are shared).
 */
import type { Diagnostic } from '../translator/diagnostics';
import type { EffortEstimate, LoadTimeEstimate } from './effort';

export type ObjectStatus = 'converted' | 'warnings' | 'manual' | 'blocked';

export interface ObjectReport {
  /** `table`, `view`, `procedure`, `trigger`, `function`, `index`, `rule`, `default`, `type`, `permission`, `other` */
  readonly type: string;
  /** Schema-qualified name (or a short label for unnamed statements). */
  readonly name: string;
  readonly status: ObjectStatus;
  readonly file?: string;
  readonly line?: number;
  readonly diagnostics: readonly Diagnostic[];
}

export interface TableDataReport {
  readonly schema: string;
  readonly table: string;
  readonly rows: number;
  readonly bytes: number;
  readonly chunks: number;
  /** Combined hash of the table's chunk hashes, in chunk order. */
  readonly hash: string;
  readonly status: 'staged' | 'loaded' | 'validated' | 'failed' | 'skipped';
  readonly message?: string;
}

export interface TypeMappingReport {
  readonly table: string;
  readonly column: string;
  readonly sourceType: string;
  readonly targetType: string;
  readonly castRule: string;
  readonly nullable: boolean;
}

export interface RunReport {
  readonly runId: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly database: string;
  /** Human description of the source and target (paths, server names; no credentials). */
  readonly source: string;
  readonly staging: string;
  readonly target: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly status: 'succeeded' | 'failed' | 'assessed';
  readonly objects: readonly ObjectReport[];
  readonly tables: readonly TableDataReport[];
  readonly typeMappings: readonly TypeMappingReport[];
  /** Data-profile findings (pre-1753 dates, NULL vs '' ambiguity, LOB sizes, charset). */
  readonly profile: readonly Diagnostic[];
  /** Every other finding of the run (translation, pipeline). */
  readonly diagnostics: readonly Diagnostic[];
  /** Output locations relative to the report or absolute. */
  readonly outputs: Readonly<Record<string, string>>;
  /**
   * Person-hours estimate (shared/report/effort.ts). Optional: when absent the renderers compute
   * it from `objects` and `diagnostics` with the default model.
   */
  readonly effort?: EffortEstimate;
  /** Load time per table and target tier; when absent the renderers compute it from `tables`. */
  readonly loadEstimate?: LoadTimeEstimate;
}
