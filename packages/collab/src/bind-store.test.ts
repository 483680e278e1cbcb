import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createAnnotationStore, defineSchema, validateAnnotations, type BBoxAnnotation, type Issue, type SpanAnnotation } from '@labelkit/core';
import { bindStore } from './bind-store.js';
import { ANNOTATIONS_MAP } from './bind-store.js';
import { box, createPeer, flush, receive, schema } from './test-utils/peers.js';

describe('bindStore', () => {
  it('an empty doc takes the store, a non-empty doc replaces the other store', () => {
    const a = createPeer([box('a1'), box('a2', { label: 'person' })]);
    const b = createPeer([box('b1')], Y.encodeStateAsUpdate(a.doc));
    expect(b.store.getSnapshot()).toEqual(a.store.getSnapshot());
    expect(b.changes.at(-1)?.origin).toBe('remote');
    expect(a.binding.canUndo()).toBe(false); // seeding is not an edit to undo
  });

  it('refuses an invalid doc at bind time and keeps the store', () => {
    const rogue = new Y.Doc();
    const map = new Y.Map<unknown>();
    rogue.getMap(ANNOTATIONS_MAP).set('r', map);
    map.set('label', 'car');
    map.set('geometry', { kind: 'bbox', x: 0, y: 0, width: 1 });
    map.set('z', 'V');
    const b = createPeer([box('mine')], Y.encodeStateAsUpdate(rogue));
    expect(b.store.getSnapshot()).toEqual([box('mine')]);
    expect(b.rejected).toHaveLength(1);
    expect(b.rejected[0]!.some((i) => i.path.startsWith('["r"]'))).toBe(true);
  });

  it('a local change is one store change and one Yjs transaction; a drag is one transaction at its end', () => {
    const a = createPeer([box('a1')]);
    const b = createPeer();
    flush([a, b]);
    let transactions = 0;
    a.doc.on('afterTransaction', () => transactions++);
    // The store never takes its own change back from the doc (content-equal echoes would be invisible).
    const sync = a.store.sync;
    let syncs = 0;
    a.store.sync = (...args) => (syncs++, sync(...args));
    a.changes.length = 0;
    a.store.apply({ added: [box('a2')] }, { origin: 'user' });
    expect(a.changes).toHaveLength(1);
    expect(transactions).toBe(1);
    a.store.beginGesture();
    for (let x = 1; x <= 5; x++) a.store.apply({ updated: [box('a2', { x })] }, { origin: 'user' });
    expect(transactions).toBe(1);
    a.store.endGesture();
    expect(transactions).toBe(2);
    expect(a.changes).toHaveLength(6); // the add and the five moves, no echo
    expect(syncs).toBe(0);
    b.changes.length = 0;
    flush([a, b]);
    expect(b.changes).toHaveLength(2);
    expect(b.changes.every((c) => c.origin === 'remote')).toBe(true);
    expect(b.store.getSnapshot()).toEqual(a.store.getSnapshot());
  });

  it('a collaborator’s edit that lands mid-drag is neither overwritten nor part of my undo step', () => {
    const a = createPeer([box('1')]);
    const b = createPeer();
    flush([a, b]);
    a.store.beginGesture();
    a.store.apply({ updated: [box('1', { x: 1 })] }, { origin: 'user' });
    b.store.apply({ updated: [box('1', { label: 'person' })] }, { origin: 'user' });
    flush([a, b]); // b's relabel reaches a while a still drags
    a.store.apply({ updated: [{ ...a.store.get('1')!, x: 2 } as BBoxAnnotation] }, { origin: 'user' });
    a.store.endGesture();
    flush([a, b]);
    expect(b.store.get('1')).toEqual(box('1', { x: 2, label: 'person' }));
    a.binding.undo();
    flush([a, b]);
    expect(a.store.get('1')).toEqual(box('1', { label: 'person' }));
    expect(b.store.get('1')).toEqual(box('1', { label: 'person' }));
    // The relabel is still b's own: b can undo it.
    b.binding.undo();
    flush([a, b]);
    expect(a.store.get('1')).toEqual(box('1'));
  });

  it('keeps z-order through the doc', () => {
    const a = createPeer([box('1'), box('2'), box('3')]);
    const b = createPeer();
    flush([a, b]);
    a.store.apply({ moved: [{ id: '1', to: 2 }] }, { origin: 'user' });
    a.store.apply({ added: [box('4')] }, { origin: 'user' });
    b.store.apply({ moved: [{ id: '3', to: 0 }] }, { origin: 'user' });
    flush([a, b]);
    expect(a.store.getSnapshot().map((x) => x.id)).toEqual(b.store.getSnapshot().map((x) => x.id));
    expect(a.store.getSnapshot().every((x) => !('z' in x))).toBe(true);
  });

  it('refuses a remote transaction that breaks the schema, whole, and reports it', () => {
    const a = createPeer([box('a1')]);
    const b = createPeer();
    flush([a, b]);
    const before = b.store.getSnapshot();
    // A buggy or hostile client writes around labelkit: a good edit and a bad one in one transaction.
    const rogue = new Y.Doc();
    Y.applyUpdate(rogue, Y.encodeStateAsUpdate(a.doc));
    const root = rogue.getMap<Y.Map<unknown>>(ANNOTATIONS_MAP);
    rogue.transact(() => {
      root.get('a1')!.set('label', 'person');
      const bad = new Y.Map<unknown>();
      root.set('x', bad);
      bad.set('label', 'truck');
      bad.set('geometry', { kind: 'bbox', x: 0, y: 0, width: -1, height: 1 });
      bad.set('z', 'V');
    });
    receive(b, Y.encodeStateAsUpdate(rogue, Y.encodeStateVector(b.doc)));
    expect(b.store.getSnapshot()).toBe(before);
    expect(b.rejected).toHaveLength(1);
    expect(b.rejected[0]!.map((i) => i.path)).toEqual(expect.arrayContaining(['["x"].label']));
    // A later valid change to a1 brings a1 as the doc holds it, the refused label included; "x" stays out.
    a.store.apply({ updated: [box('a1', { x: 3 })] }, { origin: 'user' });
    flush([a, b]);
    expect(b.store.getSnapshot()).toEqual([box('a1', { x: 3, label: 'person' })]);
    expect(validateAnnotations(schema, b.store.getSnapshot())).toEqual([]);
  });

  it('undo is per person: it takes back only my edits', () => {
    const a = createPeer([box('1'), box('2')]);
    const b = createPeer();
    flush([a, b]);
    a.store.apply({ updated: [box('1', { x: 5 })] }, { origin: 'user' });
    flush([a, b]);
    b.store.apply({ updated: [box('2', { label: 'person' })] }, { origin: 'user' });
    flush([a, b]);
    expect(a.binding.canUndo()).toBe(true);
    expect(a.binding.undo()).toBe(true);
    expect(a.store.get('1')).toEqual(box('1'));
    expect(a.store.get('2')).toEqual(box('2', { label: 'person' }));
    expect(a.changes.at(-1)?.origin).toBe('api');
    expect(a.binding.canUndo()).toBe(false);
    flush([a, b]);
    expect(b.store.getSnapshot()).toEqual(a.store.getSnapshot());
    expect(a.binding.redo()).toBe(true);
    flush([a, b]);
    expect(b.store.get('1')).toEqual(box('1', { x: 5 }));
  });

  it('undoing my edit of a field someone changed since keeps their value; my other fields are undone', () => {
    const a = createPeer([box('1')]);
    const b = createPeer();
    flush([a, b]);
    // I change the label and the geometry in one step; then someone else changes the label again.
    a.store.apply({ updated: [box('1', { label: 'person', x: 7 })] }, { origin: 'user' });
    flush([a, b]);
    b.store.apply({ updated: [{ ...b.store.get('1')!, label: 'car', attributes: { color: 'blue' } }] }, { origin: 'user' });
    flush([a, b]);
    a.binding.undo();
    flush([a, b]);
    expect(a.store.get('1')).toEqual(box('1', { label: 'car', attributes: { color: 'blue' }, x: 0 }));
    expect(b.store.getSnapshot()).toEqual(a.store.getSnapshot());
  });

  it('a delete beats a concurrent edit, and undoing the delete brings the annotation back', () => {
    const a = createPeer([box('1')]);
    const b = createPeer();
    flush([a, b]);
    a.store.apply({ removed: ['1'] }, { origin: 'user' });
    b.store.apply({ updated: [box('1', { x: 9 })] }, { origin: 'user' });
    flush([a, b]);
    expect(a.store.getSnapshot()).toEqual([]);
    expect(b.store.getSnapshot()).toEqual([]);
    a.binding.undo();
    flush([a, b]);
    expect(a.store.getSnapshot()).toEqual([box('1')]);
    expect(b.store.getSnapshot()).toEqual([box('1')]);
    expect(a.rejected).toEqual([]);
    a.binding.redo();
    flush([a, b]);
    expect(b.store.getSnapshot()).toEqual([]);
    a.binding.undo();
    flush([a, b]);
    expect(b.store.getSnapshot()).toEqual([box('1')]);
  });

  it('destroy stops the sync', () => {
    const a = createPeer([box('1')]);
    const b = createPeer();
    flush([a, b]);
    b.binding.destroy();
    a.store.apply({ updated: [box('1', { x: 4 })] }, { origin: 'user' });
    flush([a, b]);
    expect(b.store.get('1')).toEqual(box('1'));
  });

  it('validates against the media: a span must match the source text passed as context', () => {
    const spans = defineSchema({ labels: [{ id: 'org', kinds: ['span'] }] });
    const text = 'Acme Corp hired Ann.';
    const span = (id: string, start: number, end: number): SpanAnnotation => ({ id, kind: 'span', label: 'org', start, end, text: text.slice(start, end) });
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    docA.on('update', (u: Uint8Array) => Y.applyUpdate(docB, u));
    const a = createAnnotationStore();
    const b = createAnnotationStore();
    const rejected: Issue[][] = [];
    bindStore(a, docA, { schema: spans });
    bindStore(b, docB, { schema: spans, context: { text }, onRejected: (issues) => rejected.push(issues) });
    a.apply({ added: [span('s1', 0, 9)] }, { origin: 'user' });
    expect(b.getSnapshot()).toEqual([span('s1', 0, 9)]);
    a.apply({ updated: [{ ...span('s1', 0, 9), text: 'Acme' }] }, { origin: 'user' });
    expect(b.get('s1')).toEqual(span('s1', 0, 9));
    expect(rejected).toHaveLength(1);
  });
});
