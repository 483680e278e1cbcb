import { describe, expect, it } from 'vitest';
import type { SegmentAnnotation } from './annotation.js';
import { createAnnotationStore } from './store.js';
import { createReviewHistory } from './review-history.js';

const seg = (id: string): SegmentAnnotation => ({ id, kind: 'segment', label: 'x', start: 0, end: 1 });

/** A store and a review history driven the way the annotator drives them: undo/redo try the review first. */
function session() {
  const store = createAnnotationStore([]);
  const review = createReviewHistory();
  const log: string[] = [];
  const depth = () => store.history.undoDepth;
  return {
    edit: (id: string) => store.apply({ added: [seg(id)] }, { origin: 'user' }),
    reject: (id: string) => review.rejected([id], depth()),
    undo: () => {
      const r = review.undo(depth(), store.history.redoDepth);
      if (r) log.push(`unreject ${r.join()}`);
      else if (store.undo()) log.push('undo edit');
      else log.push('nothing');
    },
    redo: () => {
      const r = review.redo(depth(), store.history.redoDepth);
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

describe('ReviewHistory on its own', () => {
  it('says whether undo or redo would return a rejection, and keeps a rejection of several ids as one step', () => {
    const review = createReviewHistory();
    expect(review.canUndo(0)).toBe(false);
    review.rejected(['a', 'b'], 2);
    // Only with the store where it stood at the rejection.
    expect(review.canUndo(3)).toBe(false);
    expect(review.undo(3, 0)).toBeNull();
    expect(review.canUndo(2)).toBe(true);
    expect(review.undo(2, 0)).toEqual(['a', 'b']);
    expect(review.canUndo(2)).toBe(false);
    expect(review.canRedo(2, 1)).toBe(false);
    expect(review.canRedo(2, 0)).toBe(true);
    expect(review.redo(2, 0)).toEqual(['a', 'b']);
    expect(review.canRedo(2, 0)).toBe(false);
    expect(review.canUndo(2)).toBe(true);
  });

  it('keeps its own copy of the ids it is given', () => {
    const review = createReviewHistory();
    const ids = ['a'];
    review.rejected(ids, 0);
    ids.push('b');
    expect(review.undo(0, 0)).toEqual(['a']);
  });
});
