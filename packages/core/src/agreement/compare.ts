import type { Annotation, AnnotationKind, AttributeValue, KeypointsAnnotation } from '../annotation.js';
import type { LabelSchema } from '../schema-types.js';
import { assignPairs, OPTIMAL_ASSIGNMENT_MAX_CELLS, type AssignmentMethod, type WeightedPair } from './assignment.js';
import { touchingPairs } from './candidates.js';
import type { KeypointSigmas } from './keypoint-similarity.js';
import { placementSimilarity, type SimilarityOptions } from './similarity.js';

/**
 * The match threshold when no other is given: 0.5, PASCAL VOC's IoU criterion for a detection,
 * also COCO's loosest OKS threshold (AP@0.5) and the usual overlap for spans and segments.
 */
export const DEFAULT_MATCH_THRESHOLD = 0.5;

/**
 * Unmatched pairs at least this similar (and under the match threshold) are reported as one
 * `lowOverlap` conflict instead of a `missing` and an `extra` one. labelkit's own choice.
 */
export const DEFAULT_LOW_OVERLAP = 0.1;

/** Options of {@link compare}. */
export interface CompareOptions extends Omit<SimilarityOptions, 'sigmas' | 'area'> {
  /** Least similarity of a match, default {@link DEFAULT_MATCH_THRESHOLD}. */
  threshold?: number;
  /** Thresholds per kind, over `threshold`. */
  kindThresholds?: Partial<Record<AnnotationKind, number>>;
  /**
   * Thresholds per label id, over the kind's. A pair with two labels uses the larger of their
   * thresholds.
   */
  labelThresholds?: Record<string, number>;
  /** See {@link DEFAULT_LOW_OVERLAP}. */
  lowOverlap?: number;
  /**
   * keypoints: σ for every label, or per label id. Without it, the gold label's `skeleton.sigmas`
   * in `schema`, then the `keypointSimilarity` default.
   */
  sigmas?: KeypointSigmas | Record<string, KeypointSigmas>;
  /** keypoints: the gold object's area, or how to find it (default: its labelled points' box). */
  area?: number | ((gold: KeypointsAnnotation) => number);
  /** The schema, for per-label keypoint σ. */
  schema?: LabelSchema;
  /** Compare attributes of matched pairs (default true). */
  attributes?: boolean;
  /** Largest independent assignment solved exactly, in cells; greedy above. */
  maxOptimalCells?: number;
}

/** One attribute whose value differs between a matched pair; a side without it has no field. */
export interface AttributeDiff {
  attribute: string;
  a?: AttributeValue;
  b?: AttributeValue;
}

/** A matched pair, by annotation id. */
export interface Match {
  a: string;
  b: string;
  similarity: number;
  sameLabel: boolean;
  attributeDiffs: AttributeDiff[];
}

/** A disagreement between the two sets, by annotation id. `b` is the gold side when there is one. */
export type Conflict =
  | { type: 'missing'; b: string }
  | { type: 'extra'; a: string }
  | { type: 'wrongLabel'; a: string; b: string; labelA: string; labelB: string; similarity: number }
  | { type: 'lowOverlap'; a: string; b: string; similarity: number; sameLabel: boolean }
  | { type: 'attributeMismatch'; a: string; b: string; attributes: string[] }
  | { type: 'transcriptDiffers'; a: string; b: string };

/** Detection counts of one label or kind, with `b` as the truth. `NaN` where the ratio is 0/0. */
export interface MatchCounts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** What {@link compare} finds. Every annotation is named by its id. JSON-serialisable (NaN → null). */
export interface Comparison {
  matches: Match[];
  onlyA: string[];
  onlyB: string[];
  conflicts: Conflict[];
  perLabel: Record<string, MatchCounts>;
  perKind: Partial<Record<AnnotationKind, MatchCounts>>;
  /**
   * One number for the agreement, in [0, 1]: `2 · Σ similarity of same-label matches / (|a| + |b|)`
   * — an F1 where each match counts by its similarity. `NaN` when both sets are empty.
   */
  score: number;
  /** `'greedy'` when part of the matching was too large to solve exactly. */
  assignment: AssignmentMethod;
}

/**
 * Compares two annotation sets of one item (two labellers, or a labeller `a` against gold `b`).
 *
 * Matching is one-to-one within a kind and maximises the total similarity (`similarity()`'s
 * measure; for tags, placement only), in two passes: first among pairs with the same label, then
 * among what is left with any label, so a box with the wrong label is reported as a wrong label.
 * A pair under its threshold is never matched. A wrong-label match is a false positive for `a`'s
 * label and a false negative for `b`'s.
 */
