/** Small JSON objects in staging (inventory, plans, profile findings): write and read back. */
import { AsemigError } from '../../errors';
import { PipelineCodes } from '../codes';
import { getText, type ObjectStore } from '../stage/object-store';

export async function putJson(store: ObjectStore, name: string, value: unknown): Promise<void> {
  await store.put(name, Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8'));
}

export async function getJson<T>(store: ObjectStore, name: string): Promise<T> {
  if (!(await store.exists(name)))
    throw new AsemigError(PipelineCodes.stageMissing, `${name} is not in ${store.location}`, { file: name });
  try {
    return JSON.parse(await getText(store, name)) as T;
  } catch (e) {
    throw new AsemigError(PipelineCodes.stageBadManifest, `not JSON: ${(e as Error).message}`, {
      file: name,
    });
  }
}
