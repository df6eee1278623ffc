/**
 * The offline SourceReader (docs/offline-source.md): ddlgen/defncopy scripts + bcp -c files in a
 * folder, with an optional manifest.json. The catalog comes from the scripts through the catalog
 * reader (catalogFromScripts), server facts from the manifest.
 */
import type { Catalog, ServerFacts, Table } from '../../../catalog/model';
import { catalogFromScripts } from '../../../catalog/script/read-scripts';
import { qualifiedName } from '../../../catalog/model';
import { AsemigError } from '../../../errors';
import type { Diagnostic } from '../../../translator/diagnostics';
import type { ChunkPlan, Row, SourceReader, TablePlan } from '../../contracts';
import { fieldDecoder } from './charset';
import { planTableChunks } from './chunk-planner';
import { OfflineCodes } from './codes';
import { DataProfile } from './data-profile';
import { isScript, MANIFEST_NAME, mapDataFiles } from './data-files';
import { folderFiles, readWhole, type SourceFiles } from './file-access';
import { parseManifest, tableEntry, type Manifest } from './manifest';
import { readTableChunk, readTableChunkBatches } from './read-chunk';
import { tableFile, type TableFile } from './table-file';

export interface ScriptFile {
  readonly path: string;
  readonly text: string;
}

/** The catalog engineer's `catalogFromScripts` (shared/catalog/script/read-scripts.ts). */
export type ScriptCatalogReader = (
  files: readonly ScriptFile[],
  options?: { readonly database?: string; readonly server?: ServerFacts },
) => Catalog | Promise<Catalog>;

export interface OfflineSourceOptions {
  /** Default chunk size when planChunks is given 0. */
  readonly targetRows?: number;
  /** File access; default: the folder `dir`. A Blob-prefix implementation can be passed here. */
  readonly files?: SourceFiles;
  /** Catalog reader; default: catalogFromScripts. Tests pass hand-built catalogs. */
  readonly readCatalog?: ScriptCatalogReader;
}

export interface OfflineSource extends SourceReader {
  readChunkBatches(table: Table, chunk: ChunkPlan): AsyncIterable<readonly Row[]>;
  readonly manifest: Manifest;
  readonly location: string;
}

export async function openOfflineSource(
  dir: string,
  options: OfflineSourceOptions = {},
): Promise<OfflineSource> {
  const files = options.files ?? folderFiles(dir);
  const names = await files.list();
  const manifest = parseManifest(
    names.includes(MANIFEST_NAME) ? (await readWhole(files, MANIFEST_NAME)).toString('utf8') : undefined,
  );
  const profile = new DataProfile();
  let catalogPromise: Promise<{ catalog: Catalog; fileOf: ReadonlyMap<string, string> }> | undefined;
  let closed = false;

  async function load(): Promise<{ catalog: Catalog; fileOf: ReadonlyMap<string, string> }> {
    const scripts = names.filter(isScript);
    if (scripts.length === 0) {
      throw new AsemigError(OfflineCodes.noScripts.code, `no *.sql scripts in ${files.location}`, {
        file: files.location,
      });
    }
    const decoder = fieldDecoder(manifest.defaults.charset);
    const texts: ScriptFile[] = [];
    for (const path of scripts) {
      const bytes = await readWhole(files, path);
      const text = decoder.decode(bytes);
      if (typeof text !== 'string') {
        const before = bytes.subarray(0, text.badOffset);
        const line = before.toString('latin1').split('\n').length;
        throw new AsemigError(OfflineCodes.badEncoding.code, `script is not valid ${decoder.charset}`, {
          file: path,
          line,
          column: text.badOffset - before.lastIndexOf(0x0a),
        });
      }
      texts.push({ path, text });
    }
    const reader = options.readCatalog ?? catalogFromScripts;
    const read = await reader(texts, {
      ...(manifest.database !== undefined ? { database: manifest.database } : {}),
      server: manifest.server,
    });
    const map = mapDataFiles(names, read.tables, manifest);
    const catalog: Catalog = {
      ...read,
      database: manifest.database ?? read.database,
      server: { ...read.server, ...manifest.server },
      diagnostics: [...read.diagnostics, ...map.diagnostics],
    };
    return { catalog, fileOf: map.files };
  }

  function loaded(): Promise<{ catalog: Catalog; fileOf: ReadonlyMap<string, string> }> {
    if (closed) throw new AsemigError(OfflineCodes.badOption.code, 'the offline source is closed');
    catalogPromise ??= load();
    return catalogPromise;
  }

  async function fileFor(table: Table): Promise<TableFile> {
    const { catalog, fileOf } = await loaded();
    const key = qualifiedName(table);
    const entry = tableEntry(manifest, key);
    const file = fileOf.get(key);
    if (file === undefined && entry.data) {
      throw new AsemigError(
        OfflineCodes.noDataFile.code,
        'table is not in the source catalog or has no data file',
        {
          object: key,
        },
      );
    }
    return tableFile(table, catalog.server, entry, file, files, manifest.maxRowBytes);
  }

  return {
    manifest,
    location: files.location,
    async catalog() {
      return (await loaded()).catalog;
    },
    async planChunks(table: Table, targetRows: number): Promise<TablePlan> {
      const rows = targetRows === 0 ? (options.targetRows ?? 100000) : targetRows;
      return planTableChunks(await fileFor(table), rows, profile);
    },
    async *readChunk(table: Table, chunk: ChunkPlan): AsyncIterable<Row> {
      yield* readTableChunk(await fileFor(table), chunk, profile);
    },
    async *readChunkBatches(table: Table, chunk: ChunkPlan): AsyncIterable<readonly Row[]> {
      yield* readTableChunkBatches(await fileFor(table), chunk, profile);
    },
    profile(): readonly Diagnostic[] {
      return profile.findings();
    },
    async close() {
      closed = true;
    },
  };
}
