import type { Annotation, LabelSchema } from '@labelkit/core';
import type { DatasetItem, ParseResult } from '../dataset.js';
import { codePointLength } from '../text-shared/codepoints.js';
import { IssueList, describe } from '../text-shared/issues.js';
import { annotationId, defaultItemId } from '../text-shared/items.js';
import { LabelRegistry } from '../text-shared/labels.js';
import { decodeTags, parseTag, type Tag } from './tags.js';

/** Options of `conll.parse`. */
export interface ConllParseOptions {
  /** Use these labels instead of inferring them; unknown entity types become errors. */
  schema?: LabelSchema;
  /** One item per document (split at `-DOCSTART-` lines; default) or per sentence. */
  itemPer?: 'document' | 'sentence';
  /**
   * `token-per-line` (CoNLL-2003: `token [columns...] tag`, blank line between sentences) or
   * `sentence-per-line` (spaCy's `token|POS|tag token|POS|tag ...`). Detected when absent.
   */
  layout?: 'token-per-line' | 'sentence-per-line';
}

/** What `media.extra.conll` holds so that the middle columns (POS, chunk) survive a round trip. */
export interface ConllExtra {
  /** Per token, in order, the columns between the token and the tag. */
  columns?: string[][];
  layout?: 'sentence-per-line';
  /** The `-DOCSTART-` line, when it is not the usual `-DOCSTART- -X- O O`. */
  docstart?: string;
}

/** The usual CoNLL-2003 document separator line. */
export const DOCSTART = '-DOCSTART- -X- O O';

interface Token {
  text: string;
  columns: string[];
  tag: Tag;
}

/**
 * Parses CoNLL-2003 / IOB files. The text of an item is rebuilt from its tokens: tokens joined by a
 * single space, sentences by a newline (`\n`); entity spans are code-point ranges over that text.
 */
export function parseConll(input: string, options: ConllParseOptions = {}): ParseResult {
  const issues = new IssueList('conll');
  const labels = new LabelRegistry(issues, options.schema);
  if (typeof input !== 'string') {
    issues.add('', `expected the file contents as a string, got ${describe(input)}`);
    issues.throwIfAny();
  }
  const lines = input.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  const layout = options.layout ?? detectLayout(lines);
  const docs: { docstart?: string; sentences: { tokens: Token[]; line: number }[] }[] = [{ sentences: [] }];
  let sentence: Token[] = [];
  let sentenceLine = 0;
  const endSentence = () => {
    if (sentence.length) docs[docs.length - 1]!.sentences.push({ tokens: sentence, line: sentenceLine });
    sentence = [];
  };
  const readToken = (fields: string[], place: string) => {
    if (fields.length < 2) return issues.add(place, `expected a token and its tag, got ${describe(fields.join(' '))}`);
    const tagText = fields[fields.length - 1]!;
    const tag = parseTag(tagText);
    if (!tag) return issues.add(place, `expected a tag "O", "B-TYPE", "I-TYPE", "E-TYPE" or "S-TYPE", got ${describe(tagText)}`);
    if (!sentence.length) sentenceLine = Number(place.slice(5).split(',')[0]);
    sentence.push({ text: fields[0]!, columns: fields.slice(1, -1), tag });
  };
  lines.forEach((line, i) => {
    const place = `line ${i + 1}`;
    const trimmed = line.trim();
    if (trimmed.startsWith('-DOCSTART-')) {
      endSentence();
      const last = docs[docs.length - 1]!;
      if (last.sentences.length || last.docstart !== undefined) docs.push({ sentences: [] });
      docs[docs.length - 1]!.docstart = trimmed;
      return;
    }
    if (!trimmed) return endSentence();
    if (layout === 'sentence-per-line') {
      trimmed.split(/\s+/).forEach((word, w) => readToken(word.split('|'), `${place}, token ${w + 1}`));
      endSentence();
    } else readToken(trimmed.split(/\s+/), place);
  });
  endSentence();

  const items: DatasetItem[] = [];
  const groups = options.itemPer === 'sentence'
    ? docs.flatMap((d) => d.sentences.map((s) => ({ docstart: undefined as string | undefined, sentences: [s] })))
    : docs.filter((d) => d.sentences.length || d.docstart !== undefined);
  for (const doc of groups) {
    const id = defaultItemId(items.length);
    const annotations: Annotation[] = [];
    const columns: string[][] = [];
    let text = '';
    let offset = 0;
    doc.sentences.forEach((s, k) => {
      if (k > 0) {
        text += '\n';
        offset += 1;
      }
      const starts: number[] = [];
      const ends: number[] = [];
      s.tokens.forEach((t, j) => {
        if (j > 0) {
          text += ' ';
          offset += 1;
        }
        starts.push(offset);
        text += t.text;
        offset += codePointLength(t.text);
        ends.push(offset);
        columns.push(t.columns);
      });
      for (const e of decodeTags(s.tokens.map((t) => t.tag))) {
        const label = labels.resolve(e.type, 'span', `line ${s.line + (layout === 'sentence-per-line' ? 0 : e.start)}`);
        if (label === undefined) continue;
        annotations.push({ id: '', kind: 'span', label, start: starts[e.start]!, end: ends[e.end - 1]!, text: s.tokens.slice(e.start, e.end).map((t) => t.text).join(' ') });
      }
    });
    annotations.forEach((a, i) => (a.id = annotationId(id, i)));
    const conll: ConllExtra = {};
    if (columns.some((c) => c.length)) conll.columns = columns;
    if (layout === 'sentence-per-line') conll.layout = layout;
    if (doc.docstart !== undefined && doc.docstart.split(/\s+/).join(' ') !== DOCSTART) conll.docstart = doc.docstart;
    const media: DatasetItem['media'] = { id, text };
    if (Object.keys(conll).length) media.extra = { conll };
    items.push({ media, annotations });
  }
  issues.throwIfAny();
  return { dataset: { schema: labels.build(), items }, warnings: [] };
}

/** Sentence-per-line when the first content line holds several `a|b|TAG` words. */
function detectLayout(lines: readonly string[]): 'token-per-line' | 'sentence-per-line' {
  const first = lines.find((l) => l.trim() && !l.trim().startsWith('-DOCSTART-'));
  if (!first) return 'token-per-line';
  const words = first.trim().split(/\s+/);
  return words.every((w) => w.includes('|') && parseTag(w.slice(w.lastIndexOf('|') + 1))) ? 'sentence-per-line' : 'token-per-line';
}
