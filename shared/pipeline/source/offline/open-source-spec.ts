/**
 * Source spec → offline SourceReader. A spec is one string so it fits `--source` or a run option:
 *  - a connection string (has `BlobEndpoint=` or `AccountName=`) with `Container=<name>;` and
 *    optionally `Prefix=<path>;` (default: the container root) → the extract under that prefix;
 *  - `https://<account>.blob.core.windows.net/<container>/<prefix>/` → the same, read with
 *    DefaultAzureCredential (managed identity in Azure);
 *  - anything else → a local folder.
 * The Blob parts reuse the staging spec parser (stage/open-store.ts), so both flags read alike.
 */
import { resolve } from 'node:path';
import { AsemigError } from '../../../errors';
import { describeStagingSpec, isConnectionString } from '../../stage/open-store';
import { blobFiles, normalizePrefix } from './blob-files';
import { OfflineCodes } from './codes';
import { folderFiles, type SourceFiles } from './file-access';
import { openOfflineSource, type OfflineSource, type OfflineSourceOptions } from './open';

export type ParsedSourceSpec =
  | { readonly kind: 'folder'; readonly dir: string }
  /** storeSpec: a staging-style spec naming the container (connection string or container URL). */
  | { readonly kind: 'blob'; readonly storeSpec: string; readonly prefix: string };

function badSpec(message: string): AsemigError {
  return new AsemigError(OfflineCodes.badSourceSpec.code, message, { field: 'source' });
}

export function isBlobSourceSpec(spec: string): boolean {
  return isConnectionString(spec) || /^https?:\/\//i.test(spec);
}

export function parseSourceSpec(spec: string): ParsedSourceSpec {
  if (isConnectionString(spec)) {
    let prefix = '';
    let container = false;
    const kept: string[] = [];
    for (const part of spec.split(';')) {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part.trim() : part.slice(0, eq).trim();
      if (/^prefix$/i.test(key)) {
        prefix = part.slice(eq + 1).trim();
        continue;
      }
      // The staging parser defaults the container; a source has no sensible default.
      if (/^container$/i.test(key) && part.slice(eq + 1).trim() !== '') container = true;
      if (part.trim() !== '') kept.push(part);
    }
    if (!container) throw badSpec('a connection-string source needs Container=<name>; (and Prefix=<path>;)');
    return { kind: 'blob', storeSpec: kept.join(';') + ';', prefix: normalizePrefix(prefix) };
  }
  if (/^https?:\/\//i.test(spec)) {
    let url: URL;
    try {
      url = new URL(spec);
    } catch {
      throw badSpec('the source URL cannot be parsed');
    }
    if (url.search !== '' || url.username !== '' || url.password !== '') {
      // The URL form authenticates with DefaultAzureCredential only; a SAS or user info in it
      // would be ignored and then printed in run.json. Connection strings take SAS tokens.
      throw badSpec(
        'a source URL must not carry a query (SAS) or user info: use managed identity, or a connection string with SharedAccessSignature=',
      );
    }
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const [container, ...rest] = segments;
    if (container === undefined) {
      throw badSpec(
        'a source URL needs a container: https://<account>.blob.core.windows.net/<container>/<prefix>/',
      );
    }
    return {
      kind: 'blob',
      storeSpec: `${url.protocol}//${url.host}/${container}`,
      prefix: normalizePrefix(rest.join('/')),
    };
  }
  if (spec.trim() === '') throw badSpec('the source is empty');
  return { kind: 'folder', dir: spec };
}

/** Text for run.json and reports: never a key or SAS (describeStagingSpec redacts). */
export function describeSourceSpec(spec: string): string {
  const p = parseSourceSpec(spec);
  return p.kind === 'folder'
    ? `offline folder ${resolve(p.dir)}`
    : `offline ${describeStagingSpec(p.storeSpec)}, prefix ${p.prefix === '' ? '(container root)' : p.prefix}`;
}

/** The files of the spec: a folder, or the blobs directly under the prefix. */
export function sourceSpecFiles(spec: string): SourceFiles {
  const p = parseSourceSpec(spec);
  return p.kind === 'folder' ? folderFiles(resolve(p.dir)) : blobFiles(p.storeSpec, p.prefix);
}

/**
 * What checkpoint.sourceFingerprint hashes besides the catalog: the folder path (walked there, as
 * before Blob sources existed, so existing checkpoints still match) or the Blob files' identity.
 */
export function fingerprintTarget(spec: string): string | SourceFiles {
  const p = parseSourceSpec(spec);
  return p.kind === 'folder' ? resolve(p.dir) : blobFiles(p.storeSpec, p.prefix);
}

export async function openSourceSpec(
  spec: string,
  options: Omit<OfflineSourceOptions, 'files'> = {},
): Promise<OfflineSource> {
  const p = parseSourceSpec(spec);
  if (p.kind === 'folder') return openOfflineSource(resolve(p.dir), options);
  const files = blobFiles(p.storeSpec, p.prefix);
  return openOfflineSource(files.location, { ...options, files });
}
