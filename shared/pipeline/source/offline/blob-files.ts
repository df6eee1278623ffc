/**
 * SourceFiles over a Blob prefix (docs/offline-source.md "Reading from Blob Storage"): the same
 * extract as a folder, uploaded under `<container>/<prefix>/`. Only blobs directly under the prefix
 * count (a folder read does not descend either); deeper "folders" are not listed.
 *
 * The spec is a staging spec (stage/open-store.ts): a connection string with `Container=`, or an
 * https container URL read with DefaultAzureCredential. Authentication, container and location
 * text come from the staging module so that there is one place that knows how keys are kept out.
 */
import { Readable } from 'node:stream';
import { DefaultAzureCredential } from '@azure/identity';
import { BlobServiceClient, RestError, type ContainerClient } from '@azure/storage-blob';
import { AsemigError } from '../../../errors';
import { redactSecrets } from '../../../redact';
import { parseStoreSpec } from '../../stage/open-store';
import { OfflineCodes } from './codes';
import type { SourceFiles } from './file-access';

/** Retries of a broken download stream (the SDK resumes at the byte it had reached). */
const DOWNLOAD_RETRIES = 5;

interface Listed {
  readonly bytes: number;
  readonly etag: string | undefined;
}

/** `a/b` → `a/b/`; `` and `/` → `` (the container root). */
export function normalizePrefix(prefix: string): string {
  const p = prefix.replace(/^\/+/, '');
  return p === '' || p.endsWith('/') ? p : p + '/';
}

function containerFor(spec: string): ContainerClient {
  const p = parseStoreSpec(spec);
  if (p.kind === 'local') {
    throw new AsemigError(OfflineCodes.badSourceSpec.code, 'a Blob source needs a Blob spec, not a folder', {
      field: 'source',
    });
  }
  const service =
    p.kind === 'blob-cs'
      ? BlobServiceClient.fromConnectionString(p.connectionString)
      : new BlobServiceClient(p.accountUrl, new DefaultAzureCredential());
  return service.getContainerClient(p.container);
}

export function blobFiles(spec: string, prefix: string): SourceFiles & { readonly prefix: string } {
  const container = containerFor(spec);
  const base = normalizePrefix(prefix);
  const url = new URL(container.url);
  // A SAS connection string puts its token in the query; redactSecrets is the second guard.
  url.search = '';
  const location = redactSecrets(`${url.toString().replace(/\/$/, '')}/${base}`);
  /** From the last list(): downloads are conditional on these etags, so a file replaced after
   * planning is reported (ASM-SRC-009) instead of being read half old, half new. */
  const listed = new Map<string, Listed>();

  function fail(e: unknown, what: string, name: string): AsemigError {
    if (e instanceof AsemigError) return e;
    const where = `${location}${name}`;
    const status = e instanceof RestError ? e.statusCode : undefined;
    const code = e instanceof RestError ? e.code : undefined;
    const detail = redactSecrets((e as Error).message ?? String(e)).split('\n')[0] ?? '';
    const place = { file: where };
    if (code === 'ContainerNotFound') {
      return new AsemigError(
        OfflineCodes.blobContainer.code,
        `container ${container.containerName} does not exist`,
        place,
        { cause: e },
      );
    }
    if (status === 404 && name !== '') {
      return new AsemigError(
        OfflineCodes.blobVanished.code,
        `blob ${name} was listed but no longer exists`,
        place,
        { cause: e },
      );
    }
    if (status === 412) {
      return new AsemigError(
        OfflineCodes.fileChanged.code,
        `blob ${name} changed after it was listed (etag differs)`,
        place,
        { cause: e },
      );
    }
    const name_ = (e as Error).name;
    if (
      status === 401 ||
      status === 403 ||
      name_ === 'CredentialUnavailableError' ||
      name_ === 'AuthenticationError'
    ) {
      return new AsemigError(
        OfflineCodes.blobAuth.code,
        `${what} refused for container ${container.containerName}: ${detail}`,
        place,
        { cause: e },
      );
    }
    return new AsemigError(
      OfflineCodes.blobRead.code,
      `${what} failed${status ? ` (HTTP ${status})` : ''}: ${detail}`,
      place,
      { cause: e },
    );
  }

  async function* download(name: string, start: number, end: number | undefined): AsyncGenerator<Buffer> {
    const etag = listed.get(name)?.etag;
    let body: NodeJS.ReadableStream | undefined;
    try {
      const r = await container
        .getBlobClient(base + name)
        .download(start, end === undefined ? undefined : end - start, {
          maxRetryRequests: DOWNLOAD_RETRIES,
          ...(etag !== undefined ? { conditions: { ifMatch: etag } } : {}),
        });
      body = r.readableStreamBody;
    } catch (e) {
      // A range starting at the end of the blob (reading "to the end" of a fully read file).
      if (e instanceof RestError && e.statusCode === 416) return;
      throw fail(e, 'download', name);
    }
    if (!body) return;
    try {
      // for-await pulls one buffer at a time: the HTTP stream pauses while the consumer is busy.
      for await (const c of body) yield Buffer.isBuffer(c) ? c : Buffer.from(c);
    } catch (e) {
      throw fail(e, 'download', name);
    }
  }

  return {
    location,
    prefix: base,
    async list() {
      const names: string[] = [];
      listed.clear();
      try {
        for await (const item of container.listBlobsByHierarchy('/', { prefix: base })) {
          if (item.kind !== 'blob') continue;
          const name = item.name.slice(base.length);
          names.push(name);
          listed.set(name, { bytes: item.properties.contentLength ?? 0, etag: item.properties.etag });
        }
      } catch (e) {
        throw fail(e, 'list', '');
      }
      return names.sort();
    },
    open(name, range) {
      const start = range?.start ?? 0;
      const end = range?.end;
      if (end !== undefined && end <= start) return Readable.from([]);
      return Readable.from(download(name, start, end), { objectMode: false, highWaterMark: 1 << 20 });
    },
    async size(name) {
      try {
        const p = await container.getBlobClient(base + name).getProperties();
        return p.contentLength ?? 0;
      } catch (e) {
        throw fail(e, 'get properties', name);
      }
    },
    async identity() {
      const names = await this.list();
      return names.map((n) => `${n}\t${listed.get(n)?.bytes ?? 0}\t${listed.get(n)?.etag ?? ''}`).join('\n');
    },
  };
}
