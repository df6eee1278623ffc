/** Column definitions of create table and alter table add/modify (§1, §2.2). */
import type { ColumnDef, Expr, IndexOption, Nullability, TableConstraint, DataTypeRef } from '../ast/nodes';
import { CONSTRAINT_START, parseConstraint } from './constraints';
import { Cursor, identValue, isIdentifier } from './cursor';
import { parseDataType } from './data-type';
import { collectExpr } from './expr';

/** Words that end a default expression and start the next column attribute. */
const ATTRIBUTE_WORDS = new Set([
  'null',
  'not',
  'identity',
  'constraint',
  'primary',
  'unique',
  'references',
  'check',
  'default',
  'encrypt',
  'decrypt_default',
  'in',
  'off',
  'materialized',
  'noaudit',
]);

export function parseColumnDef(c: Cursor): ColumnDef {
  const from = c.pos;
  const nameTok = c.peek();
  if (!isIdentifier(nameTok)) c.fail('expected a column name');
  const name = identValue(c.next());

  let type: DataTypeRef | undefined;
  let computed: { expr: Expr; materialized: boolean } | undefined;
  if (c.isWord('compute', 'as')) {
    // DDL-2x computed column: `c compute expr [materialized | not materialized]`, `c as expr`
    c.next();
    const expr = collectExpr(
      c,
      (cc) => cc.isWord('materialized') || (cc.isWord('not') && cc.word(1) === 'materialized'),
      'computed column expression',
    );
    let materialized = false;
    if (c.accept('materialized')) materialized = true;
    else c.accept('not', 'materialized');
    computed = { expr, materialized };
  } else if (!(
    name.toLowerCase() === 'timestamp' &&
    (c.isPunct(',') || c.isPunct(')') || c.isWord(...ATTRIBUTE_WORDS))
  )) {
    type = parseDataType(c);
  }

  let nullability: Nullability | undefined;
  let identity = false;
  let dflt: Expr | undefined;
  let defaultName: string | undefined;
  const constraints: TableConstraint[] = [];
  const extraOptions: IndexOption[] = [];
  for (;;) {
    const optFrom = c.pos;
    if (c.accept('null')) nullability = 'null';
    else if (c.accept('not', 'null')) nullability = 'not null';
    else if (c.accept('identity')) identity = true;
    else if (c.isWord('default') || (c.isWord('constraint') && c.word(2) === 'default')) {
      if (c.accept('constraint')) {
        const t = c.peek();
        if (!isIdentifier(t)) c.fail('expected a constraint name');
        defaultName = identValue(c.next());
      }
      c.expectWord('default');
      dflt = collectExpr(c, (cc) => cc.isWord(...ATTRIBUTE_WORDS), 'default value');
    } else if (c.isWord(...CONSTRAINT_START)) constraints.push(parseConstraint(c, name));
    else if (c.accept('encrypt')) {
      // column encryption: reported by the catalog translator (no carried semantics here)
      let value: string | undefined;
      if (c.accept('with')) value = identValue(c.next());
      extraOptions.push({
        name: 'encrypt',
        ...(value !== undefined ? { value } : {}),
        span: c.spanFrom(optFrom),
      });
    } else if (c.accept('decrypt_default')) {
      const e = collectExpr(c, (cc) => cc.isWord(...ATTRIBUTE_WORDS), 'decrypt_default value');
      extraOptions.push({ name: 'decrypt_default', value: e.text, span: c.spanFrom(optFrom) });
    } else if (c.isWord('in', 'off') && c.word(1) === 'row') {
      const which = `${c.next().text.toLowerCase()} row`;
      c.next();
      let value: string | undefined;
      if (c.isPunct('(')) {
        const vFrom = c.pos;
        c.next();
        c.next();
        c.expectPunct(')');
        value = c.sourceText(vFrom);
      }
      extraOptions.push({
        name: which,
        ...(value !== undefined ? { value } : {}),
        span: c.spanFrom(optFrom),
      });
    } else if (c.accept('noaudit')) extraOptions.push({ name: 'noaudit', span: c.spanFrom(optFrom) });
    else break;
  }
  return {
    kind: 'ColumnDef',
    name,
    ...(type !== undefined ? { type } : {}),
    ...(nullability !== undefined ? { nullability } : {}),
    identity,
    ...(dflt !== undefined ? { default: dflt } : {}),
    ...(defaultName !== undefined ? { defaultName } : {}),
    ...(computed !== undefined ? { computed } : {}),
    constraints,
    extraOptions,
    span: c.spanFrom(from),
    comments: [],
  };
}
