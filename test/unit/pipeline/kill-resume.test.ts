/**
 * Checkpoint/resume under SIGKILL: a child process running a migration is killed several times
 * (after N chunk writes through the ASEMIG_TEST_KILL_AFTER_CHUNKS hook, and at random moments),
 * resumed each time, and the final staging and package are compared byte for byte with an
 * uninterrupted run: every chunk exactly once, nothing half-written under a final name.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

const child = join(__dirname, '..', '..', 'helpers', `migrate-child${extname(__filename)}`);
const nodeArgs = extname(__filename) === '.ts' ? ['--import', 'tsx', child] : [child];

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function runChild(
  args: string[],
  opts: { killAfterChunks?: number; killAfterMs?: number },
): Promise<Outcome> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.ASEMIG_TEST_KILL_AFTER_CHUNKS;
    if (opts.killAfterChunks) env.ASEMIG_TEST_KILL_AFTER_CHUNKS = String(opts.killAfterChunks);
    const p = spawn(process.execPath, [...nodeArgs, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = opts.killAfterMs ? setTimeout(() => p.kill('SIGKILL'), opts.killAfterMs) : undefined;
    p.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

async function files(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await files(join(dir, e.name), `${prefix}${e.name}/`)));
    else out.push(`${prefix}${e.name}`);
  }
  return out.sort();
}

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asemig-kill-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('checkpoint and resume under SIGKILL', () => {
  test(
    'killed runs resumed to the end equal an uninterrupted run, byte for byte',
    { timeout: 240_000 },
    async (t) => {
      const t0 = Date.now();
      const base = await runChild([join(dir, 'stage-a'), join(dir, 'pkg-a'), 'k1'], {});
      assert.equal(base.code, 0, base.stderr);
      // Random kill moments fall inside the time a whole run takes (start-up included).
      const span = Date.now() - t0;
      const randomMs = (): number => Math.floor(span * (0.3 + Math.random() * 0.6));

      const stageB = join(dir, 'stage-b');
      const pkgB = join(dir, 'pkg-b');
      const kills: string[] = [];
      // Hook kills first (after 1, 3, 2 chunk writes: certain to land, 31 chunks exist), then kills
      // at random moments, which may or may not land before the run ends.
      const plan: { killAfterChunks?: number; killAfterMs?: number }[] = [
        { killAfterChunks: 1 },
        { killAfterChunks: 3 },
        { killAfterChunks: 2 },
        { killAfterMs: randomMs() },
        { killAfterMs: randomMs() },
      ];
      for (const p of plan) {
        const o = await runChild([stageB, pkgB, 'k1'], p);
        kills.push(`${JSON.stringify(p)} → ${o.signal ?? `exit ${o.code}`}`);
        if (o.code !== null && o.code !== 0) assert.fail(`child failed: ${o.stderr}`);
      }
      t.diagnostic(`attempts: ${kills.join('; ')}`);
      assert.ok(kills.filter((k) => k.includes('SIGKILL')).length >= 3, 'at least the hook kills happened');
      const last = await runChild([stageB, pkgB, 'k1'], {});
      assert.equal(last.code, 0, last.stderr);

      // Staging: same object names (no leftovers except temp files), same bytes.
      // run.json names its own staging and package folders; everything else must be identical bytes.
      const a = await files(join(dir, 'stage-a'));
      const b = await files(stageB); // resume sweeps the temp files of killed writes
      assert.deepEqual(b, a);
      for (const f of a) {
        let x = await readFile(join(dir, 'stage-a', f), 'latin1');
        let y = await readFile(join(stageB, f), 'latin1');
        if (f.endsWith('run.json')) {
          x = x.replace(/stage-a|pkg-a/g, '#');
          y = y.replace(/stage-b|pkg-b/g, '#');
        }
        assert.equal(y, x, f);
      }
      // Every chunk exactly once: one data object per manifest, 10 + 20 + 1 chunks.
      const manifests = a.filter((f) => /chunk-\d+\.json$/.test(f));
      assert.equal(manifests.length, 10 + 20 + 1);
      assert.equal(a.filter((f) => /chunk-\d+\.csv$/.test(f)).length, 10 + 20 + 1);
      // Package: byte-identical.
      const pa = await files(join(dir, 'pkg-a'));
      assert.deepEqual(await files(pkgB), pa);
      for (const f of pa)
        assert.ok((await readFile(join(dir, 'pkg-a', f))).equals(await readFile(join(pkgB, f))), f);
    },
  );
});
