/**
 * Text benchmark: the same ~1 MB document (about 190,000 words, generated from a seeded PRNG with
 * emoji, CJK, Arabic and Hebrew words) with 10,000 spans, in labelkit's SpanAnnotator and in
 * Recogito's React text annotator (`@recogito/react-text-annotator`: `<Annotorious><TextAnnotator>`,
 * which runs its own `@recogito/text-annotator` engine with the default SPANS renderer), mounted one
 * after the other in the same 1200×740 scroll box. Both load the 10,000 spans through their public
 * API: labelkit through its controlled `value`, Recogito through `useAnnotator().setAnnotations()`.
 * Nothing is tuned down on either side.
 *
 * Timing of one operation ("to the next painted frame"): the operation starts at the beginning of a
 * frame (in a requestAnimationFrame callback), and the time is taken in the first task after the
 * rendering of the first frame whose DOM shows the result (checked in the DOM: labelkit's underline
 * fragment, Recogito's highlight element). So the wait for the next vsync, which depends on where in
 * the frame an operation happens to start, counts for neither side, and work an annotator defers
 * (Recogito redraws its highlights 10 ms after a store change, in the frame after) counts for it.
 */
import { useEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { Annotorious, useAnnotator } from '@annotorious/react';
import { TextAnnotator, type RecogitoTextAnnotator, type TextAnnotation } from '@recogito/react-text-annotator';
import '@recogito/react-text-annotator/react-text-annotator.css';
import { defineSchema, OffsetIndex, type Annotation, type SpanAnnotation } from '@labelkit/core';
import { SpanAnnotator } from '@labelkit/text';
import { generateBigDocument } from '../../stories/text/big-document.js';

const PEER = 'Recogito React text annotator 3.4 (<Annotorious><TextAnnotator>)';
const HEIGHT = 740;
const SCROLL_FRAMES = 90;
const SCROLL_STEP = 160;
const REPEATS = 9;
const LABELS = ['person', 'org', 'loc', 'date'];
const schema = defineSchema({ labels: LABELS.map((id, i) => ({ id, hotkey: String(i + 1), kinds: ['span' as const] })) });

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length ? ((v[(v.length - 1) >> 1] as number) + (v[v.length >> 1] as number)) / 2 : NaN;
};
/** Milliseconds from running `op` at the start of a frame until a frame whose DOM passes `shown` has been rendered. */
async function untilShown(op: () => void, shown: () => boolean, timeout = 30_000): Promise<number> {
  await frame();
  return new Promise<number>((resolve, reject) => {
    requestAnimationFrame(() => {
      const t0 = performance.now();
      op();
      // A task posted from a frame's rAF callback runs after that frame's style, layout and paint.
      const check = () =>
        setTimeout(() => {
          const dt = performance.now() - t0;
          if (shown()) resolve(dt);
          else if (dt > timeout) reject(new Error('the result never showed'));
          else requestAnimationFrame(check);
        }, 0);
      check();
    });
  });
}
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

/** Underline layers drawn on the fragment starting at code point `cp` (one per span covering it, plus its tint). */
const layersAt = (host: HTMLElement, cp: number) => (host.querySelector<HTMLElement>(`.lk-text-frag[data-lk-cp="${cp}"]`)?.style.backgroundImage.match(/gradient\(/g) ?? []).length;

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
  const firstRender = await untilShown(
    () => flushSync(() => root.render(<LabelkitHost text={text} initial={spans} api={api} onCount={onCount} />)),
    () => host.querySelector('.lk-text-frag[data-lk-has]') !== null,
  );
  await new Promise((r) => setTimeout(r, 300));
  const heap = (await settledHeap()) - base;

  // Create one span through the API: the host adds it to `value` (as Recogito's addAnnotation does).
  // Median of REPEATS creations on the first words, so one stall of this shared machine does not decide.
  const words = firstWords(text, REPEATS);
  const apiTimes: number[] = [];
  for (let k = 0; k < REPEATS; k++) {
    const w = words[k] as { start: number; end: number; text: string };
    const added: SpanAnnotation = { id: `api-${k}`, kind: 'span', label: 'org', ...w };
    const before = layersAt(host, w.start);
    apiTimes.push(await untilShown(() => flushSync(() => api.set?.((v) => [...v, added])), () => layersAt(host, w.start) > before));
  }
  await frame();
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
    await frame();
    if (host.querySelector('[data-lk-selected]')) throw new Error('labelkit: a span is selected before the hotkey');
    keyTimes.push(await untilShown(() => key('1', { code: 'Digit1' }), () => host.querySelector('.lk-text-frag[data-lk-selected]') !== null));
    key('ArrowRight');
  }
  await frame();
  if (count !== spans.length + 2 * REPEATS) throw new Error(`labelkit: the keyboard did not create the spans (value has ${count} annotations)`);
  const createSpan = median(apiTimes);
  const createByKeyboard = median(keyTimes);

  const scroller = host.querySelector<HTMLElement>('.lk-text-scroll')!;
  const { mean, p95 } = await scrollFrames(scroller);
  root.unmount();
  host.remove();
  return { firstRender, createSpan, createByKeyboard, frame: mean, frameP95: p95, heap };
}

