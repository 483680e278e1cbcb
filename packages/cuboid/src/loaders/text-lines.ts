import { latin1 } from './ascii-number.js';

/** One line of a file's bytes: its 1-based number, its text (no line break), and where the next line starts. */
export interface TextLine {
  number: number;
  text: string;
  /** Byte offset of the line's first character. */
  start: number;
  /** Byte offset just past the line's `\n` (the file's length if it has none). */
  next: number;
}

/** A header line longer than this is taken for binary data, not text. */
const MAX_HEADER_LINE = 1 << 20;

/**
 * The line starting at `start` (the line break is `\n`, a `\r` before it is dropped), decoded as text:
 * only header lines are read this way. `undefined` at the end of the file, or when the line runs past
 * 1 MiB (binary data, not a header).
 */
export function readTextLine(bytes: Uint8Array, start: number, number: number): TextLine | undefined {
  if (start >= bytes.length) return undefined;
  let end = bytes.indexOf(10, start);
  const next = end < 0 ? bytes.length : end + 1;
  if (end < 0) end = bytes.length;
  if (end - start > MAX_HEADER_LINE) return undefined;
  const textEnd = end > start && bytes[end - 1] === 13 ? end - 1 : end;
  return { number, text: latin1(bytes, start, textEnd), start, next };
}

/** Splits a header line into its whitespace-separated words. */
export function words(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(/[ \t\r\f\v]+/);
}

/**
 * Visits the body lines of an ASCII file from `start`, giving each line's byte range without the line
 * break. Returns the offset after the last line visited; `visit` returns false to stop.
 */
export function forEachBodyLine(bytes: Uint8Array, start: number, visit: (lineStart: number, lineEnd: number) => boolean): number {
  let pos = start;
  while (pos < bytes.length) {
    let end = bytes.indexOf(10, pos);
    const next = end < 0 ? bytes.length : end + 1;
    if (end < 0) end = bytes.length;
    if (end > pos && bytes[end - 1] === 13) end--;
    if (!visit(pos, end)) return next;
    pos = next;
  }
  return pos;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 11 || c === 12;

/**
 * Finds the whitespace-separated tokens of `bytes[start, end)`, writing their [start, end) offsets into
 * `bounds` (two entries per token); returns how many tokens there are, counting past `maxTokens` but
 * recording only that many.
 */
export function tokenize(bytes: Uint8Array, start: number, end: number, bounds: Int32Array, maxTokens: number): number {
  let n = 0;
  let i = start;
  while (i < end) {
    while (i < end && isSpace(bytes[i]!)) i++;
    if (i >= end) break;
    const s = i;
    while (i < end && !isSpace(bytes[i]!)) i++;
    if (n < maxTokens) {
      bounds[2 * n] = s;
      bounds[2 * n + 1] = i;
    }
    n++;
  }
  return n;
}
