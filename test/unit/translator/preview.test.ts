/**
 * translatePreview: the one library function behind `translate --json` and POST /api/translate.
 * The JSON contract of the spine issue holds (exactly one JSON object; every diagnostic has code,
 * severity, line, message) and the additive `objects` list gives each object's status.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { translatePreview } from '../../../shared/translator/preview';
import { run } from '../../../cli/main';
import { fakeIo } from '../cli/fake-io';

const SCRIPT = [
  'create table dbo.t1 (a int not null, b char(10) null)',
  'go',
  'create procedure dbo.p_ok as select a from dbo.t1',
  'go',
  'create procedure dbo.p_manual as',
  '  readtext dbo.t1.b @ptr 0 10',
  'go',
  'create view dbo.v1 as select a from dbo.t1',
  'go',
  'select 1',
  'go',
  '',
].join('\n');

function contract(json: string): Record<string, unknown> {
  // JSON.parse throws on a second object or trailing text: "exactly one JSON object".
  const o = JSON.parse(json) as Record<string, unknown>;
  assert.ok(o && typeof o === 'object' && !Array.isArray(o));
  assert.equal(typeof o['sql'], 'string');
  assert.ok(Array.isArray(o['diagnostics']));
  for (const d of o['diagnostics'] as Record<string, unknown>[]) {
    assert.match(String(d['code']), /^ASM-[A-Z]+-\d{3}$/);
    assert.ok(['info', 'warning', 'error'].includes(String(d['severity'])));
    assert.ok(Number.isInteger(d['line']));
    assert.equal(typeof d['message'], 'string');
  }
  const s = o['statements'] as { total: number; converted: number; flagged: number };
  assert.equal(s.total, s.converted + s.flagged);
  return o;
}

describe('translatePreview: contract and objects', () => {
  const p = translatePreview(SCRIPT, { file: 'demo.sql', target: 'azure-sql' });

  test('serialises to exactly one JSON object with the spine contract fields', () => {
    contract(JSON.stringify(p));
  });

  const expected: ReadonlyArray<readonly [string, string]> = [
    ['dbo.t1', 'table'],
    ['dbo.p_ok', 'procedure'],
    ['dbo.p_manual', 'procedure'],
    ['dbo.v1', 'view'],
  ];
  for (const [name, type] of expected) {
    test(`objects lists ${type} ${name} with file, line and a report status`, () => {
      const o = p.objects.find((x) => x.name === name);
      assert.ok(o, `${name} in ${JSON.stringify(p.objects)}`);
      assert.equal(o.type, type);
      assert.equal(o.file, 'demo.sql');
      assert.ok(o.line >= 1);
      assert.ok(['converted', 'warnings', 'manual', 'blocked'].includes(o.status));
    });
  }

  test('an object with an error finding is not "converted" (SYS readtext is MANUAL)', () => {
    const o = p.objects.find((x) => x.name === 'dbo.p_manual');
    assert.ok(o && o.findings > 0);
    assert.ok(o.status === 'manual' || o.status === 'blocked', o.status);
  });

  test('object findings are the diagnostics naming that object', () => {
    for (const o of p.objects) {
      const named = p.diagnostics.filter((d) => d.object === o.name).length;
      assert.ok(named >= o.findings, `${o.name}: ${named} < ${o.findings}`);
    }
  });

  test('the CLI --json output is the same contract, with the same objects', async () => {
    const io = fakeIo({ stdin: SCRIPT });
    assert.equal(await run(['translate', '--json'], io), 0);
    const o = contract(io.out());
    const objects = o['objects'] as { name: string; status: string }[];
    assert.deepEqual(
      objects.map((x) => [x.name, x.status]),
      translatePreview(SCRIPT, { file: '<stdin>', target: 'azure-sql' }).objects.map((x) => [
        x.name,
        x.status,
      ]),
    );
  });
});
