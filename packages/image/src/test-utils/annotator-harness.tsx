import { expect, vi } from 'vitest';
import { createRoot, type Root } from 'react-dom/client';
import { act, createRef, Profiler, type ReactElement, type RefObject } from 'react';
import { defineSchema, type Annotation, type BBoxAnnotation, type LabelSchema } from '@labelkit/core';
import { ImageAnnotator, type ImageAnnotatorHandle, type ImageAnnotatorProps } from '../image-annotator.js';

/** Browser-test harness of the image annotator: mounts it on a generated image and sends it real DOM events. */

/** Cars (boxes and polygons, hotkey 1) and people (boxes, hotkey 2). */
export const testSchema = defineSchema({
  labels: [
    { id: 'car', name: 'Car', color: '#e6194b', hotkey: '1', kinds: ['bbox', 'polygon'] },
    { id: 'person', name: 'Person', color: '#3cb44b', hotkey: '2', kinds: ['bbox'] },
  ],
});

/** The colour of the test image (`#778899`). */
export const IMAGE_RGB = [0x77, 0x88, 0x99] as const;

/** A 640×480 test image made on a canvas (no network). */
export function testImage(): string {
  const c = document.createElement('canvas');
  c.width = 640;
  c.height = 480;
  const g = c.getContext('2d')!;
  g.fillStyle = '#789';
  g.fillRect(0, 0, 640, 480);
  return c.toDataURL('image/png');
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let root: Root | null = null;
let host: HTMLDivElement | null = null;

/** Unmounts what {@link mount} mounted (call it in `afterEach`). */
export function cleanup(): void {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  host = null;
}

type Props = Partial<ImageAnnotatorProps> & { schema?: LabelSchema };

/** What {@link mount} returns. */
export interface Mounted {
  ref: RefObject<ImageAnnotatorHandle | null>;
  /** `onImageLoad`. */
  loaded: ReturnType<typeof vi.fn>;
  /** The canvas area (pointer events go here or to a canvas in it). */
  canvasHost: HTMLDivElement;
  /** The first (static) canvas. */
  canvas: HTMLCanvasElement;
  /** The annotator's root element (keyboard focus). */
  annotator: HTMLDivElement;
}

/**
 * Mounts an annotator 900×600 at zoom 1 (image pixel = canvas pixel) without the side panel unless
 * asked, and waits for the image. `wrap` puts it inside a host component (e.g. a controlled one).
 */
export async function mount(
  props: Props,
  Comp: typeof ImageAnnotator = ImageAnnotator,
  onCommit?: () => void,
  wrap?: (el: (extra: Partial<ImageAnnotatorProps>) => ReactElement) => ReactElement,
): Promise<Mounted> {
  host = document.createElement('div');
  host.style.cssText = 'width:900px;height:600px';
  document.body.appendChild(host);
  const ref = createRef<ImageAnnotatorHandle>();
  const loaded = vi.fn();
  const src = testImage();
  root = createRoot(host);
  const make = (extra: Partial<ImageAnnotatorProps>) => (
    <Comp schema={testSchema} src={src} initialView={{ zoom: 1, x: 0, y: 0 }} sidePanel={false} onImageLoad={loaded} ref={ref} {...props} {...extra} />
  );
  await act(async () => {
    const el = wrap ? wrap(make) : make({});
    root!.render(onCommit ? <Profiler id="annotator" onRender={onCommit}>{el}</Profiler> : el);
  });
  await vi.waitFor(() => expect(loaded).toHaveBeenCalled());
  const canvasHost = host.querySelector<HTMLDivElement>('[data-testid="lk-image-canvas"]')!;
  const canvas = canvasHost.querySelector('canvas')!;
  const annotator = host.querySelector<HTMLDivElement>('.lk-image-annotator')!;
  return { ref, loaded, canvasHost, canvas, annotator };
}

/** Dispatches one pointer event at canvas point (x, y) (CSS pixels from the canvas area's top-left). */
export function pointer(target: Element, type: string, x: number, y: number, init: PointerEventInit = {}): void {
  // Screen coordinates are relative to the canvas area (the canvases themselves may be CSS-transformed mid-zoom).
  const r = (target.closest('[data-testid="lk-image-canvas"]') ?? target).getBoundingClientRect();
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, composed: true, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: type === 'pointermove' ? -1 : 0, buttons: type === 'pointerup' ? 0 : 1, clientX: r.left + x, clientY: r.top + y, ...init }));
}

/** A drag in five moves. */
export async function drag(target: Element, from: [number, number], to: [number, number], init: PointerEventInit = {}): Promise<void> {
  await act(async () => {
    pointer(target, 'pointerdown', from[0], from[1], init);
    for (let i = 1; i <= 5; i++) pointer(target, 'pointermove', from[0] + ((to[0] - from[0]) * i) / 5, from[1] + ((to[1] - from[1]) * i) / 5, init);
    pointer(target, 'pointerup', to[0], to[1], init);
  });
}

/** A click (down and up at one point). */
export async function click(target: Element, at: [number, number], init: PointerEventInit = {}): Promise<void> {
  await act(async () => {
    pointer(target, 'pointerdown', at[0], at[1], init);
    pointer(target, 'pointerup', at[0], at[1], init);
  });
}

/** Dispatches a keydown on `target`. */
export function key(target: Element, k: string, init: KeyboardEventInit = {}): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
  });
}

/** Dispatches a keyup on `target`. */
export function keyUp(target: Element, k: string, init: KeyboardEventInit = {}): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keyup', { key: k, bubbles: true, cancelable: true, ...init }));
  });
}

/** Resolves at the next animation frame. */
export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** RGBA of one CSS pixel of a canvas. */
export function pixel(canvas: HTMLCanvasElement, x: number, y: number): number[] {
  const ratio = canvas.width / canvas.clientWidth;
  return [...canvas.getContext('2d')!.getImageData(Math.floor(x * ratio), Math.floor(y * ratio), 1, 1).data];
}

/** The last annotation of the last `onChange` call. */
export const lastBox = (spy: ReturnType<typeof vi.fn>): BBoxAnnotation => {
  const next = spy.mock.calls.at(-1)?.[0] as Annotation[];
  return next.at(-1) as BBoxAnnotation;
};

/** The annotations of the last `onChange` call. */
export const lastValue = (spy: ReturnType<typeof vi.fn>): Annotation[] => (spy.mock.calls.at(-1)?.[0] as Annotation[] | undefined) ?? [];

/** The text of the annotator's live region. */
export const live = (): string => document.querySelector('[data-labelkit-live-region]')?.textContent ?? '';
