import { OffsetIndex } from '@labelkit/core';

/**
 * One block of the source text as rendered: a paragraph (the text between line breaks), or a piece
 * of a very long paragraph. Offsets are code points over the whole source text, half-open; the
 * `u16*` fields are the same bounds as JavaScript string indices.
 */
export interface TextChunk {
  /** Position in the chunk list, 0-based. */
  index: number;
  /** Code-point offset of the chunk's first character. */
  start: number;
  /** Code-point offset one past its last character, line break included. */
  end: number;
  /** UTF-16 index of `start`. */
  u16Start: number;
  /** UTF-16 index of `end`. */
  u16End: number;
  /** True when the chunk continues a paragraph split because it was longer than `maxChunkLength`. */
  continued: boolean;
}

/** Options of {@link chunkText}. */
export interface ChunkTextOptions {
  /**
   * Longest chunk in UTF-16 units before a paragraph is split (at a space, else anywhere that is
   * not inside a surrogate pair). Default 3000. Only the rendering is split; offsets are unchanged.
   */
  maxChunkLength?: number;
}

/**
 * Splits `text` into blocks for virtualised rendering: one per line (a line keeps its own line
 * break — `\r\n`, `\n` or `\r` — at its end, so concatenating the chunks gives back `text` exactly),
 * long lines cut into pieces of at most `maxChunkLength` UTF-16 units. An empty text gives one
 * empty chunk. O(n).
 */
export function chunkText(text: string, options: ChunkTextOptions = {}, index: OffsetIndex = new OffsetIndex(text)): TextChunk[] {
  const max = Math.max(16, options.maxChunkLength ?? 3000);
  const out: TextChunk[] = [];
  const push = (u16Start: number, u16End: number, continued: boolean) => {
    out.push({ index: out.length, start: index.toCodePoint(u16Start), end: index.toCodePoint(u16End), u16Start, u16End, continued });
  };
  let lineStart = 0;
  const n = text.length;
  let i = 0;
  while (i <= n) {
    let lineEnd: number;
    if (i === n) lineEnd = n;
    else {
      const c = text.charCodeAt(i);
      if (c === 10) lineEnd = i + 1;
      else if (c === 13) lineEnd = text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      else {
        i++;
        continue;
      }
    }
    if (lineEnd > lineStart || (i === n && out.length === 0)) {
      let s = lineStart;
      let continued = false;
      while (lineEnd - s > max) {
        let cut = text.lastIndexOf(' ', s + max - 1);
        if (cut <= s + max / 2) cut = s + max;
        else cut += 1; // keep the space on the earlier piece
        const hi = text.charCodeAt(cut - 1);
        if (hi >= 0xd800 && hi <= 0xdbff) cut -= 1; // never cut a surrogate pair
        push(s, cut, continued);
        s = cut;
        continued = true;
      }
      push(s, lineEnd, continued);
    }
    lineStart = lineEnd;
    if (i === n) break;
    i = lineEnd;
  }
  return out;
}

/** The index of the chunk holding code-point `offset` (the last chunk for the text's end). Binary search. */
export function chunkAt(chunks: readonly TextChunk[], offset: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((chunks[mid] as TextChunk).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
