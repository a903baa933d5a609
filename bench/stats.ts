/** Latency summary in milliseconds from every measured request (exact percentiles, nearest rank). */
export interface LoadResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  errors: number;
}

export function summarise(latencies: number[], durationSeconds: number, errors: number): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  const rank = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  const total = latencies.reduce((sum, n) => sum + n, 0);
  return {
    requests: latencies.length,
    durationSeconds,
    requestsPerSecond: round(latencies.length / durationSeconds),
    latencyMs: {
      p50: round(rank(50)),
      p95: round(rank(95)),
      p99: round(rank(99)),
      max: round(sorted.at(-1) ?? 0),
      mean: round(latencies.length ? total / latencies.length : 0),
    },
    errors,
  };
}
