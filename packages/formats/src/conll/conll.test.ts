import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Annotation } from '@labelkit/core';
import { type FormatError, type DatasetItem } from '../dataset.js';
import { conll } from './index.js';
import { decodeTags, encodeTags, parseTag, type Tag } from './tags.js';
import { datasetOf, labelArb, wordArb } from '../text-shared/test-utils/arbitraries.js';
import { comparable } from '../text-shared/test-utils/compare.js';
import { fixtureText } from '../text-shared/test-utils/fixtures.js';

const spans = (item: DatasetItem) => item.annotations.map((a) => a.kind === 'span' && `${a.label}:${a.text}`);

describe('conll.parse', () => {
  it('reads CoNLL-2003 with IOB1 tags; rebuilds the text with single spaces', () => {
    const { dataset } = conll.parse(fixtureText('text/conll/conll2003-en-orig.conll'));
    const item = dataset.items[0]!;
    expect(item.media.text).toBe('U.N. official Ekeus heads for Baghdad .');
    expect(spans(item)).toEqual(['ORG:U.N.', 'PER:Ekeus', 'LOC:Baghdad']);
    expect((item.media.extra!.conll as { columns: string[][] }).columns[0]).toEqual(['NNP', 'I-NP']);
  });

  it('reads IOB2 with -DOCSTART- and two sentences joined by a newline; and the same as sentence-per-line', () => {
    const a = conll.parse(fixtureText('text/conll/spacy-ner-token-per-line-conll2003.iob')).dataset;
    const b = conll.parse(fixtureText('text/conll/spacy-ner-sent-per-line.iob')).dataset;
    expect(a.items).toHaveLength(1);
    expect(a.items[0]!.media.text!.split('\n')).toHaveLength(2);
    expect(spans(a.items[0]!)).toEqual(['PERSON:Sebastian Thrun', 'ORG:Google', 'DATE:2007', 'NORP:American', 'PERSON:Thrun', 'ORG:Recode', 'DATE:earlier this week']);
    expect(b.items[0]!.media.text).toBe(a.items[0]!.media.text);
    expect(comparable(b)[0]).toMatchObject({ annotations: comparable(a)[0] && (comparable(a)[0] as { annotations: unknown }).annotations });
  });

  it('can make one item per sentence', () => {
    const { dataset } = conll.parse(fixtureText('text/conll/spacy-ner-token-per-line-conll2003.iob'), { itemPer: 'sentence' });
    expect(dataset.items.map((i) => i.media.id)).toEqual(['0', '1']);
    expect(dataset.items[1]!.annotations[0]).toMatchObject({ label: 'NORP', text: 'American' });
  });

  it('counts code points: an astral token shifts later offsets by one', () => {
    const { dataset } = conll.parse('😀 O\nAnna B-PER\n');
    expect(dataset.items[0]!.annotations[0]).toMatchObject({ start: 2, end: 6, text: 'Anna' });
  });

  it('reports every problem with its line', () => {
    let error: FormatError | undefined;
    try {
      conll.parse('a O\nb\nc X-PER\n\nd B-LOC\ne Q');
    } catch (e) {
      error = e as FormatError;
    }
    expect(error!.issues.map((i) => i.path)).toEqual(['line 2', 'line 3', 'line 6']);
    expect(error!.issues[1]!.message).toContain('expected a tag "O", "B-TYPE"');
  });
});

describe('tags', () => {
  it('decodes IOB1, IOB2 and BIOES alike', () => {
    const t = (s: string) => s.split(' ').map((x) => parseTag(x)!) as Tag[];
    const expected = [{ start: 0, end: 2, type: 'A' }, { start: 2, end: 3, type: 'A' }, { start: 4, end: 5, type: 'B' }];
    expect(decodeTags(t('I-A I-A B-A O I-B'))).toEqual(expected);
    expect(decodeTags(t('B-A I-A B-A O B-B'))).toEqual(expected);
    expect(decodeTags(t('B-A E-A S-A O S-B'))).toEqual(expected);
    expect(encodeTags(expected, 5, 'iob1')).toEqual(['I-A', 'I-A', 'B-A', 'O', 'I-B']);
    expect(encodeTags(expected, 5, 'bioes')).toEqual(['B-A', 'E-A', 'S-A', 'O', 'S-B']);
  });
});

