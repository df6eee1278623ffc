/** Activity: the deployment package from the staged manifests; returns its folder and counts. */
import type { InvocationContext } from '@azure/functions';
import { writePackageStep, type PackageResult } from '../../shared/pipeline/steps/write-package-step';
import { asResult, stepRun, type ActivityInput, type ActivityResult } from './activity-io';

export function writePackageActivity(
  input: ActivityInput,
  _context?: InvocationContext,
): Promise<ActivityResult<PackageResult>> {
  return asResult(() => writePackageStep(stepRun(input)));
}
