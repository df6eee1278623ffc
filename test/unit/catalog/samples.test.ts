/**
 * The team's shared ASE samples (../shared/samples/ase), when present: each file is read into a
 * catalog and deployed as scripts; every table gets a target for every column and a CREATE TABLE.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedSamplesDir } from '../../helpers/paths';
import { catalogFromScripts } from '../../../shared/catalog/script/read-scripts';
import { generateDdl } from '../../../shared/catalog/ddl/generate';

const files = existsSync(sharedSamplesDir)
  ? readdirSync(sharedSamplesDir)
      .filter((f) => f.endsWith('.sql'))
      .sort()
  : [];

test('CAT-11: shared ASE samples → catalog → deployment scripts', (t) => {
  if (files.length === 0) {
    t.diagnostic(`did not run: no samples in ${sharedSamplesDir}`);
    return;
  }
  for (const f of files) {
    const text = readFileSync(join(sharedSamplesDir, f), 'utf8');
    const catalog = catalogFromScripts([{ path: f, text }]);
    for (const table of catalog.tables) {
      for (const c of table.columns) assert.ok(c.target, `${f} ${table.name}.${c.name} has a target`);
    }
    const ddl = generateDdl(catalog);
    const tablesSql = ddl.scripts.find((s) => s.phase === 'tables')?.sql ?? '';
    const created = (tablesSql.match(/^CREATE TABLE /gm) ?? []).length;
    assert.equal(created, catalog.tables.filter((x) => !x.proxy).length, `${f}: one CREATE TABLE per table`);
    assert.deepEqual(generateDdl(catalog).scripts, ddl.scripts, `${f}: deterministic`);
    t.diagnostic(
      `${f}: ${catalog.tables.length} tables, ${catalog.modules.length} modules, ${catalog.diagnostics.length} findings`,
    );
  }
});
