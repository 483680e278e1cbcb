import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError, type Dataset } from '../dataset.js';
import { audioDatasetArb, datasetDiff, imageDatasetArb, textDatasetArb } from '../shared/arbitraries.js';
import { w3c } from './index.js';

const nonEmpty = (d: Dataset) => d.items.every((it) => it.annotations.length > 0);

describe('w3c examples', () => {
  it('reads an Annotorious-style box, an SVG polygon and a rotated rect', () => {
    const doc = [
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: '#a', type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'car' }, { type: 'TextualBody', purpose: 'commenting', value: 'red' }], target: { source: 'img.jpg', selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:10,20,30,40' } } },
      { id: 'urn:uuid:1', type: 'Annotation', body: { type: 'TextualBody', purpose: 'tagging', value: 'tree' }, target: { source: 'img.jpg', selector: { type: 'SvgSelector', value: '<svg><polygon points="0,0 10,0 10,10"/></svg>' } } },
      { id: '#r', type: 'Annotation', body: { purpose: 'tagging', value: 'car', type: 'TextualBody' }, target: { source: 'img.jpg', selector: { type: 'SvgSelector', value: '<svg><rect x="0" y="0" width="4" height="2" transform="rotate(30 2 1)"/></svg>' } } },
    ];
    const { dataset } = w3c.parse(doc);
    expect(dataset.items[0]!.annotations).toEqual([
      { id: 'a', kind: 'bbox', label: 'car', x: 10, y: 20, width: 30, height: 40, extra: { w3c: { body: [{ type: 'TextualBody', purpose: 'commenting', value: 'red' }] } } },
      { id: 'urn:uuid:1', kind: 'polygon', label: 'tree', points: [[0, 0], [10, 0], [10, 10]] },
      { id: 'r', kind: 'bbox', label: 'car', x: 0, y: 0, width: 4, height: 2, rotation: 30 },
    ]);
    const again = JSON.parse(w3c.serialize(dataset).output);
    expect(again[0].body[1]).toEqual({ type: 'TextualBody', purpose: 'commenting', value: 'red' });
    expect(again[2].target.selector.value).toContain('rotate(30 2 1)');
  });
  it('reads text selectors in code points and checks the quote', () => {
    const text = '😀 Ann met Bob';
    const a = { id: '#s', type: 'Annotation', body: { type: 'TextualBody', purpose: 'tagging', value: 'PER' }, target: { source: 'doc', selector: [{ type: 'TextPositionSelector', start: 2, end: 5 }, { type: 'TextQuoteSelector', exact: 'Ann' }] } };
    expect(w3c.parse([a], { texts: { doc: text } }).dataset.items[0]!.annotations[0]).toEqual({ id: 's', kind: 'span', label: 'PER', start: 2, end: 5, text: 'Ann' });
    const quoteOnly = { ...a, target: { source: 'doc', selector: { type: 'TextQuoteSelector', exact: 'Bob', prefix: 'met ' } } };
    expect(w3c.parse([quoteOnly], { texts: { doc: text } }).dataset.items[0]!.annotations[0]).toMatchObject({ start: 10, end: 13 });
    const wrong = { ...a, target: { source: 'doc', selector: [{ type: 'TextPositionSelector', start: 3, end: 6 }, { type: 'TextQuoteSelector', exact: 'Ann' }] } };
    expect(() => w3c.parse([wrong], { texts: { doc: text } })).toThrow(FormatError);
  });
  it('names every bad annotation', () => {
    try {
      w3c.parse([{ type: 'Annotation', target: { source: 'x' } }, { type: 'Annotation', body: { purpose: 'tagging', value: 'a' }, target: { source: 'x', selector: { type: 'FragmentSelector', value: 'xywh=pixel:1,2,3' } } }]);
      throw new Error('no error');
    } catch (e) {
      expect((e as FormatError).issues.map((i) => i.path)).toEqual(['[0].body', '[1].target.selector.value']);
    }
  });
});

describe('w3c round trip', () => {
  it('images: boxes (rotated via SvgSelector), polygons', () => {
    fc.assert(
      fc.property(imageDatasetArb({ kinds: ['bbox', 'polygon'], rotation: true }).filter(nonEmpty), (d) => {
        const { output, losses } = w3c.serialize(d);
        expect(losses).toEqual([]);
        expect(datasetDiff(w3c.parse(output, { schema: d.schema }).dataset, d, { mediaFields: ['id'] })).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
  it('text: spans (code points) and tags', () => {
    fc.assert(
      fc.property(textDatasetArb({ tags: true }).filter(nonEmpty), (d) => {
        const { output } = w3c.serialize(d);
        const texts = Object.fromEntries(d.items.map((it) => [it.media.id, it.media.text!]));
        expect(datasetDiff(w3c.parse(output, { schema: d.schema, texts }).dataset, d)).toBeUndefined();
        // Without the texts, the quote carries the span text.
        expect(datasetDiff(w3c.parse(output, { schema: d.schema }).dataset, d, { mediaFields: ['id'] })).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
  it('audio: segments as t= fragments', () => {
    fc.assert(
      fc.property(audioDatasetArb().filter(nonEmpty), (d) => {
        expect(datasetDiff(w3c.parse(w3c.serialize(d).output, { schema: d.schema }).dataset, d, { mediaFields: ['id'] })).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });
});
