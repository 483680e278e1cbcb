import { describe, expect, it } from 'vitest';
import type { KeypointsAnnotation, SegmentAnnotation, SpanAnnotation } from '../annotation.js';
import { consensus } from './consensus.js';
import { testBox } from './test-utils/boxes.js';

const box = testBox;

describe('consensus', () => {
  it('clusters one box per labeller, votes the label, averages the box and keeps attributes most give', () => {
    const sets = [
      { id: 'alice', annotations: [box('a1', 'car', 0, 0, 10, 10, { colour: 'red' }), box('a2', 'person', 100, 100)] },
      { id: 'bob', annotations: [box('b1', 'car', 1, 1, 10, 10, { colour: 'red' }), box('b2', 'person', 300, 300)] },
      { id: 'cara', annotations: [box('c1', 'truck', 2, 2, 10, 10, { colour: 'blue' }), box('c2', 'car', 1, 0, 10, 10)] },
    ];
    const r = consensus(sets);
    expect(r.quorum).toBe(2);
    const first = r.clusters[0]!;
    // c2 (car, same place as a1/b1) is a closer match by label but one per set: c1 and c2 cannot both join.
    expect(first.members.map((m) => `${m.set}:${m.id}`)).toEqual(['alice:a1', 'bob:b1', 'cara:c2']);
    expect(first.labelVotes).toEqual({ car: 3 });
    expect(first.merged).toMatchObject({ id: 'consensus-0', kind: 'bbox', label: 'car', x: 2 / 3, y: 1 / 3, width: 10, height: 10, attributes: { colour: 'red' } });
    expect((first.merged!.extra as { mergedFrom: unknown }).mergedFrom).toEqual(first.members);
    // c1 had no cluster left (one per set) and stands alone, below quorum; so do a2 and b2.
    expect(r.clusters.slice(1).map((c) => [c.members.map((m) => m.id), c.merged])).toEqual([
      [['a2'], null],
      [['b2'], null],
      [['c1'], null],
    ]);
    expect(r.merged).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(r.merged))).toEqual(r.merged);
  });

  it('lets a wrong label join by place and decides the label by vote (ties to the earliest set)', () => {
    const r = consensus([
      { id: 'a', annotations: [box('a', 'car', 0, 0)] },
      { id: 'b', annotations: [box('b', 'truck', 0, 1)] },
    ], { quorum: 2 });
    expect(r.clusters).toHaveLength(1);
    expect(r.clusters[0]).toMatchObject({ label: 'car', labelVotes: { car: 1, truck: 1 } });
    expect(r.clusters[0]!.agreement).toBeCloseTo(90 / 110, 12);
  });

  it('takes the majority span, median keypoints and median segment bounds', () => {
    const span = (id: string, start: number, end: number): SpanAnnotation => ({ id, kind: 'span', label: 'PER', start, end, text: 'abcdefghij'.slice(start, end) });
    const spans = consensus([
      { id: 'a', annotations: [span('a', 0, 5)] },
      { id: 'b', annotations: [span('b', 0, 5)] },
      { id: 'c', annotations: [span('c', 0, 6)] },
    ]);
    expect(spans.merged[0]).toMatchObject({ kind: 'span', start: 0, end: 5, text: 'abcde' });

    const kp = (id: string, points: KeypointsAnnotation['points']): KeypointsAnnotation => ({ id, kind: 'keypoints', label: 'hand', points });
    const kps = consensus(
      [
        { id: 'a', annotations: [kp('a', [{ x: 0, y: 0, visibility: 2 }, { x: 100, y: 100, visibility: 2 }, { x: 50, y: 50, visibility: 2 }])] },
        { id: 'b', annotations: [kp('b', [{ x: 2, y: 0, visibility: 1 }, { x: 102, y: 100, visibility: 2 }, { x: 0, y: 0, visibility: 0 }])] },
        { id: 'c', annotations: [kp('c', [{ x: 9, y: 0, visibility: 1 }, { x: 100, y: 101, visibility: 2 }, { x: 0, y: 0, visibility: 0 }])] },
      ],
      { sigmas: [0.5, 0.5, 0.5] },
    );
    expect(kps.clusters).toHaveLength(1);
    // Point 3 was labelled by one of three: not a majority, so unlabelled.
    expect(kps.merged[0]).toMatchObject({ points: [{ x: 2, y: 0, visibility: 1 }, { x: 100, y: 100, visibility: 2 }, { x: 0, y: 0, visibility: 0 }] });

    const seg = (id: string, start: number, end: number, text: string): SegmentAnnotation => ({ id, kind: 'segment', label: 'spk', start, end, text });
    const segs = consensus([
      { id: 'a', annotations: [seg('a', 1, 4, 'hi')] },
      { id: 'b', annotations: [seg('b', 1.2, 4.4, 'hi')] },
      { id: 'c', annotations: [seg('c', 0.8, 4.1, 'hey')] },
      { id: 'd', annotations: [seg('d', 1.1, 4.2, 'hey')] },
    ]);
    expect(segs.merged[0]).toMatchObject({ start: 1.05, end: 4.15, text: 'hi' });
  });
});
