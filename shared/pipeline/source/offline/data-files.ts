/**
 * Which file holds which table. Scripts are `*.sql`; data files are `<owner>.<table>.bcp`
 * (or `.dat`/`.txt`; `<table>.bcp` when the name is unique across owners) or the file a manifest
 * entry names. Every table needs a file unless the manifest says `"data": false`, and every data
 * file needs a table: both are errors, so no table and no file is skipped unnoticed.
 */
import type { Table } from '../../../catalog/model';
import { qualifiedName } from '../../../catalog/model';
import { AsemigError } from '../../../errors';
import { diagnostic, type Diagnostic } from '../../../translator/diagnostics';
import { OfflineCodes } from './codes';
import type { Manifest } from './manifest';

export const DATA_EXTENSIONS = ['.bcp', '.dat', '.txt'];
export const MANIFEST_NAME = 'manifest.json';

export function isScript(name: string): boolean {
  return name.toLowerCase().endsWith('.sql');
}

function dataStem(name: string): string | undefined {
  const lower = name.toLowerCase();
  const ext = DATA_EXTENSIONS.find((e) => lower.endsWith(e));
  return ext ? name.slice(0, -ext.length) : undefined;
}

export interface FileMap {
  /** `owner.table` → file name; absent for `"data": false` tables. */
  readonly files: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

export function mapDataFiles(
  names: readonly string[],
  tables: readonly Table[],
  manifest: Manifest,
): FileMap {
  const byKey = new Map(tables.map((t) => [qualifiedName(t), t]));
  const present = new Set(names);
  const files = new Map<string, string>();
  const claimed = new Set<string>();
  const diagnostics: Diagnostic[] = [];

  for (const [key, entry] of manifest.tables) {
    if (!byKey.has(key)) {
      throw new AsemigError(OfflineCodes.manifestField.code, `table '${key}' is not defined by the scripts`, {
        file: MANIFEST_NAME,
        field: `tables.${key}`,
      });
    }
    if (entry.file !== undefined) {
      if (!present.has(entry.file)) {
        throw new AsemigError(
          OfflineCodes.noDataFile.code,
          `data file '${entry.file}' named in the manifest is missing`,
          {
            file: MANIFEST_NAME,
            field: `tables.${key}.file`,
            object: key,
          },
        );
      }
      files.set(key, entry.file);
      claimed.add(entry.file);
    }
  }

  for (const name of names) {
    if (claimed.has(name) || name === MANIFEST_NAME || isScript(name)) continue;
    const stem = dataStem(name);
    if (stem === undefined) {
      diagnostics.push(
        diagnostic({
          ...OfflineCodes.ignoredFile,
          file: name,
          message: `${name}: ${OfflineCodes.ignoredFile.summary}`,
        }),
      );
      continue;
    }
    const table = byKey.get(stem) ?? uniqueByName(tables, stem);
    if (!table) {
      const near = tables.find(
        (t) =>
          qualifiedName(t).toLowerCase() === stem.toLowerCase() ||
          t.name.toLowerCase() === stem.toLowerCase(),
      );
      throw new AsemigError(
        OfflineCodes.orphanFile.code,
        `data file matches no table of the scripts${near ? ` (names are case-sensitive: did you mean ${qualifiedName(near)}?)` : ''}`,
        { file: name },
      );
    }
    const key = qualifiedName(table);
    const entry = manifest.tables.get(key);
    if (entry && !entry.data) {
      throw new AsemigError(
        OfflineCodes.twoFiles.code,
        `table ${key} is declared "data": false but has a data file`,
        {
          file: name,
          object: key,
        },
      );
    }
    const other = files.get(key);
    if (other !== undefined) {
      throw new AsemigError(
        OfflineCodes.twoFiles.code,
        `table ${key} has two data files: ${other} and ${name}`,
        {
          file: name,
          object: key,
        },
      );
    }
    files.set(key, name);
  }

  for (const t of tables) {
    const key = qualifiedName(t);
    if (files.has(key) || manifest.tables.get(key)?.data === false) continue;
    if (t.proxy) continue; // proxy tables hold no local data (DDL-14)
    throw new AsemigError(
      OfflineCodes.noDataFile.code,
      `table has no data file (expected ${key}.bcp, .dat or .txt, or "data": false in manifest.json)`,
      {
        object: key,
        ...(t.origin.file !== undefined ? { file: t.origin.file } : {}),
        ...(t.origin.line !== undefined ? { line: t.origin.line } : {}),
      },
    );
  }
  return { files, diagnostics };
}

function uniqueByName(tables: readonly Table[], name: string): Table | undefined {
  const hits = tables.filter((t) => t.name === name);
  return hits.length === 1 ? hits[0] : undefined;
}
