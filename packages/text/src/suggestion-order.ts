import type { Annotation, SuggestionOrder } from '@labelkit/core';

/** Where an annotation sits in the text, for ordering: whole-item tags first, then by start, end. */
function position(a: Annotation): [number, number] {
  if (a.kind === 'span') return [a.start, a.end];
  if (a.kind === 'tag') return [a.start ?? -1, a.end ?? -1];
  return [-1, -1];
}

/**
 * The text annotators' review queue order (core's `SuggestionOrder`): reading order, by start, then
 * end, then id, with whole-item tags first. "Next suggestion" walks it.
 */
export const suggestionReadingOrder: SuggestionOrder = (a, b) => {
  const [as, ae] = position(a);
  const [bs, be] = position(b);
  return as - bs || ae - be || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
};
