import type { Annotation } from '@labelkit/core';

/** What a reviewer decided about a suggestion. */
export type ReviewDecision = 'accepted' | 'rejected';

/** Decisions so far, by suggestion id: a Map or a plain object. Ids absent are pending. */
export type ReviewDecisions =
  | ReadonlyMap<string, ReviewDecision>
  | Readonly<Record<string, ReviewDecision | undefined>>;

/** Orders suggestions for review; like `Array.prototype.sort`'s compare function. */
export type SuggestionOrder = (a: Annotation, b: Annotation) => number;

/** Default review order: highest `score` first; suggestions without a score last; ties keep their order. */
export const byScoreDescending: SuggestionOrder = (a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || 0;

/** The decision recorded for `id`, or undefined while it is pending. */
export function decisionOf(decisions: ReviewDecisions, id: string): ReviewDecision | undefined {
  if (decisions instanceof Map) return decisions.get(id);
  const record = decisions as Readonly<Record<string, ReviewDecision | undefined>>;
  return Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}

/** All suggestions in review order (a stable sort by `order`, default {@link byScoreDescending}). */
export function reviewOrder(suggestions: readonly Annotation[], order: SuggestionOrder = byScoreDescending): Annotation[] {
  return suggestions
    .map((s, i) => [s, i] as const)
    .sort(([a, i], [b, j]) => order(a, b) || i - j)
    .map(([s]) => s);
}

/** Suggestions still without a decision, in review order. */
export function pendingSuggestions(
  suggestions: readonly Annotation[],
  decisions: ReviewDecisions,
  order?: SuggestionOrder,
): Annotation[] {
  return reviewOrder(suggestions, order).filter((s) => decisionOf(decisions, s.id) === undefined);
}

/** Counts for a review toolbar. */
export interface ReviewSummary {
  total: number;
  pending: number;
  accepted: number;
  rejected: number;
}

/** How many suggestions are pending, accepted and rejected (decisions on unknown ids are ignored). */
export function reviewSummary(suggestions: readonly Annotation[], decisions: ReviewDecisions): ReviewSummary {
  const out: ReviewSummary = { total: suggestions.length, pending: 0, accepted: 0, rejected: 0 };
  for (const s of suggestions) {
    const d = decisionOf(decisions, s.id);
    if (d === undefined) out.pending++;
    else out[d]++;
  }
  return out;
}

/**
 * The pending suggestion after (`direction` 1) or before (-1) `currentId` in review order, wrapping
 * around. `currentId` may be decided already (the usual case right after accepting it) or absent, in
 * which case the first (or last) pending one is returned. Undefined when nothing else is pending.
 */
export function adjacentPendingId(
  suggestions: readonly Annotation[],
  decisions: ReviewDecisions,
  currentId: string | undefined,
  direction: 1 | -1 = 1,
  order?: SuggestionOrder,
): string | undefined {
  const ordered = reviewOrder(suggestions, order);
  const n = ordered.length;
  if (n === 0) return undefined;
  const at = currentId === undefined ? -1 : ordered.findIndex((s) => s.id === currentId);
  const start = at === -1 ? (direction === 1 ? -1 : n) : at;
  for (let k = 1; k <= n; k++) {
    const s = ordered[(((start + direction * k) % n) + n) % n]!;
    if (s.id !== currentId && decisionOf(decisions, s.id) === undefined) return s.id;
  }
  return undefined;
}

/**
 * Ids of the pending suggestions whose `score` is at least `threshold`, in review order: what
 * "Accept all ≥ threshold" accepts. Suggestions without a score are never included.
 */
export function pendingIdsAtOrAbove(
  suggestions: readonly Annotation[],
  decisions: ReviewDecisions,
  threshold: number,
  order?: SuggestionOrder,
): string[] {
  return pendingSuggestions(suggestions, decisions, order)
    .filter((s) => typeof s.score === 'number' && s.score >= threshold)
    .map((s) => s.id);
}
