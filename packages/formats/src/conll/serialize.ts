import type { SpanAnnotation } from '@labelkit/core';
import type { Dataset, DatasetItem, FormatLoss, SerializeResult } from '../dataset.js';
import { defaultItemId } from '../text-shared/items.js';
import { reportAnnotationLosses, reportKindLoss, reportMediaLosses } from '../text-shared/losses.js';
import { DOCSTART, type ConllExtra } from './parse.js';
import { encodeTags, type TagScheme, type TokenEntity } from './tags.js';

/** A token as a code-point range `[start, end)` of the item text. */
export interface TokenRange {
  start: number;
  end: number;
}

/** Splits a text into sentences of tokens (code-point ranges). */
export type Tokenizer = (text: string) => TokenRange[][];

/** Options of `conll.serialize`. */
export interface ConllSerializeOptions {
  /** Splits each item text into sentences of tokens; default {@link whitespaceTokenizer}. */
  tokenizer?: Tokenizer;
  /** Tag scheme; default `iob2` (`B-` starts every entity). */
  scheme?: TagScheme;
  /** Default: `sentence-per-line` when the first item was read from such a file, else `token-per-line`. */
  layout?: 'token-per-line' | 'sentence-per-line';
  /** `document` (default): items separated by `-DOCSTART-` lines when there are several; `sentence`: by blank lines. */
  itemPer?: 'document' | 'sentence';
}

/** Sentences are the text's lines; tokens its runs of non-whitespace. The inverse of how `parse` joins tokens. */
export const whitespaceTokenizer: Tokenizer = (text) => {
  const sentences: TokenRange[][] = [];
  let sentence: TokenRange[] = [];
  let start = -1;
  let i = 0;
  for (const ch of text) {
    const space = /\s/u.test(ch);
    if (!space && start < 0) start = i;
    if (space && start >= 0) {
      sentence.push({ start, end: i });
      start = -1;
    }
    if (ch === '\n' && sentence.length) {
      sentences.push(sentence);
      sentence = [];
    }
    i++;
  }
  if (start >= 0) sentence.push({ start, end: i });
  if (sentence.length) sentences.push(sentence);
  return sentences;
};

/** Writes CoNLL: one token per line (`token [columns...] tag`) or sentence per line (`token|...|tag`). */
export function serializeConll(dataset: Dataset, options: ConllSerializeOptions = {}): SerializeResult<string> {
  const tokenizer = options.tokenizer ?? whitespaceTokenizer;
  const scheme = options.scheme ?? 'iob2';
  const firstExtra = dataset.items[0]?.media.extra?.conll as ConllExtra | undefined;
  const layout = options.layout ?? firstExtra?.layout ?? 'token-per-line';
  const itemPer = options.itemPer ?? 'document';
  const losses: FormatLoss[] = [];
  const blocks: string[] = [];
  dataset.items.forEach((item, i) => {
    const extra = item.media.extra?.conll as ConllExtra | undefined;
    if (item.media.id !== defaultItemId(i)) losses.push({ path: `items[${i}].media.id`, message: `conll does not name items; it reads back as "${defaultItemId(i)}"` });
    const docstart = itemPer === 'document' && (dataset.items.length > 1 || extra?.docstart) ? `${extra?.docstart ?? DOCSTART}\n\n` : '';
    blocks.push(docstart + writeItem(item, `items[${i}]`, tokenizer, scheme, layout, losses));
  });
  return { output: blocks.filter((b) => b).join('\n'), losses };
}

