/**
 * Text benchmark: the same ~1 MB document (about 190,000 words, generated from a seeded PRNG with
 * emoji, CJK, Arabic and Hebrew words) with 10,000 spans, in labelkit's SpanAnnotator and in
 * Recogito's text annotator, mounted one after the other in the same 1200×740 scroll box.
 *
 * Peer: `@recogito/react-text-annotator` 3.4's `<TextAnnotator>` needs `<Annotorious>` from
 * `@annotorious/react`, which is not resolvable from the repository root (only a transitive
 * dependency), so the page does what that wrapper does — render the text in a React `<div>` and call
 * `createTextAnnotator(div, options)` in an effect — with `@recogito/text-annotator` 4.1 (the root
 * devDependency) and its default options (SPANS renderer). Nothing is tuned down.
 */
import { useEffect, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import '@recogito/text-annotator/text-annotator.css';
import { createTextAnnotator, type TextAnnotationLike, type TextAnnotator } from '@recogito/text-annotator';

type RecogitoAnnotator = TextAnnotator<TextAnnotationLike, TextAnnotationLike>;
import { defineSchema, OffsetIndex, type Annotation, type SpanAnnotation } from '@labelkit/core';
import { SpanAnnotator } from '@labelkit/text';
import { generateBigDocument } from '../../stories/text/big-document.js';

const PEER = 'Recogito text-annotator 4.1 (React-mounted)';
const HEIGHT = 740;
const SCROLL_FRAMES = 90;
const SCROLL_STEP = 160;
const REPEATS = 5;
const LABELS = ['person', 'org', 'loc', 'date'];
const schema = defineSchema({ labels: LABELS.map((id, i) => ({ id, hotkey: String(i + 1), kinds: ['span' as const] })) });

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
/** Until the frame after the current one has been produced (rAF, then a task after paint). */
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length ? ((v[(v.length - 1) >> 1] as number) + (v[v.length >> 1] as number)) / 2 : NaN;
};
/** Code-point ranges of the first `n` space-separated words of `text`. */
function firstWords(text: string, n: number): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let cp = 0;
  for (const w of text.split(' ')) {
    const len = [...w].length;
    if (len && !/\s/u.test(w)) out.push({ start: cp, end: cp + len, text: w });
    if (out.length >= n) break;
    cp += len + 1;
  }
  return out;
}
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heapMB = () => ((performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN) / 2 ** 20;
async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  return heapMB();
}

interface Measured {
  firstRender: number;
  createSpan: number;
  /** labelkit only: the user path. */
  createByKeyboard?: number;
  frame: number;
  frameP95: number;
  heap: number;
}

/** Scrolls `el` down one step per animation frame and returns the mean and 95th-percentile frame interval. */
async function scrollFrames(el: HTMLElement): Promise<{ mean: number; p95: number }> {
  await frame();
  const times: number[] = [];
  let last = performance.now();
  for (let i = 0; i < SCROLL_FRAMES; i++) {
    el.scrollTop += SCROLL_STEP;
    await frame();
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  times.sort((a, b) => a - b);
  return { mean: times.reduce((a, b) => a + b, 0) / times.length, p95: times[Math.floor(times.length * 0.95)] ?? NaN };
}

/** labelkit controlled by its host (`value` + `onChange`), as an app embeds it; `api.set` adds spans from outside. */
function LabelkitHost({ text, initial, api, onCount }: { text: string; initial: SpanAnnotation[]; api: { set?: (f: (v: Annotation[]) => Annotation[]) => void }; onCount(n: number): void }) {
  const [value, setValue] = useState<Annotation[]>(initial);
  api.set = setValue;
  useEffect(() => onCount(value.length), [value, onCount]);
  return <SpanAnnotator schema={schema} text={text} value={value} onChange={(next) => setValue(next)} height={HEIGHT} aria-label="Benchmark document" />;
}

async function measureLabelkit(stage: HTMLElement, text: string, spans: SpanAnnotation[]): Promise<Measured> {
  const host = document.createElement('div');
  stage.append(host);
  const base = await settledHeap();
  const root = createRoot(host);
  let count = 0;
  const onCount = (n: number) => {
    count = n;
  };
  const api: { set?: (f: (v: Annotation[]) => Annotation[]) => void } = {};
  const t0 = performance.now();
  flushSync(() => root.render(<LabelkitHost text={text} initial={spans} api={api} onCount={onCount} />));
  await painted();
  const firstRender = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  const heap = (await settledHeap()) - base;

  // Create one span through the API: the host adds it to `value` (as Recogito's addAnnotation does).
  // Median of REPEATS creations, on the first words, so one stall of this shared machine does not decide.
  const words = firstWords(text, REPEATS * 2 + 2);
  const apiTimes: number[] = [];
  for (let k = 0; k < REPEATS; k++) {
    const w = words[k] as { start: number; end: number; text: string };
    const added: SpanAnnotation = { id: `api-${k}`, kind: 'span', label: 'org', ...w };
    const t1 = performance.now();
    flushSync(() => api.set?.((v) => [...v, added]));
    await painted();
    apiTimes.push(performance.now() - t1);
  }
  if (count !== spans.length + REPEATS) throw new Error(`labelkit: value has ${count} annotations after adding ${REPEATS}`);

  // Create spans the way a user does: keyboard selection of a word, then a label hotkey.
  const surface = host.querySelector<HTMLElement>('[role="application"]')!;
  surface.focus();
  const key = (k: string, extra: KeyboardEventInit = {}) => surface.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...extra }));
  const keyTimes: number[] = [];
  key('Escape');
  key('Home');
  for (let k = 0; k < REPEATS; k++) {
    key('Escape');
    key('ArrowRight', { ctrlKey: true, shiftKey: true });
    await painted();
    const t2 = performance.now();
    key('1', { code: 'Digit1' });
    await painted();
    keyTimes.push(performance.now() - t2);
    key('ArrowRight');
  }
  if (count !== spans.length + 2 * REPEATS) throw new Error(`labelkit: the keyboard did not create the spans (value has ${count} annotations)`);
  const createSpan = median(apiTimes);
  const createByKeyboard = median(keyTimes);

  const scroller = host.querySelector<HTMLElement>('.lk-text-scroll')!;
  const { mean, p95 } = await scrollFrames(scroller);
  root.unmount();
  host.remove();
  return { firstRender, createSpan, createByKeyboard, frame: mean, frameP95: p95, heap };
}

