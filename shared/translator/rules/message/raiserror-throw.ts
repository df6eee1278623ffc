/**
 * MSG-03: RAISERROR with a text always reports error 50000, so callers testing `@@error = 20001`
 * lose the ASE number. THROW keeps a number ≥ 50000 (ASE number + project offset 50000) but ends
 * the batch, while ASE raiserror lets the procedure continue; the spec therefore uses THROW only
 * where the ASE code stops anyway: the raiserror is followed at once by `rollback` and/or
 * `return`. The rollback moves before the THROW (it would be unreachable after it); a return
 * after it is kept as written (unreachable, but nothing is dropped). WARN: callers must catch the
 * error with TRY…CATCH. Project option `raiserrorThrow` (default on).
 */
import type { ProcStatement, RaiseError } from '../../ast/procedural';
import { mark, num, str } from '../build';
import type { RuleContext } from '../rule';

/** SQL Server user error numbers start above 50000: ASE 20010 → 70010. */
export const THROW_OFFSET = 50000;

function throwable(s: ProcStatement | undefined): s is RaiseError & { ase: NonNullable<RaiseError['ase']> } {
  return s?.kind === 'RaiseError' && s.form === 'tsql' && s.ase !== undefined && s.ase.number >= 20000;
}

export function raiserrorThrow(list: readonly ProcStatement[], rc: RuleContext): ProcStatement[] {
  if (rc.raiserrorThrow === false) return [...list];
  const out: ProcStatement[] = [];
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (s === undefined) continue;
    const next = list[i + 1];
    const rollback = next?.kind === 'Transaction' && next.op === 'rollback' && next.name === undefined;
    const after = rollback ? list[i + 2] : next;
    const returns = after?.kind === 'Return';
    if (!throwable(s) || (!rollback && !returns)) {
      out.push(s);
      continue;
    }
    const number = s.ase.number + THROW_OFFSET;
    // the message variable built for RAISERROR holds the `[n]` prefix and doubled `%`: THROW takes the plain text
    let message = s.ase.text;
    const prev = out[out.length - 1];
    if (
      s.message?.kind === 'Variable' &&
      prev?.kind === 'SetVariable' &&
      prev.variable.name === s.message.name
    ) {
      out[out.length - 1] = { ...prev, expr: s.ase.text };
      message = s.message;
    } else if (message.kind === 'Literal' && message.type === 'string')
      message = str(message.value, s.span, true);
    rc.report(
      'raiserrorThrow',
      s.span,
      `raiserror ${s.ase.number} followed by ${rollback ? 'rollback' : 'return'} → THROW ${number} (ASE number + ${THROW_OFFSET}): the batch ends here; callers must use TRY…CATCH and test ERROR_NUMBER() = ${number} (MSG-03)`,
    );
    if (rollback && next !== undefined) out.push(next);
    out.push(
      mark<ProcStatement>({
        kind: 'Throw',
        number: num(number, s.span),
        message,
        state: num(1, s.span),
        span: s.span,
        comments: s.comments,
      }),
    );
    if (rollback) i++;
  }
  return out;
}
