/**
 * Checks for object names used in both stores: `/`-separated segments, none empty, `.` or `..`,
 * no backslash or control character — so a name can never climb out of the staging root.
 */
import { AsemigError } from '../../errors';
import { PipelineCodes } from '../codes';

export function checkObjectName(name: string): string {
  const segments = name.split('/');
  for (const s of segments) {
    // eslint-disable-next-line no-control-regex
    if (s === '' || s === '.' || s === '..' || /[\\\x00-\x1f\x7f]/.test(s)) {
      throw new AsemigError(PipelineCodes.stageBadName, `unsafe object name '${name}'`, { field: 'name' });
    }
  }
  return name;
}
