/**
 * ObjectStore over an Azure Blob container (or Azurite). Authenticates with a connection string
 * (Azurite, account key) or with DefaultAzureCredential for an account URL (managed identity in
 * Azure, architecture.md §8). `location` is the container URL without any query or key.
 * A block blob appears only when its block list is committed, so a killed upload never leaves a
 * partial object under the final name.
 */
import { Readable } from 'node:stream';
import { DefaultAzureCredential } from '@azure/identity';
import { BlobServiceClient, type ContainerClient, RestError } from '@azure/storage-blob';
import { AsemigError } from '../../errors';
import { PipelineCodes } from '../codes';
import { checkObjectName } from './object-name';
import type { ObjectInfo, ObjectStore } from './object-store';

/** 8 MiB blocks, 4 in flight (performance.md §5.5: blocks > 4 MiB qualify for high throughput). */
const BLOCK_BYTES = 8 << 20;
const BLOCK_CONCURRENCY = 4;

export type BlobAuth = { readonly connectionString: string } | { readonly accountUrl: string };

export class BlobStore implements ObjectStore {
  readonly location: string;
  private readonly container: ContainerClient;
  private ready: Promise<void> | undefined;

  constructor(auth: BlobAuth, containerName: string) {
    const service =
      'connectionString' in auth
        ? BlobServiceClient.fromConnectionString(auth.connectionString)
        : new BlobServiceClient(auth.accountUrl, new DefaultAzureCredential());
    this.container = service.getContainerClient(containerName);
    const url = new URL(this.container.url);
    url.search = '';
    this.location = url.toString();
  }

  private ensureContainer(): Promise<void> {
    this.ready ??= this.container.createIfNotExists().then(
      () => undefined,
      (e: unknown) => {
        this.ready = undefined;
        throw this.wrap(e, 'create container', '');
      },
    );
    return this.ready;
  }

  private wrap(e: unknown, what: string, name: string): AsemigError {
    if (e instanceof AsemigError) return e;
    const status = e instanceof RestError ? ` (HTTP ${e.statusCode ?? '?'})` : '';
    return new AsemigError(
      PipelineCodes.stageStore,
      `blob ${what} failed for ${this.location}/${name}${status}: ${(e as Error).message}`,
      { file: `${this.location}/${name}` },
      { cause: e },
    );
  }

  async put(name: string, data: Readable | AsyncIterable<Buffer> | Buffer): Promise<number> {
    checkObjectName(name);
    await this.ensureContainer();
    let bytes = 0;
    const source = Buffer.isBuffer(data) ? [data] : data;
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const c of source) {
        const b = Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array);
        bytes += b.length;
        yield b;
      }
    }
    try {
      await this.container
        .getBlockBlobClient(name)
        .uploadStream(Readable.from(counted()), BLOCK_BYTES, BLOCK_CONCURRENCY);
      return bytes;
    } catch (e) {
      // A failing source stream keeps its own error; only storage failures are wrapped.
      if (!(e instanceof RestError) && (e as NodeJS.ErrnoException).syscall === undefined) throw e;
      throw this.wrap(e, 'upload', name);
    }
  }

  async get(name: string): Promise<Readable> {
    checkObjectName(name);
    try {
      const r = await this.container.getBlobClient(name).download();
      if (!r.readableStreamBody) throw new Error('no body');
      return r.readableStreamBody as Readable;
    } catch (e) {
      if (e instanceof RestError && e.statusCode === 404) {
        throw new AsemigError(PipelineCodes.stageMissing, `staged object ${name} does not exist`, {
          file: `${this.location}/${name}`,
        });
      }
      throw this.wrap(e, 'download', name);
    }
  }

  async stat(name: string): Promise<ObjectInfo | undefined> {
    checkObjectName(name);
    try {
      const p = await this.container.getBlobClient(name).getProperties();
      return { name, bytes: p.contentLength ?? 0 };
    } catch (e) {
      if (e instanceof RestError && e.statusCode === 404) return undefined;
      throw this.wrap(e, 'get properties', name);
    }
  }

  async exists(name: string): Promise<boolean> {
    return (await this.stat(name)) !== undefined;
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const out: ObjectInfo[] = [];
    try {
      if (!(await this.container.exists())) return out;
      for await (const b of this.container.listBlobsFlat({ prefix })) {
        out.push({ name: b.name, bytes: b.properties.contentLength ?? 0 });
      }
    } catch (e) {
      throw this.wrap(e, 'list', prefix);
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async delete(name: string): Promise<void> {
    checkObjectName(name);
    try {
      await this.container.getBlobClient(name).deleteIfExists();
    } catch (e) {
      throw this.wrap(e, 'delete', name);
    }
  }
}
