/**
 * Staging objects a hosted run adds beside the chunks (stage/layout.ts), under `<runId>/host/`:
 * the inventory (catalog + DDL, written once so later activities need not carry them in
 * Durable payloads — the claim-check pattern, platform-notes §2.2), one plan per table, and the
 * data-profile findings of each activity (each activity reads with its own source reader).
 * The report goes to `<runId>/report/`. Names are deterministic: a retried activity overwrites.
 */
import { checkRunId, tableFolder } from '../stage/layout';

export function hostPrefix(runId: string): string {
  return `${checkRunId(runId)}/host`;
}

export const catalogBlob = (runId: string): string => `${hostPrefix(runId)}/catalog.json`;
export const ddlBlob = (runId: string): string => `${hostPrefix(runId)}/ddl.json`;
export const inventoryBlob = (runId: string): string => `${hostPrefix(runId)}/inventory.json`;

export function planBlob(runId: string, schema: string, table: string): string {
  return `${hostPrefix(runId)}/plans/${tableFolder(schema, table)}.json`;
}

export function profilePrefix(runId: string): string {
  return `${hostPrefix(runId)}/profile/`;
}

/** `part` is `plan` or `chunk-<n>`. */
export function profileBlob(runId: string, schema: string, table: string, part: string): string {
  return `${profilePrefix(runId)}${tableFolder(schema, table)}/${part}.json`;
}

export function reportBlobs(runId: string): { json: string; html: string; text: string } {
  const p = `${checkRunId(runId)}/report`;
  return { json: `${p}/report.json`, html: `${p}/report.html`, text: `${p}/report.txt` };
}
