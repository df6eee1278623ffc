/**
 * manifest.json of an offline source (docs/offline-source.md). Optional: without it the folder is
 * read as UTF-8 with bcp's default terminators (tab, newline) and a 32 KB textsize. Every field is
 * validated; an unknown field is an error too, so a typo cannot silently fall back to a default.
 */
import type { ServerFacts } from '../../../catalog/model';
import { AsemigError } from '../../../errors';
import { resolveCharset, type SupportedCharset } from './charset';
import { OfflineCodes } from './codes';

export interface TableEntry {
  /** Data file name in the folder; default `<owner>.<table>.bcp|.dat|.txt`. */
  readonly file?: string;
  /** False: the table is intentionally empty and has no file. */
  readonly data: boolean;
  readonly fieldTerminator: string;
  readonly rowTerminator: string;
  readonly charset: SupportedCharset;
  /** `bcp -T` used at export (BCP-07): LOB values this long were probably cut. */
  readonly textsize: number;
  /** Exported with `--hide-vcc`: virtual computed columns are not in the file. */
  readonly hideVirtualComputed: boolean;
}

export interface Manifest {
  readonly database?: string;
  readonly server: ServerFacts;
  readonly defaults: Omit<TableEntry, 'file' | 'data'>;
  /** Keyed `owner.table` as written. */
  readonly tables: ReadonlyMap<string, TableEntry>;
  /**
   * Guard against a wrong terminator swallowing a whole file (BCP-02). Absent: per table,
   * 16 MiB or twice the textsize per LOB column (hex doubles image bytes) plus 1 MiB.
   */
  readonly maxRowBytes?: number;
}

export const DEFAULT_TEXTSIZE = 32768;

const TOP_FIELDS = new Set([
  'database',
  'charset',
  'server',
  'fieldTerminator',
  'rowTerminator',
  'textsize',
  'maxRowBytes',
  'tables',
]);
const SERVER_FIELDS = new Set(['version', 'sortOrder', 'pageSize', 'allowNullsByDefault']);
const TABLE_FIELDS = new Set([
  'file',
  'data',
  'fieldTerminator',
  'rowTerminator',
  'charset',
  'textsize',
  'hideVirtualComputed',
]);

function fail(field: string, message: string): never {
  throw new AsemigError(OfflineCodes.manifestField.code, message, { file: 'manifest.json', field });
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(obj: Json, allowed: Set<string>, at: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.has(k))
      fail(at ? `${at}.${k}` : k, `unknown field '${k}' (allowed: ${[...allowed].join(', ')})`);
  }
}

function str(obj: Json, key: string, at: string): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') fail(at, 'must be a non-empty string');
  return v;
}

function posInt(obj: Json, key: string, at: string): number | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) fail(at, 'must be a positive integer');
  return v;
}

function bool(obj: Json, key: string, at: string): boolean | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') fail(at, 'must be true or false');
  return v;
}

/**
 * Terminators may be written as bcp takes them on the command line (`\t`, `\n`, `\r`, `\\`,
 * `\0`, `\xHH`) or as the characters themselves. ASCII only, 1-30 characters (BCP-02).
 */
export function unescapeTerminator(raw: string, at: string): string {
  const out = raw.replace(/\\(x[0-9A-Fa-f]{2}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 't':
        return '\t';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case '0':
        return '\0';
      case '\\':
        return '\\';
      case 'x':
        return String.fromCharCode(parseInt(e.slice(1), 16));
      default:
        return fail(at, `unknown escape '\\${e}' in terminator (use \\t \\n \\r \\0 \\\\ \\xHH)`);
    }
  });
  if (out.length === 0 || out.length > 30) fail(at, 'terminator must have 1 to 30 characters (BCP-02)');
  if ([...out].some((ch) => ch.charCodeAt(0) > 0x7f)) fail(at, 'terminator must be ASCII');
  return out;
}

