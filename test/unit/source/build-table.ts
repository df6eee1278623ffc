/** Hand-built catalog objects for the offline-source tests (independent of the script reader). */
import type { Catalog, Column, ColumnTarget, Table } from '../../../shared/catalog/model';

export interface ColOptions {
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  /** Declared nullability; absent = not declared (DT-01: NOT NULL). */
  readonly null?: boolean;
  readonly identity?: boolean;
  readonly computed?: { readonly expr: string; readonly materialized: boolean };
  readonly target?: Partial<ColumnTarget> & {
    readonly sql: string;
    readonly base: string;
    readonly precision?: number;
  };
}

let ordinal = 0;

export function col(name: string, base: string, o: ColOptions = {}): Column {
  ordinal++;
  return {
    name,
    ordinal,
    source: {
      type: {
        base,
        ...(o.length !== undefined ? { length: o.length } : {}),
        ...(o.precision !== undefined ? { precision: o.precision } : {}),
        ...(o.scale !== undefined ? { scale: o.scale } : {}),
      },
      ...(o.null !== undefined
        ? { declaredNullability: o.null ? ('null' as const) : ('not null' as const) }
        : {}),
      identity: o.identity ?? false,
      ...(o.computed ? { computed: o.computed } : {}),
    },
    ...(o.target
      ? {
          target: {
            type: {
              sql: o.target.sql,
              base: o.target.base,
              ...(o.target.precision !== undefined ? { precision: o.target.precision } : {}),
            },
            nullable: o.null ?? false,
            checks: [],
            castRule: 'test',
            loadable: !o.computed && base !== 'timestamp',
          },
        }
      : {}),
  };
}

export interface TableOptions {
  readonly pk?: readonly string[];
  readonly unique?: readonly string[];
}

export function table(schema: string, name: string, columns: readonly Column[], o: TableOptions = {}): Table {
  // Ordinals restart per table.
  const cols = columns.map((c, i) => ({ ...c, ordinal: i + 1 }));
  ordinal = 0;
  return {
    kind: 'table',
    schema,
    name,
    columns: cols,
    ...(o.pk
      ? { primaryKey: { kind: 'primaryKey' as const, name: `pk_${name}`, columns: o.pk, clustered: true } }
      : {}),
    uniques: o.unique ? [{ kind: 'unique', name: `uq_${name}`, columns: o.unique, clustered: false }] : [],
    foreignKeys: [],
    checks: [],
    indexes: [],
    origin: { from: 'script', file: 'test.sql', line: 1 },
  };
}

export function catalogOf(tables: readonly Table[], database = 'testdb'): Catalog {
  return {
    database,
    server: {},
    tables,
    userTypes: [],
    rules: [],
    defaults: [],
    modules: [],
    permissions: [],
    diagnostics: [],
  };
}
