/**
 * A local Application Insights ingestion endpoint for tests. The exporter rewrites http:// to
 * https:// (platform-notes §6), so this is an HTTPS server on 127.0.0.1 with a self-signed
 * certificate made by the openssl binary; the emitting process must trust it through
 * NODE_EXTRA_CA_CERTS=<caFile> (read at process start, hence a child process in the tests).
 * It answers POST /v2.1/track like the real service and keeps every envelope it received.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One telemetry item as the exporter posts it. */
export interface Envelope {
  readonly name: string;
  readonly time: string;
  readonly iKey: string;
  readonly tags?: Record<string, string>;
  readonly data?: { readonly baseType: string; readonly baseData: Record<string, unknown> };
}

export interface TelemetryCapture {
  readonly connectionString: string;
  /** PEM file of the self-signed certificate, for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  readonly envelopes: Envelope[];
  /** Raw request bodies, for "this string must appear nowhere" checks. */
  readonly rawBodies: string[];
  /** Request paths seen (should all be /v2.1/track). */
  readonly paths: string[];
  /** Resolves when `pred` holds for the received envelopes; rejects after timeoutMs. */
  waitFor(pred: (envelopes: Envelope[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const TEST_IKEY = '00000000-0000-0000-0000-000000000000';

export async function startTelemetryCapture(): Promise<TelemetryCapture> {
  const dir = mkdtempSync(join(tmpdir(), 'asemig-ai-'));
  const keyFile = join(dir, 'key.pem');
  const caFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      caFile,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const envelopes: Envelope[] = [];
  const rawBodies: string[] = [];
  const paths: string[] = [];
  const waiters = new Set<() => void>();

  const server: Server = createServer(
    { key: readFileSync(keyFile), cert: readFileSync(caFile) },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        paths.push(req.url ?? '');
        rawBodies.push(body);
        let items: Envelope[] = [];
        try {
          const parsed: unknown = JSON.parse(body);
          items = (Array.isArray(parsed) ? parsed : [parsed]) as Envelope[];
        } catch {
          // A body that is not JSON is kept in rawBodies; the test sees it there.
        }
        envelopes.push(...items);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
        for (const w of waiters) w();
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    connectionString: `InstrumentationKey=${TEST_IKEY};IngestionEndpoint=https://127.0.0.1:${port}/`,
    caFile,
    envelopes,
    rawBodies,
    paths,
    waitFor(pred, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        if (pred(envelopes)) return resolve();
        const check = (): void => {
          if (!pred(envelopes)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `telemetry capture: condition not met after ${timeoutMs} ms (${envelopes.length} envelopes)`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The environment a process needs to send to the capture endpoint, and nothing to Microsoft. */
export function captureEnv(capture: TelemetryCapture): NodeJS.ProcessEnv {
  return {
    APPLICATIONINSIGHTS_CONNECTION_STRING: capture.connectionString,
    NODE_EXTRA_CA_CERTS: capture.caFile,
    // The default rate-limited sampler drops spans (dependencies) above 5/s.
    OTEL_TRACES_SAMPLER: 'always_on',
    APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
    OTEL_SERVICE_NAME: 'ase-migrate-test',
  };
}

/** Envelopes of one App Insights type (e.g. 'EventData'), by baseType. */
export function ofType(envelopes: readonly Envelope[], baseType: string): Envelope[] {
  return envelopes.filter((e) => e.data?.baseType === baseType);
}
