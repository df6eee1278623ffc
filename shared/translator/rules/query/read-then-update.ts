/**
 * AZ-13: Azure SQL Database runs with READ_COMMITTED_SNAPSHOT on. An ASE read at isolation 1 waits
 * for a writer's uncommitted change; under RCSI it reads the last committed version instead. The
 * classic counter — `select @n = next_no from counters ...` then `update counters set next_no = ...`
 * — then hands the same number to two sessions (lost update). Where a select reads a table into
 * variables and a later statement of the same list updates that table, the read gets
 * `WITH (READCOMMITTEDLOCK)`: locking read committed, which is what ASE did. Reads that already
 * carry a hint are left to it.
 */
import type { ProcStatement } from '../../ast/procedural';
import type { TableRef, TableSource } from '../../ast/queries';
import type { RuleContext } from '../rule';

function tables(src: TableSource): TableRef[] {
  if (src.kind === 'TableRef') return [src];
  if (src.kind === 'Join') return [...tables(src.left), ...tables(src.right)];
  return [];
}

const key = (t: TableRef): string => t.name.name.toLowerCase();

function withLockingRead(src: TableSource, updated: ReadonlySet<string>): TableSource {
  if (src.kind === 'TableRef')
    return src.hints.length === 0 && updated.has(key(src))
      ? { ...src, hints: [{ name: 'readcommittedlock' }] }
      : src;
  if (src.kind === 'Join')
    return { ...src, left: withLockingRead(src.left, updated), right: withLockingRead(src.right, updated) };
  return src;
}

export function readThenUpdate(list: readonly ProcStatement[], rc: RuleContext): ProcStatement[] {
  if (rc.target !== 'azure-sql') return [...list];
  return list.map((s, i) => {
    if (s.kind !== 'Select' || !s.items.some((it) => it.assign !== undefined)) return s;
    const later = new Set(
      list.slice(i + 1).flatMap((u) => (u.kind === 'Update' ? [u.table.name.toLowerCase()] : [])),
    );
    const read = s.from.flatMap(tables).filter((t) => t.hints.length === 0 && later.has(key(t)));
    if (read.length === 0) return s;
    rc.report(
      'readThenUpdate',
      s.span,
      `${read.map((t) => t.name.name).join(', ')} read into variables, then updated: Azure reads the committed version instead of waiting (RCSI) → WITH (READCOMMITTEDLOCK) as in ASE (AZ-13)`,
    );
    return { ...s, from: s.from.map((f) => withLockingRead(f, later)) };
  });
}
