/** The bench's output: one row per measurement, with its same-run reference and goal when it has one. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly reference?: { readonly name: string; readonly value: number };
  /**
   * Median of the ratios measured run by run (each against its own same-run reference), which is
   * steadier on a shared machine than the ratio of two medians; absent = value ÷ reference.
   */
  readonly ratio?: number;
  /** Goal on value ÷ reference (performance.md §7), e.g. `>= 1.0 (R1)`. */
  readonly goal?: { readonly min: number; readonly label: string };
  readonly note?: string;
}

function num(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

export function ratioOf(r: BenchResult): number | undefined {
  if (r.ratio !== undefined) return r.ratio;
  return r.reference && r.reference.value > 0 ? r.value / r.reference.value : undefined;
}

export function formatResults(results: readonly BenchResult[]): string {
  const rows = results.map((r) => {
    const ratio = ratioOf(r);
    const met = ratio === undefined || !r.goal ? '' : ratio >= r.goal.min ? 'met' : 'NOT met';
    return [
      r.name,
      `${num(r.value)} ${r.unit}`,
      r.reference ? `${r.reference.name}: ${num(r.reference.value)} ${r.unit}` : '—',
      ratio === undefined ? '—' : ratio.toFixed(2),
      r.goal ? `${r.goal.label} ${met}` : '—',
    ];
  });
  const head = ['name', 'value', 'reference (same run)', 'ratio', 'goal'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const notes = results.filter((r) => r.note).map((r) => `  ${r.name}: ${r.note}`);
  return (
    [
      line(head),
      widths.map((w) => '-'.repeat(w)).join('  '),
      ...rows.map(line),
      ...(notes.length ? ['', 'notes:', ...notes] : []),
    ].join('\n') + '\n'
  );
}
