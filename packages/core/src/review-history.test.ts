import { describe, expect, it } from 'vitest';
import type { SegmentAnnotation } from './annotation.js';
import { createAnnotationStore } from './store.js';
import { createReviewHistory } from './review-history.js';

const seg = (id: string): SegmentAnnotation => ({ id, kind: 'segment', label: 'x', start: 0, end: 1 });

/** A store and a review history driven the way the annotator drives them: undo/redo try the review first. */
function session() {
  const store = createAnnotationStore([]);
  const review = createReviewHistory(store);
  const log: string[] = [];
  return {
    edit: (id: string) => store.apply({ added: [seg(id)] }, { origin: 'user' }),
    reject: (id: string) => review.rejected([id]),
    undo: () => {
      const r = review.undo();
      if (r) log.push(`unreject ${r.join()}`);
      else if (store.undo()) log.push('undo edit');
      else log.push('nothing');
    },
    redo: () => {
      const r = review.redo();
      if (r) log.push(`reject ${r.join()}`);
      else if (store.redo()) log.push('redo edit');
      else log.push('nothing');
    },
    log,
  };
}

describe('ReviewHistory interleaved with the store history', () => {
  it('undoes and redoes rejections and edits in the order they happened', () => {
    const s = session();
    s.edit('a');
    s.reject('r1');
    s.edit('b');
    s.reject('r2');
    s.undo();
    s.undo();
    s.undo();
    s.undo();
    s.undo();
    expect(s.log).toEqual(['unreject r2', 'undo edit', 'unreject r1', 'undo edit', 'nothing']);
    s.log.length = 0;
    s.redo();
    s.redo();
    s.redo();
    s.redo();
    s.redo();
    expect(s.log).toEqual(['redo edit', 'reject r1', 'redo edit', 'reject r2', 'nothing']);
  });

  it('drops what could be redone once a new edit or rejection is made', () => {
    const s = session();
    s.reject('r1');
    s.undo();
    s.edit('a');
    s.redo();
    expect(s.log).toEqual(['unreject r1', 'nothing']);
    s.log.length = 0;
    s.reject('r2');
    s.undo();
    s.reject('r3');
    s.redo();
    expect(s.log).toEqual(['unreject r2', 'nothing']);
  });
});

/** A store that can neither undo nor redo, at the given depths: what the review answers alone. */
function fixedStore() {
  const history = { undoDepth: 0, redoDepth: 0 };
  return { history, canUndo: () => false, canRedo: () => false };
}

describe('ReviewHistory on its own', () => {
  it('says whether undo or redo would return a rejection, and keeps a rejection of several ids as one step', () => {
    const store = fixedStore();
    const review = createReviewHistory(store);
    const at = (undoDepth: number, redoDepth: number) => Object.assign(store.history, { undoDepth, redoDepth });
    expect(review.canUndo()).toBe(false);
    at(2, 0);
    review.rejected(['a', 'b']);
    // Only with the store where it stood at the rejection.
    at(3, 0);
    expect(review.canUndo()).toBe(false);
    expect(review.undo()).toBeNull();
    at(2, 0);
    expect(review.canUndo()).toBe(true);
    expect(review.undo()).toEqual(['a', 'b']);
    expect(review.canUndo()).toBe(false);
    at(2, 1);
    expect(review.canRedo()).toBe(false);
    at(2, 0);
    expect(review.canRedo()).toBe(true);
    expect(review.redo()).toEqual(['a', 'b']);
    expect(review.canRedo()).toBe(false);
    expect(review.canUndo()).toBe(true);
  });

  it('can undo or redo whenever the store can', () => {
    const store = { ...fixedStore(), canUndo: () => true, canRedo: () => true };
    const review = createReviewHistory(store);
    expect(review.undo()).toBeNull();
    expect([review.canUndo(), review.canRedo()]).toEqual([true, true]);
  });

  it('keeps its own copy of the ids it is given', () => {
    const review = createReviewHistory(fixedStore());
    const ids = ['a'];
    review.rejected(ids);
    ids.push('b');
    expect(review.undo()).toEqual(['a']);
  });
});
