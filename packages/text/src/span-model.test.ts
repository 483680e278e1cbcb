import { describe, expect, it } from 'vitest';
import { defineSchema, OffsetIndex, type SpanAnnotation } from '@labelkit/core';
import { drawSpans, findSpanById, isDrawable, layoutVisible, makeSpan, moveSpanEdge, readingOrder, resizeSpan } from './span-model.js';
import { bucketSpans } from './span-lanes.js';
import type { DrawnSpan } from './TextFragments.js';

const schema = defineSchema({ labels: [{ id: 'loc', name: 'Location', color: '#112233', kinds: ['span'], attributes: [{ id: 'kb', type: 'text', default: 'none' }] }] });
const span = (id: string, start: number, end: number): SpanAnnotation => ({ id, kind: 'span', label: 'loc', start, end, text: '' });

describe('span model', () => {
  it('makes and resizes spans with text sliced in code points and default attributes', () => {
    const index = new OffsetIndex('🇯🇵 Tokyo');
    const s = makeSpan(schema, index, 3, 8, 'loc', 'a');
    expect(s).toEqual({ id: 'a', kind: 'span', label: 'loc', start: 3, end: 8, text: 'Tokyo', source: 'human', attributes: { kb: 'none' } });
    expect(resizeSpan(s, index, 0, 2).text).toBe('🇯🇵');
  });

  it('orders spans for Tab: by start, enclosing first', () => {
    expect(readingOrder([span('in', 2, 4), span('out', 2, 9), span('a', 0, 1)]).map((s) => s.id)).toEqual(['a', 'out', 'in']);
  });

  it('rejects spans that do not fit the text', () => {
    expect([span('a', 0, 3), span('b', 2, 2), span('c', 1, 99), { ...span('d', 0, 1), start: 0.5 }].map((s) => isDrawable(s, 10))).toEqual([true, false, false, false]);
    expect(drawSpans(schema, [span('a', 0, 3), span('c', 1, 99)], [], 10).map((d) => d.id)).toEqual(['a']);
  });

  it('lays out only the visible chunks, overlapping spans on distinct lanes, reusing drawn objects', () => {
    const spans = [span('far', 500, 510), span('outer', 0, 30), span('inner', 5, 12), span('next', 25, 40)];
    const sugg = span('sugg', 6, 8);
    const buckets = bucketSpans([...spans, sugg], [0, 20, 100, 400]);
    const cache = new WeakMap<SpanAnnotation, DrawnSpan>();
    const layout = layoutVisible(schema, buckets, 0, 1, new Set([sugg]), cache);
    expect(layout.spans[0]!.map((d) => d.id).sort()).toEqual(['inner', 'outer', 'sugg']);
    expect(layout.spans.flat().some((d) => d.id === 'far')).toBe(false);
    const byId = new Map(layout.spans.flat().map((d) => [d.id, d]));
    expect(new Set(['outer', 'inner', 'sugg'].map((id) => byId.get(id)!.lane)).size).toBe(3);
    expect(byId.get('sugg')!.suggestion).toBe(true);
    expect(byId.get('outer')).toMatchObject({ color: '#112233', labelName: 'Location', suggestion: false });
    expect(layout.lanes[0]).toBe(3);
    const again = layoutVisible(schema, buckets, 0, 1, new Set([sugg]), cache);
    expect(again.spans[0]![0]).toBe(layout.spans[0]![0]);
  });
});

describe('moveSpanEdge', () => {
  const text = '🇯🇵 Tokyo and Osaka';
  it('moves an edge by a grapheme (a flag is one) or by a word', () => {
    expect(moveSpanEdge(text, { start: 3, end: 8 }, 'start', -1)).toEqual({ start: 2, end: 8 });
    expect(moveSpanEdge(text, { start: 2, end: 8 }, 'start', -1)).toEqual({ start: 0, end: 8 });
    expect(moveSpanEdge(text, { start: 3, end: 8 }, 'end', 1, { unit: 'word' })).toEqual({ start: 3, end: 12 });
    expect(moveSpanEdge(text, { start: 3, end: 8 }, 'end', -1)).toEqual({ start: 3, end: 7 });
  });
  it('never empties a span and stays within bounds', () => {
    expect(moveSpanEdge(text, { start: 3, end: 4 }, 'end', -1)).toBeNull();
    expect(moveSpanEdge(text, { start: 3, end: 4 }, 'start', 1)).toBeNull();
    expect(moveSpanEdge(text, { start: 3, end: 8 }, 'start', -1, { min: 3 })).toEqual({ start: 3, end: 8 });
    expect(moveSpanEdge(text, { start: 3, end: 8 }, 'end', 1, { unit: 'word', max: 10 })).toEqual({ start: 3, end: 10 });
  });
});

describe('findSpanById', () => {
  it('finds spans (newest first), not other kinds', () => {
    const list = [span('a', 0, 1), { id: 't', kind: 'tag' as const, label: 'x' }, span('b', 1, 2)];
    expect(findSpanById(list, 'b')).toBe(list[2]);
    expect(findSpanById(list, 'a')).toBe(list[0]);
    expect(findSpanById(list, 't')).toBeUndefined();
    expect(findSpanById(list, 'zz')).toBeUndefined();
    expect(findSpanById(list, undefined)).toBeUndefined();
  });
});
