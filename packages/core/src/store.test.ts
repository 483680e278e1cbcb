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

  it('rejects empty, reversed and non-finite segments from every path: initial value, add, update, sync', () => {
    const seg = (id: string, start: number, end: number): Annotation => ({ id, kind: 'segment', label: 'speech', start, end });
    expect(() => createAnnotationStore([seg('z', 0, 0)])).toThrow(/segment "z" needs end > start/);
    const store = createAnnotationStore([seg('a', 1, 2)]);
    expect(() => store.apply({ added: [seg('b', 0, 0)] }, { origin: 'user' })).toThrow(/cannot add segment "b" needs end > start .*start 0, end 0/);
    expect(() => store.apply({ updated: [seg('a', 2, 1)] }, { origin: 'user' })).toThrow(/cannot update segment "a"/);
    expect(() => store.apply({ updated: [seg('a', 1, Number.NaN)] }, { origin: 'remote' })).toThrow(/finite start and end/);
    expect(() => store.sync([seg('a', 1, 2), seg('c', 3, Infinity)])).toThrow(/segment "c" needs finite/);
    expect(() => store.sync([seg('a', 5, 5)])).toThrow(/segment "a"/);
    // Nothing got in, and a gesture's moves are held to it too.
    expect(store.getSnapshot()).toEqual([seg('a', 1, 2)]);
    store.beginGesture();
    expect(() => store.apply({ updated: [seg('a', 1, 1)] }, { origin: 'user' })).toThrow(/segment "a"/);
    store.endGesture();
    expect(store.getSnapshot()).toEqual([seg('a', 1, 2)]);
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

  it('commit listeners hear a gesture once, merged, when it ends; move listeners hear every move marked as such', () => {
    const store = createAnnotationStore([box('a'), box('z')]);
    const moves: ChangeSet[] = [];
    const commits: ChangeSet[] = [];
    store.subscribe((c) => moves.push(c));
    store.subscribeCommits((c) => commits.push(c));
    store.apply({ added: [box('b')] }, { origin: 'user' });
    expect(commits).toHaveLength(1);
    store.beginGesture();
    for (let x = 1; x <= 5; x++) store.apply({ updated: [box('a', x)] }, { origin: 'user' });
    store.batch(() => store.apply({ added: [box('c')] }, { origin: 'user' }));
    store.apply({ removed: ['z'] }, { origin: 'user' });
    // A host's own value arriving mid-drag is not part of the gesture.
    store.sync([...store.getSnapshot(), box('h')], 'api');
    expect(commits.map((c) => c.origin)).toEqual(['user', 'api']);
    store.endGesture();
    expect(moves.filter((c) => c.phase === 'move')).toHaveLength(7);
    expect(commits).toHaveLength(3);
    const net = commits[2]!;
    expect(net.phase).toBeUndefined();
    expect(net.updated.map(([bf, af]) => [(bf as BBoxAnnotation).x, (af as BBoxAnnotation).x])).toEqual([[0, 5]]);
    expect(net.added.map((a) => a.id)).toEqual(['c']);
    expect(net.removed.map((a) => a.id)).toEqual(['z']);
    expect(store.history.undoDepth).toBe(2);
    // Undo is one step and one commit.
    store.undo();
    expect(commits).toHaveLength(4);
    expect(commits[3]!.cause).toBe('undo');
    // A form field's gesture commits each change and still makes one undo step.
    store.beginGesture({ drafts: false });
    store.apply({ updated: [box('a', 8)] }, { origin: 'user' });
    store.apply({ updated: [box('a', 9)] }, { origin: 'user' });
    store.endGesture();
    expect(commits).toHaveLength(6);
    expect(store.history.undoDepth).toBe(2);
    // A gesture that changed nothing commits nothing.
    store.beginGesture();
    store.endGesture();
    expect(commits).toHaveLength(6);
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

  it('moves annotations (z-order) with a change set naming only them; undo and redo restore the order', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `b${i}`);
    const store = createAnnotationStore(ids.map((id) => box(id)));
    const seen: ChangeSet[] = [];
    store.subscribe((c) => seen.push(c));
    const change = store.apply({ moved: [{ id: 'b10', to: 999 }] }, { origin: 'user' });
    expect(change).toEqual({ added: [], updated: [], removed: [], moved: [{ id: 'b10', from: 10, to: 999 }], origin: 'user', cause: 'edit' });
    expect(seen).toEqual([change]);
    const front = store.getSnapshot().map((a) => a.id);
    expect(front.at(-1)).toBe('b10');
    expect(front.slice(0, -1)).toEqual(ids.filter((id) => id !== 'b10'));
    expect(store.get('b10')).toBe(store.getSnapshot()[999]);
    expect([store.indexOf('b10'), store.indexOf('b11'), store.indexOf('nope')]).toEqual([999, 10, -1]);
    const undone = store.undo();
    expect(undone).toMatchObject({ added: [], removed: [], moved: [{ id: 'b10', from: 999, to: 10 }], cause: 'undo' });
    expect(store.getSnapshot().map((a) => a.id)).toEqual(ids);
    expect(store.indexOf('b10')).toBe(10);
    store.redo();
    expect(store.getSnapshot().map((a) => a.id)).toEqual(front);
    // Sending two to the back keeps their relative order; moving to where they already are is no step.
    store.apply({ moved: [{ id: 'b500', to: 0 }, { id: 'b20', to: 1 }] }, { origin: 'user' });
    expect(store.getSnapshot().slice(0, 3).map((a) => a.id)).toEqual(['b500', 'b20', 'b0']);
    const depth = store.history.undoDepth;
    expect(store.apply({ moved: [{ id: 'b500', to: 0 }] }, { origin: 'user' }).moved).toBeUndefined();
    expect(store.history.undoDepth).toBe(depth);
  });

  it('rejects moves it cannot do, naming each problem', () => {
    const store = createAnnotationStore([box('a'), box('b')]);
    expect(() => store.apply({ moved: [{ id: 'zz', to: 0 }] }, { origin: 'user' })).toThrow(/cannot move unknown annotation "zz"/);
    expect(() => store.apply({ moved: [{ id: 'a', to: 2 }] }, { origin: 'user' })).toThrow(/to index 2: expected an integer from 0 to 1/);
    expect(() => store.apply({ moved: [{ id: 'a', to: 1 }, { id: 'b', to: 1 }] }, { origin: 'user' })).toThrow(/two annotations to index 1/);
    expect(() => store.apply({ removed: ['a'], moved: [{ id: 'a', to: 0 }] }, { origin: 'user' })).toThrow(/the same change adds or removes it/);
    expect(store.getSnapshot().map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('a host value in a new order reaches listeners as the fewest moves', () => {
    const store = createAnnotationStore(['a', 'b', 'c', 'd', 'e'].map((id) => box(id)));
    const seen: ChangeSet[] = [];
    store.subscribe((c) => seen.push(c));
    const s = store.getSnapshot();
    store.sync([s[0]!, s[2]!, s[3]!, s[4]!, s[1]!]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ added: [], updated: [], removed: [], moved: [{ id: 'b', from: 1, to: 4 }], origin: 'api' });
  });

  it('undo and redo restore each step exactly, order included, under random edits, moves, batches and gestures (property)', () => {
    type Edit =
      | { t: 'add'; n: number }
      | { t: 'update'; i: number }
      | { t: 'remove'; picks: number[] }
      | { t: 'move'; picks: number[]; targets: number[] }
      | { t: 'front' | 'back'; picks: number[] };
    type Op = Edit | { t: 'batch' | 'gesture'; edits: Edit[] } | { t: 'undo' } | { t: 'redo' } | { t: 'host'; seed: number };
    const picks = fc.array(fc.nat(40), { minLength: 1, maxLength: 4 });
    const edit: fc.Arbitrary<Edit> = fc.oneof(
      fc.record({ t: fc.constant('add' as const), n: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ t: fc.constant('update' as const), i: fc.nat(40) }),
      fc.record({ t: fc.constant('remove' as const), picks }),
      fc.record({ t: fc.constant('move' as const), picks, targets: fc.array(fc.nat(40), { minLength: 4, maxLength: 4 }) }),
      fc.record({ t: fc.constantFrom('front' as const, 'back' as const), picks }),
    );
    const op: fc.Arbitrary<Op> = fc.oneof(
      { arbitrary: edit, weight: 6 },
      { arbitrary: fc.record({ t: fc.constantFrom('batch' as const, 'gesture' as const), edits: fc.array(edit, { minLength: 1, maxLength: 4 }) }), weight: 2 },
      { arbitrary: fc.constant({ t: 'undo' as const }), weight: 3 },
      { arbitrary: fc.constant({ t: 'redo' as const }), weight: 2 },
      { arbitrary: fc.record({ t: fc.constant('host' as const), seed: fc.nat() }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(op, { maxLength: 40 }), (seed, ops) => {
        const store = createAnnotationStore(Array.from({ length: seed }, (_, i) => box(`s${i}`)));
        let counter = 0;
        let x = 100;
        const state = () => JSON.stringify(store.getSnapshot().map((a) => [a.id, (a as BBoxAnnotation).x]));
        let prev = store.getSnapshot();
        store.subscribe((change, next) => {
          // Every change set describes the new order: the unlisted annotations keep their relative order,
          // each moved one is at `to` now and was at `from` before.
          const listed = new Set([...change.added, ...change.removed].map((a) => a.id).concat((change.moved ?? []).map((m) => m.id)));
          const kept = (list: readonly Annotation[]) => list.map((a) => a.id).filter((id) => !listed.has(id));
          expect(kept(next)).toEqual(kept(prev));
          for (const m of change.moved ?? []) {
            expect(next[m.to]?.id).toBe(m.id);
            expect(prev[m.from]?.id).toBe(m.id);
          }
          prev = next;
        });
        const run = (e: Edit) => {
          const snap = store.getSnapshot();
          const chosen = [...new Set(e.t === 'add' || e.t === 'update' ? [] : e.picks.map((p) => snap[p % Math.max(1, snap.length)]?.id))].filter((id): id is string => id !== undefined);
          if (e.t === 'add') store.apply({ added: Array.from({ length: e.n }, () => box(`n${counter++}`, x++)) }, { origin: 'user' });
          else if (e.t === 'update' && snap.length) store.apply({ updated: [{ ...(snap[e.i % snap.length] as BBoxAnnotation), x: x++ }] }, { origin: 'user' });
          else if (e.t === 'remove' && chosen.length) store.apply({ removed: chosen }, { origin: 'user' });
          else if (e.t === 'move' && chosen.length) {
            const free = Array.from({ length: snap.length }, (_, i) => i);
            const moved = chosen.map((id, k) => ({ id, to: free.splice(e.targets[k]! % free.length, 1)[0]! }));
            store.apply({ moved }, { origin: 'user' });
          } else if ((e.t === 'front' || e.t === 'back') && chosen.length) {
            const ordered = snap.filter((a) => chosen.includes(a.id));
            const base = e.t === 'front' ? snap.length - ordered.length : 0;
            store.apply({ moved: ordered.map((a, k) => ({ id: a.id, to: base + k })) }, { origin: 'user' });
          }
        };
        const past: string[] = [];
        let future: string[] = [];
        for (const o of ops) {
          const before = state();
          if (o.t === 'undo') {
            const did = store.undo();
            expect(did !== null).toBe(past.length > 0);
            if (did) {
              future.push(before);
              expect(state()).toBe(past.pop());
            }
          } else if (o.t === 'redo') {
            const did = store.redo();
            expect(did !== null).toBe(future.length > 0);
            if (did) {
              past.push(before);
              expect(state()).toBe(future.pop());
            }
          } else if (o.t === 'host') {
            // The host reorders (not recorded): undo history stays valid only for a host that does not reorder,
            // so model it as a new baseline.
            const snap = [...store.getSnapshot()];
            for (let i = snap.length - 1; i > 0; i--) {
              const j = (o.seed + i * 7) % (i + 1);
              [snap[i], snap[j]] = [snap[j]!, snap[i]!];
            }
            store.sync(snap);
            store.clearHistory();
            past.length = 0;
            future = [];
          } else {
            if (o.t === 'batch') store.batch(() => o.edits.forEach(run));
            else if (o.t === 'gesture') {
              store.beginGesture();
              o.edits.forEach(run);
              store.endGesture();
            } else run(o as Edit);
            if (state() !== before) {
              past.push(before);
              future = [];
            }
            expect(store.history.undoDepth).toBe(past.length);
          }
          for (const a of store.getSnapshot()) expect(store.get(a.id)).toBe(a);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('sync rejects duplicate ids in a host value', () => {
    const store = createAnnotationStore([box('a')]);
    expect(() => store.sync([box('a'), box('b'), box('b')])).toThrow(/duplicate annotation id "b"/);
    expect(() => store.sync([box('b'), box('b')])).toThrow(/duplicate annotation id "b"/);
  });
});
