import type { Annotation, SpanAnnotation } from '@labelkit/core';
import { seededRandom } from '../shared/seeded-random.js';

/** A generated document and its spans, for the large-document story and the benchmark. */
export interface BigDocument {
  text: string;
  spans: SpanAnnotation[];
  /** Words in the text. */
  words: number;
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no will more can about said into up time some them other could out what its only new years market shares bank report city government minister company river contract clause party agreement payment delivery notice court '
  + 'Berlin Paris Tokyo Lagos Lima Oslo Accra Seoul Delhi Quito Acme Globex Initech Umbrella Hooli Vandelay Apple Amazon Jordan Georgia '
  + 'café naïve résumé Zürich São Kraków '
  + '東京 北京 会社 契約 市場 서울 회사 '
  + 'مرحبا القاهرة شركة עברית ירושלים '
  + '😀 👍 🇯🇵 👨🏻‍🚒 🎉 ❤️'
).split(' ');

/**
 * About `targetChars` UTF-16 units of English-like text with some accented, CJK, Hangul, Arabic,
 * Hebrew and emoji words, in paragraphs separated by blank lines (some with CRLF), and `spanCount`
 * spans on words spread over the whole text, every tenth one enclosing a three-word phrase that
 * nests a word span. Same `seed`, same output.
 */
export function generateBigDocument(targetChars = 1_000_000, spanCount = 10_000, seed = 42, labels: readonly string[] = ['person', 'org', 'loc', 'date']): BigDocument {
  const rand = seededRandom(seed);
  const parts: string[] = [];
  const wordStarts: number[] = []; // code-point start of each word
  const wordLens: number[] = []; // code-point length of each word
  let u16 = 0;
  let cp = 0;
  let inPara = 0;
  let paraLen = 40 + Math.floor(rand() * 120);
  while (u16 < targetChars) {
    const w = WORDS[Math.floor(rand() * WORDS.length)] as string;
    const cps = [...w].length;
    wordStarts.push(cp);
    wordLens.push(cps);
    parts.push(w);
    u16 += w.length;
    cp += cps;
    inPara++;
    let sep = ' ';
    if (inPara >= paraLen) {
      sep = rand() < 0.1 ? '.\r\n\r\n' : '.\n\n';
      inPara = 0;
      paraLen = 40 + Math.floor(rand() * 120);
    } else if (rand() < 0.06) sep = ', ';
    parts.push(sep);
    u16 += sep.length;
    cp += sep.length;
  }
  const text = parts.join('');
  const spans: SpanAnnotation[] = [];
  const stride = Math.max(1, Math.floor(wordStarts.length / spanCount));
  // One code-point array is enough to slice span texts without O(n) conversions per span.
  const chars = Array.from(text);
  const sliceCached = (start: number, end: number) => chars.slice(start, end).join('');
  for (let i = 0; spans.length < spanCount && i * stride < wordStarts.length; i++) {
    const w = i * stride;
    const start = wordStarts[w] as number;
    const end = start + (wordLens[w] as number);
    if (i % 10 === 9 && w + 2 < wordStarts.length && spans.length + 1 < spanCount) {
      const outerEnd = (wordStarts[w + 2] as number) + (wordLens[w + 2] as number);
      spans.push({ id: `o${i}`, kind: 'span', label: labels[(i + 1) % labels.length] as string, start, end: outerEnd, text: sliceCached(start, outerEnd) });
    }
    spans.push({ id: `s${i}`, kind: 'span', label: labels[i % labels.length] as string, start, end, text: sliceCached(start, end) });
  }
  return { text, spans, words: wordStarts.length };
}

/** The spans of {@link generateBigDocument} as plain annotations (for `value`). */
export function asAnnotations(doc: BigDocument): Annotation[] {
  return doc.spans;
}