/** A selector as Recogito's API takes it: `range` is left out, the store revives it from `start`/`end`. */
type IncomingAnnotation = Omit<TextAnnotation, 'target'> & { target: { annotation: string; selector: { quote: string; start: number; end: number }[] } };

/** Loads the annotations through the wrapper's hook once the annotator exists, and hands the annotator out. */
function RecogitoLoader({ annotations, onReady }: { annotations: IncomingAnnotation[]; onReady(anno: RecogitoTextAnnotator): void }) {
  const anno = useAnnotator<RecogitoTextAnnotator | undefined>();
  useEffect(() => {
    if (!anno) return;
    // The store revives each selector's DOM range from its offsets (reviveTarget), so none is passed.
    anno.setAnnotations(annotations as unknown as TextAnnotation[]);
    onReady(anno);
  }, [anno, annotations, onReady]);
  return null;
}

/** Recogito's React wrapper as its README shows it: `<Annotorious>` provider, `<TextAnnotator>` around the text. */
function RecogitoHost({ text, annotations, onReady }: { text: string; annotations: IncomingAnnotation[]; onReady(anno: RecogitoTextAnnotator): void }) {
  return (
    <div style={{ height: HEIGHT, overflow: 'auto' }} className="recogito-scroll">
      <Annotorious>
        <TextAnnotator>
          <div style={{ whiteSpace: 'pre-wrap', padding: '12px 16px', fontSize: 16, lineHeight: '29px' }}>{text}</div>
        </TextAnnotator>
        <RecogitoLoader annotations={annotations} onReady={onReady} />
      </Annotorious>
    </div>
  );
}

async function measureRecogito(stage: HTMLElement, text: string, spans: SpanAnnotation[]): Promise<Measured> {
  // Recogito's offsets are UTF-16 indices into the container's text: convert from code points.
  const index = new OffsetIndex(text);
  const toRecogito = (s: { id: string; start: number; end: number; text: string }): IncomingAnnotation => ({
    id: s.id,
    bodies: [],
    target: { annotation: s.id, selector: [{ quote: s.text, start: index.toUtf16(s.start), end: index.toUtf16(s.end) }] },
  });
  const annotations = spans.map(toRecogito);
  const host = document.createElement('div');
  stage.append(host);
  const base = await settledHeap();
  const root: Root = createRoot(host);
  let anno: RecogitoTextAnnotator | null = null;
  const onReady = (a: RecogitoTextAnnotator) => {
    anno = a;
  };
  const drawn = (id?: string) => host.querySelector(id ? `.r6o-annotation[data-annotation="${id}"]` : '.r6o-annotation') !== null;
  const firstRender = await untilShown(() => flushSync(() => root.render(<RecogitoHost text={text} annotations={annotations} onReady={onReady} />)), () => drawn());
  await new Promise((r) => setTimeout(r, 300));
  const heap = (await settledHeap()) - base;
  const api = anno as RecogitoTextAnnotator | null;
  if (!api) throw new Error('Recogito: the annotator was not created');

  const times: number[] = [];
  const words = firstWords(text, REPEATS);
  for (let k = 0; k < REPEATS; k++) {
    const w = words[k] as { start: number; end: number; text: string };
    const id = `api-${k}`;
    times.push(await untilShown(() => api.addAnnotation(toRecogito({ id, ...w }) as unknown as TextAnnotation), () => drawn(id)));
  }
  const createSpan = median(times);
  const count = api.getAnnotations().length;
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
  const timing = 'started in a rAF callback, until the task after the first rendered frame whose DOM shows the result (no vsync wait counted)';
  return [
    entry('time to first render', 'ms', lk.firstRender, peer.firstRender, `mount + 10,000 spans (labelkit: controlled value; Recogito: useAnnotator().setAnnotations()) until highlights are painted; ${timing}`),
    entry('create one span (API)', 'ms', lk.createSpan, peer.createSpan, `median of ${REPEATS}; labelkit: the host appends one span to its controlled value (flushSync); Recogito: anno.addAnnotation(); ${timing}`),
    { ...entry('create one span (keyboard, user path)', 'ms', lk.createByKeyboard ?? NaN, NaN, `median of ${REPEATS}; label hotkey on a keyboard word selection: snap, store, history, onChange → host setState → re-render; ${timing}; Recogito has no keyboard creation to compare`), peer: null, ratio: null },
    entry('frame time while scrolling (mean)', 'ms', lk.frame, peer.frame, `${SCROLL_FRAMES} frames, ${SCROLL_STEP}px per frame; each frame starts when the last is done (frame-rate limit off), so this is the work of a frame`),
    entry('frame time while scrolling (p95)', 'ms', lk.frameP95, peer.frameP95),
    entry('JS heap after mount', 'MB', lk.heap, peer.heap, 'usedJSHeapSize delta after gc(), noisy (±2 MB); the document text itself is allocated before the baseline; DOM node memory is mostly outside the JS heap'),
  ];
};
