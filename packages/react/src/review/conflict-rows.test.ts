import { describe, expect, it } from 'vitest';
import { compare } from '@labelkit/core';
import { conflictKey, conflictRows, stepIndex } from './conflict-rows.js';
import { ALICE, BOB, LABEL_NAMES } from './review-test-sets.js';

const alice = { name: 'Alice', annotations: ALICE };
const bob = { name: 'Bob', annotations: BOB };
const name = (id: string) => LABEL_NAMES[id] ?? id;

describe('conflictRows', () => {
  it('describes every conflict compare() finds between two labellers, in its order', () => {
    const rows = conflictRows(compare(ALICE, BOB), alice, bob, name);
    expect(rows.map((r) => [r.key, r.title, r.detail])).toEqual([
      ['attributeMismatch:a-car:b-car', 'Attributes differ', 'Car · occluded'],
      ['wrongLabel:a-truck:b-truck', 'Wrong label', expect.stringMatching(/^Alice: Car · Bob: Truck · overlap 0\.9\d$/)],
      ['lowOverlap:a-cyclist:b-cyclist', 'Low overlap', 'Cyclist · overlap 0.29'],
      ['extra:a-light:', 'Extra', 'Traffic light · only in Alice'],
      ['missing::b-pedestrian', 'Missing', 'Pedestrian · only in Bob'],
    ]);
  });

  it('names both labels of a low-overlap pair that also differ in label, and falls back to ids', () => {
    const rows = conflictRows(
      { conflicts: [{ type: 'lowOverlap', a: 'a-cyclist', b: 'b-pedestrian', similarity: 0.2, sameLabel: false }, { type: 'missing', b: 'nowhere' }] },
      alice,
      bob,
    );
    expect(rows.map((r) => r.detail)).toEqual(['Alice: cyclist · Bob: pedestrian · overlap 0.20', 'nowhere · only in Bob']);
  });

  it('keys are unique per conflict', () => {
    const { conflicts } = compare(ALICE, BOB);
    expect(new Set(conflicts.map(conflictKey)).size).toBe(conflicts.length);
  });
});

describe('stepIndex', () => {
  it('clamps at the ends and starts from an end when nothing is focused', () => {
    expect(stepIndex(0, 1, 3)).toBe(1);
    expect(stepIndex(2, 1, 3)).toBe(2);
    expect(stepIndex(0, -1, 3)).toBe(0);
    expect(stepIndex(-1, 1, 3)).toBe(0);
    expect(stepIndex(-1, -1, 3)).toBe(2);
    expect(stepIndex(-1, 1, 0)).toBe(-1);
  });
});
