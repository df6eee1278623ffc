/**
 * The offline source's file access, kept this small so a Blob-prefix implementation can stand
 * beside the folder one (list = blob names under the prefix, open = a ranged download stream).
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AsemigError } from '../../../errors';
import { OfflineCodes } from './codes';

export interface ByteRange {
  /** First byte, inclusive. */
  readonly start?: number;
  /** Last byte, exclusive. */
  readonly end?: number;
}

export interface SourceFiles {
  /** For messages (a folder path or a container URL without secrets). */
  readonly location: string;
  /** File names (no folders), sorted. */
  list(): Promise<string[]>;
  open(name: string, range?: ByteRange): Readable;
  size(name: string): Promise<number>;
  /**
   * Names, sizes and versions (etags) of the files, for the resume fingerprint (checkpoint.ts).
   * Optional: a folder is fingerprinted by walking it, as before Blob sources existed.
   */
  identity?(): Promise<string>;
}

export function folderFiles(dir: string): SourceFiles {
  return {
    location: dir,
    async list() {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        throw new AsemigError(
          OfflineCodes.folderMissing.code,
          `cannot read the source folder: ${(e as Error).message}`,
          {
            file: dir,
          },
          { cause: e },
        );
      }
      return entries
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort();
    },
    open(name, range) {
      const end = range?.end;
      if (end !== undefined && end <= (range?.start ?? 0)) {
        // createReadStream cannot express an empty range (its end is inclusive).
        return Readable.from([]);
      }
      return createReadStream(join(dir, name), {
        ...(range?.start !== undefined ? { start: range.start } : {}),
        ...(end !== undefined ? { end: end - 1 } : {}),
        highWaterMark: 1 << 20,
      });
    },
    async size(name) {
      return (await stat(join(dir, name))).size;
    },
  };
}

/** Reads a small file (a script, the manifest) whole. */
export async function readWhole(files: SourceFiles, name: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of files.open(name)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
