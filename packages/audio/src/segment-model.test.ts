import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineSchema, type SegmentAnnotation } from '@labelkit/core';
import type { DrawItem } from './draw.js';
import { buildSegmentModel, createSegmentModelCache, nextSegmentModel, type SegmentModel, type SegmentModelInput } from './segment-model.js';

const schema = defineSchema({
  labels: [
    { id: 'speech', name: 'Speech', color: '#4363d8', kinds: ['segment'] },
    { id: 'music', name: 'Music', color: '#3cb44b', kinds: ['segment'] },
  ],
});
const seg = (id: string, start: number, end: number, label = 'speech', extra: Partial<SegmentAnnotation> = {}): SegmentAnnotation => ({ id, kind: 'segment', label, start, end, ...extra });
const input = (segments: SegmentAnnotation[], pending: SegmentAnnotation[] = NONE): SegmentModelInput => ({ schema, segments, pending, laneBy: 'label' });
const NONE: SegmentAnnotation[] = [];

/** Every lane's rows hold no two overlapping items; row counts and `rows` agree with the items. */
function checkRows(m: SegmentModel) {
  const byRow = new Map<string, DrawItem[]>();
  for (const it of m.index.items) {
    const k = `${it.lane}/${it.row}`;
    byRow.set(k, [...(byRow.get(k) ?? []), it]);
  }
  for (const list of byRow.values()) {
    const sorted = [...list].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
  }
  m.lanes.forEach((_, lane) => {
    const used = m.index.items.filter((it) => it.lane === lane).map((it) => it.row);
    expect(m.rows[lane]).toBe(Math.max(1, ...used.map((r) => r + 1)));
    used.forEach((r) => expect(m.rowCounts[lane]![r]).toBeGreaterThan(0));
  });
}

describe('buildSegmentModel', () => {
  it('derives lanes, stacked rows, draw items and the index', () => {
    const m = buildSegmentModel(input([seg('a', 0, 2), seg('b', 1, 3, 'speech', { text: 'hi', channel: 1 }), seg('m', 0, 9, 'music')], [seg('p', 4, 5)]));
    expect(m.lanes.map((l) => l.key)).toEqual(['label:speech', 'label:music']);
    expect(m.rows).toEqual([2, 1]);
    expect(m.byId.get('b')).toMatchObject({ lane: 0, row: 1, caption: 'hi', channel: 1, suggestion: false });
    expect(m.byId.get('p')).toMatchObject({ suggestion: true, caption: 'Speech' });
    expect(m.index.at(1.5).map((it) => it.id).sort()).toEqual(['a', 'b', 'm']);
    checkRows(m);
  });
});

describe('nextSegmentModel', () => {
  const segs = [seg('a', 0, 2), seg('b', 1, 3), seg('c', 5, 6), seg('m', 0, 9, 'music')];
  const prevIn = input(segs);
  const prev = buildSegmentModel(prevIn);

  it('patches one segment moved within its lane: lowest free row, nothing else moves', () => {
    const moved = seg('b', 3, 5);
    const next = nextSegmentModel(prev, prevIn, input([segs[0]!, moved, segs[2]!, segs[3]!]));
    expect(next.lanes).toBe(prev.lanes);
    expect(next.byId.get('b')).toMatchObject({ start: 3, end: 5, row: 0 });
    expect(next.byId.get('a')).toBe(prev.byId.get('a'));
    expect(next.rows).toEqual([1, 1]);
    expect(next.index.at(4).map((it) => it.id).sort()).toEqual(['b', 'm']);
    expect(next.index.at(1.5).map((it) => it.id).sort()).toEqual(['a', 'm']);
    // The previous model is untouched.
    expect(prev.byId.get('b')).toMatchObject({ start: 1, end: 3, row: 1 });
    expect(prev.rows).toEqual([2, 1]);
    expect(prev.index.at(1.5).map((it) => it.id).sort()).toEqual(['a', 'b', 'm']);
    checkRows(next);
  });

  it('stacks a segment moved onto others above them, without moving them', () => {
    // c (row 0) moved over both a (row 0) and b (row 1): row 2; a and b stay.
    const in2 = input([segs[0]!, segs[1]!, seg('c', 1.2, 1.5), segs[3]!]);
    const m = nextSegmentModel(prev, prevIn, in2);
    expect(m.byId.get('c')!.row).toBe(2);
    expect(m.byId.get('a')!.row).toBe(0);
    expect(m.byId.get('b')!.row).toBe(1);
    expect(m.rows[0]).toBe(3);
    checkRows(m);
    // Moved back out: row 0 again, and the lane shrinks back to two rows.
    const m2 = nextSegmentModel(m, in2, input([segs[0]!, segs[1]!, seg('c', 7, 8), segs[3]!]));
    expect(m2.byId.get('c')!.row).toBe(0);
    expect(m2.rows[0]).toBe(2);
    checkRows(m2);
  });

  it('rebuilds from scratch on a lane change, an added or removed segment, or new suggestions', () => {
    const same = (m: SegmentModel, n: SegmentModel) => {
      expect(m.rows).toEqual(n.rows);
      expect(m.lanes).toEqual(n.lanes);
      expect(m.index.items).toEqual(n.index.items);
    };
    const relabelled = input([segs[0]!, seg('b', 1, 3, 'music'), segs[2]!, segs[3]!]);
    same(nextSegmentModel(prev, prevIn, relabelled), buildSegmentModel(relabelled));
    const fewer = input(segs.slice(1));
    same(nextSegmentModel(prev, prevIn, fewer), buildSegmentModel(fewer));
    const two = input([seg('a', 4, 5), seg('b', 6, 7), segs[2]!, segs[3]!]);
    same(nextSegmentModel(prev, prevIn, two), buildSegmentModel(two));
    const sugg = input(segs, [seg('p', 1, 2)]);
    same(nextSegmentModel(prev, prevIn, sugg), buildSegmentModel(sugg));
    expect(nextSegmentModel(prev, prevIn, input(segs))).toBe(prev);
  });

  it('keeps rows valid and the index exact through any sequence of single moves', () => {
    const spans = fc.array(fc.tuple(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0.05, max: 10, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 40 });
    const moves = fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0.05, max: 10, noNaN: true })), { maxLength: 25 });
    fc.assert(
      fc.property(spans, moves, (raw, edits) => {
        let current = raw.map(([s, l, music], i) => seg(`s${i}`, s, s + l, music ? 'music' : 'speech'));
        const cache = createSegmentModelCache();
        let m = cache.get(input(current));
        for (const [pick, start, len] of edits) {
          const i = pick % current.length;
          current = current.map((s, j) => (j === i ? { ...s, start, end: start + len } : s));
          m = cache.get(input(current));
          checkRows(m);
        }
        const fresh = buildSegmentModel(input(current));
        for (const t of [0, 5, 12.5, 30, 49]) expect(m.index.at(t).map((it) => it.id).sort()).toEqual(fresh.index.at(t).map((it) => it.id).sort());
        expect([...m.byId.values()].map((it) => [it.id, it.start, it.end, it.lane]).sort()).toEqual([...fresh.byId.values()].map((it) => [it.id, it.start, it.end, it.lane]).sort());
      }),
      { numRuns: 200 },
    );
  });
});
