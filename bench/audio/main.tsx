/**
 * Audio benchmark: a 3-hour recording given as precomputed peaks (no src: nothing fetched or decoded)
 * with 5,000 segments, in labelkit's AudioSegmentAnnotator and in wavesurfer.js + its Regions plugin
 * (the same peaks, the same 5,000 regions), mounted one after the other in the same page. labelkit's
 * drag is also run with 500 segments, to show that its cost per move does not grow with the count.
 * `?peer=0` in the page URL skips the peer (quick labelkit-only runs while working on it).
 */
import { createRef } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import { defineSchema, positionToX, type Annotation, type SegmentAnnotation } from '@labelkit/core';
import { AudioSegmentAnnotator, LANE_HEADER, LANE_PADDING, ROW_HEIGHT, assignLanes, stackRows, trackLayout, type AudioSegmentAnnotatorHandle } from '@labelkit/audio';
import { seededRandom } from '../../stories/shared/seeded-random.js';

const DURATION = 3 * 3600;
const COUNT = 5000;
const PEAKS_PER_SEC = 20;
const PEER = 'wavesurfer.js 8 Regions';

const rnd = seededRandom(42);
const peaks = Float32Array.from({ length: DURATION * PEAKS_PER_SEC }, (_, i) => 0.2 + 0.6 * Math.abs(Math.sin(i / 50)) * rnd());
const LABELS = ['bird', 'frog', 'insect', 'anthro'];
const COLORS = ['#3cb44b', '#469990', '#f58231', '#e6194b'];
const schema = defineSchema({ labels: LABELS.map((id, i) => ({ id, name: id, color: COLORS[i]!, kinds: ['segment'] as const })) });
const segments: SegmentAnnotation[] = Array.from({ length: COUNT }, (_, i) => {
  const start = (i / COUNT) * DURATION + rnd() * (DURATION / COUNT) * 0.5;
  return { id: `s${i}`, kind: 'segment', label: LABELS[i % 4]!, start, end: start + 0.5 + rnd() * 1.2 };
});
// Zoom path: whole file → 40 px/s (~30 s visible) in 24 steps; scroll path: 40 steps of 300 px at 40 px/s.
const ZOOM_STEPS = 24;
const ZOOM_MAX = 40;
const SCROLL_STEPS = 40;
const TARGET = segments[2500]!;
/** Segments dragged: the first as a warm-up (first-use costs: fonts, layers, JIT), not measured; then the measured drags. */
const DRAGGED = [2490, 2500, 2510, 2520, 2530, 2540].map((i) => segments[i]!);
const WARMUP = 1;

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
/** Time from an action to the end of the frame that shows it (rAF + a task after paint). */
async function timed(action: () => void): Promise<number> {
  const t0 = performance.now();
  action();
  await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

interface Result {
  tti: number;
  zoom: number[];
  scroll: number[];
  /** Pointer move → its painted frame, mean over the moves (pointerup included, as before). */
  drag: number;
  /** Script time of each pointer move: dispatch until the microtasks it queued (React's flush) ran. */
  moveScript: number[];
  /** Main-thread time of each move's frame: dispatch until the frame's style, layout, paint and commit ran. */
  moveFrame: number[];
  /** Pointerup → the painted frame that shows the dropped segment. */
  drop: number;
  dragOk: boolean;
}

/** Dispatches a pointer event and returns the script time it took, microtasks it queued included. */
async function scripted(dispatch: () => void): Promise<number> {
  const t0 = performance.now();
  dispatch();
  await Promise.resolve();
  return performance.now() - t0;
}

interface DragResult {
  /** Pointerdown → the painted frame after pointerup, divided by the 10 moves. */
  perMove: number;
  moveScript: number[];
  /** Per move: dispatch until the frame's main-thread work (style, layout, paint, commit) is done. */
  moveFrame: number[];
  drop: number;
  ok: boolean;
}

/**
 * One drag, the same for both libraries: pointerdown on `down` at (x, y), 10 moves of 20 px to the
 * right on `moves`, each awaited to its frame, then pointerup and the frame that shows the drop.
 */
async function dragBy(down: EventTarget, moves: EventTarget, x: number, y: number): Promise<Omit<DragResult, 'ok'>> {
  const ev = (target: EventTarget, type: string, cx: number) => target.dispatchEvent(new PointerEvent(type, { clientX: cx, clientY: y, bubbles: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, pointerId: 1, isPrimary: true }));
  const moveScript: number[] = [];
  performance.mark('drag-start'); // for traces
  const d0 = performance.now();
  ev(down, 'pointerdown', x);
  const moveFrame: number[] = [];
  for (let i = 1; i <= 10; i++) {
    // Each move is dispatched at the start of a frame (in its animation-frame callback), so the style,
    // layout, paint and commit it causes happen in that frame, before the next task.
    await frame();
    const t0 = performance.now();
    moveScript.push(await scripted(() => ev(moves, 'pointermove', x + i * 20)));
    await new Promise<void>((r) => setTimeout(r, 0));
    moveFrame.push(performance.now() - t0);
  }
  const u0 = performance.now();
  ev(moves, 'pointerup', x + 200);
  await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const end = performance.now();
  performance.mark('drag-end');
  return { perMove: (end - d0) / 10, moveScript, moveFrame, drop: end - u0 };
}

/** The measured drags (the warm-up left out): mean time per move, every move's script time, median drop. */
function summarize(drags: DragResult[]): Pick<Result, 'drag' | 'moveScript' | 'moveFrame' | 'drop' | 'dragOk'> {
  const measured = drags.slice(WARMUP);
  return { drag: mean(measured.map((d) => d.perMove)), moveScript: measured.flatMap((d) => d.moveScript), moveFrame: measured.flatMap((d) => d.moveFrame), drop: median(measured.map((d) => d.drop)), dragOk: drags.every((d) => d.ok) };
}

const stage = document.getElementById('stage')!;
const trackOnlyCss = document.createElement('style');
trackOnlyCss.textContent = '.track-only .lk-toolbar,.track-only .lk-audio__overview,.track-only .lk-audio__details,.track-only .lk-audio__help{display:none!important}';
document.head.append(trackOnlyCss);
// `?exp=<css>` (BENCH_EXP): a style sheet for experiments, e.g. hiding a part to see what it costs per frame.
const experiment = new URLSearchParams(location.search).get('exp');
if (experiment) {
  const sheet = document.createElement('style');
  sheet.textContent = experiment;
  document.head.append(sheet);
}

async function runLabelkit(segments: SegmentAnnotation[], dragOnly = false, trackOnly = false): Promise<Result> {
  const host = document.createElement('div');
  // The track alone (toolbar, overview, details panel and help hidden), as the peer shows only its waveform.
  if (trackOnly) host.className = 'track-only';
  stage.append(host);
  const ref = createRef<AudioSegmentAnnotatorHandle>();
  let last: Annotation[] = [];
  const t0 = performance.now();
  const root = createRoot(host);
  flushSync(() => root.render(<AudioSegmentAnnotator ref={ref} schema={schema} peaks={[peaks]} duration={DURATION} defaultValue={segments} onChange={(n) => (last = n)} />));
  // Interactive: the handle exists, the viewport knows the file, and a frame has been drawn.
  while (!(ref.current && ref.current.getViewport().length === DURATION && host.querySelector('canvas[data-testid]')!.getBoundingClientRect().height > 0)) await frame();
  await frame();
  const tti = performance.now() - t0;
  const h = ref.current!;
  const fit = h.getViewport().pxPerUnit;
  const zoom: number[] = [];
  const scroll: number[] = [];
  if (dragOnly) h.zoomTo(ZOOM_MAX, TARGET.start);
  else {
    for (let i = 1; i <= ZOOM_STEPS; i++) zoom.push(await timed(() => h.zoomTo(fit * (ZOOM_MAX / fit) ** (i / ZOOM_STEPS), TARGET.start)));
    const startT = h.getViewport().scrollStart;
    for (let i = 1; i <= SCROLL_STEPS; i++) scroll.push(await timed(() => h.scrollTo(startT + (i * 300) / ZOOM_MAX)));
  }
  const canvas = host.querySelector<HTMLCanvasElement>('canvas[data-testid]')!;
  const { lanes, laneOf } = assignLanes(schema, segments);
  const { rowOf, rows } = stackRows(segments, laneOf, lanes.length);
  const layout = trackLayout(rows, 120, 0);
  const drags: DragResult[] = [];
  for (const target of DRAGGED) {
    h.scrollTo(target.start - 5);
    await frame();
    // The same settling time after the last scroll as the peer gets (runPeer).
    await new Promise<void>((r) => setTimeout(r, 20));
    // Drag the target by its body 200 px to the right.
    const rect = canvas.getBoundingClientRect();
    const v = h.getViewport();
    const x = rect.left + positionToX(v, (target.start + target.end) / 2);
    const y = rect.top + layout.laneTops[laneOf.get(target.id)!]! + LANE_HEADER + LANE_PADDING + rowOf.get(target.id)! * ROW_HEIGHT + ROW_HEIGHT / 2;
    const r = await dragBy(canvas, canvas, x, y);
    const moved = last.find((a) => a.id === target.id) as SegmentAnnotation | undefined;
    drags.push({ ...r, ok: !!moved && Math.abs(moved.start - (target.start + 200 / v.pxPerUnit)) < 2 / v.pxPerUnit });
  }
  root.unmount();
  host.remove();
  return { tti, zoom, scroll, ...summarize(drags) };
}

async function runPeer(): Promise<Result> {
  const host = document.createElement('div');
  stage.append(host);
  const t0 = performance.now();
  const regions = RegionsPlugin.create();
  const ws = WaveSurfer.create({ container: host, peaks: [peaks], duration: DURATION, height: 120, plugins: [regions], interact: false, hideScrollbar: true, autoScroll: false });
  await new Promise<void>((r) => ws.once('ready', () => r()));
  for (const s of segments) regions.addRegion({ id: s.id, start: s.start, end: s.end, color: `${COLORS[LABELS.indexOf(s.label)]}55`, content: s.label, drag: true, resize: true });
  await frame();
  await new Promise<void>((r) => setTimeout(r, 0));
  await frame();
  const tti = performance.now() - t0;
  const width = ws.getWidth();
  const fit = width / DURATION;
  const zoom: number[] = [];
  for (let i = 1; i <= ZOOM_STEPS; i++) {
    const pps = fit * (ZOOM_MAX / fit) ** (i / ZOOM_STEPS);
    zoom.push(await timed(() => {
      ws.zoom(pps);
      ws.setScroll(Math.max(0, TARGET.start * pps - width / 2));
    }));
  }
  const scroll: number[] = [];
  const start = ws.getScroll();
  for (let i = 1; i <= SCROLL_STEPS; i++) scroll.push(await timed(() => ws.setScroll(start + i * 300)));
  const drags: DragResult[] = [];
  for (const target of DRAGGED) {
    ws.setScroll(Math.max(0, (target.start - 5) * ZOOM_MAX));
    await frame();
    await new Promise<void>((r) => setTimeout(r, 20));
    const region = regions.getRegions().find((r) => r.id === target.id)!;
    const el = region.element!;
    const rect = el.getBoundingClientRect();
    const before = region.start;
    // The plugin listens for moves and the release on the document once a drag starts.
    const r = await dragBy(el, window, rect.left + rect.width / 2, rect.top + rect.height / 2);
    drags.push({ ...r, ok: Math.abs(region.start - before - 200 / ZOOM_MAX) < 3 / ZOOM_MAX });
  }
  ws.destroy();
  host.remove();
  return { tti, zoom, scroll, ...summarize(drags) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

window.__labelkitBench = async (): Promise<BenchEntry[]> => {
  const withPeer = new URLSearchParams(location.search).get('peer') !== '0';
  const lk = await runLabelkit(segments);
  await new Promise((r) => setTimeout(r, 200));
  // The same drag with a tenth of the segments (every tenth one, the dragged one among them): only the count changes.
  const small = await runLabelkit(segments.filter((s, i) => i % 10 === 0 || DRAGGED.includes(s)), true);
  await new Promise((r) => setTimeout(r, 200));
  const trackOnly = await runLabelkit(segments, true, true);
  await new Promise((r) => setTimeout(r, 200));
  const peer = withPeer ? await runPeer() : null;
  const scenario = '3-hour peaks, 5,000 segments';
  const entry = (metric: string, a: number, b: number | null, note?: string): BenchEntry => ({ scenario, size: COUNT, metric, unit: 'ms', labelkit: a, peer: b, peerName: PEER, ratio: b === null ? null : b / a, ...(note ? { note } : {}) });
  const f = (n: number) => n.toFixed(2);
  return [
    entry('time to interactive', lk.tti, peer?.tti ?? null, 'mount with peaks + duration, no src (nothing fetched or decoded) → first frame with all segments'),
    entry('zoom frame time (mean)', mean(lk.zoom), peer ? mean(peer.zoom) : null, `${ZOOM_STEPS} zoom steps, whole file → ${ZOOM_MAX} px/s; action → next painted frame`),
    entry('zoom frame time (p95)', p95(lk.zoom), peer ? p95(peer.zoom) : null),
    entry('scroll frame time (mean)', mean(lk.scroll), peer ? mean(peer.scroll) : null, `${SCROLL_STEPS} scrolls of 300 px at ${ZOOM_MAX} px/s`),
    entry('scroll frame time (p95)', p95(lk.scroll), peer ? p95(peer.scroll) : null),
    entry('drag a segment (per move)', lk.drag, peer?.drag ?? null, `pointerdown, 10 pointer moves of 20 px each to its painted frame, pointerup to its painted frame, divided by 10; mean of ${DRAGGED.length - WARMUP} drags of different segments after one warm-up drag; segment moved correctly: labelkit ${lk.dragOk}, peer ${peer ? peer.dragOk : '—'}; labelkit with only its track showing (toolbar, overview and details panel hidden, as the peer shows only a waveform): ${f(trackOnly.drag)} ms`),
    entry('drag script time per move (median)', median(lk.moveScript), peer ? median(peer.moveScript) : null, `pointermove dispatch until its microtasks (React's flush) ran; labelkit with 500 segments instead of 5,000: ${f(median(small.moveScript))} ms (max ${f(Math.max(...small.moveScript))} ms vs ${f(Math.max(...lk.moveScript))} ms at 5,000)`),
    entry('drag main-thread time per move (median)', median(lk.moveFrame), peer ? median(peer.moveFrame) : null, `each move dispatched at the start of a frame, until the next task after that frame: the move's script, style, layout, paint and commit on the main thread (what is left of the frame interval for everything else); labelkit with 500 segments: ${f(median(small.moveFrame))} ms`),
    entry('drop a dragged segment', lk.drop, peer?.drop ?? null, `pointerup → painted frame, median of the drags: labelkit commits the drag to the store here (one undo step, one onChange); with 500 segments ${f(small.drop)} ms`),
  ];
};

