/** The distance metric of Krippendorff's alpha: what a disagreement between two values costs. */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval';

/** Options of {@link krippendorffAlpha}. */
export interface KrippendorffOptions {
  /** `'nominal'` (any strings or numbers), `'ordinal'` or `'interval'` (numbers only). */
  level: MeasurementLevel;
}

/**
 * Krippendorff's alpha, `α = 1 − Dₒ / Dₑ`, computed from the coincidence matrix as in
 * Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011). `data[c][u]` is coder `c`'s
 * value for unit `u`, `null` (or `undefined`) when missing; units with fewer than two values are
 * not pairable and left out. Distances: nominal 0/1; ordinal `(Σ_{g=c..k} n_g − (n_c + n_k)/2)²`
 * over the sorted values' marginals `n_g`; interval `(c − k)²`. `NaN` when undefined: no
 * pairable unit, or `Dₑ = 0` (only one value ever given). Throws a TypeError for a non-number
 * under `ordinal`/`interval`, a RangeError when coders' rows differ in length.
 */
export function krippendorffAlpha(data: readonly (readonly (string | number | null | undefined)[])[], options: KrippendorffOptions): number {
  const units = data.length === 0 ? 0 : (data[0] as readonly unknown[]).length;
  data.forEach((row, c) => {
    if (row.length !== units) throw new RangeError(`data[${c}] has ${row.length} units, expected ${units}`);
  });
  const numeric = options.level !== 'nominal';
  // Values are keyed by type and value so 1 and '1' stay apart under nominal.
  const key = (v: string | number): string => `${typeof v}:${v}`;
  const valueOf = new Map<string, string | number>();
  const o = new Map<string, Map<string, number>>(); // coincidences o[c][k]
  let n = 0;
  for (let u = 0; u < units; u++) {
    const values: (string | number)[] = [];
    data.forEach((row, c) => {
      const v = row[u];
      if (v === null || v === undefined) return;
      if (numeric && (typeof v !== 'number' || !Number.isFinite(v))) throw new TypeError(`data[${c}][${u}]: ${options.level} alpha needs finite numbers, got ${JSON.stringify(v)}`);
      values.push(v);
    });
    const m = values.length;
    if (m < 2) continue;
    n += m;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const ki = key(values[i] as string | number);
        const kj = key(values[j] as string | number);
        valueOf.set(ki, values[i] as string | number);
        const row = o.get(ki) ?? new Map<string, number>();
        row.set(kj, (row.get(kj) ?? 0) + 1 / (m - 1));
        o.set(ki, row);
      }
    }
  }
  if (n === 0) return NaN;
  const keys = [...valueOf.keys()];
  if (numeric) keys.sort((x, y) => (valueOf.get(x) as number) - (valueOf.get(y) as number));
  const marginal = new Map(keys.map((k) => [k, [...(o.get(k) as Map<string, number>).values()].reduce((s, x) => s + x, 0)]));
  const rank = new Map(keys.map((k, i) => [k, i]));
  const cumulative: number[] = [0];
  for (const k of keys) cumulative.push((cumulative[cumulative.length - 1] as number) + (marginal.get(k) as number));
  const delta2 = (c: string, k: string): number => {
    if (c === k) return 0;
    if (options.level === 'nominal') return 1;
    if (options.level === 'interval') return ((valueOf.get(c) as number) - (valueOf.get(k) as number)) ** 2;
    const [lo, hi] = [rank.get(c) as number, rank.get(k) as number].sort((x, y) => x - y) as [number, number];
    const between = (cumulative[hi + 1] as number) - (cumulative[lo] as number);
    return (between - ((marginal.get(c) as number) + (marginal.get(k) as number)) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (const c of keys) {
    for (const k of keys) {
      const d = delta2(c, k);
      if (d === 0) continue;
      observed += (o.get(c)?.get(k) ?? 0) * d;
      expected += (marginal.get(c) as number) * (marginal.get(k) as number) * d;
    }
  }
  if (expected === 0) return NaN;
  return 1 - ((n - 1) * observed) / expected;
}
