import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentAnnotation } from './annotation.js';
import { createAnnotationStore } from './store.js';
import { createSuggestionReview, reviewStepMessage, type SuggestionReview } from './suggestion-review.js';

const seg = (id: string, start = 0, score?: number): SegmentAnnotation => ({
  id,
  kind: 'segment',
  label: 'x',
  start,
  end: start + 1,
  ...(score === undefined ? {} : { score }),
});
const ids = (list: readonly { id: string }[]) => list.map((a) => a.id);

function setup(suggestions: SegmentAnnotation[], historyDepth?: number) {
  const store = createAnnotationStore([], historyDepth === undefined ? {} : { historyDepth });
  const review = createSuggestionReview(store, { suggestions, order: (a, b) => (a.kind === 'segment' && b.kind === 'segment' ? a.start - b.start : 0) });
  const edit = (id: string) => store.apply({ added: [seg(id, 100)] }, { origin: 'user' });
  return { store, review, edit };
}

describe('createSuggestionReview', () => {
  it('keeps the pending suggestions in queue order, stable on ties', () => {
    const { review } = setup([seg('c', 5), seg('a', 1), seg('b', 1)]);
    expect(ids(review.pending())).toEqual(['a', 'b', 'c']);
  });

  it('accepts into the store as one undo step with source model, and undo puts them back in the queue', () => {
    const { store, review } = setup([seg('a', 1, 0.9), seg('b', 2)]);
    const r = review.accept(['a', 'b']);
    expect(r.events).toEqual([
      { id: 'a', decision: 'accepted' },
      { id: 'b', decision: 'accepted' },
    ]);
    expect(store.getSnapshot().map((a) => [a.id, a.source, a.score])).toEqual([
      ['a', 'model', 0.9],
      ['b', 'model', undefined],
    ]);
    expect(store.history.undoDepth).toBe(1);
    expect(review.pending()).toEqual([]);
    const u = review.undo();
    expect(u.kind).toBe('store');
    expect(u.events.map((e) => e.decision)).toEqual(['undone', 'undone']);
    expect(store.getSnapshot()).toEqual([]);
    expect(ids(review.pending())).toEqual(['a', 'b']);
    const r2 = review.redo();
    expect(r2.events.map((e) => e.decision)).toEqual(['accepted', 'accepted']);
    expect(store.getSnapshot()).toHaveLength(2);
  });

  it('gives an accepted annotation a fresh id when its id is taken, and remembers where it came from', () => {
    const store = createAnnotationStore([seg('a', 50)]);
    const review = createSuggestionReview(store, { suggestions: [seg('a', 1)] });
    const { annotations } = review.accept(['a']);
    expect(annotations[0]!.id).not.toBe('a');
    expect(review.sourceOf(annotations[0]!.id)).toBe('a');
    expect(review.annotationOf('a')).toBe(annotations[0]!.id);
    expect(store.getSnapshot()).toHaveLength(2);
  });

  it('accepts an edited suggestion as what the reviewer made of it', () => {
    const { store, review } = setup([seg('a', 1)]);
    review.accept([{ id: 'a', as: { ...seg('a', 3), label: 'y' } }]);
    expect(store.get('a')).toMatchObject({ start: 3, label: 'y', source: 'model' });
  });

  it('forgets an accept whose annotation a cancelled gesture removed again, leaving no step', () => {
    const { store, review } = setup([seg('a', 1)]);
    store.beginGesture();
    const { annotations } = review.accept([{ id: 'a', as: seg('a', 4) }]);
    store.apply({ updated: [seg('a', 5)] }, { origin: 'user' });
    store.apply({ removed: [annotations[0]!.id] }, { origin: 'user' });
    expect(review.forget(['a', 'zz'])).toEqual(['a']);
    store.endGesture();
    expect(ids(review.pending())).toEqual(['a']);
    expect(review.sourceOf('a')).toBeUndefined();
    expect(review.annotationOf('a')).toBeUndefined();
    expect(store.getSnapshot()).toEqual([]);
    expect(review.canUndo()).toBe(false);
  });

  it('skips ids that are not pending', () => {
    const { store, review } = setup([seg('a', 1)]);
    review.reject(['a']);
    expect(review.accept(['a', 'zz']).events).toEqual([]);
    expect(store.getSnapshot()).toEqual([]);
  });

  it('accept all and reject all mean all pending, with an optional score threshold', () => {
    const { review } = setup([seg('a', 1, 0.9), seg('b', 2, 0.5), seg('c', 3)]);
    expect(ids(review.acceptAll({ minScore: 0.8 }).annotations)).toEqual(['a']);
    expect(review.rejectAll({ maxScore: 0.6 }).map((e) => e.id)).toEqual(['b', 'c']);
    const r = setup([seg('a', 1, 0.9), seg('b', 2, 0.5), seg('c', 3)]).review;
    expect(ids(r.acceptAll().annotations)).toEqual(['a', 'b', 'c']);
  });

  it('steps through the pending suggestions in queue order, wrapping, from a decided or unknown id', () => {
    const { review } = setup([seg('a', 1), seg('b', 2), seg('c', 3)]);
    expect(review.step(null, 1)).toBe('a');
    expect(review.step(null, -1)).toBe('c');
    expect(review.step('c', 1)).toBe('a');
    review.reject(['b']);
    expect(review.step('b', 1)).toBe('c');
    expect(review.step('a', 1)).toBe('c');
    expect(review.step('a', -1)).toBe('c');
    review.reject(['a', 'c']);
    expect(review.step('a', 1)).toBeNull();
  });

  it('undoes and redoes edits, accepts and rejections in the order they happened', () => {
    const { review, edit } = setup([seg('r1', 1), seg('r2', 2), seg('a1', 3)]);
    edit('e1');
    review.reject(['r1']);
    review.accept(['a1']);
    edit('e2');
    review.reject(['r2']);
    const undos = [1, 2, 3, 4, 5, 6].map(() => review.undo());
    expect(undos.map((s) => `${s.kind}:${s.events.map((e) => e.id).join()}`)).toEqual([
      'rejection:r2',
      'store:',
      'store:a1',
      'rejection:r1',
      'store:',
      'none:',
    ]);
    expect(review.canUndo()).toBe(false);
    const redos = [1, 2, 3, 4, 5, 6].map(() => review.redo());
    expect(redos.map((s) => `${s.kind}:${s.events.map((e) => `${e.id}=${e.decision}`).join()}`)).toEqual([
      'store:',
      'rejection:r1=rejected',
      'store:a1=accepted',
      'store:',
      'rejection:r2=rejected',
      'none:',
    ]);
  });

  it('ends what could be redone when a new step is made', () => {
    const { review, edit } = setup([seg('r1', 1), seg('r2', 2)]);
    review.reject(['r1']);
    review.undo();
    edit('e1');
    expect(review.canRedo()).toBe(false);
    expect(review.redo().kind).toBe('none');
    review.undo();
    review.reject(['r2']);
    expect(review.redo().kind).toBe('none');
  });

  it('keeps the order past the history depth limit (the step id only grows)', () => {
    // The case the old depth-tagged review history got wrong: two edits fill a history of depth 2, a
    // rejection, one more edit; undo must take back the newest edit first.
    const { review, edit } = setup([seg('r', 1)], 2);
    edit('e1');
    edit('e2');
    review.reject(['r']);
    edit('e3');
    expect(review.undo()).toMatchObject({ kind: 'store' });
    expect(review.undo()).toMatchObject({ kind: 'rejection', events: [{ id: 'r', decision: 'undone' }] });
    expect(review.undo()).toMatchObject({ kind: 'store' });
    expect(review.undo()).toMatchObject({ kind: 'none' });
  });

  it('undo and redo follow a model of one timeline for any sequence of actions, past the history cap', () => {
    type Act = { t: 'edit' } | { t: 'reject' } | { t: 'accept' } | { t: 'undo' } | { t: 'redo' };
    const act: fc.Arbitrary<Act> = fc.oneof(
      fc.constant({ t: 'edit' } as const),
      fc.constant({ t: 'reject' } as const),
      fc.constant({ t: 'accept' } as const),
      fc.constant({ t: 'undo' } as const),
      fc.constant({ t: 'redo' } as const),
    );
    fc.assert(
      fc.property(fc.array(act, { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (acts, depth) => {
        const suggestions = Array.from({ length: 30 }, (_, i) => seg(`s${i}`, i));
        const { review, edit, store } = setup(suggestions, depth);
        // The model: one timeline of steps; store steps beyond `depth` fall off the bottom and, with
        // them, everything under them (undo stops at the oldest store step kept).
        type Step = { kind: 'store' | 'rejection'; id: string };
        let done: Step[] = [];
        let undone: Step[] = [];
        let n = 0;
        const trim = () => {
          const storeSteps = done.filter((s) => s.kind === 'store').length;
          if (storeSteps <= depth) return;
          let drop = storeSteps - depth;
          let cut = 0;
          while (drop > 0) if (done[cut++]!.kind === 'store') drop--;
          // Rejections older than the oldest store step kept stay undoable in the review (they are
          // its own), so the model keeps them: only dropped store steps leave.
          done = done.filter((s, i) => i >= cut || s.kind === 'rejection');
        };
        for (const a of acts) {
          if (a.t === 'edit') {
            edit(`e${n++}`);
            done.push({ kind: 'store', id: '' });
            undone = [];
            trim();
          } else if (a.t === 'reject' || a.t === 'accept') {
            const id = review.step(null, 1);
            if (id === null) continue;
            if (a.t === 'reject') review.reject([id]);
            else review.accept([id]);
            done.push({ kind: a.t === 'reject' ? 'rejection' : 'store', id: a.t === 'reject' ? id : '' });
            undone = [];
            trim();
          } else if (a.t === 'undo') {
            const got = review.undo();
            const want = done.pop();
            if (want) undone.push(want);
            expect(got.kind).toBe(want?.kind ?? 'none');
            if (want?.kind === 'rejection') expect(got.events).toEqual([{ id: want.id, decision: 'undone' }]);
          } else {
            const got = review.redo();
            const want = undone.pop();
            if (want) done.push(want);
            expect(got.kind).toBe(want?.kind ?? 'none');
            if (want?.kind === 'rejection') expect(got.events).toEqual([{ id: want.id, decision: 'rejected' }]);
          }
        }
        // Accepted suggestions are exactly the model annotations in the store.
        const accepted = [...review.getState().decisions].filter(([, d]) => d === 'accepted').map(([id]) => id);
        expect(accepted.sort()).toEqual(store.getSnapshot().filter((a) => a.source === 'model').map((a) => a.id).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('keeps decisions on ids still present when the suggestions are replaced, and notifies subscribers', () => {
    const { review } = setup([seg('a', 1), seg('b', 2)]);
    let calls = 0;
    const off = review.subscribe(() => calls++);
    review.reject(['a']);
    const before = review.getState();
    expect(review.getState()).toBe(before);
    review.setSuggestions([seg('a', 1), seg('c', 0)]);
    expect(ids(review.pending())).toEqual(['c']);
    expect(review.getState().decisions.get('a')).toBe('rejected');
    off();
    review.reject(['c']);
    expect(calls).toBe(2);
  });
});

describe('reviewStepMessage', () => {
  const review = (): SuggestionReview => setup([seg('a', 1), seg('b', 2)]).review;
  it('says what an undo or redo took back or made again', () => {
    const r = review();
    r.reject(['a']);
    expect(reviewStepMessage('Undone', r.undo(), () => '“x”')).toBe('Undone: rejection of suggestion “x”, pending again');
    r.accept(['a', 'b']);
    expect(reviewStepMessage('Undone', r.undo(), () => undefined)).toBe('Undone: accept of 2 suggestions, pending again');
    expect(reviewStepMessage('Redone', r.redo(), () => undefined)).toBe('Redone: accept of 2 suggestions');
    expect(reviewStepMessage('Undone', { kind: 'none', events: [], change: null }, () => undefined)).toBe('Nothing to undo');
  });
});
