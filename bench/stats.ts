/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (0–100) by linear interpolation between closest ranks. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** Milliseconds each call of `fn` took, after `warmup` untimed calls. */
export async function timeRuns(runs: number, warmup: number, fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * Times `a` and `b` in alternating rounds, so drift on a shared machine hits
 * both alike; answers each one's per-round milliseconds.
 */
export async function timeInterleaved(
  rounds: number,
  warmup: number,
  a: () => unknown,
  b: () => unknown,
): Promise<{ a: number[]; b: number[] }> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const result = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    for (const [fn, times] of i % 2 === 0
      ? ([
          [a, result.a],
          [b, result.b],
        ] as const)
      : ([
          [b, result.b],
          [a, result.a],
        ] as const)) {
      const started = performance.now();
      await fn();
      times.push(performance.now() - started);
    }
  }
  return result;
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
