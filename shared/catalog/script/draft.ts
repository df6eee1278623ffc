/** Mutable working copies of catalog objects while a script is folded (the public model is readonly). */
import type {
  Column,
  ForeignKey,
  Index,
  KeyConstraint,
  Table,
  CheckConstraintModel,
  UserType,
} from '../model';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface DraftTable extends Mutable<
  Omit<Table, 'columns' | 'uniques' | 'foreignKeys' | 'checks' | 'indexes' | 'commonKeys'>
> {
  columns: Column[];
  uniques: KeyConstraint[];
  foreignKeys: ForeignKey[];
  checks: CheckConstraintModel[];
  indexes: Index[];
  commonKeys: NonNullable<Table['commonKeys']>[number][];
  /** Columns whose rule / default was bound to the column itself (wins over a type binding, RD-02). */
  columnRules: Set<string>;
  columnDefaults: Set<string>;
}

export type DraftUserType = Mutable<UserType>;

export function freezeTable(d: DraftTable): Table {
  const { columnRules: _r, columnDefaults: _d, commonKeys, ...rest } = d;
  return {
    ...rest,
    columns: d.columns.map((c, i) => ({ ...c, ordinal: i + 1 })),
    uniques: [...d.uniques],
    foreignKeys: [...d.foreignKeys],
    checks: [...d.checks],
    indexes: [...d.indexes],
    ...(commonKeys.length ? { commonKeys: [...commonKeys] } : {}),
  };
}

export function key(schema: string, name: string): string {
  return `${schema.toLowerCase()}.${name.toLowerCase()}`;
}