function RecogitoHost({ text, onReady }: { text: string; onReady(anno: RecogitoAnnotator): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const anno = createTextAnnotator(ref.current as HTMLElement);
    onReady(anno);
    return () => anno.destroy();
  }, [onReady]);
  return (
    <div style={{ height: HEIGHT, overflow: 'auto' }} className="recogito-scroll">
      <div ref={ref} style={{ whiteSpace: 'pre-wrap', padding: '12px 16px', fontSize: 16, lineHeight: '29px' }}>
        {text}
      </div>
    </div>
  );
}

async function measureRecogito(stage: HTMLElement, text: string, spans: SpanAnnotation[]): Promise<Measured> {
  // Recogito's offsets are UTF-16 indices into the container's text: convert from code points.
  const index = new OffsetIndex(text);
  const toRecogito = (s: { id: string; start: number; end: number; text: string }) => ({
    id: s.id,
    bodies: [],
    target: { annotation: s.id, selector: [{ quote: s.text, start: index.toUtf16(s.start), end: index.toUtf16(s.end) }] },
  });
  const annotations = spans.map(toRecogito);
  const host = document.createElement('div');
  stage.append(host);
  const base = await settledHeap();
  const root: Root = createRoot(host);
  let anno: RecogitoAnnotator | null = null;
  const t0 = performance.now();
  flushSync(() => root.render(<RecogitoHost text={text} onReady={(a) => (anno = a)} />));
  (anno as RecogitoAnnotator | null)?.setAnnotations(annotations as never);
  await painted();
  const firstRender = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  const heap = (await settledHeap()) - base;

  const times: number[] = [];
  const words = firstWords(text, REPEATS);
  for (let k = 0; k < REPEATS; k++) {
    const w = words[k] as { start: number; end: number; text: string };
    const t1 = performance.now();
    (anno as RecogitoAnnotator | null)?.addAnnotation(toRecogito({ id: `api-${k}`, ...w }) as never);
    await painted();
    times.push(performance.now() - t1);
  }
  const createSpan = median(times);
  const count = (anno as RecogitoAnnotator | null)?.getAnnotations().length;
  if (count !== spans.length + REPEATS) throw new Error(`Recogito: expected ${spans.length + REPEATS} annotations, has ${count}`);

  const scroller = host.querySelector<HTMLElement>('.recogito-scroll')!;
  const { mean, p95 } = await scrollFrames(scroller);
  root.unmount();
  host.remove();
  return { firstRender, createSpan, frame: mean, frameP95: p95, heap };
}

window.__labelkitBench = async () => {
  const stage = document.getElementById('stage') as HTMLElement;
  const doc = generateBigDocument(1_000_000, 10_000, 42, LABELS);
  const size = doc.spans.length;
  // Warm-up of code paths (JIT, style recalc) on a small slice, for both, before measuring.
  const small = generateBigDocument(20_000, 200, 7, LABELS);
  await measureLabelkit(stage, small.text, small.spans);
  await measureRecogito(stage, small.text, small.spans);
  const lk = await measureLabelkit(stage, doc.text, doc.spans);
  const peer = await measureRecogito(stage, doc.text, doc.spans);
  const scenario = `1 MB document (${Math.round(doc.text.length / 1000)} k UTF-16 units, ${Math.round(doc.words / 1000)} k words)`;
  const entry = (metric: string, unit: BenchEntry['unit'], a: number, b: number, note?: string): BenchEntry => ({
    scenario,
    size,
    metric,
    unit,
    labelkit: a,
    peer: b,
    peerName: PEER,
    ratio: Number.isFinite(a) && Number.isFinite(b) && a > 0 ? b / a : null,
    ...(note ? { note } : {}),
  });
  return [
    entry('time to first render', 'ms', lk.firstRender, peer.firstRender, 'mount + 10,000 spans until the frame after the first paint'),
    entry('create one span (API)', 'ms', lk.createSpan, peer.createSpan, `median of ${REPEATS}; labelkit: the host appends one span to the controlled value (store diff, layout, re-render); Recogito: addAnnotation(); each until the next frame`),
    { ...entry('create one span (keyboard, user path)', 'ms', lk.createByKeyboard ?? NaN, NaN, `median of ${REPEATS}; label hotkey on a keyboard word selection: snap, store, history, onChange → host setState → re-render; Recogito has no keyboard creation to compare`), peer: null, ratio: null },
    entry('frame time while scrolling (mean)', 'ms', lk.frame, peer.frame, `${SCROLL_FRAMES} frames, ${SCROLL_STEP}px per frame; headless Chromium paces frames at ~16.7 ms, so equal means both keep up`),
    entry('frame time while scrolling (p95)', 'ms', lk.frameP95, peer.frameP95),
    entry('JS heap after mount', 'MB', lk.heap, peer.heap, 'usedJSHeapSize delta after gc(), noisy (±2 MB); the document text itself is allocated before the baseline; DOM node memory is mostly outside the JS heap'),
  ];
};
