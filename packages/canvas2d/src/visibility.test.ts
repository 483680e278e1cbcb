import { describe, expect, it } from 'vitest';
import { isLockedShape, isShown, toggleSet } from './visibility.js';

describe('hidden and locked shapes', () => {
  it('hides a shape by itself or by its label', () => {
    const hiding = { hiddenIds: new Set(['a']), hiddenLabels: new Set(['car']) };
    expect(isShown(hiding, { id: 'a', label: 'person' })).toBe(false);
    expect(isShown(hiding, { id: 'b', label: 'car' })).toBe(false);
    expect(isShown(hiding, { id: 'b', label: 'person' })).toBe(true);
  });

  it('locks a shape by itself or by its label; a shape that is gone is locked only by id', () => {
    const locks = { lockedIds: new Set(['a']), lockedLabels: new Set(['car']) };
    expect(isLockedShape(locks, 'a', undefined)).toBe(true);
    expect(isLockedShape(locks, 'b', 'car')).toBe(true);
    expect(isLockedShape(locks, 'b', 'person')).toBe(false);
    expect(isLockedShape(locks, 'b', undefined)).toBe(false);
  });

  it('toggles ids together: all out if all were in, else all in', () => {
    expect([...toggleSet(new Set(['a', 'b']), ['a', 'b'])]).toEqual([]);
    expect([...toggleSet(new Set(['a']), ['a', 'b'])].sort()).toEqual(['a', 'b']);
    const before = new Set(['a']);
    toggleSet(before, ['a']);
    expect([...before]).toEqual(['a']);
  });
});
