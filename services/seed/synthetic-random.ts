/** The synthetic archive's randomness: a seeded PRNG, so that story n is the same on every run, and Zipf-like picks. */

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Rng = () => number;

const zipfTables = new WeakMap<readonly unknown[], Float64Array>();

/** An element of `list`, the k-th (from 1) with weight 1/k^s. */
export function zipf<T>(rnd: Rng, list: readonly T[], s = 1): T {
  let cumulative = zipfTables.get(list);
  if (!cumulative) {
    cumulative = new Float64Array(list.length);
    let sum = 0;
    for (let k = 0; k < list.length; k++) cumulative[k] = sum += 1 / (k + 1) ** s;
    zipfTables.set(list, cumulative);
  }
  const x = rnd() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return list[lo]!;
}

export const uniform = <T>(rnd: Rng, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
export const int = (rnd: Rng, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