export function compare(a: readonly Annotation[], b: readonly Annotation[], options: CompareOptions = {}): Comparison {
  const threshold = (x: Annotation, y: Annotation): number => {
    const kindT = options.kindThresholds?.[x.kind] ?? options.threshold ?? DEFAULT_MATCH_THRESHOLD;
    const tx = options.labelThresholds?.[x.label] ?? kindT;
    const ty = options.labelThresholds?.[y.label] ?? kindT;
    return Math.max(tx, ty);
  };
  const lowOverlap = options.lowOverlap ?? DEFAULT_LOW_OVERLAP;
  const maxCells = options.maxOptimalCells ?? OPTIMAL_ASSIGNMENT_MAX_CELLS;

  const matched: { i: number; j: number; sim: number }[] = [];
  const low: { i: number; j: number; sim: number }[] = [];
  const matchedA = new Set<number>();
  const matchedB = new Set<number>();
  let method: AssignmentMethod = 'optimal';

  const kinds = [...new Set([...a, ...b].map((x) => x.kind))];
  for (const kind of kinds) {
    const ia = indicesOfKind(a, kind);
    const ib = indicesOfKind(b, kind);
    if (ia.length === 0 || ib.length === 0) continue;
    const sa = ia.map((i) => a[i] as Annotation);
    const sb = ib.map((j) => b[j] as Annotation);
    const scored: { i: number; j: number; sim: number; eligible: boolean; same: boolean }[] = [];
    for (const [p, q] of touchingPairs(sa, sb)) {
      const x = sa[p] as Annotation;
      const y = sb[q] as Annotation;
      const sim = placementSimilarity(x, y, pairOptions(y, options));
      if (!(sim > 0)) continue;
      scored.push({ i: ia[p] as number, j: ib[q] as number, sim, eligible: sim >= threshold(x, y), same: x.label === y.label });
    }
    for (const sameLabelPass of [true, false]) {
      const candidates: WeightedPair[] = scored
        .filter((s) => s.eligible && (!sameLabelPass || s.same) && !matchedA.has(s.i) && !matchedB.has(s.j))
        .map((s) => ({ i: s.i, j: s.j, w: s.sim }));
      const result = assignPairs(candidates, maxCells);
      if (result.method === 'greedy') method = 'greedy';
      for (const p of result.pairs) {
        matched.push({ i: p.i, j: p.j, sim: p.w });
        matchedA.add(p.i);
        matchedB.add(p.j);
      }
    }
    // Near misses: the most similar unmatched pairs first, each annotation in at most one.
    const near = scored
      .filter((s) => s.sim >= lowOverlap && !matchedA.has(s.i) && !matchedB.has(s.j))
      .sort((x, y) => y.sim - x.sim || x.i - y.i || x.j - y.j);
    const lowA = new Set<number>();
    const lowB = new Set<number>();
    for (const s of near) {
      if (lowA.has(s.i) || lowB.has(s.j)) continue;
      lowA.add(s.i);
      lowB.add(s.j);
      low.push(s);
    }
  }
  matched.sort((x, y) => x.i - y.i || x.j - y.j);
  low.sort((x, y) => x.i - y.i || x.j - y.j);

  const compareAttributes = options.attributes !== false;
  const matches: Match[] = [];
  const conflicts: Conflict[] = [];
  const counts = new Counter();
  for (const { i, j, sim } of matched) {
    const x = a[i] as Annotation;
    const y = b[j] as Annotation;
    const sameLabel = x.label === y.label;
    const attributeDiffs = compareAttributes ? diffAttributes(x.attributes, y.attributes) : [];
    matches.push({ a: x.id, b: y.id, similarity: sim, sameLabel, attributeDiffs });
    if (sameLabel) {
      counts.add(x, 'tp');
    } else {
      conflicts.push({ type: 'wrongLabel', a: x.id, b: y.id, labelA: x.label, labelB: y.label, similarity: sim });
      counts.add(x, 'fp');
      counts.add(y, 'fn');
    }
    if (attributeDiffs.length > 0) conflicts.push({ type: 'attributeMismatch', a: x.id, b: y.id, attributes: attributeDiffs.map((d) => d.attribute) });
    if (x.kind === 'segment' && y.kind === 'segment' && (x.text !== undefined || y.text !== undefined) && (x.text ?? '') !== (y.text ?? '')) {
      conflicts.push({ type: 'transcriptDiffers', a: x.id, b: y.id });
    }
  }
  const inLowA = new Set(low.map((s) => s.i));
  const inLowB = new Set(low.map((s) => s.j));
  for (const s of low) {
    const x = a[s.i] as Annotation;
    const y = b[s.j] as Annotation;
    conflicts.push({ type: 'lowOverlap', a: x.id, b: y.id, similarity: s.sim, sameLabel: x.label === y.label });
  }
  const onlyA: string[] = [];
  const onlyB: string[] = [];
  a.forEach((x, i) => {
    if (matchedA.has(i)) return;
    onlyA.push(x.id);
    counts.add(x, 'fp');
    if (!inLowA.has(i)) conflicts.push({ type: 'extra', a: x.id });
  });
  b.forEach((y, j) => {
    if (matchedB.has(j)) return;
    onlyB.push(y.id);
    counts.add(y, 'fn');
    if (!inLowB.has(j)) conflicts.push({ type: 'missing', b: y.id });
  });

  let agreed = 0;
  for (const m of matches) if (m.sameLabel) agreed += m.similarity;
  const total = a.length + b.length;
  return {
    matches,
    onlyA,
    onlyB,
    conflicts,
    perLabel: counts.byLabel(),
    perKind: counts.byKind(),
    score: total === 0 ? NaN : (2 * agreed) / total,
    assignment: method,
  };
}

