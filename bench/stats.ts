import os from "node:os";

// Small helpers shared by the benchmark parts: percentiles and number formatting.

/** Nearest-rank percentile (p in 0..100) of an unsorted sample; NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(values: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : NaN,
  };
}

/** Fixed-precision number, or "n/a" for NaN/undefined. */
export function fmt(x: number | undefined, digits = 1): string {
  return x === undefined || !Number.isFinite(x) ? "n/a" : x.toFixed(digits);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Milliseconds since an hrtime.bigint() start. */
export const msSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export function log(...args: unknown[]): void {
  // The 1-minute load average beside every line: figures taken on a busy machine are suspect.
  console.log(`[bench ${new Date().toISOString().slice(11, 19)} load ${os.loadavg()[0].toFixed(1)}]`, ...args);
}