function writeItem(item: DatasetItem, path: string, tokenizer: Tokenizer, scheme: TagScheme, layout: string, losses: FormatLoss[]): string {
  const { media } = item;
  const text = media.text ?? '';
  if (media.text === undefined) losses.push({ path: `${path}.media.text`, message: 'conll needs the item text; item written empty' });
  reportMediaLosses(media, path, ['text', 'extra'], losses, 'conll');
  for (const k of Object.keys(media.extra ?? {})) if (k !== 'conll') losses.push({ path: `${path}.media.extra.${k}`, message: `conll cannot carry media.extra.${k}` });
  const chars = Array.from(text);
  const sentences = tokenizer(text);
  const rebuilt = sentences.map((s) => s.map((t) => chars.slice(t.start, t.end).join('')).join(' ')).join('\n');
  if (rebuilt !== text) {
    losses.push({ path: `${path}.media.text`, message: 'conll keeps only tokens: the text reads back with single spaces between tokens and a newline between sentences' });
  }

  // Non-overlapping spans, earliest (then longest) first; the rest are losses.
  const spans: { a: SpanAnnotation; j: number }[] = [];
  item.annotations.forEach((a, j) => {
    const p = `${path}.annotations[${j}]`;
    if (a.kind !== 'span') return reportKindLoss(a, p, losses, 'conll', 'span annotations');
    reportAnnotationLosses(a, p, {}, losses, 'conll');
    spans.push({ a, j });
  });
  spans.sort((x, y) => x.a.start - y.a.start || y.a.end - x.a.end);
  const tokenFlat = sentences.flatMap((s, si) => s.map((t, ti) => ({ ...t, si, ti })));
  const perSentence: TokenEntity[][] = sentences.map(() => []);
  let lastEnd = -1;
  const written: { first: number; last: number; p: string }[] = [];
  for (const { a, j } of spans) {
    const p = `${path}.annotations[${j}]`;
    // Tokens are in text order: the first one ending after the span start, the last one starting before its end.
    const firstIndex = lowerBound(tokenFlat.length, (k) => tokenFlat[k]!.end > a.start);
    const lastIndex = lowerBound(tokenFlat.length, (k) => tokenFlat[k]!.start >= a.end) - 1;
    if (firstIndex > lastIndex) {
      losses.push({ path: p, message: 'the span covers no token; not written' });
      continue;
    }
    const first = tokenFlat[firstIndex]!;
    const last = tokenFlat[lastIndex]!;
    if (firstIndex <= lastEnd) {
      losses.push({ path: p, message: 'conll cannot carry overlapping spans; this one overlaps an earlier span and is not written' });
      continue;
    }
    lastEnd = lastIndex;
    written.push({ first: firstIndex, last: lastIndex, p });
    if (first.start !== a.start || last.end !== a.end) {
      losses.push({ path: p, message: `the span [${a.start}, ${a.end}) does not fall on token boundaries; written as [${first.start}, ${last.end})` });
    }
    if (/\s/.test(a.label)) losses.push({ path: `${p}.label`, message: 'conll tags cannot contain spaces; written with "_"' });
    const type = a.label.replace(/\s+/g, '_');
    for (let si = first.si; si <= last.si; si++) {
      const from = si === first.si ? first.ti : 0;
      const to = si === last.si ? last.ti + 1 : sentences[si]!.length;
      perSentence[si]!.push({ start: from, end: to, type });
    }
    if (first.si !== last.si) losses.push({ path: p, message: 'the span crosses a sentence boundary; it reads back as one span per sentence' });
  }

  reportDocstartTokens(tokenFlat, chars, layout, written, path, losses);

  const extraColumns = (media.extra?.conll as ConllExtra | undefined)?.columns;
  const columns = extraColumns && extraColumns.length === tokenFlat.length ? extraColumns : undefined;
  if (extraColumns && !columns) losses.push({ path: `${path}.media.extra.conll.columns`, message: 'the stored columns do not match the tokens any more; not written' });
  let k = 0;
  const out = sentences.map((s, si) => {
    const tags = encodeTags(perSentence[si]!, s.length, scheme);
    const rows = s.map((t, ti) => {
      const cols = [chars.slice(t.start, t.end).join(''), ...(columns?.[k++] ?? []), tags[ti]!];
      return layout === 'sentence-per-line' ? cols.join('|') : cols.join(' ');
    });
    return layout === 'sentence-per-line' ? `${rows.join(' ')}\n` : `${rows.join('\n')}\n`;
  });
  return out.join(layout === 'sentence-per-line' ? '' : '\n');
}

/**
 * A line that starts with `-DOCSTART-` is a document break to CoNLL readers (labelkit's own too): a
 * token written there is dropped, with the entity it begins or continues. CoNLL has no escape for
 * it, so each such token is a loss — on its span when it is in one, else on the text.
 */
function reportDocstartTokens(tokens: readonly (TokenRange & { ti: number })[], chars: readonly string[], layout: string, spans: readonly { first: number; last: number; p: string }[], path: string, losses: FormatLoss[]): void {
  let s = 0;
  tokens.forEach((t, k) => {
    const startsLine = layout !== 'sentence-per-line' || t.ti === 0;
    if (!startsLine || chars.slice(t.start, t.start + 10).join('') !== '-DOCSTART-') return;
    while (s < spans.length && spans[s]!.last < k) s++;
    const span = spans[s] && spans[s]!.first <= k ? spans[s] : undefined;
    const token = chars.slice(t.start, t.end).join('');
    if (span) losses.push({ path: span.p, message: `the span holds the token "${token}", which starts a line: CoNLL readers take that line for a document break, so the token and this entity do not read back` });
    else losses.push({ path: `${path}.media.text`, message: `the token "${token}" at code point ${t.start} starts a line: CoNLL readers take that line for a document break, so it does not read back` });
  });
}

/** The first index in `[0, n)` where the monotone predicate holds (`n` when none). */
function lowerBound(n: number, pred: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
