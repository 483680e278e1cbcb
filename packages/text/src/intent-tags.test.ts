import { describe, expect, it } from 'vitest';
import { createAnnotationStore, createSuggestionReview, defineSchema, type Annotation } from '@labelkit/core';
import { commitAcceptedIntents, exclusiveSiblings, tagsOn, toggleTag } from './intent-tags.js';
import { createLabelSearch } from './label-search.js';

const schema = defineSchema({
  labels: [
    { id: 'billing', name: 'Billing', selectable: false, exclusive: true },
    { id: 'refund', name: 'Refund', parent: 'billing', kinds: ['tag'] },
    { id: 'invoice', name: 'Invoice copy', parent: 'billing', kinds: ['tag'] },
    { id: 'travel', name: 'Travel', selectable: false },
    { id: 'book_flight', name: 'Book flight', parent: 'travel', kinds: ['tag'] },
    { id: 'cancel_flight', name: 'Cancel flight', parent: 'travel', kinds: ['tag'] },
    { id: 'urgent', name: 'Urgent', kinds: ['tag'] },
    { id: 'destination', name: 'Destination', kinds: ['span'] },
  ],
});

let n = 0;
const id = () => `t${++n}`;

describe('toggleTag', () => {
  it('adds a tag on a range and removes it on the second toggle', () => {
    const add = toggleTag(schema, [], 'urgent', { start: 0, end: 5 }, id);
    expect(add.added).toEqual([{ id: expect.any(String), kind: 'tag', label: 'urgent', source: 'human', start: 0, end: 5 }]);
    const after: Annotation[] = [...(add.added ?? [])];
    expect(toggleTag(schema, after, 'urgent', { start: 0, end: 5 }, id)).toEqual({ removed: [add.added![0]!.id] });
    // Same label on another range is a different tag.
    expect(toggleTag(schema, after, 'urgent', { start: 6, end: 9 }, id).added).toHaveLength(1);
  });

  it('keeps children of an exclusive parent single-label per target', () => {
    const existing: Annotation[] = [
      { id: 'a', kind: 'tag', label: 'refund', start: 0, end: 5 },
      { id: 'b', kind: 'tag', label: 'refund', start: 6, end: 9 },
      { id: 'c', kind: 'tag', label: 'urgent', start: 0, end: 5 },
    ];
    const change = toggleTag(schema, existing, 'invoice', { start: 0, end: 5 }, id);
    expect(change.removed).toEqual(['a']);
    expect(change.added?.[0]?.label).toBe('invoice');
  });

  it('leaves non-exclusive groups multi-label', () => {
    const existing: Annotation[] = [{ id: 'x', kind: 'tag', label: 'book_flight' }];
    expect(toggleTag(schema, existing, 'cancel_flight', null, id).removed).toEqual([]);
    expect(exclusiveSiblings(schema, 'book_flight')).toEqual([]);
    expect(exclusiveSiblings(schema, 'refund')).toEqual(['invoice']);
  });

  it('makes top-level tags exclusive with schema.exclusiveTags', () => {
    const s2 = defineSchema({ exclusiveTags: true, labels: [{ id: 'pos', kinds: ['tag'] }, { id: 'neg', kinds: ['tag'] }] });
    const change = toggleTag(s2, [{ id: 'p', kind: 'tag', label: 'pos' }], 'neg', null, id);
    expect(change.removed).toEqual(['p']);
  });

  it('tells whole-item tags from ranged ones', () => {
    const list: Annotation[] = [{ id: 'w', kind: 'tag', label: 'urgent' }, { id: 'r', kind: 'tag', label: 'urgent', start: 0, end: 2 }];
    expect(tagsOn(list, null).map((t) => t.id)).toEqual(['w']);
    expect(tagsOn(list, { start: 0, end: 2 }).map((t) => t.id)).toEqual(['r']);
  });
});

describe('commitAcceptedIntents', () => {
  const tag = (id: string, label: string, score: number, start?: number): Annotation => ({ id, kind: 'tag', label, score, source: 'model', ...(start === undefined ? {} : { start, end: start + 5 }) });
  it('accepts exclusive intents together: the highest score stays, one undo step takes all back', () => {
    const store = createAnnotationStore([{ id: 'h', kind: 'tag', label: 'invoice', source: 'human', start: 0, end: 5 }]);
    const review = createSuggestionReview(store, {
      suggestions: [tag('s1', 'refund', 0.9, 0), tag('s2', 'invoice', 0.6, 0), tag('s3', 'urgent', 0.3, 0), tag('s4', 'refund', 0.5, 10), { id: 's5', kind: 'span', label: 'destination', start: 1, end: 3, text: 'ab', score: 0.1 }],
      commit: commitAcceptedIntents(schema),
    });
    const changes: number[] = [];
    store.subscribe(() => changes.push(1));
    review.acceptAll();
    expect(changes).toHaveLength(1);
    expect(store.getSnapshot().map((a) => a.id).sort()).toEqual(['s1', 's3', 's4', 's5']);
    const back = review.undo();
    expect(back.events.map((e) => e.id).sort()).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(store.getSnapshot().map((a) => a.id)).toEqual(['h']);
  });
  it('replaces a tag of the same label on the same target, and leaves other targets alone', () => {
    const store = createAnnotationStore([{ id: 'h', kind: 'tag', label: 'urgent', source: 'human' }, { id: 'k', kind: 'tag', label: 'refund', source: 'human', start: 10, end: 15 }]);
    const review = createSuggestionReview(store, { suggestions: [tag('s1', 'urgent', 0.8), tag('s2', 'invoice', 0.7)], commit: commitAcceptedIntents(schema) });
    review.acceptAll();
    expect(store.getSnapshot().map((a) => a.id).sort()).toEqual(['k', 's1', 's2']);
  });
});

describe('createLabelSearch', () => {
  it('finds intents by name, group and id, name prefixes first', () => {
    const search = createLabelSearch(schema, 'tag');
    expect(search('flight').map((m) => m.label.id)).toEqual(['book_flight', 'cancel_flight']);
    expect(search('canc').map((m) => m.label.id)).toEqual(['cancel_flight']);
    expect(search('billing').map((m) => m.label.id)).toEqual(['refund', 'invoice']);
    expect(search('travel book')[0]?.path).toEqual(['Travel']);
    expect(search('').length).toBe(5);
    expect(search('zzz')).toEqual([]);
  });

  it('searches 1,000 intents in well under a frame', () => {
    const big = defineSchema({
      labels: [
        ...Array.from({ length: 20 }, (_, g) => ({ id: `g${g}`, name: `Group ${g}`, selectable: false })),
        ...Array.from({ length: 1000 }, (_, i) => ({ id: `intent_${i}`, name: `Intent number ${i}`, parent: `g${i % 20}`, kinds: ['tag' as const] })),
      ],
    });
    const search = createLabelSearch(big, 'tag');
    const t0 = performance.now();
    for (const q of ['i', 'in', 'int', 'intent 99', 'number 5', 'group 3']) search(q);
    const per = (performance.now() - t0) / 6;
    expect(search('number 999').map((m) => m.label.id)).toEqual(['intent_999']);
    // Generous bound: a sanity check against accidental quadratic work, not a benchmark.
    expect(per).toBeLessThan(16);
  });
});
