import { memo, type CSSProperties, type ReactNode } from 'react';
import type { OffsetIndex } from '@labelkit/core';
import { fragmentRange } from './span-lanes.js';
import { LANE_PX, UNDERLINE_PX } from './text-styles.js';
import { withAlpha } from './label-colors.js';
import { U16_ATTR } from './dom-offsets.js';

/** A span as drawn: range, lane, colour and how it looks. */
export interface DrawnSpan {
  /** Annotation or suggestion id. */
  id: string;
  /** Code-point range, half-open. */
  start: number;
  end: number;
  /** Underline lane (0 nearest the text). */
  lane: number;
  /** Label colour, `#rrggbb`. */
  color: string;
  /** Label display name. */
  labelName: string;
  /** A pre-label not yet accepted: dashed underline, score badge. */
  suggestion: boolean;
  /** Confidence of a suggestion, shown in its badge. */
  score?: number | undefined;
}

/** Props of {@link TextFragments}. */
export interface TextFragmentsProps {
  /** Index of the whole source text. */
  index: OffsetIndex;
  /** Code-point range to render. */
  start: number;
  end: number;
  /** Spans overlapping the range (others are ignored). */
  spans: readonly DrawnSpan[];
  /** Number of lanes to leave room for under each line. */
  lanes: number;
  /** Caret offset to draw, or -1. */
  caret: number;
  /** The pending selection to highlight (clipped; not yet labelled: keyboard, or waiting in the label picker), or -1. */
  rangeStart: number;
  rangeEnd: number;
  /** Space-separated ids of selected spans (a string so memo comparison stays cheap). */
  selectedKey: string;
  /** Id of the focused suggestion, or ''. */
  focusedSuggestion: string;
  /** Draw drag handles on selected spans. */
  handles: boolean;
  /** Show label names at span ends (review look). */
  showLabels: boolean;
}

/**
 * The source text of `[start, end)` as React text nodes, cut into fragments at span edges, each
 * fragment an element carrying `data-lk-u16`, underlined once per covering span on that span's lane
 * (dashed for suggestions). Never alters the text: what is in the DOM is exactly the source slice.
 */
export const TextFragments = memo(function TextFragments(props: TextFragmentsProps): React.JSX.Element {
  const { index, start, end, spans, lanes, caret, rangeStart, rangeEnd, selectedKey, focusedSuggestion, handles, showLabels } = props;
  const selected = new Set(selectedKey ? selectedKey.split(' ') : []);
  const cuts = [caret, rangeStart, rangeEnd].filter((c) => c >= 0);
  const frags = fragmentRange(start, end, spans, cuts);
  const out: ReactNode[] = [];
  const handle = (edge: 'start' | 'end', id: string, at: number) => (
    <span key={`h-${edge}-${id}`} className="lk-text-handle" data-edge={edge} data-lk-handle-for={id} data-lk-at={at} aria-hidden="true" />
  );
  for (const f of frags) {
    if (caret === f.start) out.push(<span key="caret" className="lk-text-caret" aria-hidden="true" />);
    if (handles) for (const s of f.spans) if (s.start === f.start && selected.has(s.id)) out.push(handle('start', s.id, s.start));
    const style: CSSProperties = {};
    const attrs: Record<string, string> = {};
    if (f.spans.length) {
      const layers: string[] = [];
      const positions: string[] = [];
      const sizes: string[] = [];
      let tint: DrawnSpan | undefined;
      for (const s of f.spans) {
        const image = s.suggestion
          ? `repeating-linear-gradient(90deg, ${s.color} 0 6px, transparent 6px 9px)`
          : `linear-gradient(${s.color}, ${s.color})`;
        layers.push(image);
        positions.push(`0 calc(100% - ${(lanes - 1 - s.lane) * LANE_PX}px)`);
        sizes.push(`100% ${UNDERLINE_PX}px`);
        if (!s.suggestion && (tint === undefined || s.lane > tint.lane)) tint = s;
      }
      // The tint covers the text only, not the underline lanes below it.
      const isSelected = f.spans.some((s) => selected.has(s.id));
      const isFocused = focusedSuggestion !== '' && f.spans.some((s) => s.id === focusedSuggestion);
      const tintColor = isSelected ? 'var(--lk-accent-soft)' : isFocused ? 'var(--lk-suggestion-soft)' : tint ? withAlpha(tint.color, 0.16) : null;
      if (tintColor) {
        layers.push(`linear-gradient(${tintColor}, ${tintColor})`);
        positions.push('0 0');
        sizes.push(`100% calc(100% - ${lanes * LANE_PX}px)`);
      }
      style.backgroundImage = layers.join(',');
      style.backgroundPosition = positions.join(',');
      style.backgroundSize = sizes.join(',');
      style.paddingBottom = lanes * LANE_PX;
      attrs['data-lk-has'] = '';
      if (isSelected) attrs['data-lk-selected'] = '';
      if (isFocused) attrs['data-lk-focused-suggestion'] = '';
      const ending = f.spans.filter((s) => s.end === f.end && (s.suggestion || showLabels));
      if (ending.length) {
        attrs['data-lk-end'] = ending
          .map((s) => (s.suggestion ? `${showLabels ? `${s.labelName} ` : ''}${s.score === undefined ? '?' : s.score.toFixed(2)}` : s.labelName))
          .join(' · ');
      }
    }
    const isPending = rangeStart >= 0 && f.start >= rangeStart && f.end <= rangeEnd;
    if (isPending) attrs['data-lk-range'] = '';
    out.push(
      <span key={f.start} className={isPending ? 'lk-text-frag lk-text-pending' : 'lk-text-frag'} style={style} {...{ [U16_ATTR]: String(index.toUtf16(f.start)) }} data-lk-cp={f.start} {...attrs}>
        {index.slice(f.start, f.end)}
      </span>,
    );
    if (handles) for (const s of f.spans) if (s.end === f.end && selected.has(s.id)) out.push(handle('end', s.id, s.end));
  }
  if (caret === end) out.push(<span key="caret-end" className="lk-text-caret" aria-hidden="true" />);
  return <>{out}</>;
}, sameFragmentsProps);

type ScalarFragmentProp = Exclude<keyof TextFragmentsProps, 'spans'>;
/** Every prop but `spans` (the `satisfies` makes a prop added to the interface a compile error here until listed). */
const FRAGMENT_KEYS = Object.keys({
  index: 1, start: 1, end: 1, lanes: 1, caret: 1, rangeStart: 1, rangeEnd: 1, selectedKey: 1, focusedSuggestion: 1, handles: 1, showLabels: 1,
} satisfies Record<ScalarFragmentProp, 1>) as ScalarFragmentProp[];

/**
 * Whether two {@link TextFragments} props draw the same: every prop equal, `spans` compared element
 * by element (a chunk's drawn list is rebuilt on every layout, its unchanged spans keep their objects).
 * Props other than the fragments' own (a wrapper's) are ignored.
 */
export function sameFragmentsProps(a: TextFragmentsProps, b: TextFragmentsProps): boolean {
  for (const key of FRAGMENT_KEYS) if (a[key] !== b[key]) return false;
  if (a.spans === b.spans) return true;
  return a.spans.length === b.spans.length && a.spans.every((s, i) => s === b.spans[i]);
}

