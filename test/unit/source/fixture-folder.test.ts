import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openOfflineSource } from '../../../shared/pipeline/source/offline/open';
import { fixturesDir } from '../../helpers/paths';
import { readAll } from './offline-fixture';

describe('a hand-written ddlgen + bcp folder through the real script reader (CAT-11)', () => {
  const dir = join(fixturesDir, 'offline', 'ddlgen-basic');

  test('CAT-11 setuser owners, manifest file mapping and server facts', async () => {
    const src = await openOfflineSource(dir);
    const cat = await src.catalog();
    assert.equal(cat.database, 'shop');
    assert.deepEqual(cat.tables.map((t) => `${t.schema}.${t.name}`).sort(), ['dbo.item', 'sales.sale']);
    assert.equal(cat.server.charset, 'utf8');
  });

  test('BCP-05 BCP-06 char padding kept, datetime forms decoded, NULL datetime', async () => {
    const src = await openOfflineSource(dir);
    const cat = await src.catalog();
    const item = cat.tables.find((t) => t.name === 'item');
    assert.ok(item);
    assert.deepEqual(await readAll(src, item), [
      ['1', 'pen', 'P1  ', '1.5000', '2002-08-01 01:59:49.500'],
      ['2', 'paper', 'PA  ', '0.2000', null],
      ['3', 'ink', 'INK ', '12.0000', '1999-12-31 23:59:00.000'],
    ]);
  });

  test('BCP-02 custom terminators from the manifest; tab and newline inside the last text field', async () => {
    const src = await openOfflineSource(dir);
    const cat = await src.catalog();
    const sale = cat.tables.find((t) => t.name === 'sale');
    assert.ok(sale);
    assert.deepEqual(await readAll(src, sale), [
      ['1', '2', '2002-08-01 13:59:49.123456', 'first\tsale\nline two'],
      ['2', '1', '2002-08-02 09:00:00.000001', null],
      ['3', '3', '2002-08-03 10:00:00.000000', null],
    ]);
  });
});
