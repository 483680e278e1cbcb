/**
 * Code-point text helpers. labelkit offsets are Unicode code points (what Python's `str` indexes),
 * while JavaScript strings index UTF-16 units; these helpers bridge the two.
 */

/** A text split once into code points, for repeated slicing by code-point offsets. */
export class CodePointText {
  /** The code points, one string each (astral characters are one entry). */
  readonly chars: readonly string[];
  constructor(readonly text: string) {
    this.chars = Array.from(text);
  }
  /** Length in code points. */
  get length(): number {
    return this.chars.length;
  }
  /** The slice `[start, end)` in code points. */
  slice(start: number, end: number): string {
    return this.chars.slice(start, end).join('');
  }
}

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** True when `value` is a non-negative integer. */
export function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
