/**
 * The data profile: findings made while reading bcp files, aggregated to one diagnostic per
 * table + column + kind (count, first line, largest/earliest value) — never one per row.
 */
import { diagnostic, type Diagnostic, type Level } from '../../../translator/diagnostics';
import { OfflineCodes, type OfflineCodeName } from './codes';

/** A profile diagnostic; `field` is the column, `count` how many values showed the finding. */
export interface ProfileFinding extends Diagnostic {
  readonly field?: string;
  readonly count: number;
}

interface Acc {
  readonly name: OfflineCodeName;
  level: Level;
  readonly object: string;
  readonly file?: string;
  readonly field?: string;
  count: number;
  readonly firstLine: number;
  max?: number;
  min?: string;
  detail?: string;
}

export interface NoteInput {
  readonly object: string;
  readonly file?: string;
  readonly field?: string;
  readonly line: number;
  /** Overrides the catalogued level (e.g. pre-1753 dates going to a datetime target). */
  readonly level?: Level;
  readonly max?: number;
  readonly min?: string;
  /** Fixed explanation added to the message (e.g. the staged value). */
  readonly detail?: string;
}

export class DataProfile {
  private readonly acc = new Map<string, Acc>();
  private readonly seen = new Set<string>();

  /** True the first time a tag is seen: a chunk read twice (retry) is profiled once. */
  firstTime(tag: string): boolean {
    if (this.seen.has(tag)) return false;
    this.seen.add(tag);
    return true;
  }

  note(name: OfflineCodeName, n: NoteInput): void {
    const key = `${n.object}\u0000${n.field ?? ''}\u0000${name}`;
    const a = this.acc.get(key);
    if (!a) {
      this.acc.set(key, {
        name,
        level: n.level ?? OfflineCodes[name].level,
        object: n.object,
        ...(n.file !== undefined ? { file: n.file } : {}),
        ...(n.field !== undefined ? { field: n.field } : {}),
        count: 1,
        firstLine: n.line,
        ...(n.max !== undefined ? { max: n.max } : {}),
        ...(n.min !== undefined ? { min: n.min } : {}),
        ...(n.detail !== undefined ? { detail: n.detail } : {}),
      });
      return;
    }
    a.count++;
    if (n.max !== undefined && (a.max === undefined || n.max > a.max)) a.max = n.max;
    if (n.min !== undefined && (a.min === undefined || n.min < a.min)) a.min = n.min;
  }

  /** Drops what was noted for a table (before a fresh full pass over its file). */
  forget(object: string): void {
    for (const [k, a] of this.acc) if (a.object === object) this.acc.delete(k);
  }

  findings(): ProfileFinding[] {
    return [...this.acc.values()].map((a) => {
      const c = OfflineCodes[a.name];
      const parts = [
        `${a.field ? `${a.field}: ` : ''}${c.summary}`,
        `${a.count} value${a.count === 1 ? '' : 's'}, first at line ${a.firstLine}`,
      ];
      if (a.max !== undefined) parts.push(`largest ${a.max} bytes`);
      if (a.min !== undefined) parts.push(`earliest ${a.min}`);
      if (a.detail) parts.push(a.detail);
      const d = diagnostic({
        code: c.code,
        ruleId: c.ruleId,
        level: a.level,
        object: a.object,
        ...(a.file !== undefined ? { file: a.file } : {}),
        line: a.firstLine,
        message: parts.join('; '),
      });
      return { ...d, ...(a.field !== undefined ? { field: a.field } : {}), count: a.count };
    });
  }
}
