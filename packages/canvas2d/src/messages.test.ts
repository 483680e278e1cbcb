import { describe, expect, it } from 'vitest';
import type { BBoxAnnotation } from '@labelkit/core';
import { describeSelection, historyMessage, lockedMessage, shapeCount, withNote } from './messages.js';

const car: BBoxAnnotation = { id: 'c1', kind: 'bbox', label: 'car', x: 10, y: 20, width: 30, height: 40 };
const car2: BBoxAnnotation = { ...car, id: 'c2' };
const shapes = new Map([car, car2].map((a) => [a.id, a]));
const nameOf = (id: string) => ({ car: 'Car' })[id] ?? id;
const none = new Set<string>();

describe('live region messages', () => {
  it('counts shapes', () => {
    expect(shapeCount(1)).toBe('1 shape');
    expect(shapeCount(3)).toBe('3 shapes');
  });

  it('describes a selection', () => {
    expect(describeSelection([], (id) => shapes.get(id), nameOf)).toBe('Selection cleared');
    expect(describeSelection(['c1'], (id) => shapes.get(id), nameOf)).toBe('Selected Car box 30×40 at 10, 20');
    expect(describeSelection(['gone'], (id) => shapes.get(id), nameOf)).toBe('Selected 1 shape');
    expect(describeSelection(['c1', 'c2'], (id) => shapes.get(id), nameOf)).toBe('2 shapes selected');
  });

  it('says why locked shapes were left alone and how to unlock them', () => {
    expect(lockedMessage([], { lockedIds: none, lockedLabels: none }, 'moved', nameOf, 'L')).toBe('');
    expect(lockedMessage([car], { lockedIds: new Set(['c1']), lockedLabels: none }, 'moved', nameOf, 'L')).toBe('Car box is locked and was not moved: press L to unlock.');
    expect(lockedMessage([car, car2], { lockedIds: none, lockedLabels: new Set(['car']) }, 'deleted', nameOf, 'L')).toBe(
      '2 locked shapes were not deleted: unlock Car in the Labels panel.',
    );
  });

  it('appends a note only when there is one', () => {
    expect(withNote('Moved', '')).toBe('Moved');
    expect(withNote('Moved', 'Car box is locked.')).toBe('Moved. Car box is locked.');
  });

  it('says what an undo or redo took back or did again', () => {
    const none = { added: [], updated: [], removed: [] };
    expect(historyMessage('Undone', { ...none, added: [car] }, nameOf)).toBe('Undone: deleted Car box, restored');
    expect(historyMessage('Redone', { ...none, removed: [car] }, nameOf)).toBe('Redone: deleted Car box');
    expect(historyMessage('Undone', { ...none, removed: [car, car2] }, nameOf)).toBe('Undone: created 2 shapes, removed');
    expect(historyMessage('Redone', { ...none, added: [car, car2] }, nameOf)).toBe('Redone: created 2 shapes');
    expect(historyMessage('Undone', { ...none, updated: [[car, { ...car, x: 0 }]] }, nameOf)).toBe('Undone: edit of Car box');
    expect(historyMessage('Redone', { ...none, moved: [{ id: 'c1', from: 0, to: 1 }] }, nameOf)).toBe('Redone: change of order of 1 shape');
    expect(historyMessage('Undone', none, nameOf)).toBe('Undone');
  });
});
