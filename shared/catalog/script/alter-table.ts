/** ALTER TABLE actions folded into the draft table (DDL-40..43). */
import type { AlterTable } from '../../translator/ast/nodes';
import { finding } from '../codes';
import type { DraftTable } from './draft';
import { addConstraint, columnFromDef, type FoldContext } from './table-from-ast';

type Place = { object: string; line: number; column?: number; file?: string };

export function applyAlterTable(stmt: AlterTable, t: DraftTable, ctx: FoldContext, place: Place): void {
  const indexOf = (name: string): number =>
    t.columns.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
  for (const a of stmt.actions) {
    const at = { ...place, line: a.span.line, column: a.span.column };
    switch (a.action) {
      case 'addColumns':
        for (const def of a.columns) {
          if (indexOf(def.name) >= 0)
            ctx.report(finding('ASM-CAT-006', `column ${def.name} added twice`, at));
          t.columns.push(columnFromDef(def, t.columns.length + 1, ctx, place).column);
          if (def.default !== undefined) t.columnDefaults.add(def.name.toLowerCase());
          for (const c of def.constraints) addConstraint(t, c, ctx, place);
        }
        break;
      case 'addConstraint':
        addConstraint(t, a.constraint, ctx, place);
        break;
      case 'dropConstraint': {
        const n = a.name.toLowerCase();
        const before = count(t);
        if (t.primaryKey?.name.toLowerCase() === n) delete t.primaryKey;
        t.uniques = t.uniques.filter((k) => k.name.toLowerCase() !== n);
        t.foreignKeys = t.foreignKeys.filter((k) => k.name.toLowerCase() !== n);
        t.checks = t.checks.filter((k) => k.name.toLowerCase() !== n);
        let removed = count(t) < before;
        // A named inline default is a constraint too.
        t.columns = t.columns.map((c) => {
          if (c.source.defaultName?.toLowerCase() !== n) return c;
          removed = true;
          const { default: _d, defaultName: _n, ...source } = c.source;
          return { ...c, source };
        });
        if (!removed) ctx.report(finding('ASM-CAT-007', `drop constraint ${a.name}: not on ${t.name}`, at));
        break;
      }
      case 'dropColumns':
        for (const name of a.names) {
          const i = indexOf(name);
          if (i < 0) ctx.report(finding('ASM-CAT-004', `drop column ${name}: not in ${t.name}`, at));
          else t.columns.splice(i, 1);
        }
        break;
      case 'modifyColumns':
        for (const def of a.columns) {
          const i = indexOf(def.name);
          const col = columnFromDef(def, i + 1, ctx, place).column;
          if (i < 0) {
            ctx.report(finding('ASM-CAT-004', `modify column ${def.name}: not in ${t.name}`, at));
            continue;
          }
          const old = t.columns[i];
          // `modify` changes the type/nullability; the bindings and default stay on the column.
          const keep = old
            ? {
                ...(old.source.default !== undefined && col.source.default === undefined
                  ? { default: old.source.default }
                  : {}),
                ...(old.source.defaultName !== undefined ? { defaultName: old.source.defaultName } : {}),
                ...(old.source.boundDefault !== undefined ? { boundDefault: old.source.boundDefault } : {}),
                ...(old.source.boundRule !== undefined && t.columnRules.has(def.name.toLowerCase())
                  ? { boundRule: old.source.boundRule }
                  : {}),
              }
            : {};
          t.columns[i] = { ...col, source: { ...col.source, ...keep } };
          ctx.report(
            finding(
              'ASM-DDL-041',
              `modify ${def.name} becomes ALTER COLUMN in the translated script; the catalog holds the final definition`,
              at,
            ),
          );
        }
        break;
      case 'replaceDefault': {
        const i = indexOf(a.column);
        const old = t.columns[i];
        if (i < 0 || !old) {
          ctx.report(finding('ASM-CAT-004', `replace default: column ${a.column} not in ${t.name}`, at));
          break;
        }
        const { default: _d, boundDefault: _b, ...rest } = old.source;
        t.columns[i] = { ...old, source: a.expr ? { ...rest, default: a.expr.text } : rest };
        t.columnDefaults.add(a.column.toLowerCase());
        break;
      }
      case 'lock': {
        const s = a.scheme.toLowerCase();
        if (s === 'allpages' || s === 'datapages' || s === 'datarows') t.lockScheme = s;
        ctx.report(finding('ASM-DDL-043', `alter table lock ${s} dropped`, at));
        break;
      }
      case 'partition':
        ctx.report(finding('ASM-DDL-043', `alter table partition ${a.text} dropped`, at));
        break;
      case 'unpartition':
        ctx.report(finding('ASM-DDL-043', 'alter table unpartition dropped', at));
        break;
      case 'other':
        ctx.report(
          finding('ASM-DDL-049', `alter table action not understood, catalog unchanged: ${a.text}`, at),
        );
        break;
    }
  }
}

function count(t: DraftTable): number {
  return (t.primaryKey ? 1 : 0) + t.uniques.length + t.foreignKeys.length + t.checks.length;
}
