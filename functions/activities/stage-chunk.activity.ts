/**
 * Activity: extract + stage one chunk. Idempotent (a staged chunk is skipped), so the
 * at-least-once execution of activities never duplicates rows (platform-notes §2.5).
 */
import type { InvocationContext } from '@azure/functions';
import { stageChunkStep, type StagedChunk } from '../../shared/pipeline/steps/stage-chunk';
import { asResult, stepRun, type ActivityInput, type ActivityResult } from './activity-io';

export interface StageChunkInput extends ActivityInput {
  readonly schema: string;
  readonly table: string;
  readonly index: number;
}

export function stageChunkActivity(
  input: StageChunkInput,
  _context?: InvocationContext,
): Promise<ActivityResult<StagedChunk>> {
  return asResult(() =>
    stageChunkStep(stepRun(input), { schema: input.schema, table: input.table, index: input.index }),
  );
}
