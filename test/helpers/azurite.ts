/**
 * Azurite for tests: one blob server per test file on its own free port, stopped in `after`.
 * Usage: `const az = useAzurite();` at the top of a describe, then `az.connectionString` inside tests.
 */
import { after, before } from 'node:test';
import { startAzurite, type AzuriteHandle } from '../../shared/pipeline/stage/azurite';

export function useAzurite(): { readonly connectionString: string } {
  let handle: AzuriteHandle | undefined;
  before(async () => {
    handle = await startAzurite();
  });
  after(async () => {
    await handle?.stop();
  });
  return {
    get connectionString(): string {
      if (!handle) throw new Error('Azurite is not started (use inside a test)');
      return handle.connectionString;
    },
  };
}
