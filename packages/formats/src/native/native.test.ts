import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FormatError } from '../dataset.js';
import { audioDatasetArb, datasetDiff, imageDatasetArb, textDatasetArb } from '../shared/arbitraries.js';
import { native } from './index.js';

describe('native', () => {
  it('is lossless for every kind, schema included', () => {
    fc.assert(
      fc.property(fc.oneof(imageDatasetArb({ rotation: true, attributes: true, score: true }), textDatasetArb({ tags: true }), audioDatasetArb()), (d) => {
        const { output, losses } = native.serialize(d);
        expect(losses).toEqual([]);
        const back = native.parse(output).dataset;
        expect(datasetDiff(back, d, { eps: 0 })).toBeUndefined();
        expect(back.schema.labels).toEqual(d.schema.labels);
      }),
      { numRuns: 100 },
    );
  });
  it('keeps dataset, media and annotation extras', () => {
    const d = native.parse({ labelkit: 1, schema: { labels: [{ id: 'a', kinds: ['tag'] }] }, items: [{ media: { id: 'm', extra: { x: 1 } }, annotations: [{ id: '1', kind: 'tag', label: 'a', extra: { y: [2] } }] }], extra: { coco: { categoryIds: { a: 3 } } } }).dataset;
    expect(JSON.parse(native.serialize(d).output)).toMatchObject({ extra: { coco: { categoryIds: { a: 3 } } }, items: [{ media: { extra: { x: 1 } }, annotations: [{ extra: { y: [2] } }] }] });
  });
  it('validates with core and names every problem with its path', () => {
    const bad = {
      labelkit: 1,
      schema: { labels: [{ id: 'a', kinds: ['span'] }, { id: 'a' }] },
      items: [],
    };
    expect(() => native.parse(bad)).toThrow(/schema\.labels\[1\]\.id: duplicate label id "a"/);
    const badAnns = {
      labelkit: 1,
      schema: { labels: [{ id: 'PER', kinds: ['span'] }] },
      items: [
        { media: { id: 'd', text: 'héllo 😀' }, annotations: [{ id: '1', kind: 'span', label: 'PER', start: 0, end: 2, text: 'hx' }, { id: '1', kind: 'span', label: 'ORG', start: 0, end: 1, text: 'h' }] },
        { media: { id: 'd', width: -1 }, annotations: 'x' },
      ],
    };
    let err: FormatError | undefined;
    try {
      native.parse(JSON.stringify(badAnns));
    } catch (e) {
      err = e as FormatError;
    }
    const paths = err!.issues.map((i) => i.path);
    expect(paths).toContain('items[0].annotations[0].text');
    expect(paths).toContain('items[0].annotations[1].id');
    expect(paths).toContain('items[0].annotations[1].label');
    expect(paths).toContain('items[1].media.id');
    expect(paths).toContain('items[1].media.width');
    expect(paths).toContain('items[1].annotations');
  });
  it('rejects other versions and non-labelkit files', () => {
    expect(() => native.parse({ labelkit: 2, schema: { labels: [] }, items: [] })).toThrow(/unsupported version 2/);
    expect(() => native.parse('{"images": []}')).toThrow(/missing "labelkit" version/);
  });
});
