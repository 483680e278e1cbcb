/**
 * One-to-one assignment of rows to columns maximising the total weight: the Hungarian method for
 * the exact optimum, a greedy pass for problems too large for it, and a sparse front end that
 * splits a problem into independent parts first.
 */

/** A weighted candidate pair: row `i`, column `j`, weight `w` (> 0 to be eligible). */
export interface WeightedPair {
  i: number;
  j: number;
  w: number;
}

/** How an assignment was solved. */
export type AssignmentMethod = 'optimal' | 'greedy';

/** The outcome of an assignment: chosen pairs (sorted by row) and their total weight. */
export interface Assignment {
  pairs: WeightedPair[];
  total: number;
  /** `'greedy'` when any independent part was larger than the optimal solver's limit. */
  method: AssignmentMethod;
}

/**
 * Above this many cells (rows × columns) in one independent part, {@link assignPairs} falls back
 * to {@link greedyAssignment}. The Hungarian method costs O(n²·m); 1,000,000 cells (1,000 × 1,000)
 * take about a second here. Greedy is within a factor 2 of the optimum in the worst case; on
 * jittered copies of 2,000 boxes the test measures its loss (assignment.test.ts).
 */
export const OPTIMAL_ASSIGNMENT_MAX_CELLS = 1_000_000;

/**
 * The maximum-weight one-to-one assignment of a dense `rows × cols` weight matrix (any shape), by
 * the Hungarian method (shortest augmenting paths with potentials, O(n²·m)). Pairs of weight <= 0
 * are never returned: they add nothing. Deterministic: the same matrix gives the same pairs.
 */
export function optimalAssignment(weights: readonly (readonly number[])[]): Assignment {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : (weights[0] as readonly number[]).length;
  if (rows === 0 || cols === 0) return { pairs: [], total: 0, method: 'optimal' };
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  // Cost to minimise, 1-based: cost(i, j) = -weight.
  const cost = (i: number, j: number): number =>
    -((transpose ? (weights[j - 1] as readonly number[])[i - 1] : (weights[i - 1] as readonly number[])[j - 1]) as number);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: the row assigned to column j (0 = none)
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0] as number;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0, j) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j] as number] = (u[p[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else {
          minv[j] = (minv[j] as number) - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      p[j0] = p[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const pairs: WeightedPair[] = [];
  for (let j = 1; j <= m; j++) {
    const r = p[j] as number;
    if (r === 0) continue;
    const i = transpose ? j - 1 : r - 1;
    const c = transpose ? r - 1 : j - 1;
    const w = (weights[i] as readonly number[])[c] as number;
    if (w > 0) pairs.push({ i, j: c, w });
  }
  return finish(pairs, 'optimal');
}

/**
 * A greedy one-to-one assignment: candidate pairs by falling weight (ties: lower row, then lower
 * column), each taken when both its row and column are still free. O(k log k) for k pairs; at
 * least half the optimal total, usually much closer.
 */
export function greedyAssignment(candidates: readonly WeightedPair[]): Assignment {
  const sorted = candidates.filter((c) => c.w > 0).sort((x, y) => y.w - x.w || x.i - y.i || x.j - y.j);
  const rowsTaken = new Set<number>();
  const colsTaken = new Set<number>();
  const pairs: WeightedPair[] = [];
  for (const c of sorted) {
    if (rowsTaken.has(c.i) || colsTaken.has(c.j)) continue;
    rowsTaken.add(c.i);
    colsTaken.add(c.j);
    pairs.push(c);
  }
  return finish(pairs, 'greedy');
}

/**
 * The maximum-weight assignment over sparse candidate pairs (only pairs with `w > 0` count; rows
 * and columns are any integers). The pairs are split into connected parts (rows and columns linked
 * by a candidate); each part is solved exactly by {@link optimalAssignment}, or by
 * {@link greedyAssignment} when it has more than `maxCells` cells.
 */
export function assignPairs(
  candidates: readonly WeightedPair[],
  maxCells: number = OPTIMAL_ASSIGNMENT_MAX_CELLS,
): Assignment {
  const live = candidates.filter((c) => c.w > 0);
  // Union-find over row nodes and column nodes (columns keyed apart from rows).
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    let y = x;
    while (parent.get(y) !== r) {
      const next = parent.get(y) as string;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  for (const c of live) {
    const a = `r${c.i}`;
    const b = `c${c.j}`;
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const parts = new Map<string, WeightedPair[]>();
  for (const c of live) {
    const root = find(`r${c.i}`);
    const part = parts.get(root);
    if (part) part.push(c);
    else parts.set(root, [c]);
  }
  const pairs: WeightedPair[] = [];
  let method: AssignmentMethod = 'optimal';
  for (const part of parts.values()) {
    const rows = [...new Set(part.map((c) => c.i))].sort((x, y) => x - y);
    const cols = [...new Set(part.map((c) => c.j))].sort((x, y) => x - y);
    if (part.length === 1) {
      pairs.push(part[0] as WeightedPair);
      continue;
    }
    if (rows.length * cols.length > maxCells) {
      method = 'greedy';
      pairs.push(...greedyAssignment(part).pairs);
      continue;
    }
    const rowAt = new Map(rows.map((r, k) => [r, k]));
    const colAt = new Map(cols.map((c, k) => [c, k]));
    const matrix = rows.map(() => new Array<number>(cols.length).fill(0));
    for (const c of part) {
      const row = matrix[rowAt.get(c.i) as number] as number[];
      const k = colAt.get(c.j) as number;
      row[k] = Math.max(row[k] as number, c.w);
    }
    for (const q of optimalAssignment(matrix).pairs) pairs.push({ i: rows[q.i] as number, j: cols[q.j] as number, w: q.w });
  }
  return finish(pairs, method);
}

function finish(pairs: WeightedPair[], method: AssignmentMethod): Assignment {
  pairs.sort((x, y) => x.i - y.i || x.j - y.j);
  let total = 0;
  for (const q of pairs) total += q.w;
  return { pairs, total, method };
}
