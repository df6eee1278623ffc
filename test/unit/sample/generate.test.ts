import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog, Table } from '../../../shared/catalog/model';
import type { Row } from '../../../shared/pipeline/contracts';
import { openOfflineSource, type OfflineSource } from '../../../shared/pipeline/source/offline/open';
import { generateSampleSource, type GeneratedSample } from '../../../shared/sample/generate';

const made: string[] = [];
process.on('exit', () => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'asemig-sample-'));
  made.push(d);
  return d;
};

async function rowsOf(src: OfflineSource, t: Table, targetRows = 1000): Promise<Row[]> {
  const out: Row[] = [];
  const plan = await src.planChunks(t, targetRows);
  for (const c of plan.chunks) for await (const r of src.readChunk(t, c)) out.push(r);
  return out;
}

function table(cat: Catalog, key: string): Table {
  const t = cat.tables.find((x) => `${x.schema}.${x.name}` === key);
  assert.ok(t, `table ${key}`);
  return t;
}

describe('sample generator', () => {
  test('BCP-01 two runs write byte-identical files (fixed seed, no clock)', async () => {
    const a = await generateSampleSource(tmp());
    const b = await generateSampleSource(tmp());
    const names = readdirSync(a.dir).sort();
    assert.deepEqual(readdirSync(b.dir).sort(), names);
    for (const n of names)
      assert.ok(readFileSync(join(a.dir, n)).equals(readFileSync(join(b.dir, n))), `${n} differs`);
    assert.equal(a.rows, b.rows);
  });

  test('BCP-02 the manifest declares custom terminators for tables whose text holds tabs/newlines', async () => {
    const g = await generateSampleSource(tmp());
    const m = JSON.parse(readFileSync(join(g.dir, 'manifest.json'), 'utf8')) as {
      tables: Record<string, Record<string, unknown>>;
    };
    assert.equal(m.tables['dbo.document']?.['fieldTerminator'], '|~|');
    assert.equal(m.tables['dbo.document']?.['rowTerminator'], '#~#');
    assert.equal(m.tables['dbo.audit_log']?.['rowTerminator'], '\\r\\n');
  });

  test('BCP-01 largeRows sizes the benchmark table, streamed', async () => {
    const g = await generateSampleSource(tmp(), { largeRows: 5000 });
    const src = await openOfflineSource(g.dir);
    const cat = await src.catalog();
    const plan = await src.planChunks(table(cat, 'dbo.bench_event'), 1000);
    assert.equal(plan.chunks.length, 5);
    assert.equal(
      plan.chunks.reduce((n, c) => n + c.estimatedRows, 0),
      5000,
    );
  });
});

describe('the sample database read back through the offline source', () => {
  let g: GeneratedSample;
  let src: OfflineSource;
  let cat: Catalog;
  before(async () => {
    g = await generateSampleSource(tmp());
    src = await openOfflineSource(g.dir);
    cat = await src.catalog();
  });

  test('CAT-11 the scripts parse into 15-25 tables over dbo, sales and hr, each with a data file', () => {
    assert.ok(cat.tables.length >= 15 && cat.tables.length <= 25);
    assert.equal(cat.tables.length, g.tables);
    assert.deepEqual([...new Set(cat.tables.map((t) => t.schema))].sort(), ['dbo', 'hr', 'sales']);
    assert.equal(cat.database, 'asedemo');
    assert.ok(cat.modules.length >= 5);
    assert.ok(cat.userTypes.length >= 3 && cat.rules.length >= 3 && cat.defaults.length >= 2);
    assert.ok(!cat.diagnostics.some((d) => d.code === 'ASM-CAT-009'), 'a statement was not parsed');
  });

  test('DT-00 every ASE type of §1.1 appears in the sample', () => {
    const types = new Set(cat.tables.flatMap((t) => t.columns.map((c) => c.source.type.base)));
    const wanted = [
      'char',
      'varchar',
      'nchar',
      'nvarchar',
      'unichar',
      'univarchar',
      'unitext',
      'text',
      'image',
      'binary',
      'varbinary',
      'bit',
      'tinyint',
      'smallint',
      'int',
      'bigint',
      'unsigned smallint',
      'unsigned int',
      'unsigned bigint',
      'numeric',
      'decimal',
      'float',
      'real',
      'double precision',
      'money',
      'smallmoney',
      'datetime',
      'smalldatetime',
      'date',
      'time',
      'bigdatetime',
      'bigtime',
      'timestamp',
      'sysname',
    ];
    assert.deepEqual(
      wanted.filter((w) => !types.has(w)),
      [],
    );
  });

  test('BCP-01 every row of every table is read, and the counts match what was generated', async () => {
    let total = 0;
    for (const t of cat.tables) total += (await rowsOf(src, t, 100)).length;
    assert.equal(total, g.rows);
  });

  test('DT-06 BCP-07 STR-02 the hard values come back canonical', async () => {
    const t = table(cat, 'dbo.type_showcase');
    const rows = await rowsOf(src, t);
    const c = (name: string): number => t.columns.findIndex((x) => x.name === name);
    const [min, max, nulls, blanks, uni] = rows;
    assert.equal(min?.[c('c_money')], '-922337203685477.5808');
    assert.equal(max?.[c('c_money')], '922337203685477.5807');
    assert.equal(max?.[c('c_ubigint')], '18446744073709551615');
    assert.equal(max?.[c('c_bigdatetime')], '9999-12-31 23:59:59.999999');
    assert.equal(min?.[c('c_date')], '0001-01-01');
    assert.equal(max?.[c('c_datetime')], '9999-12-31 23:59:59.997');
    assert.equal(nulls?.[c('c_varchar')], null);
    assert.equal(blanks?.[c('c_varchar')], ' ');
    assert.equal(blanks?.[c('c_char')], '          ');
    assert.equal(uni?.[c('c_univarchar')], 'a😀b𝄞c — 한국어');
    assert.equal(uni?.[c('c_char')], 'Zoë      ');
    assert.deepEqual([...(blanks?.[c('c_binary')] as Uint8Array)], [10, 11, 0, 0, 0, 0, 0, 0]);
    const doc = await rowsOf(src, table(cat, 'dbo.document'));
    const body =
      cat.tables.find((x) => x.name === 'document')?.columns.findIndex((x) => x.name === 'body') ?? -1;
    assert.ok(doc.some((r) => typeof r[body] === 'string' && (r[body] as string).length > 32768));
  });

  test('BCP-07 DT-07 the profile reports the sample findings aggregated', () => {
    const codes = new Set(src.profile().map((d) => `${d.code} ${d.object}`));
    assert.ok(codes.has('ASM-PROF-003 dbo.history_event'));
    assert.ok(codes.has('ASM-PROF-006 dbo.audit_log'));
    assert.ok(codes.has('ASM-PROF-013 sales.exchange_rate'));
  });
});
