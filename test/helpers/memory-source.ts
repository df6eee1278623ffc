/**
 * An in-memory SourceReader for pipeline tests: tables are given as catalog tables plus rows.
 * Chunking follows the contract: key ranges over the primary key (after exclusive, upTo
 * inclusive), rows in key order; a table without a key is one chunk with a warning.
 * Keys compare as numbers when both look numeric, else as strings (enough for test data).
 */
import type { Catalog, Column, Table } from '../../shared/catalog/model';
import type {
  ChunkPlan,
  Row,
  SourceReader,
  TablePlan,
  CanonicalValue,
} from '../../shared/pipeline/contracts';
import { diagnostic, type Diagnostic } from '../../shared/translator/diagnostics';

export interface MemoryTable {
  readonly table: Table;
  readonly rows: readonly Row[];
}

export function column(
  name: string,
  ordinal: number,
  sourceBase: string,
  target: { sql: string; base: string; precision?: number; scale?: number; length?: number | 'max' },
  extra: { nullable?: boolean; identity?: boolean; loadable?: boolean; computed?: boolean } = {},
): Column {
  return {
    name,
    ordinal,
    source: {
      type: { base: sourceBase },
      identity: extra.identity ?? false,
      ...(extra.computed ? { computed: { expr: 'x', materialized: true } } : {}),
    },
    target: {
      type: target,
      nullable: extra.nullable ?? true,
      ...(extra.identity ? { identity: { seed: 1, increment: 1 } } : {}),
      ...(extra.computed ? { computed: { expr: 'x', persisted: true } } : {}),
      checks: [],
      castRule: 'TEST',
      loadable: extra.loadable ?? true,
    },
  };
}

export function table(schema: string, name: string, columns: Column[], pk?: string[]): Table {
  return {
    kind: 'table',
    schema,
    name,
    columns,
    ...(pk ? { primaryKey: { kind: 'primaryKey', name: `pk_${name}`, columns: pk, clustered: true } } : {}),
    uniques: [],
    foreignKeys: [],
    checks: [],
    indexes: [],
    origin: { from: 'script', file: `${name}.sql`, line: 1 },
  };
}

