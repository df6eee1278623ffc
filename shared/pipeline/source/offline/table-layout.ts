/**
 * How a table's columns appear in its bcp file and how each is decoded. ASE bcp out writes every
 * column in ordinal order, computed ones included (BCP-11), timestamp as hex (BCP-10); only with
 * `--hide-vcc` are virtual computed columns left out (manifest `hideVirtualComputed`).
 */
import type { Column, ServerFacts, Table } from '../../../catalog/model';
import { qualifiedName } from '../../../catalog/model';
import { AsemigError } from '../../../errors';
import { DecodeError } from '../../decode/decode-error';
import { typeKind, type TypeKind } from '../../decode/type-kind';
import { OfflineCodes } from './codes';

const COMPUTED_KIND: TypeKind = {
  family: 'character',
  unit: 'chars',
  fixed: false,
  lob: false,
  unicode: false,
};

export interface ColumnLayout {
  readonly column: Column;
  /** Index in the Row (ordinal order, 0-based). */
  readonly index: number;
  readonly kind: TypeKind;
  readonly nullable: boolean;
  /** False for timestamp/computed columns (not loaded, BCP-10/11). */
  readonly loadable: boolean;
}

export interface TableLayout {
  readonly table: Table;
  readonly object: string;
  /** All columns in ordinal order (the Row's order). */
  readonly columns: readonly ColumnLayout[];
  /** The columns present in the file, in file order. */
  readonly fileColumns: readonly ColumnLayout[];
}

/**
 * Effective nullability: the cast rules' explicit answer when present; otherwise as declared,
 * DT-01 (not declared = NOT NULL unless `allow nulls by default`), identity and bit never NULL (DT-05).
 */
export function isNullable(col: Column, server: ServerFacts): boolean {
  if (col.target) return col.target.nullable;
  if (col.source.identity || col.source.type.base === 'bit') return false;
  if (col.source.declaredNullability) return col.source.declaredNullability === 'null';
  return server.allowNullsByDefault ?? false;
}

export function isLoadable(col: Column): boolean {
  if (col.target) return col.target.loadable;
  return !col.source.computed && col.source.type.base !== 'timestamp';
}

export function tableLayout(table: Table, server: ServerFacts, hideVirtualComputed: boolean): TableLayout {
  const object = qualifiedName(table);
  const ordered = [...table.columns].sort((a, b) => a.ordinal - b.ordinal);
  const columns = ordered.map((column, index): ColumnLayout => {
    let kind: TypeKind;
    try {
      // A computed column's type is inferred by ASE and not in the script; bcp writes its value
      // as text (BCP-11). It is not loaded, so its exact text is kept.
      kind = column.source.computed ? COMPUTED_KIND : typeKind(column.source.type);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      throw new AsemigError(e.code, e.message, { object, field: column.name, ...originPlace(table, column) });
    }
    return { column, index, kind, nullable: isNullable(column, server), loadable: isLoadable(column) };
  });
  const fileColumns = columns.filter(
    (c) => !(hideVirtualComputed && c.column.source.computed && !c.column.source.computed.materialized),
  );
  if (fileColumns.length === 0) {
    throw new AsemigError(OfflineCodes.badType.code, 'table has no columns to read', { object });
  }
  return { table, object, columns, fileColumns };
}

function originPlace(table: Table, column: Column): { file?: string; line?: number } {
  return {
    ...(table.origin.file !== undefined ? { file: table.origin.file } : {}),
    ...(column.line !== undefined
      ? { line: column.line }
      : table.origin.line !== undefined
        ? { line: table.origin.line }
        : {}),
  };
}
