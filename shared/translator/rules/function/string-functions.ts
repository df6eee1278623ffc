/**
 * §5.1 string functions: `str_replace(s, a, b)` → `REPLACE(s, a, ISNULL(b, ''))` (FN-13: a NULL
 * replacement deletes in ASE); `char_length(s)` → `LEN(s)` with a warning (FN-01: LEN ignores
 * trailing blanks). Functions with the same name and meaning (`substring`, `datalength`, `upper`,
 * `charindex`, `stuff`...) need no rule.
 */
import type { Expression } from '../../ast/expressions';
import { call, str } from '../build';
import type { RuleContext } from '../rule';

export function stringFunctions(e: Expression, rc: RuleContext): Expression {
  if (e.kind !== 'FunctionCall' || e.name.length !== 1) return e;
  const [s, a, b] = e.args;
  switch (e.name[0]) {
    case 'str_replace':
      if (s === undefined || a === undefined || b === undefined || e.args.length !== 3) return e;
      rc.report('strReplace', e.span, "str_replace → REPLACE(s, a, ISNULL(b, '')) (FN-13)");
      return call('replace', [s, a, call('isnull', [b, str('', e.span)], e.span)], e.span);
    case 'char_length':
      rc.report(
        'charLength',
        e.span,
        'char_length → LEN: LEN ignores trailing blanks; use DATALENGTH where they count (FN-01)',
      );
      return { ...e, name: ['len'] };
    default:
      return e;
  }
}
