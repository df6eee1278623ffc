/** Registers the orchestrators and activities with durable-functions (called by functions/index.ts). */
import * as df from 'durable-functions';
import { inventoryActivity } from '../functions/activities/inventory.activity';
import { ActivityNames, OrchestratorNames } from '../functions/activities/names';
import { planTablesActivity } from '../functions/activities/plan-tables.activity';
import { reportActivity } from '../functions/activities/report.activity';
import { stageChunkActivity } from '../functions/activities/stage-chunk.activity';
import { writePackageActivity } from '../functions/activities/write-package.activity';
import { migrateDatabase } from './migrate-database.orchestrator';
import { migrateTableBatch } from './migrate-table-batch.orchestrator';

export function registerOrchestrations(): void {
  df.app.orchestration(OrchestratorNames.migrateDatabase, migrateDatabase);
  df.app.orchestration(OrchestratorNames.migrateTableBatch, migrateTableBatch);
  df.app.activity(ActivityNames.inventory, { handler: inventoryActivity });
  df.app.activity(ActivityNames.planTables, { handler: planTablesActivity });
  df.app.activity(ActivityNames.stageChunk, { handler: stageChunkActivity });
  df.app.activity(ActivityNames.writePackage, { handler: writePackageActivity });
  df.app.activity(ActivityNames.report, { handler: reportActivity });
}
