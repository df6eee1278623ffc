/**
 * Activity: the deployment package from the staged manifests; returns its folder and counts.
 * Telemetry: the end of the package phase; reading the manifests as a staging dependency.
 */
import type { InvocationContext } from '@azure/functions';
import { writePackageStep, type PackageResult } from '../../shared/pipeline/steps/write-package-step';
import { asResult, stepRun, type ActivityInput, type ActivityResult } from './activity-io';
import { observeActivity } from './activity-telemetry';

export function writePackageActivity(
  input: ActivityInput,
  _context?: InvocationContext,
): Promise<ActivityResult<PackageResult>> {
  return observeActivity<PackageResult>(
    input,
    {
      where: { phase: 'package' },
      staging: () => ({ name: 'read manifests', data: `${input.runId}/` }),
      onSuccess: (run, _r, durationMs) => run.phaseFinished('package', durationMs),
    },
    () => asResult(() => writePackageStep(stepRun(input))),
  );
}
