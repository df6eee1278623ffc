/**
 * MSG-01: `print "fmt %1! ... %2!", a, b` → `PRINT CONCAT('fmt ', a, ' ... ', b)` (CONCAT treats
 * NULL as '', as ASE prints NULL arguments); `%%` → `%`. A format held in a variable becomes a
 * REPLACE chain. Also used by the raiserror rule (MSG-02) to build the message text.
 */
import type { Expression } from '../../ast/expressions';
import type { ProcStatement } from '../../ast/procedural';
import { call, str } from '../build';
import type { RuleContext } from '../rule';

/** The message text `format` + `args` would print in ASE, as one T-SQL expression. */
export function formatMessage(format: Expression, args: readonly Expression[]): Expression {
  const span = format.span;
  if (format.kind === 'Literal' && format.type === 'string') {
    const pieces: Expression[] = [];
    let text = '';
    const re = /%(\d{1,2})!|%%/g;
    let last = 0;
    for (let m = re.exec(format.value); m !== null; m = re.exec(format.value)) {
      text += format.value.slice(last, m.index);
      last = m.index + m[0].length;
      if (m[1] === undefined) {
        text += '%';
        continue;
      }
      const arg = args[Number(m[1]) - 1];
      if (arg === undefined) {
        text += m[0];
        continue;
      }
      if (text !== '') pieces.push(str(text, span, format.national === true));
      text = '';
      pieces.push(arg);
    }
    text += format.value.slice(last);
    if (text !== '') pieces.push(str(text, span, format.national === true));
    const [only] = pieces;
    if (only === undefined) return str('', span);
    if (pieces.length === 1 && only.kind === 'Literal') return only;
    // CONCAT needs two arguments
    return call('concat', pieces.length === 1 ? [...pieces, str('', span)] : pieces, span);
  }
  let out: Expression = format;
  args.forEach((a, i) => {
    const asText: Expression = call(
      'isnull',
      [
        { kind: 'Convert', type: { name: 'nvarchar', args: [4000], span }, expr: a, cast: true, span },
        str('', span),
      ],
      span,
    );
    out = call('replace', [out, str(`%${i + 1}!`, span), asText], span);
  });
  return out;
}

export function printPlaceholders(s: ProcStatement, rc: RuleContext): ProcStatement {
  if (s.kind !== 'PrintStatement' || s.args.length === 0) return s;
  rc.report('printArgs', s.span, 'print with arguments → PRINT CONCAT(...) (MSG-01)');
  return { ...s, format: formatMessage(s.format, s.args), args: [] };
}
