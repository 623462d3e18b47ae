// The statistics of the runtime benchmark: a median, the distribution-free
// 95% confidence interval of a median from order statistics, and a seeded
// shuffle for the order of contenders within a round.

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

export function median(xs: readonly number[]): number {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The 95% confidence interval of the median of `xs`: the order statistics
 * of ranks n/2 ∓ 1.96·√n/2 (the normal approximation of the binomial count of
 * samples below the median; it needs no assumption about the distribution,
 * only independent samples, and is close to exact from n ≈ 30).
 */
export function medianInterval(xs: readonly number[]): { low: number; high: number } {
  const s = sorted(xs);
  const n = s.length;
  const half = (1.96 * Math.sqrt(n)) / 2;
  const low = Math.max(0, Math.floor(n / 2 - half) - 1);
  const high = Math.min(n - 1, Math.ceil(n / 2 + half));
  return { low: s[low]!, high: s[high]! };
}

// The simulator's fault harness has the seeded generator the rounds are shuffled with.
export { seededRandom } from '../../src/testing/faults.js';

/** `xs` in a random order (Fisher–Yates). */
export function shuffled<T>(xs: readonly T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
