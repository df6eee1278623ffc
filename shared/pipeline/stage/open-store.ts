/**
 * Staging spec → store. A spec is one string so it fits a CLI flag or an app setting:
 *  - a connection string (has `BlobEndpoint=` or `AccountName=`) → Blob; an extra
 *    `Container=<name>;` part chooses the container (default `ase-migrate`) and is not passed on;
 *  - `https://<account>.blob.core.windows.net[/<container>]` → Blob with DefaultAzureCredential;
 *  - anything else → a local directory.
 * `describeStagingSpec` gives the same decision as text without secrets, for run.json and reports.
 */
import { BlobStore } from './blob-store';
import { LocalStore } from './local-store';
import type { ObjectStore } from './object-store';

export const DEFAULT_CONTAINER = 'ase-migrate';

/** The decision made from a spec; the offline source's Blob reader reuses it (open-source-spec.ts). */
export type ParsedStoreSpec =
  | { kind: 'blob-cs'; connectionString: string; container: string; endpoint: string }
  | { kind: 'blob-url'; accountUrl: string; container: string }
  | { kind: 'local'; dir: string };

export function isConnectionString(spec: string): boolean {
  return /(^|;)\s*(BlobEndpoint|AccountName)\s*=/i.test(spec);
}

export function parseStoreSpec(spec: string): ParsedStoreSpec {
  if (isConnectionString(spec)) {
    let container = DEFAULT_CONTAINER;
    const kept: string[] = [];
    let endpoint = '';
    let account = '';
    for (const part of spec.split(';')) {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part.trim() : part.slice(0, eq).trim();
      const value = eq < 0 ? '' : part.slice(eq + 1).trim();
      if (/^container$/i.test(key)) container = value;
      else if (part.trim() !== '') kept.push(part);
      if (/^BlobEndpoint$/i.test(key)) endpoint = value;
      if (/^AccountName$/i.test(key)) account = value;
    }
    if (!endpoint && account) endpoint = `https://${account}.blob.core.windows.net`;
    return { kind: 'blob-cs', connectionString: kept.join(';'), container, endpoint };
  }
  if (/^https?:\/\//i.test(spec)) {
    const url = new URL(spec);
    const segments = url.pathname.split('/').filter(Boolean);
    const container = segments[0] ?? DEFAULT_CONTAINER;
    return { kind: 'blob-url', accountUrl: `${url.protocol}//${url.host}`, container };
  }
  return { kind: 'local', dir: spec };
}

export function openStore(spec: string): ObjectStore {
  const p = parseStoreSpec(spec);
  switch (p.kind) {
    case 'blob-cs':
      return new BlobStore({ connectionString: p.connectionString }, p.container);
    case 'blob-url':
      return new BlobStore({ accountUrl: p.accountUrl }, p.container);
    case 'local':
      return new LocalStore(p.dir);
  }
}

/** Redacted description: never the key, SAS or full connection string. */
export function describeStagingSpec(spec: string): string {
  const p = parseStoreSpec(spec);
  switch (p.kind) {
    case 'blob-cs':
      return `blob ${p.endpoint.replace(/\?.*$/, '') || '(connection string)'}/${p.container} (connection string, redacted)`;
    case 'blob-url':
      return `blob ${p.accountUrl}/${p.container} (DefaultAzureCredential)`;
    case 'local':
      return `folder ${new LocalStore(p.dir).root}`;
  }
}
