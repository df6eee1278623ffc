/**
 * Activity: extract + stage one chunk. Idempotent (a staged chunk is skipped), so the
 * at-least-once execution of activities never duplicates rows (platform-notes §2.5).
 * Telemetry: AsemigChunkFinished with rows, bytes, duration and rows/s (a skipped chunk has no
 * duration: nothing was copied), or with status failed and the code on a data error; the
 * staging write as a Blob dependency.
 */
import type { InvocationContext } from '@azure/functions';
import { stageChunkStep, type StagedChunk } from '../../shared/pipeline/steps/stage-chunk';
import { asResult, stepRun, type ActivityInput, type ActivityResult } from './activity-io';
import { observeActivity } from './activity-telemetry';

export interface StageChunkInput extends ActivityInput {
  readonly schema: string;
  readonly table: string;
  readonly index: number;
}

export function stageChunkActivity(
  input: StageChunkInput,
  _context?: InvocationContext,
): Promise<ActivityResult<StagedChunk>> {
  const chunk = { schema: input.schema, table: input.table, chunk: input.index };
  return observeActivity<StagedChunk>(
    input,
    {
      where: { phase: 'stage', ...chunk },
      staging: (r) => ({
        name: r?.skipped ? 'check staged chunk' : 'stage chunk',
        data: r?.manifest ?? `${input.runId}/${input.schema}.${input.table}/chunk-${input.index}`,
      }),
      onSuccess: (run, r, durationMs) =>
        run.chunkFinished(
          chunk,
          r.skipped ? { rows: r.rows, bytes: r.bytes } : { rows: r.rows, bytes: r.bytes, durationMs },
          { skipped: r.skipped },
        ),
      onDataFailure: (run, f) =>
        run.chunkFinished(chunk, { rows: 0, bytes: 0 }, { status: 'failed', code: f.code }),
    },
    () =>
      asResult(() =>
        stageChunkStep(stepRun(input), { schema: input.schema, table: input.table, index: input.index }),
      ),
  );
}
