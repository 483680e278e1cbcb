import { graphemeBoundaries, OffsetIndex, toCodePointOffset, cachedSegmenter } from '@labelkit/core';
import { windowAround } from './text-window.js';

/** What one caret step moves over: a grapheme cluster (what a reader sees as one character) or a word. */
export type CaretUnit = 'grapheme' | 'word';

/** Options of {@link moveCaret}. */
export interface MoveCaretOptions {
  /** Step size; default `'grapheme'`. */
  unit?: CaretUnit;
  /** BCP 47 locale for word rules (CJK words need one); default: the runtime's. */
  locale?: string | undefined;
  /** A prebuilt index of `text`, for long texts. */
  index?: OffsetIndex;
}

/**
 * Moves a caret (a code-point offset between characters, `0..length`) one step back (`-1`) or
 * forward (`+1`). By grapheme it never lands inside an emoji ZWJ sequence, a flag, a combining
 * sequence or a CRLF. By word it jumps like a text editor: forward to the end of the next word,
 * backward to the start of the previous one (words by `Intl.Segmenter`, so CJK is split into words);
 * with no word in that direction it goes to the text's end or start.
 */
export function moveCaret(text: string, offset: number, direction: -1 | 1, options: MoveCaretOptions = {}): number {
  const index = options.index ?? new OffsetIndex(text);
  const at = Math.max(0, Math.min(index.length, offset));
  if ((direction < 0 && at === 0) || (direction > 0 && at === index.length)) return at;
  const unit = options.unit ?? 'grapheme';
  for (let pad = 64; ; pad *= 4) {
    const win = windowAround(index, at, at, pad);
    const local = at - win.base;
    const whole = win.base === 0 && win.base + win.length === index.length;
    const found = unit === 'grapheme' ? graphemeStep(win.text, local, direction) : wordStep(win.text, local, direction, options.locale);
    // A step that reaches the window's edge may be cut short by the window: widen and retry.
    const atEdge = found === null || (direction > 0 ? found >= win.length : found <= 0);
    if (!atEdge || whole) return found === null ? (direction > 0 ? index.length : 0) : win.base + found;
  }
}

function graphemeStep(text: string, local: number, direction: -1 | 1): number | null {
  const bounds = graphemeBoundaries(text);
  if (direction > 0) {
    for (const b of bounds) if (b > local) return b;
  } else {
    for (let i = bounds.length - 1; i >= 0; i--) if ((bounds[i] as number) < local) return bounds[i] as number;
  }
  return null;
}

function wordStep(text: string, local: number, direction: -1 | 1, locale: string | undefined): number | null {
  const words: { start: number; end: number }[] = [];
  for (const seg of cachedSegmenter('word', locale).segment(text)) {
    if (!seg.isWordLike) continue;
    const start = toCodePointOffset(text, seg.index);
    words.push({ start, end: start + [...seg.segment].length });
  }
  if (direction > 0) {
    for (const w of words) if (w.end > local) return w.end;
  } else {
    for (let i = words.length - 1; i >= 0; i--) if ((words[i] as { start: number }).start < local) return (words[i] as { start: number }).start;
  }
  return null;
}
