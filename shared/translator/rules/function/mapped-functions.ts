/**
 * §5 functions whose SQL Server form is a fixed wrapping of the same arguments, one table row each:
 * `patindex(p, s)` → `PATINDEX(RTRIM(p), s)` (FN-04: ASE ignores the pattern's trailing blanks);
 * `left/right(s, n)` with n not a non-negative literal → `CASE WHEN n < 0 THEN NULL ELSE LEFT(s, n) END`
 * (FN-06: ASE gives NULL, SQL Server an error); `uhighsurr/ulowsurr(s, i)` → a UNICODE range test
 * (FN-19); `index_colorder(obj, indid, keyno)` → INDEXKEY_PROPERTY (FN-64); `lockscheme('t')` →
 * `'datarows'` (FN-67: SQL Server locks rows); `newid()` → 32 hex digits without dashes, `newid(1)` →
 * with dashes, lower case as ASE, `newid(0x0)` → `CONVERT(binary(16), NEWID())` (FN-69: a bare
 * NEWID() is 36 characters and would not fit a varchar(32) column); `hash(x, 'md5'|'sha1'|'sha256'|'sha512')` → lower-case hex of HASHBYTES (FN-70).
 * A call whose arguments do not fit its row is left as written (SQL Server rejects it loudly).
 */
import type { Expression, FunctionCall } from '../../ast/expressions';
import type { DataTypeRef, Span } from '../../ast/nodes';
import type { TranslatorCode } from '../../codes';
import { bin, call, intValue, mark, num, str } from '../build';
import type { RuleContext } from '../rule';

interface Row {
  readonly code: TranslatorCode;
  readonly note: string;
  /** The SQL Server form, or undefined when these arguments have none. */
  readonly to: (args: readonly Expression[], span: Span) => Expression | undefined;
}

const type = (name: string, args: readonly number[], span: Span): DataTypeRef => ({ name, args, span });

const convert = (
  name: string,
  args: readonly number[],
  expr: Expression,
  span: Span,
  style?: number,
): Expression =>
  mark({
    kind: 'Convert',
    type: type(name, args, span),
    expr,
    span,
    ...(style !== undefined ? { style: num(style, span), targetStyle: true } : {}),
  });

const caseWhen = (when: Expression, then: Expression, otherwise: Expression, span: Span): Expression =>
  mark({ kind: 'Case', whens: [{ when, then }], else: otherwise, span });

const nullLit = (span: Span): Expression => mark({ kind: 'Literal', type: 'null', value: 'null', span });

/** ASE hash algorithm names → HASHBYTES names. */
const HASHES: Record<string, string> = { md5: 'MD5', sha1: 'SHA1', sha256: 'SHA2_256', sha512: 'SHA2_512' };

const leftRight =
  (name: string): Row['to'] =>
  ([s, n, ...more], span) => {
    if (s === undefined || n === undefined || more.length > 0) return undefined;
    const v = intValue(n);
    if (v !== undefined && v >= 0) return undefined;
    return caseWhen(bin('<', n, num(0, span), span), nullLit(span), call(name, [s, n], span), span);
  };

const surrogate =
  (low: number, high: number): Row['to'] =>
  ([s, i, ...more], span) => {
    if (s === undefined || i === undefined || more.length > 0) return undefined;
    const code = call('unicode', [call('substring', [s, i, num(1, span)], span)], span);
    const inRange: Expression = mark({
      kind: 'Between',
      expr: code,
      low: num(low, span),
      high: num(high, span),
      negated: false,
      span,
    });
    return caseWhen(inRange, num(1, span), num(0, span), span);
  };

