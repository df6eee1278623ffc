/** The project root (the folder holding package.json), found from this file's location at run time. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${from}`);
    dir = up;
  }
  return dir;
}

/** samples/ase-demo: the sample database's ASE scripts (works from shared/ and from dist/shared/). */
export function sampleScriptsDir(): string {
  return join(repoRoot(), 'samples', 'ase-demo');
}
