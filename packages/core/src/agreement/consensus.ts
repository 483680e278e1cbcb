import type { Annotation, AnnotationKind, AttributeValue, Keypoint, KeypointsAnnotation } from '../annotation.js';
import { assignPairs, type WeightedPair } from './assignment.js';
import { touchingPairs } from './candidates.js';
import { DEFAULT_MATCH_THRESHOLD, type CompareOptions } from './compare.js';
import { placementSimilarity } from './similarity.js';

/** One labeller's annotations of the item. */
export interface LabellerSet {
  /** Stable id of the set (a labeller, a model run). */
  id: string;
  /** Display name. */
  name?: string;
  annotations: readonly Annotation[];
}

/** Options of {@link consensus}. */
export interface ConsensusOptions extends Pick<CompareOptions, 'sigmas' | 'schema' | 'spanMatch' | 'cuboid' | 'frameCount'> {
  /** Least number of sets that must agree for a merge; default a majority, `⌊sets / 2⌋ + 1`. */
  quorum?: number;
  /** Least mean similarity to a cluster's members to join it; default 0.5 (as `compare`). */
  threshold?: number;
  /** Prefix of the merged annotations' ids, followed by the cluster's index; default `'consensus-'`. */
  idPrefix?: string;
}

/** An annotation of one set, by id. */
export interface ClusterMember {
  set: string;
  id: string;
}

/** Annotations of different sets that mark the same thing. */
export interface ConsensusCluster {
  kind: AnnotationKind;
  /** At most one per set, in set order. */
  members: ClusterMember[];
  /** How many members gave each label. */
  labelVotes: Record<string, number>;
  /** The winning label (most votes; a tie goes to the earliest set's). */
  label: string;
  /** Mean pairwise similarity of the members; `NaN` for a single member. */
  agreement: number;
  /** The proposed merge, or `null` when fewer than `quorum` sets are members. */
  merged: Annotation | null;
}

/** What {@link consensus} finds. */
export interface Consensus {
  clusters: ConsensusCluster[];
  /** Every non-null merge, in cluster order. */
  merged: Annotation[];
  quorum: number;
}

/**
 * Groups the annotations of several sets into clusters of the same object and proposes one merged
 * annotation per cluster that at least `quorum` sets agree on.
 *
 * Sets are taken in order: each set's annotations join existing clusters of their kind by optimal
 * assignment on the mean similarity to the members (same label first, then any label), never two
 * from one set in a cluster; what joins nothing starts a new cluster. Keypoint similarity is OKS
 * averaged both ways (no side is gold).
 *
 * The merge, per field: label by vote (ties to the earliest set); attributes by vote, each kept
 * when more than half of the members give it; `bbox` mean of x, y, width, height, circular mean of
 * rotation; `cuboid` mean centre and size, circular mean of angles; `keypoints` per point the
 * median x and y of the members that labelled it, when more than half did (visibility the commoner
 * of 1 and 2, ties to 2), else unlabelled; `span` and `tag` the range most members chose (ties to
 * the most central member's); `segment` median start and end, commonest channel and transcript;
 * `polygon` and `track` the medoid (the member most similar to the others). Merges carry
 * `extra.mergedFrom`: the members.
 */