export function parseManifest(text: string | undefined): Manifest {
  let json: unknown = {};
  if (text !== undefined) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new AsemigError(
        OfflineCodes.manifestJson.code,
        `manifest.json is not valid JSON: ${(e as Error).message}`,
        {
          file: 'manifest.json',
        },
      );
    }
  }
  if (!isObject(json)) fail('', 'manifest.json must hold a JSON object');
  checkKeys(json, TOP_FIELDS, '');
  const database = str(json, 'database', 'database');
  const charsetName = str(json, 'charset', 'charset');
  const charset = charsetName === undefined ? 'utf8' : resolveCharset(charsetName, 'charset');
  const ft = str(json, 'fieldTerminator', 'fieldTerminator');
  const rt = str(json, 'rowTerminator', 'rowTerminator');
  const defaults = {
    charset,
    fieldTerminator: ft === undefined ? '\t' : unescapeTerminator(ft, 'fieldTerminator'),
    rowTerminator: rt === undefined ? '\n' : unescapeTerminator(rt, 'rowTerminator'),
    textsize: posInt(json, 'textsize', 'textsize') ?? DEFAULT_TEXTSIZE,
    hideVirtualComputed: false,
  };
  const server = parseServer(json['server'], charsetName ?? 'utf8');
  const tables = new Map<string, TableEntry>();
  const rawTables = json['tables'];
  if (rawTables !== undefined) {
    if (!isObject(rawTables)) fail('tables', 'must be an object keyed "owner.table"');
    for (const [name, entry] of Object.entries(rawTables)) {
      const at = `tables.${name}`;
      if (!/^[^.]+\.[^.]+$/.test(name)) fail(at, `table key '${name}' must be "owner.table"`);
      if (!isObject(entry)) fail(at, 'must be an object');
      checkKeys(entry, TABLE_FIELDS, at);
      const tcs = str(entry, 'charset', `${at}.charset`);
      const tft = str(entry, 'fieldTerminator', `${at}.fieldTerminator`);
      const trt = str(entry, 'rowTerminator', `${at}.rowTerminator`);
      const file = str(entry, 'file', `${at}.file`);
      if (file !== undefined && /[\\/]/.test(file))
        fail(`${at}.file`, 'must be a file name in the source folder');
      const data = bool(entry, 'data', `${at}.data`) ?? true;
      if (!data && file !== undefined) fail(`${at}.file`, 'a table with "data": false has no file');
      tables.set(name, {
        ...(file !== undefined ? { file } : {}),
        data,
        charset: tcs === undefined ? defaults.charset : resolveCharset(tcs, `${at}.charset`),
        fieldTerminator:
          tft === undefined ? defaults.fieldTerminator : unescapeTerminator(tft, `${at}.fieldTerminator`),
        rowTerminator:
          trt === undefined ? defaults.rowTerminator : unescapeTerminator(trt, `${at}.rowTerminator`),
        textsize: posInt(entry, 'textsize', `${at}.textsize`) ?? defaults.textsize,
        hideVirtualComputed: bool(entry, 'hideVirtualComputed', `${at}.hideVirtualComputed`) ?? false,
      });
    }
  }
  const maxRowBytes = posInt(json, 'maxRowBytes', 'maxRowBytes');
  return {
    ...(database !== undefined ? { database } : {}),
    server,
    defaults,
    tables,
    ...(maxRowBytes !== undefined ? { maxRowBytes } : {}),
  };
}

function parseServer(raw: unknown, charset: string): ServerFacts {
  if (raw === undefined) return { charset };
  if (!isObject(raw)) fail('server', 'must be an object');
  checkKeys(raw, SERVER_FIELDS, 'server');
  const version = str(raw, 'version', 'server.version');
  const sortOrder = str(raw, 'sortOrder', 'server.sortOrder');
  const pageSize = posInt(raw, 'pageSize', 'server.pageSize');
  const allow = bool(raw, 'allowNullsByDefault', 'server.allowNullsByDefault');
  return {
    charset,
    ...(version !== undefined ? { version } : {}),
    ...(sortOrder !== undefined ? { sortOrder } : {}),
    ...(pageSize !== undefined ? { pageSize } : {}),
    ...(allow !== undefined ? { allowNullsByDefault: allow } : {}),
  };
}

/** The entry for a table: its own, or the folder defaults. */
export function tableEntry(m: Manifest, key: string): TableEntry {
  return m.tables.get(key) ?? { data: true, ...m.defaults };
}
