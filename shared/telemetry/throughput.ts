/** Rates for telemetry measurements. A zero or negative duration has no rate (undefined), not Infinity. */

export function rowsPerSecond(rows: number, durationMs: number): number | undefined {
  return perSecond(rows, durationMs);
}

export function bytesPerSecond(bytes: number, durationMs: number): number | undefined {
  return perSecond(bytes, durationMs);
}

function perSecond(amount: number, durationMs: number): number | undefined {
  if (!Number.isFinite(amount) || !Number.isFinite(durationMs) || durationMs <= 0) return undefined;
  // Two decimals are plenty for a dashboard and keep envelopes comparable in tests.
  return Math.round((amount / durationMs) * 1000 * 100) / 100;
}