export function consensus(sets: readonly LabellerSet[], options: ConsensusOptions = {}): Consensus {
  const quorum = options.quorum ?? Math.floor(sets.length / 2) + 1;
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const sim = (x: Annotation, y: Annotation): number => pairSimilarity(x, y, options);
  interface Cluster {
    kind: AnnotationKind;
    members: { set: number; a: Annotation }[];
  }
  const clusters: Cluster[] = [];
  sets.forEach((set, s) => {
    const kinds = [...new Set(set.annotations.map((a) => a.kind))];
    for (const kind of kinds) {
      const mine = set.annotations.filter((a) => a.kind === kind);
      const open = clusters.filter((c) => c.kind === kind);
      const flat = open.flatMap((c, ci) => c.members.map((m) => ({ ci, a: m.a })));
      const near = new Set<string>();
      for (const [i, k] of touchingPairs(mine, flat.map((f) => f.a))) near.add(`${i}:${(flat[k] as { ci: number }).ci}`);
      const scored: { i: number; j: number; w: number; same: boolean }[] = [];
      for (const key of near) {
        const [i, ci] = key.split(':').map(Number) as [number, number];
        const x = mine[i] as Annotation;
        const c = open[ci] as Cluster;
        let total = 0;
        for (const m of c.members) total += sim(x, m.a);
        const w = total / c.members.length;
        if (w >= threshold && w > 0) scored.push({ i, j: ci, w, same: c.members.some((m) => m.a.label === x.label) });
      }
      const taken = new Set<number>();
      const joined = new Set<number>();
      for (const sameLabel of [true, false]) {
        const candidates: WeightedPair[] = scored.filter((p) => (!sameLabel || p.same) && !taken.has(p.i) && !joined.has(p.j));
        for (const p of assignPairs(candidates).pairs) {
          taken.add(p.i);
          joined.add(p.j);
          (open[p.j] as Cluster).members.push({ set: s, a: mine[p.i] as Annotation });
        }
      }
      mine.forEach((a, i) => {
        if (!taken.has(i)) clusters.push({ kind, members: [{ set: s, a }] });
      });
    }
  });

  const prefix = options.idPrefix ?? 'consensus-';
  const out: ConsensusCluster[] = clusters.map((c, index) => {
    const members = c.members.map((m) => ({ set: (sets[m.set] as LabellerSet).id, id: m.a.id }));
    const anns = c.members.map((m) => m.a);
    const labelVotes: Record<string, number> = {};
    for (const a of anns) labelVotes[a.label] = (labelVotes[a.label] ?? 0) + 1;
    const label = plurality(anns.map((a) => a.label)) as string;
    let pairSum = 0;
    let pairs = 0;
    for (let i = 0; i < anns.length; i++) {
      for (let j = i + 1; j < anns.length; j++) {
        pairSum += sim(anns[i] as Annotation, anns[j] as Annotation);
        pairs++;
      }
    }
    const merged = anns.length >= quorum ? mergeAnnotations(anns, label, `${prefix}${index}`, sim, members) : null;
    return { kind: c.kind, members, labelVotes, label, agreement: pairs === 0 ? NaN : pairSum / pairs, merged };
  });
  return { clusters: out, merged: out.flatMap((c) => (c.merged ? [c.merged] : [])), quorum };
}

/** Similarity with no gold side: OKS averaged both ways, σ from the options or the schema. */
function pairSimilarity(x: Annotation, y: Annotation, options: ConsensusOptions): number {
  if (x.kind !== 'keypoints') return placementSimilarity(x, y, { spanMatch: options.spanMatch, cuboid: options.cuboid, frameCount: options.frameCount });
  const sigmasFor = (label: string) => {
    const given = options.sigmas;
    if (given === 'coco17' || Array.isArray(given)) return given as readonly number[] | 'coco17';
    return (given as Record<string, readonly number[]> | undefined)?.[label] ?? options.schema?.byId.get(label)?.skeleton?.sigmas;
  };
  return (placementSimilarity(x, y, { sigmas: sigmasFor(y.label) }) + placementSimilarity(y, x, { sigmas: sigmasFor(x.label) })) / 2;
}

