import { graphemeBoundaries, OffsetIndex, toCodePointOffset, trimSpan, cachedSegmenter } from '@labelkit/core';
import { windowAround } from './text-window.js';

/** How a selection's edges are adjusted before it becomes a span. */
export type SnapMode = 'character' | 'word';

/** Options of {@link snapSelection}. */
export interface SnapSelectionOptions {
  /** `'character'` (default): edges move out to grapheme boundaries; `'word'`: out to whole words. */
  snap?: SnapMode;
  /** BCP 47 locale for word rules (e.g. `'ja'`); default: the runtime's. */
  locale?: string | undefined;
  /** Trim leading/trailing whitespace, and with `snap: 'word'` punctuation too (default true). */
  trim?: boolean;
  /** A prebuilt index of `text`, for long texts. */
  index?: OffsetIndex;
}

interface WordSegment {
  start: number;
  end: number;
  text: string;
  isWordLike: boolean;
}

const PUNCTUATION_OR_SPACE = /^[\p{P}\s]+$/u;

/**
 * Word snapping's trim, as NER expects entities: `[s, e)` without the punctuation (and whitespace)
 * segments at either end — `spring.` → `spring`, `"Tim Cook"` → `Tim Cook`, `(Apple)` → `Apple` —
 * keeping what is inside, and the final period of an abbreviation with periods in it (`U.S.`).
 * A selection of nothing but punctuation is left as it is (its whitespace is trimmed after).
 */
function trimPunctuation(segments: readonly WordSegment[], s: number, e: number): { start: number; end: number } {
  const inside = segments.filter((seg) => seg.end > s && seg.start < e && !PUNCTUATION_OR_SPACE.test(seg.text));
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (!first || !last) return { start: s, end: e };
  let end = Math.min(e, last.end);
  if (last.isWordLike && last.text.includes('.') && end < e && segments.some((seg) => seg.start === end && seg.text.startsWith('.'))) end++;
  return { start: Math.max(s, first.start), end };
}

/**
 * Turns a raw selection (code points, either order) into span bounds: edges moved outward to
 * grapheme boundaries (so 👨🏻‍🚒 or 🇯🇵 is never cut), or to whole words with `snap: 'word'` (and
 * then punctuation trimmed from both ends, see {@link trimPunctuation}), then whitespace trimmed from both ends (an edge never lands inside a grapheme after trimming either).
 * Returns `null` when nothing but whitespace is left. Offsets out of range are clamped.
 */
export function snapSelection(text: string, anchor: number, focus: number, options: SnapSelectionOptions = {}): { start: number; end: number } | null {
  const index = options.index ?? new OffsetIndex(text);
  const start = Math.max(0, Math.min(anchor, focus, index.length));
  const end = Math.min(index.length, Math.max(anchor, focus, 0));
  if (end <= start) return null;
  const win = windowAround(index, start, end, 64);
  const local = win.text;
  let s = start - win.base;
  let e = end - win.base;
  const bounds = graphemeBoundaries(local);
  const boundSet = new Set(bounds);
  const segments: WordSegment[] = [];
  if (options.snap === 'word') {
    for (const seg of cachedSegmenter('word', options.locale).segment(local)) {
      const ws = toCodePointOffset(local, seg.index);
      const we = ws + [...seg.segment].length;
      segments.push({ start: ws, end: we, text: seg.segment, isWordLike: seg.isWordLike === true });
      if (!seg.isWordLike) continue;
      if (ws < s && s < we) s = ws;
      if (ws < e && e < we) e = we;
    }
  }
  // Outward to grapheme boundaries.
  while (s > 0 && !boundSet.has(s)) s--;
  while (e < win.length && !boundSet.has(e)) e++;
  if (options.snap === 'word' && options.trim !== false) ({ start: s, end: e } = trimPunctuation(segments, s, e));
  if (options.trim !== false) {
    const t = trimSpan(local, s, e);
    s = t.start;
    e = t.end;
    // Trimming a space that carries a combining mark would split a grapheme: shrink to a boundary.
    while (s < e && !boundSet.has(s)) s++;
    while (e > s && !boundSet.has(e)) e--;
  }
  if (e <= s) return null;
  return { start: win.base + s, end: win.base + e };
}
