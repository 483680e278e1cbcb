import { createId, type Annotation } from '@labelkit/core';

/** Where an annotation sits in the text, for ordering: whole-item tags first, then by start, end. */
function position(a: Annotation): [number, number] {
  if (a.kind === 'span') return [a.start, a.end];
  if (a.kind === 'tag') return [a.start ?? -1, a.end ?? -1];
  return [-1, -1];
}

/** Suggestions in reading order (by start, then end, then id): the order "next suggestion" walks. */
export function orderSuggestions<T extends Annotation>(suggestions: readonly T[]): T[] {
  return [...suggestions].sort((a, b) => {
    const [as, ae] = position(a);
    const [bs, be] = position(b);
    return as - bs || ae - be || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/**
 * The id of the suggestion after (`+1`) or before (`-1`) `currentId` in reading order, wrapping
 * around; the first (or last) when `currentId` is null or gone; null when there are none.
 */
export function stepSuggestion(ordered: readonly Annotation[], currentId: string | null, direction: -1 | 1): string | null {
  if (!ordered.length) return null;
  const i = currentId === null ? -1 : ordered.findIndex((s) => s.id === currentId);
  if (i === -1) return (direction > 0 ? ordered[0] : ordered[ordered.length - 1])?.id ?? null;
  return ordered[(i + direction + ordered.length) % ordered.length]?.id ?? null;
}

/** Suggestions whose `score` is at least `threshold` (a suggestion without a score never qualifies). */
export function suggestionsAbove<T extends Annotation>(suggestions: readonly T[], threshold: number): T[] {
  return suggestions.filter((s) => s.score !== undefined && s.score >= threshold);
}

/**
 * The annotation an accepted suggestion becomes: same fields and score, `source: 'model'`, and its
 * own id unless that id is already taken by an annotation (then a fresh one).
 */
export function acceptedAnnotation<T extends Annotation>(suggestion: T, existingIds: ReadonlySet<string>): T {
  const id = existingIds.has(suggestion.id) ? createId(`${suggestion.kind}-`) : suggestion.id;
  return { ...suggestion, id, source: 'model' };
}
