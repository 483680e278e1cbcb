import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FormatError } from '../dataset.js';
import { datasetDiff, imageDatasetArb } from '../shared/arbitraries.js';
import { fixture } from '../shared/fixtures.js';
import { voc } from './index.js';

describe('voc golden', () => {
  it('reads 1-based inclusive pixels, flags, pose, parts and actions', () => {
    const { dataset } = voc.parse({ 'a.xml': fixture('voc/voc_with_parts_and_actions.xml') });
    const [item] = dataset.items;
    expect(item!.media).toMatchObject({ id: '2007_000001.jpg', width: 20, height: 10, extra: { voc: { folder: 'VOC2007', segmented: '1', size: { depth: '3' } } } });
    const [cat, person] = item!.annotations;
    expect(cat).toEqual({ id: 'o1', kind: 'bbox', label: 'cat', x: 0, y: 1, width: 3, height: 3, attributes: { pose: 'Unspecified', truncated: true, difficult: false } });
    expect(person).toMatchObject({ x: 3, y: 4, width: 3, height: 3, extra: { voc: { part: { name: 'head', bndbox: { xmin: '5.5' } }, actions: { jumping: '0', phoning: '1' } } } });
    // And back: same pixels, parts and actions.
    const out = voc.serialize(dataset).output['2007_000001.xml']!;
    expect(out).toContain('<xmin>1</xmin>');
    expect(out).toContain('<xmax>3</xmax>');
    expect(out).toContain('<phoning>1</phoning>');
    expect(voc.parse({ 'b.xml': out }).dataset.items[0]!.annotations).toEqual(item!.annotations);
  });
  it('reads a Roboflow export whose 0 coordinates are not 1-based, with a warning', () => {
    const { dataset, warnings } = voc.parse(fixture('voc/roboflow_export_val_001.xml'));
    expect(dataset.items[0]!.annotations.map((a) => a.kind === 'bbox' && [a.x, a.y, a.width, a.height])).toEqual([[0, 0, 1, 2], [0, 0, 9, 1]]);
    expect(warnings.length).toBe(2);
    expect(dataset.items[0]!.annotations[0]!.attributes).toEqual({ truncated: false, difficult: false, occluded: false });
  });
  it('full-image box: xmin=1, xmax=W is x=0, width=W', () => {
    const xml = '<annotation><filename>f.jpg</filename><size><width>7</width><height>5</height></size><object><name>a</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>7</xmax><ymax>5</ymax></bndbox></object></annotation>';
    expect(voc.parse(xml).dataset.items[0]!.annotations[0]).toMatchObject({ x: 0, y: 0, width: 7, height: 5 });
  });
  it('names the line of malformed XML and bad boxes', () => {
    const e1 = (() => { try { voc.parse({ 'x.xml': '<annotation>\n<object>\n</annotation>' }); } catch (e) { return e as FormatError; } })();
    expect(e1!.issues[0]!.path).toBe('x.xml line 3');
    const e2 = (() => { try { voc.parse({ 'y.xml': '<annotation>\n<object><name>a</name>\n<bndbox><xmin>5</xmin><ymin>1</ymin><xmax>2</xmax><ymax>x</ymax></bndbox></object></annotation>' }); } catch (e) { return e as FormatError; } })();
    expect(e2!.issues.map((i) => i.path)).toEqual(['y.xml line 3']);
  });
});

describe('voc round trip', () => {
  it('parse(serialize(d)) equals d for integer boxes with attributes', () => {
    fc.assert(
      fc.property(imageDatasetArb({ kinds: ['bbox'], integer: true, attributes: true }), (d) => {
        const { output, losses } = voc.serialize(d);
        expect(losses).toEqual([]);
        const back = voc.parse(output, { schema: d.schema }).dataset;
        expect(datasetDiff(back, d, { ignoreIds: true, mediaFields: ['id', 'width', 'height'] })).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
  it('reports rounding, rotation and kinds it cannot carry', () => {
    fc.assert(
      fc.property(imageDatasetArb({ rotation: true }), (d) => {
        const { losses } = voc.serialize(d);
        d.items.forEach((it, i) => it.annotations.forEach((a, j) => {
          const p = `items[${i}].annotations[${j}]`;
          if (a.kind !== 'bbox') expect(losses.map((l) => l.path)).toContain(p);
          else if (a.rotation) expect(losses.map((l) => l.path)).toContain(`${p}.rotation`);
        }));
      }),
      { numRuns: 30 },
    );
  });
});
