/**
 * Cohen's kappa of two raters over the same items (one category label per item, any strings):
 * `κ = (pₒ − pₑ) / (1 − pₑ)` with `pₒ` the share of items they agree on and `pₑ` the agreement
 * expected from each rater's own category frequencies (Cohen 1960), as scikit-learn's
 * `cohen_kappa_score` computes it (unweighted). `NaN` when it is undefined: no items, or
 * `pₑ = 1` (both raters used one and the same category throughout). Throws a RangeError when the
 * lists differ in length.
 */
export function cohenKappa(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new RangeError(`cohenKappa needs two ratings per item, got ${a.length} and ${b.length}`);
  const n = a.length;
  if (n === 0) return NaN;
  const ca = new Map<string, number>();
  const cb = new Map<string, number>();
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) agree++;
    ca.set(x, (ca.get(x) ?? 0) + 1);
    cb.set(y, (cb.get(y) ?? 0) + 1);
  }
  const po = agree / n;
  let pe = 0;
  for (const [c, k] of ca) pe += (k / n) * ((cb.get(c) ?? 0) / n);
  return pe === 1 ? NaN : (po - pe) / (1 - pe);
}

/**
 * Fleiss' kappa (Fleiss 1971) for many raters: `counts[i][j]` is how many raters put item `i` in
 * category `j`, every item rated by the same number `n` of raters. With `Pᵢ` the agreeing share
 * of rater pairs on item `i` and `pⱼ` the share of all ratings in category `j`,
 * `κ = (P̄ − P̄ₑ) / (1 − P̄ₑ)`, `P̄` the mean of `Pᵢ` and `P̄ₑ = Σ pⱼ²`. `NaN` when undefined: no
 * items, fewer than 2 raters, or `P̄ₑ = 1` (all ratings in one category). Throws a RangeError
 * when items have different rater counts or a count is negative.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number {
  const items = counts.length;
  if (items === 0) return NaN;
  const categories = (counts[0] as readonly number[]).length;
  const n = (counts[0] as readonly number[]).reduce((s, c) => s + c, 0);
  const totals = new Array<number>(categories).fill(0);
  let sumP = 0;
  counts.forEach((row, i) => {
    if (row.length !== categories) throw new RangeError(`counts[${i}] has ${row.length} categories, expected ${categories}`);
    let raters = 0;
    let squares = 0;
    row.forEach((c, j) => {
      if (!(c >= 0)) throw new RangeError(`counts[${i}][${j}] must be a count >= 0, got ${c}`);
      raters += c;
      squares += c * c;
      totals[j] = (totals[j] as number) + c;
    });
    if (raters !== n) throw new RangeError(`counts[${i}] sums to ${raters} raters, expected ${n} like counts[0]`);
    sumP += n > 1 ? (squares - n) / (n * (n - 1)) : 0;
  });
  if (n < 2) return NaN;
  const pBar = sumP / items;
  let pe = 0;
  for (const t of totals) pe += (t / (items * n)) ** 2;
  return pe === 1 ? NaN : (pBar - pe) / (1 - pe);
}
