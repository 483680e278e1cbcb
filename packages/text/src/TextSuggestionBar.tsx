import { shortcutsOf, type Keymap, type LabelSchema } from '@labelkit/core';
import { SuggestionBar, type SuggestionBarHotkeys } from '@labelkit/react';
import type { TextReview } from './use-text-review.js';

/** Props of {@link TextSuggestionBar}. */
export interface TextSuggestionBarProps {
  review: TextReview;
  schema: LabelSchema;
  keymap: Keymap;
  readOnly: boolean;
  /** The bar's initial "Accept ≥" threshold (the annotator's `suggestionThreshold`). */
  threshold: number;
}

/**
 * The shared `SuggestionBar` wired to a text annotator's review: the current suggestion is the
 * focused one, Next/Previous walk the queue, Accept all and Reject all take every pending suggestion,
 * "Accept ≥" those scored at least the bar's threshold. Shown only while there are suggestions.
 */
export function TextSuggestionBar({ review: r, schema, keymap, readOnly, threshold }: TextSuggestionBarProps): React.JSX.Element | null {
  const { pending, ordered } = r.state;
  if (!ordered.length) return null;
  const current = r.focused === null ? undefined : pending.find((s) => s.id === r.focused);
  const hotkeys: SuggestionBarHotkeys = {};
  for (const [k, action] of [['accept', 'acceptSuggestion'], ['reject', 'rejectSuggestion'], ['next', 'nextSuggestion'], ['previous', 'prevSuggestion']] as const) {
    const shortcut = shortcutsOf(keymap[action])[0];
    if (shortcut !== undefined) hotkeys[k] = shortcut;
  }
  return (
    <SuggestionBar
      pending={pending.length}
      total={ordered.length}
      {...(current ? { current: { label: schema.byId.get(current.label)?.name ?? current.label, ...(current.score === undefined ? {} : { score: current.score }), position: pending.indexOf(current) + 1 } } : {})}
      onAccept={() => r.focused !== null && r.decide([r.focused], 'accepted')}
      onReject={() => r.focused !== null && r.decide([r.focused], 'rejected')}
      onAcceptAll={() => r.acceptAll()}
      onRejectAll={() => r.rejectAll()}
      onAcceptAtOrAbove={(t) => r.acceptAll(t)}
      countAtOrAbove={(t) => pending.filter((s) => s.score !== undefined && s.score >= t).length}
      defaultThreshold={threshold}
      onNext={() => r.step(1)}
      onPrevious={() => r.step(-1)}
      hotkeys={hotkeys}
      disabled={readOnly}
    />
  );
}
