/**
 * Progress on stderr (stdout stays clean for data): a redrawn bar when stderr is a terminal, plain
 * timestamped lines every few seconds otherwise (CI logs, files), so a long run is never silent
 * and never floods a log.
 */
import { formatBytes, formatCount, formatDuration } from '../shared/report/stats';

export interface ProgressState {
  readonly phase: string;
  readonly tablesDone: number;
  readonly tablesTotal: number;
  readonly rows: number;
  /** Estimated total rows when the plan knows it; drives the ETA. */
  readonly rowsTotal?: number;
  readonly bytes: number;
}

export interface ProgressOptions {
  readonly tty: boolean;
  /** Minimum milliseconds between plain lines (non-TTY); default 5000. */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

const BAR = 24;

export function eta(elapsedMs: number, done: number, total: number): number | undefined {
  if (done <= 0 || total <= done || elapsedMs <= 0) return undefined;
  return (elapsedMs * (total - done)) / done;
}

export function progressLine(s: ProgressState, elapsedMs: number, withBar: boolean): string {
  const fraction =
    s.rowsTotal && s.rowsTotal > 0
      ? Math.min(1, s.rows / s.rowsTotal)
      : s.tablesTotal > 0
        ? s.tablesDone / s.tablesTotal
        : 0;
  const left = s.rowsTotal
    ? eta(elapsedMs, s.rows, s.rowsTotal)
    : eta(elapsedMs, s.tablesDone, s.tablesTotal);
  const mbps = elapsedMs > 0 ? s.bytes / 1e6 / (elapsedMs / 1000) : 0;
  const filled = Math.round(fraction * BAR);
  const parts = [
    withBar ? `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}]` : `${Math.round(fraction * 100)}%`,
    s.phase,
    s.tablesTotal > 0 ? `tables ${s.tablesDone}/${s.tablesTotal}` : '',
    `rows ${formatCount(s.rows)}`,
    `${formatBytes(s.bytes)} (${mbps.toFixed(1)} MB/s)`,
    left !== undefined ? `ETA ${formatDuration(left)}` : '',
  ];
  return parts.filter(Boolean).join('  ');
}

export class ProgressReporter {
  private readonly started: number;
  private lastPrint = -Infinity;
  private lastPhase = '';
  private drawn = false;
  private last: ProgressState | undefined;

  constructor(
    private readonly write: (s: string) => void,
    private readonly options: ProgressOptions,
  ) {
    this.started = this.now();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  update(s: ProgressState): void {
    this.last = s;
    const t = this.now();
    const elapsed = t - this.started;
    if (this.options.tty) {
      // Redraw at most ~10 times a second; terminals are slow and the eye cannot follow faster.
      if (t - this.lastPrint < 100 && s.phase === this.lastPhase) return;
      this.write(`\r\x1b[K${progressLine(s, elapsed, true).slice(0, 99)}`);
      this.drawn = true;
    } else {
      if (t - this.lastPrint < (this.options.intervalMs ?? 5000) && s.phase === this.lastPhase) return;
      this.write(`progress ${new Date(t).toISOString()} ${progressLine(s, elapsed, false)}\n`);
    }
    this.lastPrint = t;
    this.lastPhase = s.phase;
  }

  /** Final state line; on a TTY the bar is replaced by it. */
  finish(): void {
    const elapsed = this.now() - this.started;
    if (this.options.tty && this.drawn) this.write('\r\x1b[K');
    if (this.last)
      this.write(`done in ${formatDuration(elapsed)}: ${progressLine(this.last, elapsed, false)}\n`);
  }
}
