import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AsemigError } from '../../shared/errors';

test('AsemigError formats code, place and message', () => {
  const e = new AsemigError('ASM-BCP-002', 'wrong number of fields', {
    file: 'a.bcp',
    line: 3,
    object: 'dbo.t',
  });
  assert.equal(e.toString(), 'ASM-BCP-002 a.bcp:3 dbo.t: wrong number of fields');
});
