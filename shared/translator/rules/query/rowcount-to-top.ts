/**
 * QRY-10: `set rowcount n` + one select/update/delete + `set rowcount 0` → `TOP (n)` on that
 * statement (SET ROWCOUNT is deprecated for DML). Assignment-only selects without a from
 * (`select @n = @@rowcount`) may stand before the reset: they read no rows. Other uses stay `SET ROWCOUNT` (the session
 * translator reports them).
 */
import type { ProcStatement } from '../../ast/procedural';
import type { SetOption } from '../../ast/nodes';
import type { Expression } from '../../ast/expressions';
import type { RuleContext } from '../rule';

function rowcount(s: ProcStatement | undefined): string | undefined {
  return s?.kind === 'SetOption' && s.option === 'rowcount' ? s.value.trim() : undefined;
}

function limit(s: SetOption, value: string): Expression {
  return value.startsWith('@')
    ? { kind: 'Variable', name: value, span: s.span }
    : { kind: 'Literal', type: 'number', value, span: s.span };
}

/** `select @n = @@rowcount, @e = @@error`: no rows read, so the row limit does not touch it. */
function readsNoRows(s: ProcStatement | undefined): boolean {
  return s?.kind === 'Select' && s.from.length === 0 && s.items.every((i) => i.assign !== undefined);
}

export function rowcountToTop(list: readonly ProcStatement[], rc: RuleContext): ProcStatement[] {
  const out: ProcStatement[] = [];
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as ProcStatement;
    const n = rowcount(s);
    const next = list[i + 1];
    let end = i + 2;
    while (readsNoRows(list[end])) end++;
    const reset = rowcount(list[end]);
    if (
      n !== undefined &&
      /^(\d+|@\w+)$/.test(n) &&
      n !== '0' &&
      reset === '0' &&
      next !== undefined &&
      (next.kind === 'Select' || next.kind === 'Update' || next.kind === 'Delete') &&
      next.top === undefined &&
      !(
        next.kind === 'Select' &&
        (next.union !== undefined || next.items.some((it) => it.assign !== undefined))
      )
    ) {
      rc.report('rowcountTop', s.span, `set rowcount ${n} … set rowcount 0 → TOP (${n}) (QRY-10)`);
      // the set statements' comments stay with the statement
      out.push({ ...next, top: limit(s as SetOption, n), comments: [...s.comments, ...next.comments] });
      out.push(...list.slice(i + 2, end));
      i = end;
      continue;
    }
    out.push(s);
  }
  return out;
}
