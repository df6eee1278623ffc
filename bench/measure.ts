/** Timing helpers: monotonic clock, repeat-until-stable, median (the machine is noisy, §5). */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Runs `fn` at least `minRuns` times and until `minMs` have passed (at most `maxRuns`); median ms. */
export async function timeMedian(
  fn: () => unknown,
  opts: { minRuns?: number; maxRuns?: number; minMs?: number } = {},
): Promise<number> {
  const { minRuns = 1, maxRuns = 5, minMs = 1000 } = opts;
  const times: number[] = [];
  const start = nowMs();
  while (times.length < maxRuns && (times.length < minRuns || nowMs() - start < minMs)) {
    const t = nowMs();
    await fn();
    times.push(nowMs() - t);
  }
  return median(times);
}
