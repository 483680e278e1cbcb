import { describe, expect, it } from 'vitest';
import { defineSchema, type SegmentAnnotation } from '@labelkit/core';
import { assignLanes, laneFields, stackRows } from './lanes.js';

const schema = defineSchema({
  labels: [
    { id: 'speech', name: 'Speech', color: '#4363d8', kinds: ['segment'], attributes: [{ id: 'speaker', type: 'select', options: ['A', 'B'] }] },
    { id: 'music', name: 'Music', color: '#3cb44b', kinds: ['segment'] },
    { id: 'car', name: 'Car', kinds: ['bbox'] },
  ],
});
const seg = (id: string, start: number, end: number, label = 'speech', attributes?: SegmentAnnotation['attributes']): SegmentAnnotation => ({ id, kind: 'segment', label, start, end, ...(attributes ? { attributes } : {}) });

describe('assignLanes', () => {
  it('makes one lane per segment label, in schema order, unknown labels after', () => {
    const { lanes, laneOf } = assignLanes(schema, [seg('a', 0, 1, 'music'), seg('b', 0, 1, 'speech'), seg('c', 0, 1, 'ghost')]);
    expect(lanes.map((l) => l.key)).toEqual(['label:speech', 'label:music', 'label:ghost']);
    expect(lanes[0]!.title).toBe('Speech');
    expect([...laneOf]).toEqual([['a', 1], ['b', 0], ['c', 2]]);
  });

  it('makes one lane per attribute value: options first, then values seen, then none', () => {
    const { lanes, laneOf } = assignLanes(schema, [seg('a', 0, 1, 'speech', { speaker: 'C' }), seg('b', 0, 1, 'speech', { speaker: 'A' }), seg('c', 0, 1, 'music')], { attribute: 'speaker' });
    expect(lanes.map((l) => l.title)).toEqual(['A', 'B', 'C', 'No speaker']);
    expect(laneOf.get('a')).toBe(2);
    expect(laneOf.get('b')).toBe(0);
    expect(laneOf.get('c')).toBe(3);
    expect(laneFields(lanes[1]!, { attribute: 'speaker' })).toEqual({ attributes: { speaker: 'B' } });
    expect(laneFields(lanes[3]!, { attribute: 'speaker' })).toEqual({ attributes: { speaker: undefined } });
  });
});

describe('stackRows', () => {
  it('puts overlapping segments of one lane on separate rows, reusing freed rows', () => {
    const segs = [seg('a', 0, 2), seg('b', 1, 3), seg('c', 2, 4), seg('d', 2.5, 5), seg('m', 0, 9, 'music')];
    const { lanes, laneOf } = assignLanes(schema, segs);
    const { rowOf, rows } = stackRows(segs, laneOf, lanes.length);
    expect(Object.fromEntries(rowOf)).toEqual({ a: 0, m: 0, b: 1, c: 0, d: 2 });
    expect(rows).toEqual([3, 1]);
  });
});
