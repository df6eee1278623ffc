/**
 * ObjectStore over a local folder. A put writes `<name>.<random>.tmp` and renames it over the
 * final name, so a crash never leaves a half-written file under a name that looks complete
 * (a manifest's presence means its chunk is complete, checkpoint.ts relies on it).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { AsemigError } from '../../errors';
import { PipelineCodes } from '../codes';
import { checkObjectName } from './object-name';
import type { ObjectInfo, ObjectStore } from './object-store';

export class LocalStore implements ObjectStore {
  readonly root: string;
  readonly location: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.location = this.root;
  }

  private path(name: string): string {
    return join(this.root, ...checkObjectName(name).split('/'));
  }

  async put(name: string, data: Readable | AsyncIterable<Buffer> | Buffer): Promise<number> {
    const final = this.path(name);
    const tmp = `${final}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(dirname(final), { recursive: true });
      const out = createWriteStream(tmp, { highWaterMark: 1 << 20 });
      const source = Buffer.isBuffer(data) ? Readable.from([data]) : data;
      await pipeline(source, out);
      await rename(tmp, final);
      return (await stat(final)).size;
    } catch (e) {
      await rm(tmp, { force: true });
      // Only file-system failures are store errors; a failing source stream keeps its own error.
      if (e instanceof AsemigError || (e as NodeJS.ErrnoException).syscall === undefined) throw e;
      throw new AsemigError(
        PipelineCodes.stageStore,
        `cannot write ${name}: ${(e as Error).message}`,
        { file: final },
        { cause: e },
      );
    }
  }

  async get(name: string): Promise<Readable> {
    const p = this.path(name);
    if (!(await this.stat(name))) {
      throw new AsemigError(PipelineCodes.stageMissing, `staged object ${name} does not exist`, { file: p });
    }
    return createReadStream(p, { highWaterMark: 1 << 20 });
  }

  async stat(name: string): Promise<ObjectInfo | undefined> {
    try {
      const s = await stat(this.path(name));
      return s.isFile() ? { name, bytes: s.size } : undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new AsemigError(
        PipelineCodes.stageStore,
        `cannot stat ${name}: ${(e as Error).message}`,
        { file: name },
        { cause: e },
      );
    }
  }

  async exists(name: string): Promise<boolean> {
    return (await this.stat(name)) !== undefined;
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const out: ObjectInfo[] = [];
    for await (const f of this.filesUnder(prefix)) {
      if (!f.name.endsWith('.tmp')) out.push({ name: f.name, bytes: (await stat(f.path)).size });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Removes `*.tmp` files left under `prefix` by writes that were killed (resume calls it). */
  async sweepTemp(prefix: string): Promise<number> {
    let removed = 0;
    for await (const f of this.filesUnder(prefix)) {
      if (!f.name.endsWith('.tmp')) continue;
      await rm(f.path, { force: true });
      removed++;
    }
    return removed;
  }

  /**
   * Every file whose object name starts with `prefix`. The walk starts at the deepest folder the
   * prefix names (`run-1/dbo.t/chunk-` starts in `run-1/dbo.t`), not at the root.
   */
  private async *filesUnder(prefix: string): AsyncGenerator<{ name: string; path: string }> {
    const named = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    // Only a plain relative folder narrows the walk; anything else (`..`, empty parts) walks the
    // root, where the name check below still keeps every match inside it.
    const folder = named.split('/').every((p) => p !== '' && p !== '.' && p !== '..') ? named : '';
    const walk = async function* (root: string, dir: string): AsyncGenerator<{ name: string; path: string }> {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw e;
      }
      for (const e of entries) {
        const path = join(dir, e.name);
        if (e.isDirectory()) yield* walk(root, path);
        else if (e.isFile()) {
          const name = relative(root, path).split(sep).join('/');
          if (name.startsWith(prefix)) yield { name, path };
        }
      }
    };
    yield* walk(this.root, folder ? join(this.root, ...folder.split('/')) : this.root);
  }

  async delete(name: string): Promise<void> {
    await rm(this.path(name), { force: true });
  }
}
