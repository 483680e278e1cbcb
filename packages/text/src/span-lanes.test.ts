import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignLanes, bucketSpans, cycleSpanAt, diffByIdentity, fragmentRange, spansAt, updateBuckets, type SpanLike } from './span-lanes.js';

const s = (id: string, start: number, end: number) => ({ id, start, end });

describe('assignLanes', () => {
  it('puts disjoint spans on lane 0 and nested ones on rising lanes, outer nearest the text', () => {
    const spans = [s('inner', 4, 6), s('outer', 0, 10), s('mid', 2, 8), s('later', 12, 14)];
    const lanes = assignLanes(spans);
    expect(Object.fromEntries(lanes)).toEqual({ outer: 0, mid: 1, inner: 2, later: 0 });
  });

  it('keeps 8 nested spans on 8 distinct lanes', () => {
    const spans = Array.from({ length: 8 }, (_, i) => s(`n${i}`, i, 20 - i));
    expect(new Set(assignLanes(spans).values()).size).toBe(8);
  });

  it('never gives overlapping spans the same lane (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.integer({ min: 1, max: 10 })), { maxLength: 40 }), (pairs) => {
        const spans = pairs.map(([a, len], i) => s(`s${i}`, a, a + len));
        const lanes = assignLanes(spans);
        for (const x of spans) for (const y of spans) {
          if (x !== y && x.start < y.end && y.start < x.end) expect(lanes.get(x.id)).not.toBe(lanes.get(y.id));
        }
      }),
    );
  });
});

describe('click-cycling', () => {
  const spans = [s('org', 0, 20), s('loc', 5, 11), s('other', 30, 40)];
  it('lists the spans under a point innermost first', () => {
    expect(spansAt(spans, 6).map((x) => x.id)).toEqual(['loc', 'org']);
    expect(spansAt(spans, 11).map((x) => x.id)).toEqual(['org']);
    expect(spansAt(spans, 25)).toEqual([]);
  });
  it('reaches the span under another by clicking again', () => {
    expect(cycleSpanAt(spans, 6, null)?.id).toBe('loc');
    expect(cycleSpanAt(spans, 6, 'loc')?.id).toBe('org');
    expect(cycleSpanAt(spans, 6, 'org')?.id).toBe('loc');
    expect(cycleSpanAt(spans, 6, 'other')?.id).toBe('loc');
    expect(cycleSpanAt(spans, 25, 'org')).toBeNull();
  });
});

describe('fragmentRange', () => {
  it('cuts at span edges and extra cuts, listing the covering spans', () => {
    const spans = [s('a', 2, 6), s('b', 4, 12)];
    const frags = fragmentRange(0, 10, spans, [8]);
    expect(frags.map((f) => [f.start, f.end, f.spans.map((x) => x.id).join('')])).toEqual([
      [0, 2, ''],
      [2, 4, 'a'],
      [4, 6, 'ab'],
      [6, 8, 'b'],
      [8, 10, 'b'],
    ]);
  });
  it('covers the range exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { maxLength: 20 }), fc.nat(30), fc.nat(30), (pairs, a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const frags = fragmentRange(start, end, pairs.map(([x, y], i) => s(`s${i}`, Math.min(x, y), Math.max(x, y))));
        let at = start;
        for (const f of frags) {
          expect(f.start).toBe(at);
          expect(f.end).toBeGreaterThan(f.start);
          at = f.end;
        }
        expect(at).toBe(end);
      }),
    );
  });
});

describe('bucketSpans', () => {
  it('lists each span under every chunk it touches', () => {
    const buckets = bucketSpans([s('x', 0, 3), s('y', 4, 12), s('z', 10, 11)], [0, 5, 10]);
    expect(buckets.map((b) => b.map((x) => x.id))).toEqual([['x', 'y'], ['y'], ['y', 'z']]);
  });
});

describe('updateBuckets', () => {
  const starts = [0, 10, 20, 30];
  const norm = (b: { id: string }[][]) => b.map((l) => l.map((x) => x.id).sort());
  it('matches a full rebuild after appends, replacements and removals (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(39), fc.integer({ min: 1, max: 15 })), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.constantFrom('add', 'replace', 'remove'), fc.nat(100), fc.nat(39), fc.integer({ min: 1, max: 15 })), { maxLength: 4 }),
        (pairs, edits) => {
          const prev = pairs.map(([a, len], i) => s(`s${i}`, a, a + len));
          let next = [...prev];
          edits.forEach(([kind, at, a, len], k) => {
            const idx = next.length ? at % next.length : 0;
            if (kind === 'add') next.push(s(`n${k}`, a, a + len));
            else if (kind === 'replace' && next.length) next[idx] = s(next[idx]!.id, a, a + len);
            else if (kind === 'remove' && next.length) next = next.filter((_, i) => i !== idx);
          });
          const prevBuckets = bucketSpans(prev, starts);
          expect(norm(updateBuckets(prev, prevBuckets, next, starts))).toEqual(norm(bucketSpans(next, starts)));
        },
      ),
    );
  });
  it('keeps untouched chunk lists and the whole result when nothing changed', () => {
    const prev = [s('a', 0, 5), s('b', 22, 25)];
    const buckets = bucketSpans(prev, starts);
    expect(updateBuckets(prev, buckets, prev, starts)).toBe(buckets);
    const next = [...prev, s('c', 12, 14)];
    const updated = updateBuckets(prev, buckets, next, starts);
    expect(updated[0]).toBe(buckets[0]);
    expect(updated[2]).toBe(buckets[2]);
    expect(updated[1]!.map((x) => x.id)).toEqual(['c']);
  });
});

describe('diffByIdentity', () => {
  it('finds appended, inserted, replaced and removed objects, and gives up past maxChanges', () => {
    const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((id) => s(id, 0, 1)) as [SpanLike, SpanLike, SpanLike, SpanLike, SpanLike];
    expect(diffByIdentity([a, b, c], [a, b, c, d])).toEqual({ removed: [], added: [d] });
    expect(diffByIdentity([a, b, c], [a, d, b, c])).toEqual({ removed: [], added: [d] });
    expect(diffByIdentity([a, b, c], [a, c])).toEqual({ removed: [b], added: [] });
    expect(diffByIdentity([a, b, c], [a, e, c])).toEqual({ removed: [b], added: [e] });
    expect(diffByIdentity([a, b, c], [d, e, a], 2)).toBeNull();
  });
  it('turns prev into next as multisets (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 20 }), fc.array(fc.nat(20), { maxLength: 20 }), (p, n) => {
        const pool = Array.from({ length: 21 }, (_, i) => s(`x${i}`, 0, 1));
        const prev = [...new Set(p)].map((i) => pool[i]!);
        const next = [...new Set(n)].map((i) => pool[i]!);
        const diff = diffByIdentity(prev, next, 100);
        expect(diff).not.toBeNull();
        const result = prev.filter((x) => !diff!.removed.includes(x)).concat(diff!.added);
        expect(result.map((x) => x.id).sort()).toEqual(next.map((x) => x.id).sort());
      }),
    );
  });
});
