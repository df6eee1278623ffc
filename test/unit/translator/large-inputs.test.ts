/**
 * Large and awkward inputs (issue 3 item 5): a generated procedure of more than 80 KB (many
 * statements, nested control flow, cursors) translates whole and passes the output self-check;
 * mixed CR / LF / CRLF line endings keep the line numbers of findings right.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { translate } from '../../../shared/translator/translate';
import { assertReparses } from './procedural/self-check';

/** One block of real-looking procedure code; `i` keeps its names unique. Returns its lines. */
function block(i: number): string[] {
  return [
    `    -- block ${i}: recalculate the balances of region ${i}`,
    `    declare @cust_${i} int, @bal_${i} money, @old_${i} money`,
    `    declare cur_${i} cursor for`,
    `        select c.cust_id, c.balance from customer c where c.region = ${i % 97} for read only`,
    `    open cur_${i}`,
    `    fetch cur_${i} into @cust_${i}, @old_${i}`,
    `    while @@sqlstatus = 0`,
    `    begin`,
    `        select @bal_${i} = isnull(sum(i.amount - i.paid), 0) from invoice i`,
    `            where i.cust_id = @cust_${i} and i.closed_date is null`,
    `        if @bal_${i} != @old_${i}`,
    `        begin`,
    `            if @bal_${i} > 100000`,
    `                update customer set flagged = 1, balance = @bal_${i} where cust_id = @cust_${i}`,
    `            else`,
    `                update customer set balance = @bal_${i} where cust_id = @cust_${i}`,
    `            select @updated = @updated + 1`,
    `        end`,
    `        fetch cur_${i} into @cust_${i}, @old_${i}`,
    `    end`,
    `    close cur_${i}`,
    `    deallocate cursor cur_${i}`,
  ];
}

function bigProcedure(minBytes: number): { sql: string; blocks: number } {
  const head = [
    'create procedure dbo.nightly_recalc @updated int = 0 output',
    'as',
    'begin',
    '    select @updated = 0',
  ];
  const lines = [...head];
  let blocks = 0;
  while (lines.join('\n').length < minBytes) lines.push(...block(blocks++));
  lines.push('    return 0', 'end', 'go', '');
  return { sql: lines.join('\n'), blocks };
}

describe('large inputs', () => {
  const { sql, blocks } = bigProcedure(80 * 1024);

  test(`an ${Math.round(sql.length / 1024)} KB procedure with ${blocks} cursor loops translates as one converted module`, () => {
    assert.ok(sql.length >= 80 * 1024);
    const r = translate(sql, { file: 'nightly.sql' });
    assert.equal(r.statements.total, 1);
    assert.equal(r.statements.converted + r.statements.flagged, 1);
    assert.ok(!r.diagnostics.some((d) => d.severity === 'error'), JSON.stringify(r.diagnostics.slice(0, 3)));
    // Nothing dropped: every cursor and every update is in the output.
    for (let i = 0; i < blocks; i += 1)
      assert.ok(r.sql.includes(`[cur_${i}]`) || r.sql.includes(`cur_${i}`), `cur_${i}`);
    assert.equal((r.sql.match(/\bUPDATE\b/gi) ?? []).length, 2 * blocks);
  });

  test('its output passes the self-check (re-parsed by our T-SQL parser)', () => {
    assertReparses(translate(sql, { file: 'nightly.sql' }).sql);
  });
});

describe('mixed line endings keep finding lines right', () => {
  // MSG-02: every raiserror with a number yields a WARN on its own line; the line is what we check.
  const lines = [
    'create procedure dbo.mixed as',
    'begin',
    '    declare @a int',
    '    raiserror 20001 "first"',
    '    select @a = 1',
    '    raiserror 20002 "second"',
    '    /* a comment',
    '       over two lines */',
    '    raiserror 20003 "third"',
    "    select @a = 2 -- 'quoted' in a comment",
    '    raiserror 20004 "fourth"',
    'end',
    'go',
    '',
  ];
  const expected = lines.flatMap((l, i) => (l.includes('raiserror') ? [i + 1] : []));
  const cases: ReadonlyArray<readonly [string, (i: number) => string]> = [
    ['LF', () => '\n'],
    ['CRLF', () => '\r\n'],
    ['CR (classic Mac)', () => '\r'],
    ['LF/CRLF alternating', (i) => (i % 2 ? '\r\n' : '\n')],
    ['LF/CRLF/CR rotating', (i) => ['\n', '\r\n', '\r'][i % 3] as string],
  ];
  for (const [name, end] of cases) {
    test(`MSG-02 findings on lines ${expected.join(', ')} with ${name}`, () => {
      const text = lines.map((l, i) => (i < lines.length - 1 ? l + end(i) : l)).join('');
      const r = translate(text, { file: 'mixed.sql' });
      const got = r.diagnostics.filter((d) => d.ruleId === 'MSG-02').map((d) => d.line);
      assert.deepEqual(got, expected);
    });
  }
});
