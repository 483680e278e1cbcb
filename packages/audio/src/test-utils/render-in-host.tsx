/**
 * Test helper for browser tests: renders a React element into a fresh host `<div>` of a given width
 * in the document. Everything rendered this way is unmounted and removed after each test (the module
 * registers that `afterEach` in every test file that imports it).
 */
import { afterEach } from 'vitest';
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

const mounted: Array<{ root: Root; host: HTMLDivElement }> = [];

afterEach(() => {
  for (const { root, host } of mounted.splice(0)) {
    act(() => root.unmount());
    host.remove();
  }
});

/** Renders `element` into a new `width`-pixel-wide host `<div>` appended to the body, and returns the host. */
export function renderInHost(element: ReactElement, width = 900): HTMLDivElement {
  const host = document.createElement('div');
  host.style.width = `${width}px`;
  document.body.append(host);
  const root = createRoot(host);
  mounted.push({ root, host });
  act(() => root.render(element));
  return host;
}