const ROWS: Record<string, Row> = {
  patindex: {
    code: 'patindexTrim',
    note: 'patindex(p, s) → PATINDEX(RTRIM(p), s): ASE ignores trailing blanks of the pattern (FN-04)',
    to: ([p, s, ...more], span) =>
      p === undefined || s === undefined || more.length > 0
        ? undefined
        : call('patindex', [call('rtrim', [p], span), s], span),
  },
  left: {
    code: 'negativeLength',
    note: 'left(s, n): n < 0 gives NULL in ASE, an error in SQL Server → CASE WHEN n < 0 THEN NULL (FN-06)',
    to: leftRight('left'),
  },
  right: {
    code: 'negativeLength',
    note: 'right(s, n): n < 0 gives NULL in ASE, an error in SQL Server → CASE WHEN n < 0 THEN NULL (FN-06)',
    to: leftRight('right'),
  },
  uhighsurr: {
    code: 'surrogateTest',
    note: 'uhighsurr(s, i) → UNICODE(SUBSTRING(s, i, 1)) BETWEEN 55296 AND 56319 (FN-19)',
    to: surrogate(55296, 56319),
  },
  ulowsurr: {
    code: 'surrogateTest',
    note: 'ulowsurr(s, i) → UNICODE(SUBSTRING(s, i, 1)) BETWEEN 56320 AND 57343 (FN-19)',
    to: surrogate(56320, 57343),
  },
  index_colorder: {
    code: 'indexColorder',
    note: "index_colorder(obj, indid, keyno) → INDEXKEY_PROPERTY(...'IsDescending'); index ids differ after migration (FN-64)",
    to: ([obj, indid, keyno, ...more], span) => {
      if (obj === undefined || indid === undefined || keyno === undefined || more.length > 0)
        return undefined;
      const desc = call(
        'indexkey_property',
        [call('object_id', [obj], span), indid, keyno, str('IsDescending', span)],
        span,
      );
      const byDirection: Expression = {
        kind: 'Case',
        operand: desc,
        whens: [{ when: num(1, span), then: str('DESC', span) }],
        else: str('ASC', span),
        span,
      };
      return mark(byDirection);
    },
  },
  lockscheme: {
    code: 'lockscheme',
    note: "lockscheme('t') → 'datarows': SQL Server locks rows; remove logic that depends on it (FN-67)",
    to: (args, span) => (args.length === 1 || args.length === 2 ? str('datarows', span) : undefined),
  },
  newid: {
    code: 'newidFormat',
    note: 'newid() is 32 lower-case hex digits in ASE (newid(1) with dashes) → LOWER(REPLACE(CONVERT(char(36), NEWID()), ...)) (FN-69)',
    to: (args, span) => {
      const guid = convert('char', [36], call('newid', [], span), span);
      if (args.length === 0)
        return call('lower', [call('replace', [guid, str('-', span), str('', span)], span)], span);
      const [flag] = args;
      if (args.length === 1 && flag !== undefined && intValue(flag) === 1) return call('lower', [guid], span);
      // newid(0x0): the 16 bytes themselves
      if (args.length === 1 && flag?.kind === 'Literal' && flag.type === 'hex')
        return convert('binary', [16], call('newid', [], span), span);
      return undefined;
    },
  },
  hash: {
    code: 'hashHex',
    note: 'hash(x, alg) → LOWER(CONVERT(varchar(128), HASHBYTES(alg, x), 2)); the bytes hashed depend on the character set (FN-70)',
    to: ([x, alg, ...more], span) => {
      if (x === undefined || more.length > 0) return undefined;
      const name =
        alg === undefined
          ? 'md5'
          : alg.kind === 'Literal' && alg.type === 'string'
            ? alg.value.toLowerCase()
            : undefined;
      const to = name === undefined ? undefined : HASHES[name];
      if (to === undefined) return undefined;
      return call(
        'lower',
        [convert('varchar', [128], call('hashbytes', [str(to, span), x], span), span, 2)],
        span,
      );
    },
  },
};

export function mappedFunctions(e: Expression, rc: RuleContext): Expression {
  if (e.kind !== 'FunctionCall' || e.name.length !== 1 || e.star === true || e.niladic === true) return e;
  const row = ROWS[e.name[0] as string];
  if (row === undefined) return e;
  const out = row.to((e as FunctionCall).args, e.span);
  if (out === undefined) return e;
  rc.report(row.code, e.span, row.note);
  return out;
}
