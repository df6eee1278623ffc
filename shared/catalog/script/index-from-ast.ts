/** CREATE INDEX → catalog Index, options mapped or reported (IDX-01..12). */
import type { CreateIndex } from '../../translator/ast/nodes';
import { finding } from '../codes';
import type { Index } from '../model';
import type { DraftTable } from './draft';
import { optionText, type FoldContext } from './table-from-ast';

type Place = { object: string; line: number; column?: number; file?: string };

/** IDX-12: name of the computed column that carries a function-based key. */
export function fbiColumnName(index: string, position: number): string {
  return `__fbi_${index}_${position}`;
}

export function indexFromAst(stmt: CreateIndex, t: DraftTable, ctx: FoldContext, place: Place): Index {
  let ignoreDupKey = false;
  let fillFactor: number | undefined;
  let dupRowOption = false;
  for (const o of stmt.options) {
    const at = { ...place, line: o.span.line, column: o.span.column };
    switch (o.name) {
      case 'ignore_dup_key':
        ignoreDupKey = true;
        ctx.report(finding('ASM-IDX-002', `index ${stmt.name}: ignore_dup_key → IGNORE_DUP_KEY = ON`, at));
        break;
      case 'ignore_dup_row':
        dupRowOption = true;
        ctx.report(
          finding(
            'ASM-IDX-003',
            `index ${stmt.name}: ignore_dup_row has no equivalent; duplicate rows are now accepted`,
            at,
          ),
        );
        break;
      case 'allow_dup_row':
        dupRowOption = true;
        ctx.report(finding('ASM-IDX-005', `index ${stmt.name}: allow_dup_row dropped`, at));
        break;
      case 'fillfactor':
        if (o.value !== undefined && /^\d+$/.test(o.value)) fillFactor = Number(o.value);
        else
          ctx.report(
            finding('ASM-IDX-015', `index ${stmt.name}: ${optionText(o)} is not a number, dropped`, at),
          );
        break;
      case 'max_rows_per_page':
      case 'reservepagegap':
        ctx.report(finding('ASM-IDX-007', `index ${stmt.name}: ${optionText(o)} dropped`, at));
        break;
      case 'sorted_data':
        ctx.report(finding('ASM-IDX-008', `index ${stmt.name}: sorted_data dropped`, at));
        break;
      case 'consumers':
      case 'statistics':
        ctx.report(finding('ASM-IDX-009', `index ${stmt.name}: ${optionText(o)} dropped`, at));
        break;
      default:
        ctx.report(finding('ASM-IDX-015', `index ${stmt.name}: option ${optionText(o)} dropped`, at));
    }
  }
  if (stmt.segment !== undefined)
    ctx.report(finding('ASM-IDX-010', `index ${stmt.name}: segment ${stmt.segment} dropped`, place));
  if (stmt.local)
    ctx.report(finding('ASM-IDX-011', `index ${stmt.name}: local index created as an ordinary index`, place));
  const clustered = stmt.clustered ?? false;
  if (
    clustered &&
    !stmt.unique &&
    !dupRowOption &&
    t.lockScheme !== 'datapages' &&
    t.lockScheme !== 'datarows'
  ) {
    ctx.report(
      finding(
        'ASM-IDX-004',
        `index ${stmt.name}: non-unique clustered index on ${t.lockScheme === 'allpages' ? 'an allpages' : 'a (default lock scheme, usually allpages)'} table: ASE rejected fully duplicate rows (error 2615), SQL Server accepts them`,
        place,
      ),
    );
  }
  const expressions: (string | undefined)[] = [];
  const columns = stmt.columns.map((c, i) => {
    if (c.name === undefined) {
      expressions[i] = c.expr?.text ?? '';
      ctx.report(
        finding(
          'ASM-IDX-012',
          `index ${stmt.name}: key ${c.expr?.text ?? ''} becomes computed column ${fbiColumnName(stmt.name, i + 1)} (visible to select *)`,
          place,
        ),
      );
      return { name: fbiColumnName(stmt.name, i + 1), order: c.order ?? 'asc' };
    }
    if (!t.columns.some((x) => x.name.toLowerCase() === c.name?.toLowerCase())) {
      ctx.report(finding('ASM-CAT-004', `index ${stmt.name}: column ${c.name} is not in ${t.name}`, place));
    }
    expressions[i] = undefined;
    return { name: c.name, order: c.order ?? 'asc' };
  });
  return {
    name: stmt.name,
    unique: stmt.unique,
    clustered,
    columns,
    ignoreDupKey,
    ...(fillFactor !== undefined ? { fillFactor } : {}),
    ...(expressions.some((e) => e !== undefined) ? { expressions } : {}),
  };
}
