import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineSchema } from '@labelkit/core';
import { FormatError } from '../dataset.js';
import type { DatasetItem } from '../dataset.js';
import { spacy } from './index.js';
import { datasetOf, spansArb, tagsArb, textArb } from '../text-shared/test-utils/arbitraries.js';
import { comparable } from '../text-shared/test-utils/compare.js';
import { fixtureText } from '../text-shared/test-utils/fixtures.js';

describe('spacy.parse', () => {
  it('reads Prodigy ner_manual JSONL (code-point offsets, extra fields kept)', () => {
    const { dataset } = spacy.parse(fixtureText('text/prodigy/news_headlines-ner.first20.jsonl'));
    expect(dataset.items).toHaveLength(20);
    const first = dataset.items[0]!;
    expect(first.media.id).toBe('0');
    expect(first.annotations.map((a) => a.kind === 'span' && [a.label, a.text])).toEqual([
      ['ORG', 'Uber'],
      ['LOCATION', 'Silicon Valley'],
    ]);
    expect(first.annotations[0]!.extra).toEqual({ token_start: 0, token_end: 0 });
    expect(first.media.extra).toMatchObject({ meta: { source: 'The New York Times' }, answer: 'accept' });
    expect(dataset.schema.labels.map((l) => l.id).slice(0, 2)).toEqual(['ORG', 'LOCATION']);
    for (const item of dataset.items) {
      for (const a of item.annotations) if (a.kind === 'span') expect(Array.from(item.media.text!).slice(a.start, a.end).join('')).toBe(a.text);
    }
  });

  it('reads Prodigy textcat `label` as a tag and warns about rejected answers', () => {
    const { dataset, warnings } = spacy.parse(fixtureText('text/prodigy/github_issues-textcat.first20.jsonl'));
    expect(dataset.items[0]!.annotations).toEqual([{ id: '0-0', kind: 'tag', label: 'DOCUMENTATION', extra: { field: 'label' } }]);
    expect(dataset.items[0]!.media.extra!.answer).toBe('reject');
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]!.path).toBe('line 1: answer');
  });

  it('reads `ents` triples and `cats`, with astral characters counted as one code point', () => {
    const line = JSON.stringify({ text: '😀 Anna in 中国', ents: [[2, 6, 'PER'], [10, 12, 'LOC']], cats: { greeting: 1, spam: 0, travel: 0.75 } });
    const { dataset } = spacy.parse(line);
    const anns = dataset.items[0]!.annotations;
    expect(anns.map((a) => (a.kind === 'span' ? a.text : a.label))).toEqual(['Anna', '中国', 'greeting', 'travel']);
    expect(anns[3]!.score).toBe(0.75);
    expect(dataset.items[0]!.media.extra).toEqual({ cats: { spam: 0 } });
  });

  it('takes the parsed records too', () => {
    const { dataset } = spacy.parse([{ text: 'Hi Bo', spans: [{ start: 3, end: 5, label: 'PER' }] }]);
    expect(dataset.items[0]!.annotations[0]).toMatchObject({ text: 'Bo', label: 'PER' });
  });

  it('reports every problem with its line', () => {
    const input = [
      JSON.stringify({ text: 'abc', spans: [{ start: 2, end: 9, label: 'X' }] }),
      'not json',
      JSON.stringify({ spans: [] }),
      JSON.stringify({ text: 'abcd', spans: [{ start: 0, end: 2, label: 'X', text: 'zz' }, [1, 1, 'Y']] }),
    ].join('\n');
    const error = (() => {
      try {
        spacy.parse(input);
      } catch (e) {
        return e as FormatError;
      }
    })();
    expect(error).toBeInstanceOf(FormatError);
    expect(error!.issues.map((i) => i.path)).toEqual(['line 1: spans[0].end', 'line 2', 'line 3: text', 'line 4: spans[0].text', 'line 4: spans[1]']);
    expect(error!.message).toContain('past the end of the text (3 code points)');
  });

  it('with a schema, unknown labels are errors naming the place', () => {
    const schema = defineSchema({ labels: [{ id: 'person', name: 'PER' }] });
    const ok = spacy.parse(JSON.stringify({ text: 'Bo', spans: [{ start: 0, end: 2, label: 'PER' }] }), { schema });
    expect(ok.dataset.items[0]!.annotations[0]!.label).toBe('person');
    expect(() => spacy.parse(JSON.stringify({ text: 'Bo', spans: [{ start: 0, end: 2, label: 'ORG' }] }), { schema })).toThrow(/line 1: spans\[0\]\.label: unknown label "ORG"/);
  });
});

describe('spacy.serialize', () => {
  it('round-trips the Prodigy fixture line by line', () => {
    const text = fixtureText('text/prodigy/news_headlines-ner.first20.jsonl');
    const { output, losses } = spacy.serialize(spacy.parse(text).dataset);
    expect(losses).toEqual([]);
    expect(output.trim().split('\n').map((l) => JSON.parse(l))).toEqual(
      text.trim().split('\n').map((l) => {
        const r = JSON.parse(l) as Record<string, unknown>;
        return r;
      }),
    );
  });

  it('writes `ents` triples on request and reports what it cannot carry', () => {
    const { dataset } = spacy.parse(JSON.stringify({ text: 'Hi Bo', spans: [{ start: 3, end: 5, label: 'PER', token_start: 1 }] }));
    dataset.items[0]!.annotations[0]!.attributes = { x: true };
    const { output, losses } = spacy.serialize(dataset, { field: 'ents' });
    expect(JSON.parse(output)).toEqual({ text: 'Hi Bo', ents: [[3, 5, 'PER']] });
    expect(losses.map((l) => l.path)).toEqual(['items[0].annotations[0].attributes', 'items[0].annotations[0].extra']);
  });

  it('parse(serialize(d)) gives d back, with no losses (property)', () => {
    const itemArb = (i: number) =>
      fc.tuple(textArb, fc.boolean()).chain(([text, named]) => {
        const id = named ? `doc-${i}` : String(i);
        return fc.tuple(spansArb(text, id), tagsArb(id, true)).map(([spans, tags]): DatasetItem => ({ media: { id, text }, annotations: [...spans, ...tags] }));
      });
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 4 }).chain((xs) => fc.tuple(...xs.map((_, i) => itemArb(i)))), (items) => {
        const d = datasetOf(items);
        const { output, losses } = spacy.serialize(d);
        expect(losses).toEqual([]);
        const back = spacy.parse(output).dataset;
        expect(comparable(back)).toEqual(comparable(d));
      }),
    );
  });
});
