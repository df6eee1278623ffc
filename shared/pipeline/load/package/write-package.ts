/**
 * The deployment package (architecture.md §1: a target for users without a connection, or who
 * review first): ordered scripts, the staged data as plain CSV, a manifest and a README. The
 * package is first written to a sibling temp folder and then moved into place, so a crash never
 * leaves a half package; the output is byte-identical for the same input (no timestamps).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { AsemigError } from '../../../errors';
import { PipelineCodes } from '../../codes';
import { rangeToJson } from '../../stage/layout';
import type { StoreStager } from '../../stage/store-stager';
import { tableHash } from '../../validate/row-hash';
import { loadScript } from './load-script';
import { packageDataFile, targetColumnName, targetTableName, type PackagedTable } from './package-model';
import { packageReadme } from './readme';
import { reseedScript } from './reseed-script';
import { validateScript } from './validate-script';

export interface DdlScript {
  readonly phase: string;
  readonly fileName: string;
  readonly sql: string;
}

export interface PackageInput {
  readonly packageDir: string;
  readonly runId: string;
  readonly database: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly ddl: readonly DdlScript[];
  readonly tables: readonly PackagedTable[];
  readonly stager: StoreStager;
}

export const LOAD_BLOB = '03-load-blob.sql';
export const LOAD_LOCAL = '03-load-local.sql';
export const VALIDATE = '07-validate.sql';
export const RESEED = '08-reseed.sql';
const OWN = new Set([LOAD_BLOB, LOAD_LOCAL, VALIDATE, RESEED, 'manifest.json', 'README.md']);

function checkDdlNames(ddl: readonly DdlScript[]): void {
  for (const s of ddl) {
    if (!/^[0-9]{2}-[A-Za-z0-9_-]+\.sql$/.test(s.fileName) || OWN.has(s.fileName)) {
      throw new AsemigError(
        PipelineCodes.pkgBadScript,
        `DDL script name '${s.fileName}' is unsafe or taken by the pipeline`,
        {
          field: 'fileName',
        },
      );
    }
  }
}

/** Refuse to replace a folder that is not empty and not an earlier package (never delete user files). */
async function checkReplaceable(dir: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  if (entries.length === 0) return true;
  try {
    const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { kind?: string };
    if (m.kind === 'ase-migrate-package') return true;
  } catch {
    // fall through to the refusal
  }
  throw new AsemigError(
    PipelineCodes.pkgWrite,
    'package folder is not empty and is not an ase-migrate package',
    {
      file: dir,
    },
  );
}

function packageManifest(input: PackageInput, scripts: string[]): string {
  return (
    JSON.stringify(
      {
        kind: 'ase-migrate-package',
        tool: input.tool,
        runId: input.runId,
        database: input.database,
        format: {
          type: 'csv',
          encoding: 'utf-8',
          fieldQuote: '"',
          fieldTerminator: ',',
          rowTerminator: '0x0a',
          header: false,
        },
        scripts,
        loadAlternatives: [LOAD_BLOB, LOAD_LOCAL],
        tables: input.tables.map((p) => ({
          schema: p.table.schema,
          table: p.table.name,
          targetTable: targetTableName(p.table),
          columns: p.columns.map(targetColumnName),
          rows: p.manifests.reduce((n, m) => n + m.rows, 0),
          bytes: p.manifests.reduce((n, m) => n + m.bytes, 0),
          hash: tableHash(p.manifests.map((m) => m.hash)),
          chunks: p.manifests.map((m) => ({
            index: m.ref.index,
            file: packageDataFile(p.table, m.ref.index),
            rows: m.rows,
            stagedBytes: m.bytes,
            stagedFormat: m.format,
            hash: m.hash,
            hashMethod: m.hashMethod,
            range: rangeToJson(m.range),
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

export async function writePackage(input: PackageInput): Promise<{ dir: string; scripts: string[] }> {
  checkDdlNames(input.ddl);
  const dir = resolve(input.packageDir);
  const replace = await checkReplaceable(dir);
  // Temp folders of killed earlier attempts (`.<name>.<random>.tmp`) are removed first.
  const stale = new RegExp(
    `^\\.${basename(dir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[0-9a-f]{12}\\.tmp$`,
  );
  for (const e of await readdir(dirname(dir)).catch(() => [] as string[])) {
    if (stale.test(e)) await rm(join(dirname(dir), e), { recursive: true, force: true });
  }
  const tmp = join(dirname(dir), `.${basename(dir)}.${randomBytes(6).toString('hex')}.tmp`);
  const v = input.tool.version;
  try {
    await mkdir(tmp, { recursive: true });
    const ddl = [...input.ddl].sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
    for (const s of ddl) await writeFile(join(tmp, s.fileName), s.sql.endsWith('\n') ? s.sql : s.sql + '\n');
    await writeFile(join(tmp, LOAD_BLOB), loadScript(input.tables, 'blob', input.runId, v));
    await writeFile(join(tmp, LOAD_LOCAL), loadScript(input.tables, 'local', input.runId, v));
    await writeFile(join(tmp, VALIDATE), validateScript(input.tables, input.runId, v));
    await writeFile(join(tmp, RESEED), reseedScript(input.tables, input.runId, v));
    for (const p of input.tables) {
      for (const m of p.manifests) {
        const file = join(tmp, ...packageDataFile(p.table, m.ref.index).split('/'));
        await mkdir(dirname(file), { recursive: true });
        await pipeline(await input.stager.csvStream(m), createWriteStream(file));
      }
    }
    // Order: DDL before the load (01, 02), the load (03), the rest of the DDL (04..06), validate, reseed.
    const scripts = [
      ...ddl.filter((s) => s.fileName < '03').map((s) => s.fileName),
      LOAD_BLOB,
      ...ddl.filter((s) => s.fileName >= '03').map((s) => s.fileName),
      VALIDATE,
      RESEED,
    ];
    await writeFile(join(tmp, 'manifest.json'), packageManifest(input, scripts));
    await writeFile(join(tmp, 'README.md'), packageReadme(input, scripts));
    if (replace) await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    return { dir, scripts };
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    if (e instanceof AsemigError) throw e;
    throw new AsemigError(
      PipelineCodes.pkgWrite,
      `cannot write the package: ${(e as Error).message}`,
      { file: dir },
      { cause: e },
    );
  }
}