function indicesOfKind(list: readonly Annotation[], kind: AnnotationKind): number[] {
  const out: number[] = [];
  list.forEach((x, i) => x.kind === kind && out.push(i));
  return out;
}

/** The similarity options for one pair: σ and area for keypoints from the gold (`y`) side. */
function pairOptions(y: Annotation, options: CompareOptions): SimilarityOptions {
  if (y.kind !== 'keypoints') return options as SimilarityOptions;
  const given = options.sigmas;
  let sigmas: KeypointSigmas | undefined;
  if (given === 'coco17' || Array.isArray(given)) sigmas = given as KeypointSigmas;
  else if (given !== undefined) sigmas = (given as Record<string, KeypointSigmas>)[y.label];
  sigmas ??= options.schema?.byId.get(y.label)?.skeleton?.sigmas;
  const area = typeof options.area === 'function' ? options.area(y) : options.area;
  return { ...options, sigmas, area };
}

/** Attribute values that differ (multiselect values compared as sets), sorted by attribute id. */
export function diffAttributes(
  a: Readonly<Record<string, AttributeValue>> | undefined,
  b: Readonly<Record<string, AttributeValue>> | undefined,
): AttributeDiff[] {
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
  const out: AttributeDiff[] = [];
  for (const attribute of keys) {
    const va = a?.[attribute];
    const vb = b?.[attribute];
    if (sameValue(va, vb)) continue;
    const d: AttributeDiff = { attribute };
    if (va !== undefined) d.a = va;
    if (vb !== undefined) d.b = vb;
    out.push(d);
  }
  return out;
}

function sameValue(x: AttributeValue | undefined, y: AttributeValue | undefined): boolean {
  if (Array.isArray(x) && Array.isArray(y)) {
    const sx = new Set(x);
    return sx.size === new Set(y).size && y.every((v) => sx.has(v));
  }
  return x === y;
}

/** Tallies tp/fp/fn by label and by kind. */
class Counter {
  private labels = new Map<string, [number, number, number]>();
  private kinds = new Map<AnnotationKind, [number, number, number]>();
  add(x: Annotation, what: 'tp' | 'fp' | 'fn'): void {
    const k = what === 'tp' ? 0 : what === 'fp' ? 1 : 2;
    for (const [map, key] of [
      [this.labels, x.label],
      [this.kinds, x.kind],
    ] as [Map<string, [number, number, number]>, string][]) {
      const c = map.get(key) ?? [0, 0, 0];
      c[k]++;
      map.set(key, c);
    }
  }
  byLabel(): Record<string, MatchCounts> {
    return Object.fromEntries([...this.labels.keys()].sort().map((l) => [l, matchCounts(...(this.labels.get(l) as [number, number, number]))]));
  }
  byKind(): Partial<Record<AnnotationKind, MatchCounts>> {
    return Object.fromEntries([...this.kinds.keys()].sort().map((k) => [k, matchCounts(...(this.kinds.get(k) as [number, number, number]))]));
  }
}

/** Precision, recall and F1 from counts; `NaN` for 0/0. */
export function matchCounts(tp: number, fp: number, fn: number): MatchCounts {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? NaN : tp / (tp + fp),
    recall: tp + fn === 0 ? NaN : tp / (tp + fn),
    f1: 2 * tp + fp + fn === 0 ? NaN : (2 * tp) / (2 * tp + fp + fn),
  };
}