/** The commonest value by JSON identity; a tie goes to the one seen first. */
function plurality<T>(values: readonly T[]): T | undefined {
  const counts = new Map<string, { v: T; n: number; first: number }>();
  values.forEach((v, i) => {
    const k = JSON.stringify(v) ?? 'undefined';
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { v, n: 1, first: i });
  });
  let best: { v: T; n: number; first: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.first < best.first)) best = c;
  return best?.v;
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** The median; the mean of the middle two for an even count. */
function median(values: readonly number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Circular mean of angles (in `unit`s per full turn: 360 for degrees, 2π for radians). */
function circularMean(values: readonly number[], turn: number): number {
  let sx = 0;
  let sy = 0;
  for (const v of values) {
    const t = (v / turn) * 2 * Math.PI;
    sx += Math.cos(t);
    sy += Math.sin(t);
  }
  if (Math.abs(sx) < 1e-12 && Math.abs(sy) < 1e-12) return values[0] ?? 0;
  return (Math.atan2(sy, sx) / (2 * Math.PI)) * turn;
}

/** Index of the member with the highest total similarity to the others (ties: earliest). */
function medoid(anns: readonly Annotation[], sim: (x: Annotation, y: Annotation) => number, among?: readonly number[]): number {
  const pool = among ?? anns.map((_, i) => i);
  let best = pool[0] as number;
  let bestScore = -Infinity;
  for (const i of pool) {
    let score = 0;
    anns.forEach((y, j) => {
      if (j !== i) score += sim(anns[i] as Annotation, y);
    });
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

function mergeAttributes(anns: readonly Annotation[]): Record<string, AttributeValue> | undefined {
  const keys = [...new Set(anns.flatMap((a) => Object.keys(a.attributes ?? {})))].sort();
  const out: Record<string, AttributeValue> = {};
  for (const k of keys) {
    const given = anns.flatMap((a) => (a.attributes?.[k] !== undefined ? [a.attributes[k] as AttributeValue] : []));
    if (given.length * 2 <= anns.length) continue;
    out[k] = plurality(given.map((v) => (Array.isArray(v) ? [...v].sort() : v))) as AttributeValue;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The most-chosen range of members `[start, end)`; ties to the most central member's. */
function majorityRange(anns: readonly Annotation[], sim: (x: Annotation, y: Annotation) => number, range: (a: Annotation) => string): number {
  const counts = new Map<string, number[]>();
  anns.forEach((a, i) => counts.set(range(a), [...(counts.get(range(a)) ?? []), i]));
  const top = Math.max(...[...counts.values()].map((v) => v.length));
  const tied = [...counts.values()].filter((v) => v.length === top).flat();
  return medoid(anns, sim, tied);
}

function mergeAnnotations(
  anns: readonly Annotation[],
  label: string,
  id: string,
  sim: (x: Annotation, y: Annotation) => number,
  mergedFrom: ClusterMember[],
): Annotation {
  const attributes = mergeAttributes(anns);
  const base = { id, label, ...(attributes ? { attributes } : {}), extra: { mergedFrom } };
  const first = anns[0] as Annotation;
  switch (first.kind) {
    case 'bbox': {
      const boxes = anns as readonly Extract<Annotation, { kind: 'bbox' }>[];
      const rotated = boxes.some((b) => (b.rotation ?? 0) !== 0);
      return {
        ...base,
        kind: 'bbox',
        x: mean(boxes.map((b) => b.x)),
        y: mean(boxes.map((b) => b.y)),
        width: mean(boxes.map((b) => b.width)),
        height: mean(boxes.map((b) => b.height)),
        ...(rotated ? { rotation: circularMean(boxes.map((b) => b.rotation ?? 0), 360) } : {}),
      };
    }
    case 'cuboid': {
      const cs = anns as readonly Extract<Annotation, { kind: 'cuboid' }>[];
      const axis = (pick: (c: (typeof cs)[number]) => number[], k: number) => mean(cs.map((c) => pick(c)[k] as number));
      const angle = (pick: (c: (typeof cs)[number]) => number | undefined) => circularMean(cs.map((c) => pick(c) ?? 0), 2 * Math.PI);
      return {
        ...base,
        kind: 'cuboid',
        center: [axis((c) => c.center, 0), axis((c) => c.center, 1), axis((c) => c.center, 2)],
        size: [axis((c) => c.size, 0), axis((c) => c.size, 1), axis((c) => c.size, 2)],
        yaw: angle((c) => c.yaw),
        ...(cs.some((c) => c.pitch) ? { pitch: angle((c) => c.pitch) } : {}),
        ...(cs.some((c) => c.roll) ? { roll: angle((c) => c.roll) } : {}),
        ...(first.frame !== undefined ? { frame: first.frame } : {}),
      };
    }
    case 'keypoints': {
      const ks = anns as readonly KeypointsAnnotation[];
      const points: Keypoint[] = first.points.map((_, k) => {
        const labelled = ks.map((a) => a.points[k] as Keypoint).filter((p) => p.visibility > 0);
        if (labelled.length * 2 <= ks.length) return { x: 0, y: 0, visibility: 0 };
        const visible = labelled.filter((p) => p.visibility === 2).length;
        return {
          x: median(labelled.map((p) => p.x)),
          y: median(labelled.map((p) => p.y)),
          visibility: visible * 2 >= labelled.length ? 2 : 1,
        };
      });
      return { ...base, kind: 'keypoints', points };
    }
    case 'span': {
      const chosen = anns[majorityRange(anns, sim, (a) => (a.kind === 'span' ? `${a.start},${a.end}` : ''))] as Extract<Annotation, { kind: 'span' }>;
      return { ...base, kind: 'span', start: chosen.start, end: chosen.end, text: chosen.text };
    }
    case 'tag': {
      const chosen = anns[majorityRange(anns, sim, (a) => (a.kind === 'tag' ? `${a.start},${a.end}` : ''))] as Extract<Annotation, { kind: 'tag' }>;
      return { ...base, kind: 'tag', ...(chosen.start !== undefined ? { start: chosen.start } : {}), ...(chosen.end !== undefined ? { end: chosen.end } : {}) };
    }
    case 'segment': {
      const ss = anns as readonly Extract<Annotation, { kind: 'segment' }>[];
      const channel = plurality(ss.map((s) => s.channel));
      const texts = ss.flatMap((s) => (s.text !== undefined ? [s.text] : []));
      const text = texts.length > 0 ? plurality(texts) : undefined;
      return {
        ...base,
        kind: 'segment',
        start: median(ss.map((s) => s.start)),
        end: median(ss.map((s) => s.end)),
        ...(channel !== undefined ? { channel } : {}),
        ...(text !== undefined ? { text } : {}),
      };
    }
    case 'polygon':
    case 'track': {
      // The medoid's shape, with the merged label and attributes only.
      const { attributes: _attributes, extra: _extra, score: _score, source: _source, ...shape } = anns[medoid(anns, sim)] as Annotation;
      return { ...shape, ...base } as Annotation;
    }
  }
}
