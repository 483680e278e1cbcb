import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Annotation, SpanAnnotation } from '@labelkit/core';
import { SpanBuckets } from './span-buckets.js';
import { bucketSpans } from './span-lanes.js';

const span = (id: string, start: number, end: number): SpanAnnotation => ({ id, kind: 'span', label: 'x', start, end, text: '' });
const tag = (id: string): Annotation => ({ id, kind: 'tag', label: 't' });
const starts = [0, 10, 20, 30];
const ids = (b: SpanAnnotation[][]) => b.map((l) => l.map((x) => x.id).sort());

describe('SpanBuckets', () => {
  it('matches a full rebuild after any few edits of annotations and suggestions (property)', () => {
    const edit = fc.tuple(fc.constantFrom('add', 'replace', 'remove', 'tag'), fc.nat(100), fc.nat(45), fc.integer({ min: 0, max: 15 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(39), fc.integer({ min: 1, max: 15 })), { maxLength: 30 }), fc.array(fc.tuple(fc.boolean(), edit), { maxLength: 6 }), (pairs, edits) => {
        let annotations: Annotation[] = pairs.map(([a, len], i) => span(`s${i}`, a, a + len));
        let suggestions: Annotation[] = [span('g0', 1, 4), tag('t0')];
        const b = new SpanBuckets();
        b.update(annotations, suggestions, starts, 40);
        edits.forEach(([onSuggestions, [kind, at, a, len]], k) => {
          let list = onSuggestions ? [...suggestions] : [...annotations];
          const idx = list.length ? at % list.length : 0;
          // Offsets past the text (45 > 40) and empty spans (len 0) must be left out, as in a rebuild.
          if (kind === 'add') list.push(span(`n${k}`, a, a + len));
          else if (kind === 'tag') list.push(tag(`t${k}`));
          else if (kind === 'replace' && list.length) list[idx] = span(list[idx]!.id, a, a + len);
          else if (kind === 'remove' && list.length) list = list.filter((_, i) => i !== idx);
          if (onSuggestions) suggestions = list;
          else annotations = list;
          const drawable = [...suggestions, ...annotations].filter((x): x is SpanAnnotation => x.kind === 'span' && x.start < x.end && x.end <= 40);
          expect(ids(b.update(annotations, suggestions, starts, 40))).toEqual(ids(bucketSpans(drawable, starts)));
        });
        expect(b.rebuilds).toBe(1);
      }),
    );
  });

  it('copies only the chunk an added span falls in, and returns the same buckets when nothing changed', () => {
    const annotations = [span('a', 0, 5), span('b', 22, 25)];
    const b = new SpanBuckets();
    const first = b.update(annotations, [], starts, 40);
    expect(b.update([...annotations], [], starts, 40)).toBe(first);
    const next = b.update([...annotations, span('c', 12, 14)], [], starts, 40);
    expect(next).not.toBe(first);
    expect(next[0]).toBe(first[0]);
    expect(next[2]).toBe(first[2]);
    expect(next[1]!.map((x) => x.id)).toEqual(['c']);
  });

  it('rebuilds when the chunks, the text length or most of the list change', () => {
    const annotations = Array.from({ length: 50 }, (_, i) => span(`s${i}`, i % 35, (i % 35) + 3));
    const b = new SpanBuckets();
    b.update(annotations, [], starts, 40);
    b.update(annotations, [], [0, 20], 40);
    expect(b.rebuilds).toBe(2);
    const shorter = b.update(annotations, [], [0, 20], 30);
    expect(b.rebuilds).toBe(3);
    expect(shorter.flat().every((s) => s.end <= 30)).toBe(true);
    b.update(annotations.map((s) => ({ ...s })), [], [0, 20], 30);
    expect(b.rebuilds).toBe(4);
  });
});
