import { type OffsetIndex } from '@labelkit/core';

/** A piece of a long text around some offsets, with its position (code points) in the whole. */
export interface TextWindow {
  /** The piece. */
  text: string;
  /** Code-point offset of the piece's first character in the whole text. */
  base: number;
  /** Code-point length of the piece. */
  length: number;
}

/**
 * The text from `pad` code points before `start` to `pad` after `end`, clamped to the text: lets
 * grapheme and word rules run on a few hundred characters instead of a whole book.
 */
export function windowAround(index: OffsetIndex, start: number, end: number, pad = 128): TextWindow {
  const a = Math.max(0, Math.min(start, end) - pad);
  const b = Math.min(index.length, Math.max(start, end) + pad);
  return { text: index.slice(a, b), base: a, length: b - a };
}