describe('conll.serialize', () => {
  it('gives back the fixtures', () => {
    for (const file of ['conll2003-en-orig.conll', 'spacy-ner-token-per-line-conll2003.iob', 'spacy-ner-sent-per-line.iob']) {
      const text = fixtureText(`text/conll/${file}`);
      const { dataset } = conll.parse(text);
      const { output, losses } = conll.serialize(dataset, { scheme: file.startsWith('conll2003') ? 'iob1' : 'iob2' });
      expect(losses).toEqual([]);
      const body = (s: string) => s.trim().split('\n').filter((l) => !l.startsWith('-DOCSTART-')).join('\n').trim();
      expect(body(output)).toBe(body(text));
    }
  });

  it('reports a -DOCSTART- token at the start of a line as a loss: readers take the line for a document break', () => {
    const text = '-DOCSTART- Inc. hired Ann -DOCSTART-x -DOCSTARTED\nx -DOCSTART-';
    const span = (id: string, start: number, end: number): Annotation => ({ id, kind: 'span', label: 'ORG', start, end, text: Array.from(text).slice(start, end).join('') });
    const d = datasetOf([{ media: { id: '0', text }, annotations: [span('org', 0, 15), span('per', 22, 25)] }]);
    const tokenPerLine = conll.serialize(d);
    expect(tokenPerLine.losses.map((l) => l.path)).toEqual(['items[0].annotations[0]', 'items[0].media.text', 'items[0].media.text']);
    expect(tokenPerLine.losses[0]!.message).toContain('"-DOCSTART-"');
    // What the losses say is what labelkit's own reader does with the file.
    expect(spans(conll.parse(tokenPerLine.output).dataset.items[0]!)).toEqual(['ORG:Inc.', 'ORG:Ann']);
    // Sentence per line: only a sentence's first token starts a line.
    expect(conll.serialize(d, { layout: 'sentence-per-line' }).losses.map((l) => l.path)).toEqual(['items[0].annotations[0]']);
  });

  it('reports overlapping spans, spans off token boundaries and text whitespace it cannot keep', () => {
    const text = 'New  York City';
    const span = (id: string, start: number, end: number): Annotation => ({ id, kind: 'span', label: 'LOC', start, end, text: Array.from(text).slice(start, end).join('') });
    const d = datasetOf([{ media: { id: '0', text }, annotations: [span('a', 0, 8), span('b', 5, 14), span('c', 10, 12)] }]);
    const { output, losses } = conll.serialize(d);
    expect(output).toBe('New B-LOC\nYork I-LOC\nCity B-LOC\n');
    expect(losses.map((l) => [l.path, l.message.slice(0, 30)])).toEqual([
      ['items[0].media.text', 'conll keeps only tokens: the t'],
      ['items[0].annotations[0]', 'the span [0, 8) does not fall '],
      ['items[0].annotations[1]', 'conll cannot carry overlapping'],
      ['items[0].annotations[2]', 'the span [10, 12) does not fal'],
    ]);
  });

  it('uses a pluggable tokenizer', () => {
    const d = datasetOf([{ media: { id: '0', text: 'ab' }, annotations: [{ id: 'x', kind: 'span', label: 'X', start: 1, end: 2, text: 'b' }] }]);
    const { output, losses } = conll.serialize(d, { tokenizer: (t) => [Array.from(t).map((_, i) => ({ start: i, end: i + 1 }))] });
    expect(output).toBe('a O\nb B-X\n');
    expect(losses.map((l) => l.path)).toEqual(['items[0].media.text']);
  });

  it('parse(serialize(d)) gives d back, with no losses (property)', () => {
    const sentenceArb = fc.array(fc.tuple(wordArb, fc.option(labelArb, { nil: undefined }), fc.boolean()), { minLength: 1, maxLength: 8 });
    const itemArb = (i: number) =>
      fc.array(sentenceArb, { minLength: 1, maxLength: 3 }).map((sentences): DatasetItem => {
        const id = String(i);
        const annotations: Annotation[] = [];
        const lines: string[] = [];
        let offset = 0;
        for (const s of sentences) {
          let cur: Annotation | undefined;
          const words: string[] = [];
          s.forEach(([word, label, cont], k) => {
            const start = offset + (k > 0 ? 1 : 0);
            const end = start + Array.from(word).length;
            offset = end;
            words.push(word);
            if (!label) return void (cur = undefined);
            if (cur && cur.kind === 'span' && cont && cur.label === label) {
              cur.end = end;
              cur.text += ` ${word}`;
            } else annotations.push((cur = { id: `${id}-${annotations.length}`, kind: 'span', label, start, end, text: word }));
          });
          lines.push(words.join(' '));
          offset += 1;
        }
        return { media: { id, text: lines.join('\n') }, annotations };
      });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => itemArb(i)))), fc.constantFrom('iob1', 'iob2', 'bioes' as const), (items, scheme) => {
        const d = datasetOf(items);
        const { output, losses } = conll.serialize(d, { scheme });
        expect(losses).toEqual([]);
        expect(comparable(conll.parse(output).dataset)).toEqual(comparable(d));
      }),
    );
  });
});
