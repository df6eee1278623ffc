import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project root (the folder holding package.json), found from the compiled test's location. */
export const repoRoot: string = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
})();

export const fixturesDir = join(repoRoot, 'test', 'fixtures');

/** The team's shared samples (../shared/samples/ase); absent in a user's clone. */
export const sharedSamplesDir = join(repoRoot, '..', 'shared', 'samples', 'ase');
