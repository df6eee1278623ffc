/**
 * Child process for the telemetry capture test: emits one scripted run through createTelemetry
 * (so through the real applicationinsights SDK) and exits. It runs in its own process because
 * NODE_EXTRA_CA_CERTS is read only at start and the SDK is process-wide.
 * argv: <runId> <secret>. The secret is planted in properties, messages and dependency data;
 * the parent asserts it never reached the endpoint.
 */
import { AsemigError } from '../../shared/errors';
import { createTelemetry } from '../../shared/telemetry/create-telemetry';
import { RunTelemetry } from '../../shared/telemetry/run-telemetry';

async function main(): Promise<void> {
  const [runId, secret] = process.argv.slice(2);
  if (!runId || !secret) throw new Error('usage: telemetry-emit-child <runId> <secret>');
  const telemetry = createTelemetry({ roleName: 'ase-migrate-test' });
  const run = new RunTelemetry(telemetry, {
    runId,
    host: 'test',
    source: 'ase1/sales',
    target: 'sql1/sales',
  });

  run.runStarted({ tables: 2, estimatedRows: 300 });
  run.phaseFinished('catalog', 120);
  run.chunkFinished(
    { schema: 'dbo', table: 'orders', chunk: 0 },
    { rows: 100, bytes: 4000, durationMs: 500 },
  );
  run.chunkFinished(
    { schema: 'dbo', table: 'orders', chunk: 1 },
    { rows: 0, bytes: 0, durationMs: 10 },
    { status: 'failed', code: 'ASM-PIPE-009' },
  );
  run.tableFinished(
    { schema: 'dbo', table: 'orders', chunks: 2 },
    { rows: 100, bytes: 4000, durationMs: 510 },
  );
  run.failure(
    new AsemigError('ASM-TEST-001', `login failed for Password=${secret};`, {
      object: 'dbo.orders',
      field: 'amount',
    }),
    {
      phase: 'stage',
      schema: 'dbo',
      table: 'orders',
      chunk: 1,
    },
  );
  telemetry.dependency({
    type: 'SQL',
    target: 'sql1.database.windows.net',
    name: 'bulk load',
    data: `Server=sql1;Password=${secret};`,
    durationMs: 87,
    success: true,
    resultCode: 0,
  });
  telemetry.dependency({
    type: 'Azure blob',
    target: 'acct.blob.core.windows.net',
    name: 'upload chunk',
    data: `https://acct.blob.core.windows.net/staging/x?sv=2024&sig=${secret}`,
    durationMs: 12,
    success: false,
    resultCode: 503,
  });
  telemetry.event('AsemigSecretProbe', {
    runId,
    password: secret,
    connectionString: `Server=ase1;UID=sa;PWD={${secret}};`,
  });
  run.phaseFinished('stage', 900, 'partial');
  run.runFinished('partial', { rows: 100, bytes: 4000, durationMs: 1500, tables: 2, failedTables: 1 });
  await telemetry.close();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(String(e));
    process.exit(1);
  },
);
