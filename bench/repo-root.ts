/** The project root, found by walking up to package.json (works from bench/ and dist/bench/). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${from}`);
    dir = up;
  }
  return dir;
}
