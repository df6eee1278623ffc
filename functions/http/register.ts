/** Registers the HTTP functions of ROUTES (authLevel function) with their handlers. */
import { app } from '@azure/functions';
import * as df from 'durable-functions';
import { cancelMigration } from './cancel-migration.http';
import { getMigration } from './get-migration.http';
import { listMigrations } from './list-migrations.http';
import { serveOpenApi } from './openapi.http';
import { ROUTES } from './routes';
import { startMigration } from './start-migration.http';
import { translateSnippet } from './translate.http';

const DURABLE = {
  startMigration: (req, client, ctx) => startMigration(req, client, ctx),
  listMigrations,
  getMigration,
  cancelMigration,
} satisfies Record<string, df.HttpDurableClientHandler>;

const PLAIN = { translate: translateSnippet, openApi: serveOpenApi };

export function registerHttp(): void {
  for (const r of ROUTES) {
    const common = { route: r.route, methods: [r.method], authLevel: 'function' as const };
    if (r.durable) {
      const handler = DURABLE[r.name as keyof typeof DURABLE];
      df.app.client.http(r.name, { ...common, handler });
    } else {
      app.http(r.name, { ...common, handler: PLAIN[r.name as keyof typeof PLAIN] });
    }
  }
}
