/** Function names shared by registration (functions/index.ts) and the orchestrators. */
export const ActivityNames = {
  inventory: 'inventory',
  planTables: 'planTables',
  stageChunk: 'stageChunk',
  writePackage: 'writePackage',
  report: 'report',
} as const;

export const OrchestratorNames = {
  migrateDatabase: 'migrateDatabase',
  migrateTableBatch: 'migrateTableBatch',
} as const;
