/**
 * Every HTTP route of the app, once: registration (functions/index.ts) and the OpenAPI test
 * both read this list, so a route cannot be added without the document knowing.
 */
export interface RouteSpec {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  /** Route without the `api/` prefix, in Functions syntax (`migrations/{id}`). */
  readonly route: string;
  /** True when the handler needs the Durable client input. */
  readonly durable: boolean;
}

export const ROUTES: readonly RouteSpec[] = [
  { name: 'startMigration', method: 'POST', route: 'migrations', durable: true },
  { name: 'listMigrations', method: 'GET', route: 'migrations', durable: true },
  { name: 'getMigration', method: 'GET', route: 'migrations/{id}', durable: true },
  { name: 'cancelMigration', method: 'POST', route: 'migrations/{id}/cancel', durable: true },
  { name: 'translate', method: 'POST', route: 'translate', durable: false },
  { name: 'openApi', method: 'GET', route: 'openapi.json', durable: false },
];
