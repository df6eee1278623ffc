/**
 * Deterministic target names (DDL-21/22/23): constraint names derived from table and column, and
 * the shortening of names longer than SQL Server's 128 characters. Same input → same name, so two
 * runs over one catalog produce byte-identical scripts.
 */
import { createHash } from 'node:crypto';

export const MAX_IDENTIFIER = 128;

/** `left(name, 119) + '_' + 8 hex of sha-256(name)` when longer than 128 (DDL-22/23). */
export function shortenName(name: string): string {
  if (name.length <= MAX_IDENTIFIER) return name;
  return `${name.slice(0, MAX_IDENTIFIER - 9)}_${shortHash(name)}`;
}

export function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

/** DDL-21: `DF_<table>_<col>`. */
export function defaultConstraintName(table: string, column: string): string {
  return shortenName(`DF_${table}_${column}`);
}

/** DT-06 / RD-01: `CK_<table>_<col>_<suffix>` (suffix `unsigned` or the rule name). */
export function checkConstraintName(table: string, column: string, suffix: string): string {
  return shortenName(`CK_${table}_${column}_${suffix}`);
}

export function primaryKeyName(table: string): string {
  return shortenName(`PK_${table}`);
}

export function uniqueName(table: string, columns: readonly string[]): string {
  return shortenName(`UQ_${table}_${columns.join('_')}`);
}

export function foreignKeyName(table: string, refTable: string, columns: readonly string[]): string {
  return shortenName(`FK_${table}_${refTable}_${columns.join('_')}`);
}

/** Unnamed table-level check: `CK_<table>_<n>` (1-based position among the table's checks). */
export function tableCheckName(table: string, n: number): string {
  return shortenName(`CK_${table}_${n}`);
}

/**
 * Hands out names unique within one scope (SQL Server constraint names are schema-scoped, DDL-22):
 * a repeated name gets `_` + hash of its owner appended, then shortened.
 */
export class NameScope {
  private readonly used = new Set<string>();

  /** Returns the name to use and whether it had to change. */
  claim(name: string, owner: string): { name: string; changed: boolean } {
    const short = shortenName(name);
    let candidate = short;
    let salt = 0;
    while (this.used.has(candidate.toLowerCase())) {
      salt += 1;
      const suffix = `_${shortHash(`${owner}\u0000${name}\u0000${salt}`)}`;
      candidate = `${short.slice(0, MAX_IDENTIFIER - suffix.length)}${suffix}`;
    }
    this.used.add(candidate.toLowerCase());
    return { name: candidate, changed: candidate !== name };
  }
}
