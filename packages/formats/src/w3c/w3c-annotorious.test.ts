/**
 * W3C annotations as Annotorious writes them: its own serializer (`serializeW3CImageAnnotation` from
 * `@annotorious/annotorious`, a devDependency; it runs in Node) turns its shapes into W3C JSON, and
 * labelkit reads that. Boxes, rotated boxes, polygons, polygons with holes and multipolygons are
 * imported; ellipses become polygons with a warning; lines are an error.
 */
import { describe, expect, it } from 'vitest';
import { polygonArea } from '@labelkit/core';
import { serializeW3CImageAnnotation, ShapeType, type ImageAnnotation } from '@annotorious/annotorious';
import { FormatError } from '../dataset.js';
import { w3c } from './index.js';

const BOUNDS = { minX: 0, minY: 0, maxX: 0, maxY: 0 };

/** One Annotorious annotation with a tagging body, as its W3C serializer writes it. */
function annotorious(id: string, label: string, selector: { type: ShapeType; geometry: object }): unknown {
  const a = { id, bodies: [{ id: `${id}-body`, annotation: id, type: 'TextualBody', purpose: 'tagging', value: label }], target: { annotation: id, selector } } as unknown as ImageAnnotation;
  return serializeW3CImageAnnotation(a, 'photo.jpg');
}

const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s]] as [number, number][];

describe('w3c import of what Annotorious writes', () => {
  it('reads boxes (a fragment), rotated boxes (a rotated <rect>) and polygons', () => {
    const doc = [
      annotorious('box', 'car', { type: ShapeType.RECTANGLE, geometry: { x: 10, y: 20, w: 30, h: 40, rot: 0, bounds: BOUNDS } }),
      annotorious('turned', 'car', { type: ShapeType.RECTANGLE, geometry: { x: 10, y: 20, w: 30, h: 40, rot: Math.PI / 6, bounds: BOUNDS } }),
      annotorious('tri', 'tree', { type: ShapeType.POLYGON, geometry: { points: [[0, 0], [10, 0], [10, 10]], bounds: BOUNDS } }),
    ];
    const { dataset, warnings } = w3c.parse(doc);
    expect(warnings).toEqual([]);
    const [box, turned, tri] = dataset.items[0]!.annotations;
    expect(box).toMatchObject({ id: 'box', kind: 'bbox', label: 'car', x: 10, y: 20, width: 30, height: 40 });
    expect(turned).toMatchObject({ id: 'turned', kind: 'bbox', x: 10, y: 20, width: 30, height: 40 });
    expect(turned!.kind === 'bbox' && turned!.rotation).toBeCloseTo(30, 9);
    expect(tri).toEqual({ id: 'tri', kind: 'polygon', label: 'tree', points: [[0, 0], [10, 0], [10, 10]], extra: expect.anything() as unknown });
  });

  it('reads a polygon with holes (a <g> of one evenodd <path>) and splits a multipolygon into polygons, with a warning', () => {
    const donut = { rings: [{ points: square(0, 0, 100) }, { points: square(20, 20, 20) }, { points: square(60, 60, 10) }] };
    const doc = [
      annotorious('donut', 'field', { type: ShapeType.MULTIPOLYGON, geometry: { polygons: [donut], bounds: BOUNDS } }),
      annotorious('islands', 'field', { type: ShapeType.MULTIPOLYGON, geometry: { polygons: [donut, { rings: [{ points: [[200, 0], [300, 0], [250, 80]] }] }], bounds: BOUNDS } }),
    ];
    expect((doc[0] as { target: { selector: { value: string } } }).target.selector.value).toMatch(/^<svg><g><path fill-rule="evenodd" d="M 0,0 L 100,0 .* Z M 20,20 .* Z M 60,60 .* Z" \/><\/g><\/svg>$/);
    const { dataset, warnings } = w3c.parse(doc);
    const anns = dataset.items[0]!.annotations;
    expect(anns.map((a) => a.id)).toEqual(['donut', 'islands', 'islands-2']);
    expect(anns[0]).toMatchObject({ kind: 'polygon', label: 'field', points: square(0, 0, 100), holes: [square(20, 20, 20), square(60, 60, 10)] });
    expect(anns[0]!.kind === 'polygon' && polygonArea(anns[0]!)).toBe(10_000 - 400 - 100);
    expect(anns[1]).toMatchObject({ points: square(0, 0, 100), holes: [square(20, 20, 20), square(60, 60, 10)] });
    expect(anns[2]).toMatchObject({ kind: 'polygon', points: [[200, 0], [300, 0], [250, 80]] });
    expect(anns[2]).not.toHaveProperty('holes');
    expect(warnings).toEqual([{ path: '[1].target.selector.value', message: expect.stringMatching(/2 shapes \(a multipolygon\) imported as 2 annotations \("islands", "islands-2"\)/) as string }]);
  });

  it('reads an ellipse as a polygon on it, and says so', () => {
    const { dataset, warnings } = w3c.parse([annotorious('e', 'ball', { type: ShapeType.ELLIPSE, geometry: { cx: 50, cy: 40, rx: 20, ry: 10, bounds: BOUNDS } })]);
    const e = dataset.items[0]!.annotations[0]!;
    expect(e.kind).toBe('polygon');
    if (e.kind !== 'polygon') return;
    expect(e.points).toHaveLength(64);
    for (const [x, y] of e.points) expect(((x - 50) / 20) ** 2 + ((y - 40) / 10) ** 2).toBeCloseTo(1, 9);
    expect(polygonArea(e)).toBeCloseTo(Math.PI * 20 * 10, -1);
    expect(warnings).toEqual([{ path: '[0].target.selector.value', message: expect.stringMatching(/<ellipse> imported as a polygon of 64 points/) as string }]);
  });

  it('rejects a line, naming why', () => {
    try {
      w3c.parse([annotorious('l', 'edge', { type: ShapeType.LINE, geometry: { points: [[0, 0], [5, 5]], bounds: BOUNDS } })]);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).issues).toEqual([{ path: '[0].target.selector.value', message: expect.stringMatching(/<line> is a line, not a region/) as string }]);
    }
  });
});
