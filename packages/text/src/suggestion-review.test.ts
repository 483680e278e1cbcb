import { describe, expect, it } from 'vitest';
import { createAnnotationStore, type Annotation } from '@labelkit/core';
import { createTextReview, focusAfterStep, reviewStepMessage } from './suggestion-review.js';

const span = (id: string, start: number, end: number): Annotation => ({ id, kind: 'span', label: 'x', start, end, text: '', source: 'model' });

function setup() {
  const store = createAnnotationStore([]);
  const review = createTextReview(store);
  const undo = () => review.undo(() => store.undo());
  const redo = () => review.redo(() => store.redo());
  const accept = (s: Annotation) => {
    store.apply({ added: [s] }, { origin: 'user' });
    return review.accept([{ suggestion: s.id, annotation: s.id }]);
  };
  return { store, review, undo, redo, accept };
}

describe('text suggestion review', () => {
  it('undoes and redoes a rejection as its own step', () => {
    const { review, undo, redo } = setup();
    expect(review.reject(['a', 'b'])).toEqual([{ id: 'a', decision: 'rejected' }, { id: 'b', decision: 'rejected' }]);
    expect([...review.decided()]).toEqual(['a', 'b']);
    expect(review.canUndo()).toBe(true);
    const back = undo();
    expect(back.kind).toBe('rejection');
    expect(back.events).toEqual([{ id: 'a', decision: 'undone' }, { id: 'b', decision: 'undone' }]);
    expect(review.decided().size).toBe(0);
    expect(review.canUndo()).toBe(false);
    expect(review.canRedo()).toBe(true);
    expect(redo().events).toEqual([{ id: 'a', decision: 'rejected' }, { id: 'b', decision: 'rejected' }]);
    expect([...review.decided()]).toEqual(['a', 'b']);
  });

  it('undoing an accept removes the annotation and puts the suggestion back; redo accepts it again', () => {
    const { store, review, undo, redo, accept } = setup();
    accept(span('a', 0, 3));
    expect(review.decided().has('a')).toBe(true);
    const back = undo();
    expect(back.kind).toBe('store');
    expect(store.getSnapshot()).toEqual([]);
    expect(back.events).toEqual([{ id: 'a', decision: 'undone' }]);
    expect(review.decided().has('a')).toBe(false);
    expect(redo().events).toEqual([{ id: 'a', decision: 'accepted' }]);
    expect(store.getSnapshot().map((x) => x.id)).toEqual(['a']);
  });

  it('interleaves rejections with store steps in the order they happened', () => {
    const { store, review, undo, redo, accept } = setup();
    review.reject(['r1']);
    accept(span('a', 0, 3));
    review.reject(['r2']);
    expect(undo().events).toEqual([{ id: 'r2', decision: 'undone' }]);
    expect(undo().events).toEqual([{ id: 'a', decision: 'undone' }]);
    expect(undo().events).toEqual([{ id: 'r1', decision: 'undone' }]);
    expect(undo().kind).toBe('none');
    expect(redo().events).toEqual([{ id: 'r1', decision: 'rejected' }]);
    expect(redo().events).toEqual([{ id: 'a', decision: 'accepted' }]);
    expect(redo().events).toEqual([{ id: 'r2', decision: 'rejected' }]);
    expect(store.getSnapshot().map((x) => x.id)).toEqual(['a']);
    expect(review.canRedo()).toBe(false);
  });

  it('does not decide anything when a deletion of an accepted annotation is undone or redone', () => {
    const { store, review, undo, redo, accept } = setup();
    accept(span('a', 0, 3));
    store.apply({ removed: ['a'] }, { origin: 'user' });
    expect(undo().events).toEqual([]);
    expect(redo().events).toEqual([]);
    expect(review.decided().has('a')).toBe(true);
  });

  it('notifies subscribers when the decided set changes', () => {
    const { review } = setup();
    let calls = 0;
    const off = review.subscribe(() => calls++);
    const before = review.decided();
    review.reject(['a']);
    expect(calls).toBe(1);
    expect(review.decided()).not.toBe(before);
    review.reject(['a']); // already decided: no step, no change
    expect(calls).toBe(1);
    off();
    review.reject(['b']);
    expect(calls).toBe(1);
  });

  it('phrases the live-region message and picks the focus after a step', () => {
    const { review, undo } = setup();
    review.reject(['a']);
    const step = undo();
    expect(reviewStepMessage('Undone', step, () => 'Location "Paris"')).toBe('Undone: rejection of suggestion Location "Paris", pending again');
    expect(reviewStepMessage('Undone', { kind: 'none', events: [], change: null }, () => undefined)).toBe('Nothing to undo');
    expect(focusAfterStep(step, null, [])).toBe('a');
    const list = [span('a', 0, 3), span('b', 4, 6)];
    expect(focusAfterStep({ kind: 'rejection', events: [{ id: 'a', decision: 'rejected' }], change: null }, 'a', list)).toBe('b');
    expect(focusAfterStep({ kind: 'rejection', events: [{ id: 'a', decision: 'rejected' }], change: null }, 'b', list)).toBe('b');
  });
});

describe('text suggestion review: accepts in one step', () => {
  it('undoing an accept step takes back every suggestion of it, even one whose annotation the step replaced', () => {
    const store = createAnnotationStore([]);
    const review = createTextReview(store);
    store.batch(() => {
      store.apply({ added: [span('a', 0, 3)] }, { origin: 'user' });
      store.apply({ added: [span('b', 0, 3)], removed: ['a'] }, { origin: 'user' });
    });
    review.accept([{ suggestion: 'a', annotation: 'a' }, { suggestion: 'b', annotation: 'b' }]);
    const back = review.undo(() => store.undo());
    expect([...back.events].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual([{ id: 'a', decision: 'undone' }, { id: 'b', decision: 'undone' }]);
    expect(review.redo(() => store.redo()).events).toHaveLength(2);
  });
});
