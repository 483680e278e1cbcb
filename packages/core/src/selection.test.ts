import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EMPTY_SELECTION, prune, select, setFocused, setHovered, spatialOrder, type SelectionState } from './selection.js';

const state = (selected: string[], hovered: string | null = null, focused: string | null = null): SelectionState => ({
  selected,
  hovered,
  focused,
});

describe('select', () => {
  it('replaces, adds, toggles and removes, keeping selection order', () => {
    const s = state(['a', 'b']);
    expect(select(s, ['c', 'c'], 'replace').selected).toEqual(['c']);
    expect(select(s, ['b', 'c'], 'add').selected).toEqual(['a', 'b', 'c']);
    expect(select(s, ['a', 'c'], 'toggle').selected).toEqual(['b', 'c']);
    expect(select(s, ['a', 'x'], 'remove').selected).toEqual(['b']);
    expect(select(s, ['x'])).not.toBe(s);
  });

  it('returns the same object when nothing changes', () => {
    const s = state(['a', 'b'], 'a');
    expect(select(s, ['a', 'b'], 'replace')).toBe(s);
    expect(select(s, ['a'], 'add')).toBe(s);
    expect(select(s, ['x'], 'remove')).toBe(s);
    expect(setHovered(s, 'a')).toBe(s);
    expect(setFocused(s, 'b')).toEqual(state(['a', 'b'], 'a', 'b'));
    expect(setHovered(EMPTY_SELECTION, null)).toBe(EMPTY_SELECTION);
  });

  it('never holds duplicates; toggling twice restores the set', () => {
    const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 6 });
    fc.assert(
      fc.property(ids, ids, fc.constantFrom('replace', 'add', 'toggle', 'remove' as const), (start, given, mode) => {
        const s = select(EMPTY_SELECTION, start);
        const next = select(s, given, mode);
        expect(new Set(next.selected).size).toBe(next.selected.length);
        expect(new Set(select(select(s, given, 'toggle'), given, 'toggle').selected)).toEqual(new Set(s.selected));
      }),
    );
  });
});

describe('prune', () => {
  it('drops ids that no longer exist from selection, hover and focus', () => {
    const s = state(['a', 'b', 'c'], 'b', 'c');
    expect(prune(s, ['a', 'c'])).toEqual(state(['a', 'c'], null, 'c'));
    expect(prune(s, new Set(['a', 'b', 'c', 'd']))).toBe(s);
    expect(prune(s, [])).toEqual(EMPTY_SELECTION);
  });
});

describe('spatialOrder', () => {
  it('reads rows top to bottom, each left to right, within the tolerance', () => {
    const items = [
      { id: 'c', x: 5, y: 52 },
      { id: 'b', x: 50, y: 3 },
      { id: 'a', x: 0, y: 8 },
      { id: 'd', x: 40, y: 49 },
    ];
    expect(spatialOrder(items).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(spatialOrder(items, { rowTolerance: 0 }).map((i) => i.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(items[0]?.id).toBe('c');
  });

  it('does not chain a diagonal into one row', () => {
    const diagonal = [0, 1, 2, 3].map((i) => ({ id: `p${i}`, x: 100 - i * 10, y: i * 8 }));
    // Rows anchored at y=0 ({p0,p1}) and y=16 ({p2,p3}).
    expect(spatialOrder(diagonal).map((i) => i.id)).toEqual(['p1', 'p0', 'p3', 'p2']);
  });

  it('is a permutation in which y never rises by more than the row tolerance', () => {
    const arbItems = fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), x: fc.integer({ min: 0, max: 100 }), y: fc.integer({ min: 0, max: 100 }) }),
      { selector: (i) => i.id, maxLength: 20 },
    );
    fc.assert(
      fc.property(arbItems, (items) => {
        const out = spatialOrder(items, { rowTolerance: 5 });
        expect([...out].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...items].sort((a, b) => (a.id < b.id ? -1 : 1)));
        // Going down the order, y never rises by more than the row tolerance.
        for (let i = 1; i < out.length; i++) {
          expect((out[i] as { y: number }).y).toBeGreaterThanOrEqual((out[i - 1] as { y: number }).y - 5);
        }
      }),
    );
  });
});
