import type { Annotation, Comparison, Conflict } from '@labelkit/core';

/** One labeller's set in a review: who they are and what they labelled. */
export interface ReviewSet {
  /** Stable id of the set (a labeller id, `"gold"`, a model run). */
  id: string;
  /** Display name (rendered as text, never as HTML). */
  name: string;
  /** The set's annotations of the item under review. */
  annotations: readonly Annotation[];
  /** Colour of this labeller in the host's overlay (a CSS colour), shown as a swatch. */
  color?: string;
  /** Marks the set as the gold standard (shown as a badge). */
  gold?: boolean;
}

/** How the panel shows one conflict: a stable key, a short title and a one-line detail. */
export interface ConflictRow {
  /** Stable across renders while the conflict exists: its type and the ids it names. */
  key: string;
  conflict: Conflict;
  /** The conflict type in words, e.g. "Wrong label". */
  title: string;
  /** What differs, e.g. "Alice: Car · Bob: Truck · overlap 0.91". */
  detail: string;
}

/** The stable key of a conflict: its type and the ids it names (at most one conflict of a type per pair). */
export function conflictKey(conflict: Conflict): string {
  const a = 'a' in conflict ? conflict.a : '';
  const b = 'b' in conflict ? conflict.b : '';
  return `${conflict.type}:${a}:${b}`;
}

const TITLES: Record<Conflict['type'], string> = {
  missing: 'Missing',
  extra: 'Extra',
  wrongLabel: 'Wrong label',
  lowOverlap: 'Low overlap',
  attributeMismatch: 'Attributes differ',
  transcriptDiffers: 'Transcript differs',
};

/**
 * The rows of a conflict list, in `comparison.conflicts` order. `labelName` turns a label id into
 * its display name (default: the id). An id that is in neither set shows as the id itself.
 */
export function conflictRows(
  comparison: Pick<Comparison, 'conflicts'>,
  a: Pick<ReviewSet, 'name' | 'annotations'>,
  b: Pick<ReviewSet, 'name' | 'annotations'>,
  labelName: (labelId: string) => string = (id) => id,
): ConflictRow[] {
  const byIdA = new Map(a.annotations.map((x) => [x.id, x]));
  const byIdB = new Map(b.annotations.map((x) => [x.id, x]));
  const labelOf = (map: Map<string, Annotation>, id: string) => {
    const x = map.get(id);
    return x === undefined ? id : labelName(x.label);
  };
  const overlap = (s: number) => `overlap ${s.toFixed(2)}`;
  return comparison.conflicts.map((conflict): ConflictRow => {
    let detail: string;
    switch (conflict.type) {
      case 'missing':
        detail = `${labelOf(byIdB, conflict.b)} · only in ${b.name}`;
        break;
      case 'extra':
        detail = `${labelOf(byIdA, conflict.a)} · only in ${a.name}`;
        break;
      case 'wrongLabel':
        detail = `${a.name}: ${labelName(conflict.labelA)} · ${b.name}: ${labelName(conflict.labelB)} · ${overlap(conflict.similarity)}`;
        break;
      case 'lowOverlap': {
        const la = labelOf(byIdA, conflict.a);
        const lb = labelOf(byIdB, conflict.b);
        detail = `${conflict.sameLabel ? la : `${a.name}: ${la} · ${b.name}: ${lb}`} · ${overlap(conflict.similarity)}`;
        break;
      }
      case 'attributeMismatch':
        detail = `${labelOf(byIdA, conflict.a)} · ${conflict.attributes.join(', ')}`;
        break;
      case 'transcriptDiffers':
        detail = `${labelOf(byIdA, conflict.a)} · ${quote(byIdA.get(conflict.a))} vs ${quote(byIdB.get(conflict.b))}`;
        break;
    }
    return { key: conflictKey(conflict), conflict, title: TITLES[conflict.type], detail };
  });
}

function quote(x: Annotation | undefined): string {
  const text = x?.kind === 'segment' ? (x.text ?? '') : '';
  return `“${text}”`;
}

/**
 * The index `delta` steps from `from` in a list of `length`, clamped to its ends (no wrap-around:
 * the end of the list is where review stops). `from` -1 (nothing focused) steps to the first or last.
 */
export function stepIndex(from: number, delta: number, length: number): number {
  if (length === 0) return -1;
  if (from < 0 || from >= length) return delta >= 0 ? 0 : length - 1;
  return Math.max(0, Math.min(length - 1, from + delta));
}
