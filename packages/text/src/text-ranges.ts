import { codePointLength, cachedSegmenter } from '@labelkit/core';

/** A code-point range of the source text, half-open, with its text. */
export interface TextRange {
  start: number;
  end: number;
  text: string;
}

/**
 * Sentences of `text` by `Intl.Segmenter` sentence rules for `locale`, as code-point ranges with
 * trailing whitespace (spaces, line breaks) left out of each range. Whitespace-only pieces are
 * skipped. These are the ranges that `IntentTagger` with `scope: 'sentence'` tags.
 */
export function sentenceRanges(text: string, locale?: string): TextRange[] {
  const out: TextRange[] = [];
  let cp = 0;
  let u16 = 0;
  for (const seg of cachedSegmenter('sentence', locale).segment(text)) {
    // Code points advance incrementally, so the whole scan stays O(n).
    cp += codePointLength(text.slice(u16, seg.index));
    u16 = seg.index;
    const trimmed = seg.segment.replace(/^\s+/u, '');
    const lead = seg.segment.length - trimmed.length;
    const body = trimmed.replace(/\s+$/u, '');
    if (body.length) {
      const start = cp + codePointLength(seg.segment.slice(0, lead));
      out.push({ start, end: start + codePointLength(body), text: body });
    }
  }
  return out;
}

/** One turn of a dialogue. */
export interface DialogueTurn {
  /** Who speaks (shown, but not part of the text). */
  speaker?: string;
  /** What they say. */
  text: string;
}

/** A dialogue as one text, with the code-point range of each turn. */
export interface JoinedTurns {
  /** The turns' texts joined with `"\n"` — the text every offset of the dialogue refers to. */
  text: string;
  /** Range of each turn in `text`, in turn order; `ranges[i].text === turns[i].text`. */
  ranges: TextRange[];
}

/**
 * How a dialogue maps to offsets: the turns' `text`s are joined with a single `"\n"` (speakers are
 * not included), so turn `i` covers `[start_i, end_i)` with `start_0 = 0` and
 * `start_{i+1} = end_i + 1`. Tag and slot offsets of `IntentTagger` in `turns` mode are code points
 * in this joined text; a host can rebuild it from the turns alone.
 */
export function joinTurns(turns: readonly DialogueTurn[]): JoinedTurns {
  const ranges: TextRange[] = [];
  let at = 0;
  for (const t of turns) {
    const len = codePointLength(t.text);
    ranges.push({ start: at, end: at + len, text: t.text });
    at += len + 1;
  }
  return { text: turns.map((t) => t.text).join('\n'), ranges };
}

