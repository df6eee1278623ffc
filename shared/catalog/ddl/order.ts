/**
 * Tables ordered by foreign-key dependencies (referenced before referencing), ties by name, so the
 * output is the same whatever the catalog order. FKs are created after the load (phase 04), so a
 * cycle does not block creation; it is reported and broken at the smallest name.
 */
import type { Table } from '../model';
import { qualifiedName } from '../model';

export function orderTables(tables: readonly Table[]): { ordered: Table[]; cycles: string[][] } {
  const byKey = new Map(tables.map((t) => [qualifiedName(t).toLowerCase(), t]));
  const keys = [...byKey.keys()].sort();
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const k of keys) {
    const deps = new Set<string>();
    for (const fk of (byKey.get(k) as Table).foreignKeys) {
      if (fk.logicalOnly || fk.refDatabase !== undefined) continue;
      const rk = qualifiedName(fk.refTable).toLowerCase();
      if (rk !== k && byKey.has(rk)) deps.add(rk);
    }
    waitingOn.set(k, deps.size);
    for (const d of deps) dependents.set(d, [...(dependents.get(d) ?? []), k]);
  }
  // Kahn's algorithm taking the smallest ready name each time (ready is kept sorted).
  const ready = keys.filter((k) => waitingOn.get(k) === 0);
  const done = new Set<string>();
  const ordered: Table[] = [];
  const cycles: string[][] = [];
  let scan = 0;
  while (done.size < keys.length) {
    let next = ready.shift();
    if (next === undefined) {
      // Only cycles (and what depends on them) remain: report them, break at the smallest name.
      while (done.has(keys[scan] as string)) scan++;
      next = keys[scan] as string;
      cycles.push(keys.filter((k) => !done.has(k) && (waitingOn.get(k) ?? 0) > 0));
    }
    if (done.has(next)) continue;
    done.add(next);
    ordered.push(byKey.get(next) as Table);
    for (const d of dependents.get(next) ?? []) {
      const left = (waitingOn.get(d) ?? 0) - 1;
      waitingOn.set(d, left);
      if (left === 0 && !done.has(d)) insertSorted(ready, d);
    }
  }
  return { ordered, cycles };
}

function insertSorted(list: string[], item: string): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as string) < item) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}
