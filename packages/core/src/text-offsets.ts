/**
 * Text offsets in Unicode code points — the unit of every `span`/`tag` offset in labelkit — and
 * conversions to and from JavaScript's UTF-16 string indices, plus grapheme, word and whitespace
 * helpers that keep selections from splitting a character a reader sees as one.
 *
 * Conventions: offsets are integers, ranges half-open `[start, end)`. A lone (unpaired) surrogate
 * counts as one code point, as `for…of` and `String.prototype.codePointAt` treat it.
 */

/** True when the UTF-16 unit at `i` starts a valid surrogate pair. */
function isPairAt(text: string, i: number): boolean {
  const hi = text.charCodeAt(i);
  if (hi < 0xd800 || hi > 0xdbff) return false;
  const lo = text.charCodeAt(i + 1);
  return lo >= 0xdc00 && lo <= 0xdfff;
}

function checkOffset(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} ${value} is out of range: expected an integer in [0, ${max}]`);
  }
}

/** Number of code points in `text` (astral characters such as emoji count once). */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if (isPairAt(text, i)) {
      n--;
      i++;
    }
  }
  return n;
}

/**
 * The UTF-16 index of code-point offset `codePointOffset`. Throws `RangeError` unless the offset is
 * an integer in `[0, codePointLength(text)]`. O(n); use {@link OffsetIndex} for many conversions.
 */
export function toUtf16Offset(text: string, codePointOffset: number): number {
  const fail = (): never => {
    throw new RangeError(
      `Code-point offset ${codePointOffset} is out of range: expected an integer in [0, ${codePointLength(text)}]`,
    );
  };
  if (!Number.isInteger(codePointOffset) || codePointOffset < 0) fail();
  let cp = 0;
  let i = 0;
  while (cp < codePointOffset && i < text.length) {
    i += isPairAt(text, i) ? 2 : 1;
    cp++;
  }
  if (cp < codePointOffset) fail();
  return i;
}

/**
 * The code-point offset of UTF-16 index `utf16Offset`. Throws `RangeError` unless it is an integer
 * in `[0, text.length]`. An index between the two halves of a surrogate pair snaps down: it gives
 * the offset of the character the pair encodes. O(n); use {@link OffsetIndex} for many conversions.
 */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  checkOffset('UTF-16 offset', utf16Offset, text.length);
  let cp = 0;
  for (let i = 0; i < utf16Offset; ) {
    // If the pair straddles utf16Offset, its code point is not counted: the offset snaps down.
    const step = isPairAt(text, i) ? 2 : 1;
    if (i + step > utf16Offset) break;
    i += step;
    cp++;
  }
  return cp;
}

/**
 * `text` between code-point offsets `start` (inclusive) and `end` (exclusive, default: the end),
 * like `String.prototype.slice` but in code points. Throws `RangeError` for offsets out of range or
 * `start > end`.
 */
export function sliceCodePoints(text: string, start: number, end?: number): string {
  const from = toUtf16Offset(text, start);
  const to = end === undefined ? text.length : toUtf16Offset(text, end);
  if (from > to) throw new RangeError(`Span start ${start} is after its end ${end ?? ''}`);
  return text.slice(from, to);
}

/**
 * Fast repeated offset conversions over one long text (a book, ~1 MB). Construction scans the text
 * once (O(n)) and stores only the positions of astral characters (surrogate pairs) — a sparse
 * table, empty for texts without them — so each conversion is a binary search, O(log k) for k
 * astral characters. Same semantics and errors as {@link toUtf16Offset} / {@link toCodePointOffset}.
 */
export class OffsetIndex {
  /** The indexed text. */
  readonly text: string;
  /** Length in code points. */
  readonly length: number;
  /** UTF-16 index of each astral character's high surrogate, ascending. */
  private readonly astralUtf16: Uint32Array;

  /** Indexes `text`. */
  constructor(text: string) {
    this.text = text;
    const positions: number[] = [];
    for (let i = 0; i < text.length - 1; i++) {
      if (isPairAt(text, i)) {
        positions.push(i);
        i++;
      }
    }
    this.astralUtf16 = Uint32Array.from(positions);
    this.length = text.length - positions.length;
  }

  /** How many astral characters satisfy `below(pos, k)`, a predicate true for a prefix of them. */
  private countWhere(below: (pos: number, k: number) => boolean): number {
    let lo = 0;
    let hi = this.astralUtf16.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (below(this.astralUtf16[mid] as number, mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** UTF-16 index of a code-point offset in `[0, length]`. */
  toUtf16(codePointOffset: number): number {
    checkOffset('Code-point offset', codePointOffset, this.length);
    // The k-th astral character (0-based) sits at code point pos - k.
    return codePointOffset + this.countWhere((pos, k) => pos - k < codePointOffset);
  }

  /** Code-point offset of a UTF-16 index in `[0, text.length]`; inside a surrogate pair, snaps down. */
  toCodePoint(utf16Offset: number): number {
    checkOffset('UTF-16 offset', utf16Offset, this.text.length);
    // Every pair starting before the index counts one unit less; for an index inside a pair that
    // pair is included, which is exactly the snap down to the pair's own code point.
    return utf16Offset - this.countWhere((pos) => pos < utf16Offset);
  }

  /** `text` between two code-point offsets. */
  slice(start: number, end: number = this.length): string {
    if (start > end) throw new RangeError(`Span start ${start} is after its end ${end}`);
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

const segmenters = new Map<string, Intl.Segmenter>();

/** A shared `Intl.Segmenter` per granularity and locale: constructing one costs far more than using it. */
export function cachedSegmenter(granularity: 'grapheme' | 'word' | 'sentence', locale?: string): Intl.Segmenter {
  const key = `${granularity}|${locale ?? ''}`;
  let s = segmenters.get(key);
  if (s === undefined) {
    s = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, s);
  }
  return s;
}

/**
 * Code-point offsets of every grapheme-cluster boundary of `text` (what a reader sees as one
 * character: 👨🏻‍🚒, 🇯🇵, e + combining acute, CRLF), from 0 to the length inclusive.
 */
export function graphemeBoundaries(text: string): number[] {
  const out = [0];
  let cp = 0;
  for (const { segment } of cachedSegmenter('grapheme').segment(text)) {
    cp += codePointLength(segment);
    out.push(cp);
  }
  return out;
}

/**
 * Moves a code-point offset to a grapheme-cluster boundary: unchanged when it already is one,
 * else to the start (`'backward'`) or end (`'forward'`) of the cluster it falls in — so a span
 * never cuts a flag or a skin-toned emoji in half. Throws `RangeError` when out of range.
 */
export function snapToGrapheme(text: string, codePointOffset: number, direction: 'backward' | 'forward'): number {
  const u = toUtf16Offset(text, codePointOffset);
  if (u === 0 || u === text.length) return codePointOffset;
  const seg = cachedSegmenter('grapheme').segment(text).containing(u);
  if (seg === undefined || seg.index === u) return codePointOffset;
  const boundary = direction === 'backward' ? seg.index : seg.index + seg.segment.length;
  return toCodePointOffset(text, boundary);
}

/** A word found by {@link wordAt}: code-point range and its text. */
export interface WordRange {
  start: number;
  end: number;
  text: string;
}

/**
 * The word at a code-point offset, by `Intl.Segmenter` word rules for `locale` (which also split
 * CJK text into words). The word containing the character at the offset wins; if that character is
 * not part of a word (space, punctuation, the end of the text), the word ending exactly at the
 * offset is returned — a caret just after a word selects it. `null` when neither exists.
 */
export function wordAt(text: string, codePointOffset: number, locale?: string): WordRange | null {
  const u = toUtf16Offset(text, codePointOffset);
  const segments = cachedSegmenter('word', locale).segment(text);
  let seg = u < text.length ? segments.containing(u) : undefined;
  if (seg?.isWordLike !== true && u > 0) {
    const prev = segments.containing(u - 1);
    seg = prev !== undefined && prev.index + prev.segment.length === u ? prev : undefined;
  }
  if (seg?.isWordLike !== true) return null;
  const start = toCodePointOffset(text, seg.index);
  return { start, end: start + codePointLength(seg.segment), text: seg.segment };
}

/** Unicode White_Space, as JavaScript's `\s` with the `u` flag defines it. */
const SPACE = /^\s$/u;

/**
 * Moves a span's edges inward past whitespace (spaces, tabs, CR/LF, no-break and other Unicode
 * spaces), code points. A span of nothing but whitespace collapses to `{ start, end: start }`.
 * Throws `RangeError` for out-of-range offsets or `start > end`.
 */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  const chars = Array.from(sliceCodePoints(text, start, end));
  let a = 0;
  let b = chars.length;
  while (a < b && SPACE.test(chars[a] as string)) a++;
  while (b > a && SPACE.test(chars[b - 1] as string)) b--;
  return a === b ? { start, end: start } : { start: start + a, end: start + b };
}
