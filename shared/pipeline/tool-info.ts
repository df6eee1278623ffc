/** The tool's name and version (from package.json, found by walking up from this file). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: { name: string; version: string } | undefined;

export function toolInfo(): { name: string; version: string } {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'ase-migrate') return (cached = { name: pkg.name, version: pkg.version ?? '0.0.0' });
    }
    const up = dirname(dir);
    if (up === dir) return (cached = { name: 'ase-migrate', version: '0.0.0' });
    dir = up;
  }
}
