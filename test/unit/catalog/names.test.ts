/** DDL-21/22/23: deterministic names and shortening beyond 128 characters. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NameScope,
  checkConstraintName,
  defaultConstraintName,
  shortenName,
} from '../../../shared/catalog/names';

describe('constraint and identifier names', () => {
  test('DDL-21: DF_<table>_<col>', () =>
    assert.equal(defaultConstraintName('acct', 'balance'), 'DF_acct_balance'));
  test('DT-06: CK_<table>_<col>_unsigned', () =>
    assert.equal(checkConstraintName('stock', 'qty', 'unsigned'), 'CK_stock_qty_unsigned'));
  test('DDL-23: names up to 128 characters are kept', () =>
    assert.equal(shortenName('x'.repeat(128)), 'x'.repeat(128)));
  test('DDL-23: longer names become left(119) + _ + 8 hex, deterministically', () => {
    const long = 'a'.repeat(200);
    const s = shortenName(long);
    assert.equal(s.length, 128);
    assert.match(s, /^a{119}_[0-9a-f]{8}$/);
    assert.equal(shortenName(long), s);
    assert.notEqual(shortenName('a'.repeat(199) + 'b'), s);
  });
  test('DDL-22: a duplicated name in one schema gets a hash suffix, the first keeps its name', () => {
    const scope = new NameScope();
    assert.deepEqual(scope.claim('CK_t_c', 'dbo.t1'), { name: 'CK_t_c', changed: false });
    const second = scope.claim('ck_T_c', 'dbo.t2');
    assert.equal(second.changed, true);
    assert.match(second.name, /^ck_T_c_[0-9a-f]{8}$/);
  });
});
