/**
 * Staging layout (architecture.md §6): `<runId>/<schema>.<table>/chunk-<n>.csv[.gz]`, the manifest
 * `chunk-<n>.json` beside it, and `<runId>/run.json`. Names are deterministic so a retry overwrites.
 * Schema and table names are percent-encoded outside [A-Za-z0-9_$#@-] (`.` included, since it
 * separates them), so every name is a safe file and blob name and two tables never share a folder.
 */
import { AsemigError } from '../../errors';
import { PipelineCodes } from '../codes';
import type {
  CanonicalValue,
  ChunkHashMethod,
  ChunkManifest,
  ChunkRef,
  KeyRange,
  StagedFormat,
} from '../contracts';

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function checkRunId(runId: string): string {
  if (!RUN_ID.test(runId) || runId.includes('..')) {
    throw new AsemigError(
      PipelineCodes.stageBadName,
      `run id '${runId}' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`,
      { field: 'runId' },
    );
  }
  return runId;
}

export function nameSegment(name: string): string {
  let out = '';
  for (const ch of name) {
    out += /^[A-Za-z0-9_$#@-]$/.test(ch) ? ch : encodeURIComponent(ch).replace(/\./g, '%2E');
  }
  return out;
}

export function tableFolder(schema: string, table: string): string {
  return `${nameSegment(schema)}.${nameSegment(table)}`;
}

export function tablePrefix(runId: string, schema: string, table: string): string {
  return `${checkRunId(runId)}/${tableFolder(schema, table)}`;
}

export function dataName(ref: ChunkRef, format: StagedFormat): string {
  return `${tablePrefix(ref.runId, ref.schema, ref.table)}/chunk-${ref.index}.${format}`;
}

export function manifestName(ref: ChunkRef): string {
  return `${tablePrefix(ref.runId, ref.schema, ref.table)}/chunk-${ref.index}.json`;
}

export function runFileName(runId: string): string {
  return `${checkRunId(runId)}/run.json`;
}

/** JSON form of a canonical value: bytes become `{ "hex": "..." }` (JSON has no byte type). */
export type JsonValue = null | string | { readonly hex: string };

export function valueToJson(v: CanonicalValue): JsonValue {
  return v === null || typeof v === 'string' ? v : { hex: Buffer.from(v).toString('hex') };
}

export function valueFromJson(v: JsonValue): CanonicalValue {
  return v === null || typeof v === 'string' ? v : new Uint8Array(Buffer.from(v.hex, 'hex'));
}

export function rangeToJson(r: KeyRange | undefined): unknown {
  if (!r) return undefined;
  return {
    keyColumns: r.keyColumns,
    ...(r.after ? { after: r.after.map(valueToJson) } : {}),
    ...(r.upTo ? { upTo: r.upTo.map(valueToJson) } : {}),
  };
}

interface RangeJson {
  keyColumns: string[];
  after?: JsonValue[];
  upTo?: JsonValue[];
}

export function rangeFromJson(j: unknown): KeyRange | undefined {
  if (j === undefined || j === null) return undefined;
  const r = j as RangeJson;
  return {
    keyColumns: r.keyColumns,
    ...(r.after ? { after: r.after.map(valueFromJson) } : {}),
    ...(r.upTo ? { upTo: r.upTo.map(valueFromJson) } : {}),
  };
}

/** Manifest → JSON text with a fixed key order, so equal chunks give byte-identical manifests. */
export function manifestToJson(m: ChunkManifest): string {
  return (
    JSON.stringify(
      {
        ref: { runId: m.ref.runId, schema: m.ref.schema, table: m.ref.table, index: m.ref.index },
        format: m.format,
        rows: m.rows,
        bytes: m.bytes,
        range: rangeToJson(m.range),
        columns: m.columns,
        columnKinds: m.columnKinds,
        hash: m.hash,
        hashMethod: m.hashMethod,
        dataName: m.dataName,
        max: m.max,
      },
      null,
      2,
    ) + '\n'
  );
}

export function manifestFromJson(text: string, name: string): ChunkManifest {
  let j: Record<string, unknown>;
  try {
    j = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new AsemigError(PipelineCodes.stageBadManifest, `manifest is not JSON: ${(e as Error).message}`, {
      file: name,
    });
  }
  const ref = j.ref as ChunkRef | undefined;
  if (
    !ref ||
    typeof j.rows !== 'number' ||
    typeof j.bytes !== 'number' ||
    typeof j.hash !== 'string' ||
    typeof j.dataName !== 'string' ||
    !Array.isArray(j.columns) ||
    (j.format !== 'csv' && j.format !== 'csv.gz')
  ) {
    throw new AsemigError(
      PipelineCodes.stageBadManifest,
      'manifest lacks ref, rows, bytes, hash, dataName, columns or format',
      {
        file: name,
      },
    );
  }
  const range = rangeFromJson(j.range);
  return {
    ref,
    format: j.format,
    rows: j.rows,
    bytes: j.bytes,
    ...(range ? { range } : {}),
    columns: j.columns as string[],
    ...(Array.isArray(j.columnKinds) ? { columnKinds: j.columnKinds as string[] } : {}),
    hash: j.hash,
    ...(j.hashMethod === undefined ? {} : { hashMethod: hashMethodFromJson(j.hashMethod, name) }),
    dataName: j.dataName,
    ...(j.max ? { max: j.max as Record<string, string> } : {}),
  };
}

/** A manifest naming a hash method this version does not know cannot be validated: refuse it. */
function hashMethodFromJson(v: unknown, name: string): ChunkHashMethod {
  if (v === 'key-order-v1' || v === 'sorted-rows-v1') return v;
  throw new AsemigError(PipelineCodes.stageBadManifest, `unknown chunk hash method ${JSON.stringify(v)}`, {
    file: name,
    field: 'hashMethod',
  });
}
