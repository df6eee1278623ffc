/**
 * Step 2 (runMigration's plan phase) for one batch of tables: plan each table's key-range
 * chunks, write the plan to staging (the chunk activities read it there) and return the chunk
 * counts the batch orchestrator fans out over. A table whose plan is already staged is not
 * planned again, so a re-executed activity keeps the boundaries its chunks were staged with.
 */
import { AsemigError } from '../../errors';
import { CONFIG_CODES } from '../../config/codes';
import { PipelineCodes } from '../codes';
import type { TablePlan } from '../contracts';
import type { ObjectStore } from '../stage/object-store';
import { planBlob, profileBlob } from './host-layout';
import { planFromJson, planToJson, type PlanJson } from './plan-json';
import { getJson, putJson } from './staged-json';
import { openStepSource, openStepStore, qualified, type StepRun } from './step-run';

export interface PlannedTable {
  readonly schema: string;
  readonly table: string;
  readonly chunks: number;
  readonly estimatedRows: number;
}

/** The staged plan of a table; ASM-HOST-005 when the plan step has not run for it. */
export async function readTablePlan(
  store: ObjectStore,
  runId: string,
  schema: string,
  table: string,
): Promise<TablePlan> {
  const name = planBlob(runId, schema, table);
  if (!(await store.exists(name)))
    throw new AsemigError(CONFIG_CODES.noPlan.code, `no staged plan for ${schema}.${table}`, {
      file: name,
      object: `${schema}.${table}`,
    });
  return planFromJson(await getJson<PlanJson>(store, name));
}

export interface PlanFailure {
  readonly code: string;
  readonly message: string;
  readonly place: AsemigError['place'];
}

export interface PlanTablesResult {
  readonly tables: PlannedTable[];
  /** Tables whose plan failed on a data error (the others are planned regardless). */
  readonly failures: PlanFailure[];
}

export async function planTablesStep(
  run: StepRun,
  tables: readonly { readonly schema: string; readonly table: string }[],
): Promise<PlanTablesResult> {
  const { store } = openStepStore(run);
  const { source, catalog } = await openStepSource(run);
  try {
    const out: PlannedTable[] = [];
    const failures: PlanFailure[] = [];
    for (const want of tables) {
      const t = catalog.tables.find((x) => x.schema === want.schema && x.name === want.table);
      if (!t)
        throw new AsemigError(
          PipelineCodes.runSourceChanged,
          `table ${qualified(want)} is not in the source`,
          { object: qualified(want) },
        );
      const name = planBlob(run.runId, t.schema, t.name);
      let plan: TablePlan;
      if (await store.exists(name)) plan = await readTablePlan(store, run.runId, t.schema, t.name);
      else {
        try {
          plan = await source.planChunks(t, run.chunkRows);
        } catch (e) {
          // A damaged table must not take the rest of its batch down: record it, plan the others.
          if (!(e instanceof AsemigError)) throw e;
          failures.push({
            code: e.code,
            message: e.message,
            place: { ...e.place, object: e.place.object ?? qualified(want) },
          });
          continue;
        }
        await putJson(store, name, planToJson(plan));
      }
      out.push({
        schema: t.schema,
        table: t.name,
        chunks: plan.chunks.length,
        estimatedRows: plan.chunks.reduce((n, c) => n + c.estimatedRows, 0),
      });
    }
    const findings = source.profile();
    const first = tables[0];
    if (findings.length && first)
      await putJson(store, profileBlob(run.runId, first.schema, first.table, 'plan'), findings);
    return { tables: out, failures };
  } finally {
    await source.close();
  }
}
