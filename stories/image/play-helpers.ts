import { expect, waitFor } from 'storybook/test';

/** Waits until the annotator's photo has loaded; returns the root, the canvas host and the live region. */
export async function ready(canvasElement: HTMLElement): Promise<{ root: HTMLElement; canvas: HTMLElement; live: () => string }> {
  const root = await waitFor(() => {
    const el = canvasElement.querySelector<HTMLElement>('.lk-image-annotator');
    expect(el?.getAttribute('data-image-status')).toBe('loaded');
    return el as HTMLElement;
  });
  const canvas = root.querySelector<HTMLElement>('[data-testid="lk-image-canvas"] canvas') as HTMLElement;
  return { root, canvas, live: () => root.querySelector('[data-labelkit-live-region]')?.textContent ?? '' };
}

function fire(target: Element, type: string, x: number, y: number, init: PointerEventInit = {}): void {
  // Screen coordinates are relative to the canvas area (the canvases themselves may be CSS-transformed mid-zoom).
  const r = (target.closest('[data-testid="lk-image-canvas"]') ?? target).getBoundingClientRect();
  target.dispatchEvent(
    new PointerEvent(type, { bubbles: true, cancelable: true, composed: true, pointerId: 7, pointerType: 'mouse', isPrimary: true, button: type === 'pointermove' ? -1 : 0, buttons: type === 'pointerup' ? 0 : 1, clientX: r.left + x, clientY: r.top + y, ...init }),
  );
}

/** A real pointer drag on the canvas (screen pixels relative to it), in small steps. */
export async function drag(target: Element, from: [number, number], to: [number, number], init: PointerEventInit = {}): Promise<void> {
  fire(target, 'pointerdown', from[0], from[1], init);
  for (let i = 1; i <= 6; i++) fire(target, 'pointermove', from[0] + ((to[0] - from[0]) * i) / 6, from[1] + ((to[1] - from[1]) * i) / 6, init);
  fire(target, 'pointerup', to[0], to[1], init);
  await new Promise((r) => requestAnimationFrame(() => r(null)));
}

/** A click (down + up) at a canvas point. */
export async function click(target: Element, at: [number, number], init: PointerEventInit = {}): Promise<void> {
  fire(target, 'pointerdown', at[0], at[1], init);
  fire(target, 'pointerup', at[0], at[1], init);
  await new Promise((r) => requestAnimationFrame(() => r(null)));
}
