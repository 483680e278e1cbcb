import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { docs, setupWSConnection } from '@y/websocket-server/utils';
import { createAnnotationStore, validateAnnotations, type AnnotationStore, type BBoxAnnotation } from '@labelkit/core';
import { bindStore, type StoreBinding } from './bind-store.js';
import { jsonEqual } from './json-equal.js';
import { box, schema } from './test-utils/peers.js';

/** A real y-websocket server (@y/websocket-server, in memory) on 127.0.0.1. */
async function startServer(port = 0): Promise<{ port: number; stop(): Promise<void> }> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (conn, req) => setupWSConnection(conn, req));
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return {
    port: (http.address() as AddressInfo).port,
    async stop() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      // A restarted server process starts with no docs in memory.
      for (const [name, doc] of docs) {
        doc.destroy();
        docs.delete(name);
      }
    },
  };
}

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  store: AnnotationStore;
  binding: StoreBinding;
}

const open: Client[] = [];

async function connect(port: number, room: string): Promise<Client> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
  await new Promise<void>((resolve) => provider.once('sync', (synced: boolean) => synced && resolve()));
  const store = createAnnotationStore();
  const binding = bindStore(store, doc, { schema, onRejected: (issues) => expect.fail(JSON.stringify(issues)) });
  const client = { doc, provider, store, binding };
  open.push(client);
  return client;
}

async function until(what: string, condition: () => boolean, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const same = (a: Client, b: Client) => jsonEqual(a.store.getSnapshot(), b.store.getSnapshot());

afterEach(() => {
  for (const c of open.splice(0)) {
    c.binding.destroy();
    c.provider.destroy();
    c.doc.destroy();
  }
});

describe('bindStore over y-websocket and @y/websocket-server on loopback', () => {
  it('draws in one and sees it in the other; both drag different boxes at once; offline edits sync on return', async () => {
    const server = await startServer();
    try {
      const a = await connect(server.port, 'item-1');
      const b = await connect(server.port, 'item-1');
      a.store.apply({ added: [box('1'), box('2', { label: 'person' })] }, { origin: 'user' });
      await until('b sees the boxes', () => b.store.getSnapshot().length === 2);
      expect(b.store.getSnapshot()).toEqual(a.store.getSnapshot());

      // Both drag at once, each its own box.
      a.store.beginGesture();
      b.store.beginGesture();
      for (let x = 1; x <= 5; x++) {
        a.store.apply({ updated: [{ ...(a.store.get('1') as BBoxAnnotation), x }] }, { origin: 'user' });
        b.store.apply({ updated: [{ ...(b.store.get('2') as BBoxAnnotation), y: x * 2 }] }, { origin: 'user' });
      }
      a.store.endGesture();
      b.store.endGesture();
      await until('both drags arrive', () => (b.store.get('1') as BBoxAnnotation).x === 5 && (a.store.get('2') as BBoxAnnotation).y === 10);
      expect(same(a, b)).toBe(true);

      // b goes offline, both edit, b comes back.
      b.provider.disconnect();
      b.store.apply({ added: [box('3', { x: 30 })] }, { origin: 'user' });
      b.store.apply({ updated: [{ ...b.store.get('1')!, label: 'person' }] }, { origin: 'user' });
      a.store.apply({ updated: [{ ...(a.store.get('1') as BBoxAnnotation), width: 40 }] }, { origin: 'user' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(a.store.get('3')).toBeUndefined();
      b.provider.connect();
      await until('both end identical', () => same(a, b) && a.store.getSnapshot().length === 3);
      expect(a.store.get('1')).toEqual(box('1', { x: 5, width: 40, label: 'person' }));
      expect(validateAnnotations(schema, a.store.getSnapshot())).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('the server restarts mid-session and nothing is lost', async () => {
    let server = await startServer();
    const port = server.port;
    try {
      const a = await connect(port, 'item-2');
      const b = await connect(port, 'item-2');
      a.store.apply({ added: [box('1')] }, { origin: 'user' });
      await until('b sees the box', () => b.store.getSnapshot().length === 1);
      await server.stop();
      a.store.apply({ added: [box('2')] }, { origin: 'user' });
      b.store.apply({ updated: [box('1', { label: 'person' })] }, { origin: 'user' });
      server = await startServer(port);
      // The providers reconnect by themselves and send the fresh server what it lacks.
      await until('both end identical with every edit', () => same(a, b) && a.store.getSnapshot().length === 2 && a.store.get('1')?.label === 'person', 10_000);
      const c = await connect(port, 'item-2');
      await until('a newcomer gets everything from the restarted server', () => same(a, c));
    } finally {
      await server.stop();
    }
  }, 20_000);
});