function compare(a: CanonicalValue, b: CanonicalValue): number {
  const sa = a === null ? '' : typeof a === 'string' ? a : Buffer.from(a).toString('hex');
  const sb = b === null ? '' : typeof b === 'string' ? b : Buffer.from(b).toString('hex');
  if (/^-?\d+$/.test(sa) && /^-?\d+$/.test(sb)) {
    const d = BigInt(sa) - BigInt(sb);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function compareKeys(a: readonly CanonicalValue[], b: readonly CanonicalValue[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compare(a[i] ?? null, b[i] ?? null);
    if (c !== 0) return c;
  }
  return 0;
}

export class MemorySource implements SourceReader {
  readonly reads: string[] = [];
  private readonly findings: Diagnostic[] = [];
  constructor(
    private readonly database: string,
    private readonly tables: readonly MemoryTable[],
    private readonly options: { delayMs?: number; failOn?: { table: string; chunk: number } } = {},
  ) {}

  async catalog(): Promise<Catalog> {
    return {
      database: this.database,
      server: {},
      tables: this.tables.map((t) => t.table),
      userTypes: [],
      rules: [],
      defaults: [],
      modules: [],
      permissions: [],
      diagnostics: [],
    };
  }

  private data(t: Table): MemoryTable {
    const m = this.tables.find((x) => x.table.schema === t.schema && x.table.name === t.name);
    if (!m) throw new Error(`no table ${t.schema}.${t.name}`);
    return m;
  }

  private keyOf(t: Table, row: Row): CanonicalValue[] {
    return (t.primaryKey?.columns ?? []).map((k) => row[t.columns.findIndex((c) => c.name === k)] ?? null);
  }

  private sorted(t: Table): Row[] {
    return [...this.data(t).rows].sort((a, b) => compareKeys(this.keyOf(t, a), this.keyOf(t, b)));
  }

  async planChunks(t: Table, targetRows: number): Promise<TablePlan> {
    const rows = this.sorted(t);
    const keyColumns = t.primaryKey?.columns;
    if (!keyColumns) {
      return {
        schema: t.schema,
        table: t.name,
        chunks: [{ index: 0, estimatedRows: rows.length }],
        diagnostics: [
          diagnostic({
            code: 'TEST-NOKEY',
            ruleId: 'BCP-14',
            level: 'WARN',
            message: 'no key',
            object: `${t.schema}.${t.name}`,
          }),
        ],
      };
    }
    const chunks: ChunkPlan[] = [];
    let after: Row | undefined;
    for (let i = 0; i < rows.length || chunks.length === 0; i += targetRows) {
      const last = i + targetRows >= rows.length;
      const upTo = last ? undefined : this.keyOf(t, rows[i + targetRows - 1] as Row);
      chunks.push({
        index: chunks.length,
        range: { keyColumns, ...(after ? { after } : {}), ...(upTo ? { upTo } : {}) },
        estimatedRows: Math.min(targetRows, rows.length - i),
      });
      after = upTo;
      if (last) break;
    }
    return { schema: t.schema, table: t.name, chunks, diagnostics: [] };
  }

  async *readChunk(t: Table, chunk: ChunkPlan): AsyncIterable<Row> {
    this.reads.push(`${t.schema}.${t.name}#${chunk.index}`);
    if (
      this.options.failOn &&
      this.options.failOn.table === t.name &&
      this.options.failOn.chunk === chunk.index
    ) {
      throw new Error(`simulated read failure in ${t.name} chunk ${chunk.index}`);
    }
    for (const row of this.sorted(t)) {
      const k = this.keyOf(t, row);
      const r = chunk.range;
      if (r?.after && compareKeys(k, r.after) <= 0) continue;
      if (r?.upTo && compareKeys(k, r.upTo) > 0) continue;
      if (this.options.delayMs) await new Promise((res) => setTimeout(res, this.options.delayMs));
      yield row;
    }
  }

  profile(): readonly Diagnostic[] {
    return this.findings;
  }

  async close(): Promise<void> {}
}

/** A deterministic three-table database (orders with identity + rowversion, notes without key). */
export function sampleMemorySource(
  orderRows = 50,
  options: ConstructorParameters<typeof MemorySource>[2] = {},
): MemorySource {
  const orders = table(
    'dbo',
    'orders',
    [
      column('id', 1, 'int', { sql: 'int', base: 'int' }, { identity: true, nullable: false }),
      column('customer', 2, 'varchar', { sql: 'varchar(40)', base: 'varchar', length: 40 }),
      column('amount', 3, 'money', { sql: 'money', base: 'money' }),
      column('ts', 4, 'timestamp', { sql: 'rowversion', base: 'rowversion' }, { loadable: false }),
      column('photo', 5, 'varbinary', { sql: 'varbinary(16)', base: 'varbinary', length: 16 }),
      column('ratio', 6, 'float', { sql: 'float', base: 'float' }),
    ],
    ['id'],
  );
  const orderData: Row[] = [];
  for (let i = 1; i <= orderRows; i++) {
    orderData.push([
      String(i * 3),
      i % 7 === 0 ? null : i % 5 === 0 ? '' : i % 11 === 0 ? ' ' : `cust "${i}", line\n${i}`,
      `${i}.${String(i % 100).padStart(2, '0')}00`,
      new Uint8Array([0, 0, 0, 0, 0, 0, 0, i % 256]),
      i % 4 === 0 ? null : new Uint8Array([i % 256, 255 - (i % 256)]),
      String(i / 8),
    ]);
  }
  const items = table(
    'sales',
    'line items',
    [
      column('order_id', 1, 'int', { sql: 'int', base: 'int' }, { nullable: false }),
      column('line', 2, 'smallint', { sql: 'smallint', base: 'smallint' }, { nullable: false }),
      column('note', 3, 'univarchar', { sql: 'nvarchar(20)', base: 'nvarchar', length: 20 }),
      column('at', 4, 'datetime', { sql: 'datetime', base: 'datetime' }),
    ],
    ['order_id', 'line'],
  );
  const itemData: Row[] = [];
  for (let i = 1; i <= orderRows; i++) {
    for (let l = 1; l <= 2; l++)
      itemData.push([
        String(i * 3),
        String(l),
        l === 1 ? 'é😀' : null,
        `2024-01-${String((i % 28) + 1).padStart(2, '0')} 10:00:00.003`,
      ]);
  }
  const notes = table('dbo', 'notes', [
    column('txt', 1, 'text', { sql: 'nvarchar(max)', base: 'nvarchar', length: 'max' }),
  ]);
  const noteData: Row[] = [['a'], [''], [null], ['a']];
  return new MemorySource(
    'salesdb',
    [
      { table: orders, rows: orderData },
      { table: items, rows: itemData },
      { table: notes, rows: noteData },
    ],
    options,
  );
}
