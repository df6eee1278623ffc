import assert from 'node:assert/strict';
import type { Statement } from '../../../shared/translator/ast/nodes';
import { parseScript } from '../../../shared/translator/parser/parse';

/** All top-level statements of a script. */
export function statements(sql: string, quotedIdentifier?: boolean): Statement[] {
  const { script } = parseScript(sql, 'test.sql', quotedIdentifier !== undefined ? { quotedIdentifier } : {});
  return script.batches.flatMap((b) => [...b.statements]);
}

/** The statement type of a kind (Grant covers both 'Grant' and 'Revoke', which Extract<> misses). */
export type OfKind<K extends Statement['kind']> = Statement & { readonly kind: K };

/** The only statement of a script, narrowed to the expected kind. */
export function one<K extends Statement['kind']>(sql: string, kind: K): OfKind<K> {
  const all = statements(sql);
  assert.equal(all.length, 1, `expected one statement, got ${all.map((s) => s.kind).join(', ')}`);
  const s = all[0] as Statement;
  assert.equal(s.kind, kind, s.kind === 'Unparsed' ? s.reason : '');
  return s as OfKind<K>;
}
