/**
 * Image benchmark: the same photo (1280×853) with 1,000 / 5,000 / 10,000 boxes, in labelkit's
 * ImageAnnotator and in `@annotorious/react` 3.8 (`<Annotorious><ImageAnnotator><img/>`, SVG — the
 * React bindings a host embedding Annotorious in a React app uses), mounted one after the other in the
 * same 1000×700 stage of the same page. Peer settings are Annotorious's defaults.
 */
import { createRef } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { Annotorious, ImageAnnotator as AnnotoriousImage, type AnnotoriousImageAnnotator } from '@annotorious/react';
import { defineSchema, type BBoxAnnotation } from '@labelkit/core';
import { ImageAnnotator, fitView, type ImageAnnotatorHandle, type View } from '@labelkit/image';
import { seededRandom } from '../../stories/shared/seeded-random.js';

const PHOTO = '/stories/assets/image/pixabay_bike_riders.jpg';
const IMG = { width: 1280, height: 853 };
const STAGE = { width: 1000, height: 700 };
const SIZES = [1000, 5000, 10000];
const PEER = '@annotorious/react 3.8';
const FRAMES = 30;
const DRAG_STEPS = 12;
const LABELS = ['person', 'bicycle', 'car', 'ball'];
const schema = defineSchema({ labels: LABELS.map((id) => ({ id, kinds: ['bbox'] as const })) as never });

function boxes(n: number): BBoxAnnotation[] {
  const rnd = seededRandom(n);
  return Array.from({ length: n }, (_, i) => {
    const w = 8 + rnd() * 40;
    const h = 8 + rnd() * 40;
    return { id: `b${i}`, kind: 'bbox', label: LABELS[i % 4] as string, x: rnd() * (IMG.width - w), y: rnd() * (IMG.height - h), width: w, height: h };
  });
}
/**
 * The box dragged in the move scenario. It is selected first (through each library's API), then
 * dragged: at these densities smaller random boxes cover every point of it, and a press on a point
 * covered by several shapes picks the innermost (smallest) one in labelkit unless one of them is
 * already selected, so "select, then drag" is how a labeller moves this box in labelkit too.
 */
const TARGET: BBoxAnnotation = { id: 'target', kind: 'bbox', label: 'car', x: 600, y: 400, width: 120, height: 90 };

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
/**
 * Lets the page go quiet before a measurement: the previous library's teardown (thousands of
 * removed SVG nodes, released canvases, garbage) must not be billed to the next one.
 */
async function quiet(): Promise<void> {
  await frame();
  await new Promise<void>((r) => setTimeout(r, 250));
  await new Promise<void>((r) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => r(), { timeout: 1000 }) : r()));
  await frame();
}
/** Time from an action to the end of the frame that shows it (rAF + a task after paint). */
async function timed(action: () => void | Promise<void>): Promise<number> {
  const t0 = performance.now();
  await action();
  await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}
/** Script time of an action: until React (scheduled through a macrotask) has flushed. */
async function scripted(action: () => void): Promise<number> {
  const t0 = performance.now();
  action();
  await new Promise<void>((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r();
    ch.port2.postMessage(null);
  });
  return performance.now() - t0;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2 : NaN;
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();
/** A pan/zoom path: zoom in 2.5× around the centre, then pan, one step per frame. */
function viewPath(base: View): View[] {
  return Array.from({ length: FRAMES }, (_, i) => {
    const t = i / (FRAMES - 1);
    const zoom = base.zoom * (1 + 1.5 * Math.sin(t * Math.PI));
    const cx = STAGE.width / 2;
    const cy = STAGE.height / 2;
    return { zoom, x: cx - (cx - base.x) * (zoom / base.zoom) + 120 * Math.sin(t * 6), y: cy - (cy - base.y) * (zoom / base.zoom) + 60 * Math.cos(t * 6) };
  });
}

interface Measured {
  firstRender: number;
  frame: number;
  dragStep: number;
  dragScript: number;
  dragOk: boolean;
}

function pointer(target: Element, type: string, x: number, y: number): void {
  const r = (target.closest('[data-testid="lk-image-canvas"]') ?? target).getBoundingClientRect();
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: type === 'pointermove' ? -1 : 0, buttons: type === 'pointerup' ? 0 : 1, clientX: r.left + x, clientY: r.top + y }));
}

