import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type FormatError, type DatasetItem } from '../dataset.js';
import { doccano } from './index.js';
import { datasetOf, spansArb, tagsArb, textArb } from '../text-shared/test-utils/arbitraries.js';
import { comparable } from '../text-shared/test-utils/compare.js';
import { fixtureText } from '../text-shared/test-utils/fixtures.js';

const lines = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l) as unknown);

describe('doccano.parse', () => {
  it('reads a sequence-labelling export', () => {
    const { dataset } = doccano.parse(fixtureText('text/doccano/sequence_labeling.export.jsonl'));
    expect(dataset.items.map((i) => i.annotations.map((a) => a.kind === 'span' && `${a.label}:${a.text}`))).toEqual([['ORG:EU', 'MISC:German'], ['PERSON:Peter Blackburn'], ['PERSON:Obama']]);
    expect(dataset.schema.labels.map((l) => l.id)).toEqual(['ORG', 'MISC', 'PERSON']);
  });

  it('reads a text-classification export as tags', () => {
    const { dataset } = doccano.parse(fixtureText('text/doccano/text_classification.export.jsonl'));
    expect(dataset.items.map((i) => i.annotations)).toEqual([
      [{ id: '0-0', kind: 'tag', label: 'negative' }],
      [{ id: '1-0', kind: 'tag', label: 'positive' }],
      [{ id: '2-0', kind: 'tag', label: 'positive' }],
    ]);
    expect(dataset.schema.labels.map((l) => [l.id, l.kinds])).toEqual([['negative', ['tag']], ['positive', ['tag']]]);
  });

  it('reads intent detection: entities + cats', () => {
    const { dataset } = doccano.parse(fixtureText('text/doccano/intent_detection.export.jsonl'));
    expect(dataset.items[0]!.annotations.map((a) => [a.kind, a.label])).toEqual([['span', 'City'], ['span', 'City'], ['tag', 'flight']]);
  });

  it('reads relation extraction: entity objects keep their ids, relations stay in media.extra', () => {
    const { dataset } = doccano.parse(fixtureText('text/doccano/relation_extraction.import.jsonl'));
    const item = dataset.items[0]!;
    expect(item.annotations[1]).toMatchObject({ kind: 'span', label: 'DATE', text: 'September 4, 1998', extra: { id: 1 } });
    expect(item.media.extra!.relations).toHaveLength(3);
  });

  it('reports every problem with its line', () => {
    const input = ['{"text": "abc", "label": [[0, 5, "X"], [1, 2]]}', '{"text": 3}', '[1]', '{"text": "ab", "cats": [7], "label": [{"start_offset": -1, "end_offset": 1, "label": "Y"}]}'].join('\n');
    let error: FormatError | undefined;
    try {
      doccano.parse(input);
    } catch (e) {
      error = e as FormatError;
    }
    expect(error!.issues.map((i) => i.path)).toEqual(['line 1: label[0].end', 'line 1: label[1]', 'line 2: text', 'line 3', 'line 4: label[0].start', 'line 4: cats[0]']);
  });
});

describe('doccano.serialize', () => {
  it('gives back each fixture', () => {
    for (const [file, spanField] of [
      ['sequence_labeling.export.jsonl', 'label'],
      ['text_classification.export.jsonl', 'label'],
      ['intent_detection.export.jsonl', 'entities'],
      ['relation_extraction.import.jsonl', 'entities'],
    ] as const) {
      const text = fixtureText(`text/doccano/${file}`);
      const { output, losses } = doccano.serialize(doccano.parse(text).dataset, { spanField });
      expect(losses).toEqual([]);
      expect(lines(output)).toEqual(lines(text));
    }
  });

  it('reports what it cannot carry', () => {
    const { dataset } = doccano.parse('{"text": "ab", "label": [[0, 1, "X"]]}');
    dataset.items[0]!.annotations[0]!.score = 0.5;
    dataset.items[0]!.annotations.push({ id: 'b', kind: 'segment', label: 'X', start: 0, end: 1 });
    expect(doccano.serialize(dataset).losses.map((l) => l.path)).toEqual(['items[0].annotations[0].score', 'items[0].annotations[1]']);
  });

  it('parse(serialize(d)) gives d back, with no losses (property)', () => {
    const itemArb = (i: number) =>
      fc.tuple(textArb, fc.boolean()).chain(([text, named]) => {
        const id = named ? `doc-${i}` : String(i);
        return fc.tuple(spansArb(text, id), tagsArb(id, false)).map(([spans, tags]): DatasetItem => ({ media: { id, text }, annotations: [...spans, ...tags] }));
      });
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 4 }).chain((xs) => fc.tuple(...xs.map((_, i) => itemArb(i)))), fc.constantFrom('label', 'entities' as const), (items, spanField) => {
        const d = datasetOf(items);
        const { output, losses } = doccano.serialize(d, { spanField });
        expect(losses).toEqual([]);
        expect(comparable(doccano.parse(output).dataset)).toEqual(comparable(d));
      }),
    );
  });
});
