/**
 * Starts Azurite's blob service as a child node process for `npm start` and the tests
 * (platform-notes.md §5): node runs azurite's blob main.js directly (not through npx, which leaves
 * an npm→sh→node chain and no single PID to stop), on a free 127.0.0.1 port, with
 * `--skipApiVersionCheck` (required by @azure/storage-blob 12.32) and `--disableTelemetry`
 * (Azurite sends telemetry by default). In memory unless a location folder is given.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { AsemigError } from '../../errors';
import { PipelineCodes } from '../codes';

/** Azurite's well-known development account (public, documented; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteHandle {
  readonly connectionString: string;
  readonly blobPort: number;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startAzurite(
  options: { location?: string; blobPort?: number } = {},
): Promise<AzuriteHandle> {
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const port = options.blobPort ?? (await freePort());
  const args = [
    main,
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(port),
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--silent',
    '--loose',
    ...(options.location ? ['--location', options.location] : ['--inMemoryPersistence']),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(timer);
  };
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await canConnect(port)) {
      return {
        connectionString:
          `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
          `BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
        blobPort: port,
        pid: child.pid,
        stop,
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new AsemigError(
    PipelineCodes.stageAzurite,
    `Azurite did not accept connections on 127.0.0.1:${port}${stderr ? `: ${stderr.trim()}` : ''}`,
    { field: 'blobPort' },
  );
}