async function measureLabelkit(stage: HTMLElement, n: number): Promise<Measured> {
  const data = [...boxes(n), TARGET];
  const base = fitView(IMG, { width: STAGE.width, height: STAGE.height - 0 });
  const ref = createRef<ImageAnnotatorHandle>();
  const el = document.createElement('div');
  el.style.cssText = `width:${STAGE.width}px;height:${STAGE.height}px`;
  stage.appendChild(el);
  const root = createRoot(el);
  let loaded!: () => void;
  const imageLoaded = new Promise<void>((r) => (loaded = r));
  let changes = 0;
  await quiet();
  gc();
  const t0 = performance.now();
  flushSync(() =>
    root.render(
      <ImageAnnotator schema={schema} src={PHOTO} defaultValue={data} defaultTool="select" sidePanel={false} initialView={base} onImageLoad={() => loaded()} onChange={() => changes++} ref={ref} style={{ border: 0 }} />,
    ),
  );
  await imageLoaded;
  await frame();
  await frame();
  const firstRender = performance.now() - t0;
  // The canvas is smaller than the stage by the toolbar and status line: re-fit to it.
  ref.current!.fit();
  await frame();
  const fitted = ref.current!.getView();
  // Every step is drawn crisply at the new view in the next animation frame (no CSS-scaled preview).
  const frames: number[] = [];
  performance.mark('pan-start'); // for traces
  for (const v of viewPath(fitted)) frames.push(await timed(() => ref.current!.setView(v)));
  performance.mark('pan-end');
  ref.current!.setView(fitted);
  await frame();
  // Select the box (API, as for Annotorious), then move it with real pointer events on the canvas.
  const canvas = el.querySelector('[data-testid="lk-image-canvas"] canvas') as HTMLElement;
  const sx = fitted.x + (TARGET.x + TARGET.width / 2) * fitted.zoom;
  const sy = fitted.y + (TARGET.y + TARGET.height / 2) * fitted.zoom;
  const steps: number[] = [];
  const scripts: number[] = [];
  steps.push(await timed(() => ref.current!.select(['target'])));
  steps.push(await timed(() => pointer(canvas, 'pointerdown', sx, sy)));
  for (let i = 1; i <= DRAG_STEPS; i++) {
    scripts.push(await scripted(() => pointer(canvas, 'pointermove', sx + i * 4, sy + i * 2)));
    steps.push(await timed(() => pointer(canvas, 'pointermove', sx + i * 4 + 1, sy + i * 2)));
  }
  steps.push(await timed(() => pointer(canvas, 'pointerup', sx + DRAG_STEPS * 4 + 1, sy + DRAG_STEPS * 2)));
  const moved = ref.current!.getAnnotations().find((a) => a.id === 'target') as BBoxAnnotation;
  const expectedX = TARGET.x + (DRAG_STEPS * 4 + 1) / fitted.zoom;
  const dragOk = changes > 0 && Math.abs(moved.x - expectedX) < 0.01;
  root.unmount();
  el.remove();
  return { firstRender, frame: median(frames), dragStep: median(steps), dragScript: median(scripts), dragOk };
}

function toW3C(b: BBoxAnnotation) {
  return {
    id: b.id,
    bodies: [],
    target: { annotation: b.id, selector: { type: 'RECTANGLE', geometry: { x: b.x, y: b.y, w: b.width, h: b.height, bounds: { minX: b.x, minY: b.y, maxX: b.x + b.width, maxY: b.y + b.height } } } },
  };
}

async function loadImage(): Promise<void> {
  const img = new Image();
  img.src = PHOTO;
  await img.decode();
}

