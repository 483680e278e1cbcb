import { describe, expect, it } from 'vitest';
import { defineSchema, type BBoxAnnotation } from '@labelkit/core';
import { carryAttributes, cloneShapes, nudge, relabel, reorder, resizeEdge, rotateBoxes, zOrderMoves } from './commands.js';

const o = { image: { width: 100, height: 100 }, bounds: 'clamp' as const, minSize: 2 };
const b = (id: string, x: number, y: number, w = 10, h = 10): BBoxAnnotation => ({ id, kind: 'bbox', label: 'car', x, y, width: w, height: h });

describe('keyboard commands', () => {
  it('nudges as a group and stops at the image edge', () => {
    expect(nudge([b('a', 0, 0), b('b', 85, 0)], 10, 1, o).map((a) => a.kind === 'bbox' && [a.x, a.y])).toEqual([[5, 1], [90, 1]]);
    expect(nudge([b('a', 90, 0)], 1, 0, o)).toEqual([]);
  });
  it('resizes an edge and rotates with snapping arithmetic', () => {
    expect(resizeEdge([b('a', 10, 10)], 'e', 5, o)[0]).toMatchObject({ x: 10, width: 15 });
    expect(resizeEdge([b('a', 10, 10)], 'n', -3, o)[0]).toMatchObject({ y: 13, height: 7 });
    expect(rotateBoxes([b('a', 10, 10)], -15, o)[0]).toMatchObject({ rotation: 345 });
  });
  it('clones with fresh ids and an offset; reorders; relabels where allowed', () => {
    let n = 0;
    const c = cloneShapes([b('a', 10, 10)], 10, () => `n${++n}`, o);
    expect(c[0]).toMatchObject({ id: 'n1', x: 20, y: 20, source: 'human' });
    expect(reorder([b('a', 0, 0), b('b', 0, 0), b('c', 0, 0)], ['a'], 'front').map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(reorder([b('a', 0, 0), b('b', 0, 0), b('c', 0, 0)], ['c'], 'back').map((x) => x.id)).toEqual(['c', 'a', 'b']);
    const schema = defineSchema({ labels: [{ id: 'car', kinds: ['bbox'] }, { id: 'road', kinds: ['polygon'] }, { id: 'truck', kinds: ['bbox'] }] });
    expect(relabel([b('a', 0, 0)], 'road', schema)).toEqual([]);
    expect(relabel([b('a', 0, 0)], 'truck', schema)[0]?.label).toBe('truck');
  });
  it('z-order moves name only the shapes that move, keeping their relative order', () => {
    const list = ['a', 'b', 'c', 'd', 'e'].map((id) => b(id, 0, 0));
    expect(zOrderMoves(list, ['b'], 'front')).toEqual([{ id: 'b', to: 4 }]);
    expect(zOrderMoves(list, ['d', 'b'], 'front')).toEqual([{ id: 'b', to: 3 }, { id: 'd', to: 4 }]);
    expect(zOrderMoves(list, ['d', 'b'], 'back')).toEqual([{ id: 'b', to: 0 }, { id: 'd', to: 1 }]);
    expect(zOrderMoves(list, ['e'], 'front')).toEqual([]);
    expect(zOrderMoves(list, ['a', 'b'], 'back')).toEqual([]);
    expect(zOrderMoves(list, ['zz'], 'front')).toEqual([]);
  });
  it('relabelling carries over the attribute values the new label accepts and fills in its defaults', () => {
    const schema = defineSchema({
      labels: [
        { id: 'person', kinds: ['bbox'], attributes: [{ id: 'occluded', type: 'boolean' }, { id: 'pose', type: 'select', options: ['standing', 'riding'] }, { id: 'age', type: 'number', min: 0, max: 120 }] },
        { id: 'cyclist', kinds: ['bbox'], attributes: [{ id: 'occluded', type: 'boolean', default: false }, { id: 'pose', type: 'select', options: ['riding', 'walking'], default: 'riding' }, { id: 'age', type: 'number', max: 90 }] },
        { id: 'car', kinds: ['bbox'] },
      ],
    });
    const person = { ...b('p', 0, 0), label: 'person', attributes: { occluded: true, pose: 'standing', age: 100 } };
    // occluded fits, 'standing' is no cyclist pose (default instead), 100 is above the cyclist maximum (dropped).
    expect(relabel([person], 'cyclist', schema)[0]?.attributes).toEqual({ occluded: true, pose: 'riding' });
    expect(relabel([person], 'car', schema)[0]).not.toHaveProperty('attributes');
    expect(carryAttributes({ age: 30 }, schema.byId.get('cyclist')!)).toEqual({ occluded: false, pose: 'riding', age: 30 });
  });
});
