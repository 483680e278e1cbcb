import * as Y from 'yjs';
import { createAnnotationStore, defineSchema, type Annotation, type AnnotationStore, type BBoxAnnotation, type ChangeSet, type Issue } from '@labelkit/core';
import { bindStore, type StoreBinding } from '../bind-store.js';

const color = { id: 'color', type: 'select', options: ['red', 'blue', 'green'] } as const;

/** Two box labels with the same colour attribute, so any label, colour and box go together. */
export const schema = defineSchema({
  labels: [
    { id: 'car', kinds: ['bbox'], attributes: [{ ...color, options: [...color.options] }] },
    { id: 'person', kinds: ['bbox'], attributes: [{ ...color, options: [...color.options] }] },
  ],
});

export const box = (id: string, over: Partial<BBoxAnnotation> = {}): BBoxAnnotation => ({ id, kind: 'bbox', label: 'car', x: 0, y: 0, width: 10, height: 10, ...over });

/** One person: a store bound to a doc, what the store heard, what was refused, and the doc's updates not yet sent. */
export interface Peer {
  doc: Y.Doc;
  store: AnnotationStore;
  binding: StoreBinding;
  changes: ChangeSet[];
  rejected: Issue[][];
  outbox: Uint8Array[];
}

/** `seed`: a doc state the peer's doc holds before the store is bound to it. */
export function createPeer(initial: Annotation[] = [], seed?: Uint8Array): Peer {
  const doc = new Y.Doc();
  if (seed) Y.applyUpdate(doc, seed, 'network');
  const outbox: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'network') outbox.push(update);
  });
  const store = createAnnotationStore(initial);
  const changes: ChangeSet[] = [];
  store.subscribe((c) => changes.push(c));
  const rejected: Issue[][] = [];
  const binding = bindStore(store, doc, { schema, onRejected: (issues) => rejected.push(issues) });
  return { doc, store, binding, changes, rejected, outbox };
}

/** Delivers `update` to `peer` as a network would. */
export const receive = (peer: Peer, update: Uint8Array) => Y.applyUpdate(peer.doc, update, 'network');

/** Sends every peer's pending updates to every other peer, in order. */
export function flush(peers: Peer[]): void {
  let sent = true;
  while (sent) {
    sent = false;
    for (const from of peers) {
      const updates = from.outbox.splice(0);
      for (const u of updates) for (const to of peers) if (to !== from) receive(to, u);
      if (updates.length) sent = true;
    }
  }
}