async function measureAnnotorious(stage: HTMLElement, n: number): Promise<Measured> {
  const data = [...boxes(n), TARGET].map(toW3C);
  const wrap = document.createElement('div');
  wrap.style.cssText = `width:${STAGE.width}px;height:${STAGE.height}px;overflow:hidden;position:relative`;
  const inner = document.createElement('div');
  inner.style.cssText = `position:absolute;left:0;top:0;transform-origin:0 0;width:${IMG.width}px`;
  wrap.appendChild(inner);
  stage.appendChild(wrap);
  const base = fitView(IMG, STAGE);
  inner.style.transform = `translate(${base.x}px,${base.y}px) scale(${base.zoom})`;
  const root = createRoot(inner);
  let ready!: (anno: AnnotoriousImageAnnotator) => void;
  const annotator = new Promise<AnnotoriousImageAnnotator>((r) => (ready = r));
  // The React bindings create the annotator when the <img> has loaded and hand it out through the ref.
  const setRef = (anno: unknown) => {
    if (anno) ready(anno as AnnotoriousImageAnnotator);
  };
  await quiet();
  gc();
  const t0 = performance.now();
  flushSync(() =>
    root.render(
      <Annotorious ref={setRef as never}>
        <AnnotoriousImage>
          <img src={PHOTO} alt="" style={{ display: 'block', width: IMG.width, height: IMG.height }} />
        </AnnotoriousImage>
      </Annotorious>,
    ),
  );
  // The wrapper's ref is set when its state updates after the image's load event.
  let anno: AnnotoriousImageAnnotator | null = null;
  while (!anno) {
    anno = await Promise.race([annotator, frame().then(() => null)]);
  }
  anno.setAnnotations(data as never, true);
  await frame();
  await frame();
  const firstRender = performance.now() - t0;
  // Annotorious has no viewport of its own for a plain image: the host zooms and pans its container.
  const frames: number[] = [];
  for (const v of viewPath(base)) frames.push(await timed(() => { inner.style.transform = `translate(${v.x}px,${v.y}px) scale(${v.zoom})`; }));
  inner.style.transform = `translate(${base.x}px,${base.y}px) scale(${base.zoom})`;
  await frame();
  // Select and move the same box through the public API (the editor's own drag needs its SVG handles);
  // each update goes through the React bindings' store observer and context, as in a host app.
  const steps: number[] = [];
  const scripts: number[] = [];
  const a = anno;
  steps.push(await timed(() => a.setSelected('target', true)));
  const geom = (dx: number) => toW3C({ ...TARGET, x: TARGET.x + dx / base.zoom });
  for (let i = 1; i <= DRAG_STEPS; i++) {
    scripts.push(await scripted(() => void a.updateAnnotation(geom(i * 4) as never)));
    steps.push(await timed(() => void a.updateAnnotation(geom(i * 4 + 1) as never)));
  }
  const moved = a.getAnnotationById('target') as unknown as ReturnType<typeof toW3C> | undefined;
  const dragOk = Math.abs((moved?.target.selector.geometry.x ?? 0) - (TARGET.x + (DRAG_STEPS * 4 + 1) / base.zoom)) < 0.01;
  // The bindings do not destroy the annotator on unmount (it wraps the <img> in its own container,
  // which React would then fail to remove): destroy it first, as a host has to.
  a.destroy();
  root.unmount();
  wrap.remove();
  return { firstRender, frame: median(frames), dragStep: median(steps), dragScript: median(scripts), dragOk };
}

window.__labelkitBench = async () => {
  const stage = document.getElementById('stage') as HTMLElement;
  await loadImage();
  // Warm-up: one small mount of each, so module start-up and JIT are not billed to the first size.
  // `?peer=0` (BENCH_PEER=0): labelkit only, for quick runs while working on it.
  const withPeer = new URLSearchParams(location.search).get('peer') !== '0';
  await measureLabelkit(stage, 200);
  if (withPeer) await measureAnnotorious(stage, 200);
  const out: BenchEntry[] = [];
  const entry = (scenario: string, size: number, metric: string, lk: number, peer: number, note?: string): BenchEntry => ({
    scenario, size, metric, unit: 'ms', labelkit: lk, peer, peerName: PEER, ratio: lk > 0 ? peer / lk : null, ...(note ? { note } : {}),
  });
  for (const n of SIZES) {
    const lk = await measureLabelkit(stage, n);
    await frame();
    const an = withPeer ? await measureAnnotorious(stage, n) : { firstRender: NaN, frame: NaN, dragStep: NaN, dragScript: NaN, dragOk: true };
    await frame();
    out.push(entry('first render', n, 'mount to second frame after paint (image cached)', lk.firstRender, an.firstRender));
    out.push(entry('pan + zoom', n, `frame time, median of ${FRAMES} programmatic steps`, lk.frame, an.frame, 'labelkit redraws its shapes crisply at the new view in the next frame (culled boxes on a CPU-backed canvas; the photo is a full-resolution layer the compositor moves and scales); Annotorious has no viewport for a plain image, so its container is CSS-transformed as a host would, and the browser re-rasterises its SVG at each new scale'));
    out.push(entry('select + move one box', n, 'drag step to end of next frame, median', lk.dragStep, an.dragStep, `both select the box through their API first; labelkit then drags it with real pointer events on the canvas${lk.dragOk ? '' : ' (MOVE FAILED)'}; Annotorious: setSelected + updateAnnotation${an.dragOk ? '' : ' (MOVE FAILED)'}`));
    out.push(entry('select + move one box', n, 'script time per drag step (until React flushed), median', lk.dragScript, an.dragScript));
  }
  return out;
};
