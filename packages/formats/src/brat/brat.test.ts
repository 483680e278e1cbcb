import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Annotation } from '@labelkit/core';
import { type FormatError } from '../dataset.js';
import { brat } from './index.js';
import { datasetOf, spansArb, textArb } from '../text-shared/test-utils/arbitraries.js';
import { comparable } from '../text-shared/test-utils/compare.js';
import { fixtureText } from '../text-shared/test-utils/fixtures.js';

const doc = (name: string) => ({ ann: fixtureText(`text/brat/${name}.ann`), txt: fixtureText(`text/brat/${name}.txt`) });
const FIXTURES = ['brat-tutorial-100-attribute_annotation', 'brat-tutorial-110-note_annotation', 'dkpro-document0c', 'dkpro-document1', 'edsnlp-doc-1'];
const sortedLines = (s: string) => s.trim().split('\n').sort();

describe('brat.parse', () => {
  it('reads entities, binary attributes and keeps events/attributes on events verbatim', () => {
    const { dataset } = brat.parse(doc('brat-tutorial-100-attribute_annotation'));
    const item = dataset.items[0]!;
    expect(item.media.id).toBe('document');
    expect(item.annotations[0]).toEqual({ id: 'T1', kind: 'span', label: 'Person', start: 497, end: 505, text: 'Somebody', attributes: { Individual: true } });
    expect(item.media.extra!.bratLines).toContain('A2\tConfidence E2 Low');
    expect(dataset.schema.byId.get('Person')!.attributes).toEqual([{ id: 'Individual', type: 'boolean' }]);
  });

  it('reads discontinuous entities as one span per fragment sharing extra.bratId, with a warning', () => {
    const { dataset, warnings } = brat.parse(doc('dkpro-document0c'));
    const spans = dataset.items[0]!.annotations;
    expect(spans.slice(1, 3)).toEqual([
      { id: 'T2.1', kind: 'span', label: 'Token', start: 5, end: 7, text: 'is', extra: { bratId: 'T2', fragment: 1, fragments: 2 } },
      { id: 'T2.2', kind: 'span', label: 'Token', start: 8, end: 9, text: 'a', extra: { bratId: 'T2', fragment: 2, fragments: 2 } },
    ]);
    expect(warnings[0]).toMatchObject({ path: 'line 2' });
  });

  it('counts offsets in code points (accented French text), with multi-valued attributes', () => {
    const { dataset } = brat.parse(doc('edsnlp-doc-1'));
    const t5 = dataset.items[0]!.annotations.find((a) => a.id === 'T5')!;
    expect(t5).toMatchObject({ text: 'AVC', attributes: { etat: 'passé', assertion: 'non-associé' } });
    expect(dataset.schema.byId.get('pathologie')!.attributes).toContainEqual({ id: 'etat', type: 'select', options: ['passé', 'présent'] });
  });

  it('keeps AnnotatorNotes on entities in extra.notes', () => {
    const { dataset } = brat.parse(doc('dkpro-document1'));
    expect(dataset.items[0]!.annotations[0]!.extra).toEqual({ notes: ['This is a named entity.'] });
  });

  it('reads several documents keyed by file name', () => {
    const { dataset } = brat.parse({ 'a.ann': 'T1\tX 0 2\tab\n', 'a.txt': 'abc', 'b.txt': 'zz' });
    expect(dataset.items.map((i) => [i.media.id, i.annotations.length])).toEqual([['a', 1], ['b', 0]]);
  });

  it('reports every problem with its line', () => {
    const ann = ['T1\tX 0 9\tabc', 'T2 X 0 1 a', 'T3\tX 0 1\tz', 'A1\tNeg T9', 'T1\tX 0 1\ta', 'N1\tRef T3'].join('\n');
    let error: FormatError | undefined;
    try {
      brat.parse({ ann, txt: 'abc' });
    } catch (e) {
      error = e as FormatError;
    }
    expect(error!.issues.map((i) => i.path)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'line 6']);
    expect(error!.issues[0]!.message).toContain('past the end of the text (3 code points)');
    expect(error!.issues[2]!.message).toContain('differs from the document text');
  });
});

describe('brat.serialize', () => {
  it('gives back each fixture (same lines; generated A/N/# ids avoid kept ones)', () => {
    for (const name of FIXTURES) {
      const input = doc(name);
      const { output, losses } = brat.serialize(brat.parse(input).dataset);
      const ann = output.ann!;
      expect(losses, name).toEqual([]);
      expect(output.txt).toBe(input.txt);
      const strip = (l: string) => l.replace(/^([AN#])\d+\t/, '$1\t').replace(/\t$/, '');
      expect(sortedLines(ann).map(strip).sort(), name).toEqual(sortedLines(input.ann).map(strip).sort());
      expect(new Set(ann.trim().split('\n').map((l) => l.split('\t')[0])).size).toBe(ann.trim().split('\n').length);
    }
  });

  it('reports what brat cannot carry', () => {
    const { dataset } = brat.parse({ ann: 'T1\tX 0 2\tab\nR1\tRel Arg1:T1 Arg2:T2\n', txt: 'abc' });
    const a = dataset.items[0]!.annotations[0]!;
    a.attributes = { n: 3, ok: false, flag: true };
    a.label = 'two words';
    dataset.items[0]!.annotations.push({ id: 'x', kind: 'tag', label: 'X' });
    const { output, losses } = brat.serialize(dataset, { layout: 'files' });
    expect(Object.keys(output)).toEqual(['document.ann', 'document.txt']);
    expect(output['document.ann']).toContain('T1\ttwo_words 0 2\tab\nA1\tflag T1\n');
    expect(losses.map((l) => l.path).sort()).toEqual([
      'items[0].annotations[0].attributes.n',
      'items[0].annotations[0].attributes.ok',
      'items[0].annotations[0].label',
      'items[0].annotations[1]',
      'items[0].media.extra.bratLines[0]',
    ]);
  });

  it('parse(serialize(d)) gives d back, with no losses (property)', () => {
    const spanWithExtras = (a: Annotation) =>
      fc.tuple(fc.option(fc.constantFrom('yes', 'no', 'passé'), { nil: undefined }), fc.boolean(), fc.option(fc.string({ minLength: 1, maxLength: 5 }).filter((s) => !/[\r\n]/.test(s)), { nil: undefined })).map(([sel, flag, note]) => {
        const out: Annotation = { ...a };
        const attributes: Record<string, string | boolean> = {};
        if (sel) attributes.assertion = sel;
        if (flag) attributes.negated = true;
        if (Object.keys(attributes).length) out.attributes = attributes;
        if (note !== undefined) out.extra = { notes: [note] };
        return out;
      });
    fc.assert(
      fc.property(
        textArb.chain((text) => fc.tuple(fc.constant(text), spansArb(text, 'document').chain((spans): fc.Arbitrary<Annotation[]> => (spans.length ? fc.tuple(...spans.map(spanWithExtras)) : fc.constant([]))))),
        ([text, spans]) => {
          const d = datasetOf([{ media: { id: 'document', text }, annotations: spans }]);
          const { output, losses } = brat.serialize(d);
          expect(losses).toEqual([]);
          expect(comparable(brat.parse(output as { ann: string; txt: string }).dataset)).toEqual(comparable(d));
        },
      ),
    );
  });
});
