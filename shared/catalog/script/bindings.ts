/**
 * sp_bindrule / sp_bindefault / sp_unbind* folded into the catalog (RD-01/02, RD-10/11). The
 * resolution ASE does in syscolumns is done here, at the point of the binding: a column rule wins
 * over a type rule; a type binding reaches existing columns unless `futureonly`; columns created
 * later get the type's binding when they are created.
 */
import type { Bind, Unbind } from '../../translator/ast/nodes';
import { finding } from '../codes';
import type { Column } from '../model';
import { checkConstraintName, defaultConstraintName, shortenName } from '../names';
import type { CatalogBuilder } from './builder';
import type { DraftTable } from './draft';
import type { FoldContext } from './table-from-ast';

type Place = { object: string; line: number; column?: number; file?: string };

export function applyBind(stmt: Bind, b: CatalogBuilder, ctx: FoldContext, place: Place): void {
  const schema = stmt.object.owner ?? b.resolveName(stmt.object).schema;
  const objName = stmt.object.owner ? `${stmt.object.owner}.${stmt.object.name}` : stmt.object.name;
  const obj =
    stmt.what === 'rule' ? b.findNamed(b.rules, objName, schema) : b.findNamed(b.defaults, objName, schema);
  if (!obj) {
    if (
      stmt.what === 'rule' &&
      [...b.accessRules].some((k) => k.endsWith(`.${stmt.object.name.toLowerCase()}`))
    ) {
      return ctx.report(
        finding(
          'ASM-RD-006',
          `sp_bindrule ${stmt.object.name}: access rule not converted (Row-Level Security)`,
          place,
        ),
      );
    }
    return ctx.report(
      finding(
        stmt.what === 'rule' ? 'ASM-CAT-001' : 'ASM-CAT-002',
        `sp_bind${stmt.what === 'rule' ? 'rule' : 'efault'}: ${stmt.what} ${stmt.object.name} not created earlier in the script; binding not carried`,
        place,
      ),
    );
  }
  const set = (c: Column): Column =>
    stmt.what === 'rule'
      ? { ...c, source: { ...c.source, boundRule: obj.name } }
      : { ...c, source: { ...c.source, default: obj.expr, boundDefault: obj.name } };

  if (stmt.target.kind === 'column') {
    const found = findColumn(b, stmt.target, ctx, place);
    if (!found) return;
    const { t, i } = found;
    t.columns[i] = set(t.columns[i] as Column);
    (stmt.what === 'rule' ? t.columnRules : t.columnDefaults).add(
      (t.columns[i] as Column).name.toLowerCase(),
    );
    return;
  }
  const ut = b.userTypes.get(stmt.target.typeName.toLowerCase());
  if (!ut)
    return ctx.report(
      finding(
        'ASM-CAT-005',
        `sp_bind${stmt.what === 'rule' ? 'rule' : 'efault'}: user type ${stmt.target.typeName} not added earlier in the script`,
        place,
      ),
    );
  if (stmt.what === 'rule') ut.boundRule = obj.name;
  else ut.boundDefault = obj.name;
  if (stmt.futureOnly) return;
  forColumnsOfType(b, ut.name, (t, c) => {
    const own = stmt.what === 'rule' ? t.columnRules : t.columnDefaults;
    return own.has(c.name.toLowerCase()) ? c : set(c);
  });
}

export function applyUnbind(stmt: Unbind, b: CatalogBuilder, ctx: FoldContext, place: Place): void {
  const removed: { table: { schema: string; name: string }; constraint: string }[] = [];
  b.effects.set(stmt, removed);
  const note = (): void => {
    for (const r of removed)
      ctx.report(
        finding('ASM-RD-012', `${r.constraint} on ${r.table.schema}.${r.table.name} removed`, place),
      );
  };
  const clear = (c: Column, t: DraftTable): Column => {
    const tname = shortenName(t.name);
    const cname = shortenName(c.name);
    if (stmt.what === 'rule' && c.source.boundRule !== undefined) {
      removed.push({
        table: { schema: t.schema, name: t.name },
        constraint: checkConstraintName(
          tname,
          cname,
          c.source.boundRule.split('.').pop() ?? c.source.boundRule,
        ),
      });
    } else if (stmt.what === 'default' && c.source.boundDefault !== undefined) {
      removed.push({
        table: { schema: t.schema, name: t.name },
        constraint: c.source.defaultName ?? defaultConstraintName(tname, cname),
      });
    }
    if (stmt.what === 'rule') {
      const { boundRule: _r, ...source } = c.source;
      return { ...c, source };
    }
    if (c.source.boundDefault === undefined) return c;
    const { boundDefault: _b, default: _d, ...source } = c.source;
    return { ...c, source };
  };
  if (stmt.target.kind === 'column') {
    const found = findColumn(b, stmt.target, ctx, place);
    if (!found) return;
    const { t, i } = found;
    t.columns[i] = clear(t.columns[i] as Column, t);
    (stmt.what === 'rule' ? t.columnRules : t.columnDefaults).delete(
      (t.columns[i] as Column).name.toLowerCase(),
    );
    return note();
  }
  const ut = b.userTypes.get(stmt.target.typeName.toLowerCase());
  if (!ut)
    return ctx.report(
      finding(
        'ASM-CAT-005',
        `sp_unbind${stmt.what === 'rule' ? 'rule' : 'efault'}: user type ${stmt.target.typeName} not added earlier in the script`,
        place,
      ),
    );
  const previous = stmt.what === 'rule' ? ut.boundRule : ut.boundDefault;
  if (stmt.what === 'rule') delete ut.boundRule;
  else delete ut.boundDefault;
  // Columns that got the type's binding lose it; columns bound directly keep theirs.
  forColumnsOfType(b, ut.name, (t, c) => {
    const own = stmt.what === 'rule' ? t.columnRules : t.columnDefaults;
    const current = stmt.what === 'rule' ? c.source.boundRule : c.source.boundDefault;
    return own.has(c.name.toLowerCase()) || current !== previous ? c : clear(c, t);
  });
  note();
}

function findColumn(
  b: CatalogBuilder,
  target: Extract<Bind['target'], { kind: 'column' }>,
  ctx: FoldContext,
  place: Place,
): { t: DraftTable; i: number } | undefined {
  const t = b.findTable(target.table);
  if (!t) {
    ctx.report(
      finding(
        'ASM-CAT-003',
        `binding target table ${target.table.name} not defined earlier in the script`,
        place,
      ),
    );
    return undefined;
  }
  const i = t.columns.findIndex((c) => c.name.toLowerCase() === target.column.toLowerCase());
  if (i < 0) {
    ctx.report(finding('ASM-CAT-004', `binding target column ${target.column} is not in ${t.name}`, place));
    return undefined;
  }
  return { t, i };
}

function forColumnsOfType(
  b: CatalogBuilder,
  typeName: string,
  f: (t: DraftTable, c: Column) => Column,
): void {
  for (const t of b.tables.values()) {
    t.columns = t.columns.map((c) =>
      c.source.type.userType?.toLowerCase() === typeName.toLowerCase() ? f(t, c) : c,
    );
  }
}
