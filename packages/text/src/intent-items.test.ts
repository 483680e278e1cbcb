import { describe, expect, it } from 'vitest';
import { OffsetIndex, type Annotation } from '@labelkit/core';
import { bucketByItem, intentItems, itemOf } from './intent-items.js';
import { joinTurns } from './text-ranges.js';
import { isTagOn } from './intent-tags.js';

const turns = [{ speaker: 'user', text: 'Hi 👋 book a flight' }, { speaker: 'agent', text: '' }, { speaker: 'agent', text: 'Sure. Where to?' }, { speaker: 'user', text: 'Paris' }];
const joined = joinTurns(turns);
const index = new OffsetIndex(joined.text);
const items = intentItems('turn', joined.text, index, undefined, joined, turns);
const r = (i: number) => joined.ranges[i]!;
const tag = (id: string, start?: number, end?: number): Annotation => ({ id, kind: 'tag', label: 'x', ...(start === undefined ? {} : { start, end }) });
const span = (id: string, start: number, end: number) => ({ id, start, end });

describe('intent items', () => {
  it('makes one item per turn with its speaker and range', () => {
    expect(items.map((it) => [it.start, it.end, it.speaker])).toEqual(joined.ranges.map((x, i) => [x.start, x.end, turns[i]!.speaker]));
  });

  it('buckets tags on their target and ranges on every item they overlap, as filtering every item would', () => {
    const tags = [tag('a', r(0).start, r(0).end), tag('b', r(2).start, r(2).end), tag('c', r(1).start, r(1).end), tag('off', r(2).start, r(2).end - 1), tag('whole'), tag('a2', r(0).start, r(0).end)];
    const ranges = [span('s1', r(0).start + 3, r(0).start + 5), span('s2', r(2).end - 2, r(3).start + 2), span('s3', r(3).start, r(3).end)];
    const b = bucketByItem(items, tags, ranges);
    // The slow reference: every item filters every annotation.
    items.forEach((it, i) => {
      expect(b.tags[i]!.map((t) => t.id)).toEqual(tags.filter((t) => t.kind === 'tag' && isTagOn(t, it.target)).map((t) => t.id));
      expect(b.ranges[i]!.map((s) => s.id)).toEqual(ranges.filter((s) => s.start < it.end && s.end > it.start).map((s) => s.id));
    });
    expect(b.ranges[2]!.map((s) => s.id)).toEqual(['s2']);
    expect(b.ranges[3]!.map((s) => s.id)).toEqual(['s2', 's3']);
  });

  it('finds the item of a tag or a slot by binary search, the empty turn included', () => {
    expect(itemOf(items, tag('b', r(2).start, r(2).end))).toBe(2);
    expect(itemOf(items, tag('c', r(1).start, r(1).end))).toBe(1);
    expect(itemOf(items, { id: 's', kind: 'span', label: 'd', start: r(3).start + 1, end: r(3).end, text: 'aris' })).toBe(3);
    expect(itemOf(items, tag('whole'))).toBe(0);
  });

  it('document scope: one item, tags without a range', () => {
    const doc = intentItems('document', 'Hello there', new OffsetIndex('Hello there'), undefined, null, undefined);
    const b = bucketByItem(doc, [tag('w'), tag('r', 0, 5)], [span('s', 0, 5)]);
    expect(b.tags[0]!.map((t) => t.id)).toEqual(['w']);
    expect(b.ranges[0]!.map((s) => s.id)).toEqual(['s']);
  });

  it('buckets 5,000 items with 10,000 annotations as the reference does (spot check), without a quadratic scan', () => {
    const many = joinTurns(Array.from({ length: 5000 }, (_, i) => ({ text: `turn ${i} says something` })));
    const big = intentItems('turn', many.text, new OffsetIndex(many.text), undefined, many, undefined);
    const tags = many.ranges.map((x, i) => tag(`t${i}`, x.start, x.end));
    const ranges = many.ranges.map((x, i) => span(`s${i}`, x.start, x.start + 4));
    const b = bucketByItem(big, tags, ranges);
    for (const i of [0, 1, 2499, 4999]) {
      expect(b.tags[i]!.map((t) => t.id)).toEqual([`t${i}`]);
      expect(b.ranges[i]!.map((s) => s.id)).toEqual([`s${i}`]);
    }
  });
});
