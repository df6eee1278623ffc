/**
 * Where staged objects live: a local folder or a Blob container. Names are `/`-separated and
 * relative to the store's root; `location` describes the root for messages and never holds a
 * secret (no account key, no SAS).
 */
import type { Readable } from 'node:stream';

export interface ObjectInfo {
  readonly name: string;
  readonly bytes: number;
}

export interface ObjectStore {
  readonly location: string;
  /** Write the whole stream under `name`, replacing an existing object; resolves to the byte count. */
  put(name: string, data: Readable | AsyncIterable<Buffer> | Buffer): Promise<number>;
  /** Readable stream of the object; rejects with ASM-STAGE-005 when it does not exist. */
  get(name: string): Promise<Readable>;
  /** Byte size when the object exists, else undefined. */
  stat(name: string): Promise<ObjectInfo | undefined>;
  exists(name: string): Promise<boolean>;
  /** Objects whose name starts with `prefix`, sorted by name. */
  list(prefix: string): Promise<ObjectInfo[]>;
  /** Deleting a missing object is not an error. */
  delete(name: string): Promise<void>;
}

/** Read a whole (small) object, e.g. a manifest, as UTF-8 text. */
export async function getText(store: ObjectStore, name: string): Promise<string> {
  const stream = await store.get(name);
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}
