/**
 * One table plan as JSON, in the same shape as a run.json plan entry (checkpoint.ts): ranges
 * through layout.ts rangeToJson/rangeFromJson, so byte key values survive as hex.
 */
import type { Diagnostic } from '../../translator/diagnostics';
import type { ChunkPlan, TablePlan } from '../contracts';
import { rangeFromJson, rangeToJson } from '../stage/layout';

export interface PlanJson {
  readonly schema: string;
  readonly table: string;
  readonly chunks: readonly {
    readonly index: number;
    readonly range?: unknown;
    readonly estimatedRows: number;
    readonly hint?: Readonly<Record<string, string | number>>;
  }[];
  readonly diagnostics: readonly Diagnostic[];
}

export function planToJson(p: TablePlan): PlanJson {
  return {
    schema: p.schema,
    table: p.table,
    chunks: p.chunks.map((c) => ({
      index: c.index,
      range: rangeToJson(c.range),
      estimatedRows: c.estimatedRows,
      ...(c.hint ? { hint: c.hint } : {}),
    })),
    diagnostics: p.diagnostics,
  };
}

export function planFromJson(j: PlanJson): TablePlan {
  return {
    schema: j.schema,
    table: j.table,
    chunks: j.chunks.map((c): ChunkPlan => {
      const range = rangeFromJson(c.range);
      return {
        index: c.index,
        ...(range ? { range } : {}),
        estimatedRows: c.estimatedRows,
        ...(c.hint ? { hint: c.hint } : {}),
      };
    }),
    diagnostics: j.diagnostics ?? [],
  };
}
