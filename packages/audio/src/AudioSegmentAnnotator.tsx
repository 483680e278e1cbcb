import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent, type Ref } from 'react';
import WaveSurfer from 'wavesurfer.js';
import Spectrogram from 'wavesurfer.js/dist/plugins/spectrogram.esm.js';
import { createId, defaultAttributes, labelsForKind, type Annotation, type AttributeValue, type SegmentAnnotation } from '@labelkit/core';
import {
  LabelkitStyles,
  useAnnotations,
  useAnnotatorHotkeys,
  useAnnouncer,
  useControllableState,
  useMergedKeymap,
  useSelection,
  type AnnotatorHandle,
  type AnnotatorProps,
} from '@labelkit/react';
import { getAudioContext, useAudioSource } from './audio-source.js';
import { changedRegions, snapRegion, type DrawnFrame } from './dirty-regions.js';
import { draftGeometry, draftItem, drawFrame, drawOverviewBase, drawOverviewWindow, overviewTickSpan, type DrawItem, type DrawTheme, type FrameState } from './draw.js';
import type { IntervalIndex } from './interval-index.js';
import type { PeaksPyramid } from './peaks.js';
import { AUDIO_KEYMAP } from './keymap.js';
import { laneFields, type LaneBy } from './lanes.js';
import { createSegmentModelCache } from './segment-model.js';
import { laneAtY, trackLayout } from './layout.js';
import { adjacentSegment, segmentsInOrder } from './segment-order.js';
import { mediaGate, playBufferSegment, playMediaSegment, type SegmentPlayback } from './segment-playback.js';
import { IDLE, hitTest, segmentFromMarks, segmentTool, type ToolContext, type ToolEffect, type ToolEvent, type ToolState } from './segment-tool.js';
import { channelPhrase as channelPhraseOf, SegmentDetails, type SegmentDetailsActions } from './segment-details.js';
import { formatTime } from './time-format.js';
import type { WaveformSource } from './waveform.js';
import { MAX_ELEMENT_WIDTH, PX_PER_SAMPLE, clampViewport, fitViewport, revealRange, scrollBy, visibleRange, xToTime, zoomAt, zoomLimits, type Viewport } from './viewport.js';
import { snapToZeroCrossing } from './zero-crossing.js';

/** Imperative handle of {@link AudioSegmentAnnotator}: the common handle plus playback and view control. */
export interface AudioSegmentAnnotatorHandle extends AnnotatorHandle {
  /** Starts playback from the playhead. */
  play(): void;
  /** Pauses any playback. */
  pause(): void;
  /** Plays one segment (default: the selected one) and stops exactly at its end. Resolves when it stops. */
  playSegment(id?: string): Promise<void>;
  /** Moves the playhead to `time` seconds. */
  seek(time: number): void;
  /** The playhead, seconds. */
  getCurrentTime(): number;
  /** True while anything plays. */
  isPlaying(): boolean;
  /** The current zoom/scroll viewport. */
  getViewport(): Viewport;
  /** Zooms to `pxPerSec`, keeping `anchorTime` (default: the view's centre) where it is. */
  zoomTo(pxPerSec: number, anchorTime?: number): void;
  /** Scrolls so `time` is at the left edge. */
  scrollTo(time: number): void;
}

/** A segment's extent while it is dragged (moved or resized), before the drop commits it. */
export interface SegmentDraft {
  /** The segment's id. */
  id: string;
  /** Draft start and end, seconds. */
  start: number;
  end: number;
}

/** Props of {@link AudioSegmentAnnotator}. */
export interface AudioSegmentAnnotatorProps extends AnnotatorProps {
  /** Audio URL. Decoded in full unless `peaks` and `duration` are given; streamed by an `<audio>` element for playback. The only URL ever fetched. */
  src?: string;
  /** Precomputed peaks, one array per channel (wavesurfer's format). With `duration`, the file is never fetched whole or decoded. */
  peaks?: Array<Float32Array | number[]>;
  /** Duration in seconds that goes with `peaks`. */
  duration?: number;
  /**
   * Sample rate of the audio given as `peaks` (default 48,000, or what the file's header says when it
   * is read): the deepest zoom is a few pixels per sample. Decoded audio knows its own.
   */
  sampleRate?: number;
  /** Lanes: one per label (default) or one per value of an attribute, e.g. `{ attribute: 'speaker' }`. */
  laneBy?: LaneBy;
  /** Shortest segment in seconds (default 0.05). */
  minLength?: number;
  /** Snap created and resized edges to zero crossings at first (toggle with Shift+S). Needs decoded audio. */
  defaultSnapToZeroCrossings?: boolean;
  /** Show the spectrogram at first (toggle with S). Needs decoded audio. */
  defaultShowSpectrogram?: boolean;
  /** Height of the waveform band in CSS pixels (default 120). */
  waveHeight?: number;
  /** Called as the playhead moves (during playback at display rate). */
  onTimeUpdate?(time: number): void;
  /**
   * Live extent of a segment being dragged: called on every pointer move of a move or resize with its
   * draft, then once with `null` when the drag ends (after the drop's one `onChange`, or when it is
   * cancelled). The store, undo history and `onChange` see only the drop; this is for live readouts in
   * the host. It runs in the pointer handler: keep it cheap (what it sets off is the host's cost per move).
   */
  onDragMove?(draft: SegmentDraft | null): void;
  /** The imperative handle (React 19: `ref` is a normal prop). */
  ref?: Ref<AudioSegmentAnnotatorHandle>;
}

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2];
/** The zoom badge: 8×, 32.8K×, 3.3M×. */
const ZOOM_FACTOR = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
/** Sample rate assumed for audio given as peaks when neither the host nor the file says. */
const DEFAULT_SAMPLE_RATE = 48_000;
const SPECTROGRAM_HEIGHT = 128;
const OVERVIEW_HEIGHT = 36;
const EMPTY_SUGGESTIONS: Annotation[] = [];
/** wavesurfer's waveform renderer: draws nothing (the track canvas draws the waveform; see CANVAS_OPTIONS). */
const DRAW_NOTHING = (): void => undefined;

/**
 * Moves wavesurfer's view (shown only with the spectrogram) to `v`; `relayout` re-renders it even at
 * the same zoom (after it was hidden, its layout is stale). Before its audio is loaded there is nothing to
 * lay out; its `ready` handler syncs again.
 */
function syncWaveSurferView(ws: WaveSurfer, v: Viewport, relayout: boolean): void {
  if (!ws.getDecodedData()) return;
  if (relayout || ws.options.minPxPerSec !== v.pxPerSec) ws.zoom(v.pxPerSec);
  ws.setScroll(Math.round(v.scrollTime * v.pxPerSec));
}

/**
 * The track and overview canvases (and the overview's cache, which would otherwise make the overview
 * GPU-backed when drawn into it) are CPU-backed: Chromium paints such a canvas into its parent's tiles
 * (re-rastered only when it is redrawn) instead of giving it its own GPU texture layer. The waveform
 * is drawn on the track canvas too, under the segments, rather than by wavesurfer's renderer (several
 * canvases per scroll chunk in a scroll container in its shadow DOM, each a composited layer the drag
 * overlay was blended over in every frame): the whole track is then one layer of the page, and a drag
 * composites only the two small overlay layers on top of it. Measured in software-rendered Chromium
 * (see docs/benchmarks.md): fewer layers, less work per frame. A GPU-backed track canvas was measured
 * too: it keeps a redraw's damage small but costs more in all than re-rastering the canvas' tiles.
 */
const CANVAS_OPTIONS: CanvasRenderingContext2DSettings = { willReadFrequently: true };

// No border-radius on the track or the overview: a rounded clip over composited canvases and the drag
// overlay makes the compositor redraw them through a mask every frame (measured: about twice the frame
// time of a drag in software-rendered Chromium).
// The root's focus ring is drawn by `.lk-audio__ring`, an empty first child with the root's box, not by
// the root's own outline: an element's outline paints after all its descendants, so over the composited
// canvases it forces a transparent compositing layer as big as the whole component (plus squashed
// neighbours) that the compositor blends into every frame — measured: about half the frame time of a
// drag in software-rendered Chromium while the root has focus (as it does during any drag). Painted
// first among the positioned children (the overview is positioned, with no offset, so that it too paints
// after the ring), the ring sits under the canvases, which never reach past the root's box; it looks the same.
// The drag overlay's shading (over the waveform) and box (in the lane) are layers of their own, so a move
// re-composites those two small rectangles rather than a layer the height of the whole track.
// wavesurfer's view is `display: none` unless the spectrogram is shown; then its own waveform canvases
// are hidden through their shadow parts, and only the spectrogram under them shows.
const CSS = `
.lk-audio{position:relative;display:flex;flex-direction:column;gap:var(--lk-space-2,8px);border-radius:var(--lk-radius,6px);}
.lk-root.lk-audio:focus-visible{outline:none;}
.lk-audio__ring{position:absolute;inset:0;border-radius:inherit;pointer-events:none;}
.lk-audio:focus-visible>.lk-audio__ring{outline:var(--lk-focus-ring-width) solid var(--lk-focus-ring);outline-offset:2px;}
.lk-audio__track{position:relative;border:1px solid var(--lk-border);overflow:hidden;background:var(--lk-surface);}
.lk-audio__wave{position:absolute;left:0;right:0;}
.lk-audio__wave ::part(canvases),.lk-audio__wave ::part(progress),.lk-audio__wave ::part(cursor){visibility:hidden;}
.lk-audio__canvas{position:absolute;left:0;top:0;touch-action:none;}
.lk-audio__overview{position:relative;display:block;width:100%;border:1px solid var(--lk-border);cursor:pointer;}
.lk-audio__time{font-variant-numeric:tabular-nums;min-width:12ch;}
.lk-audio__details{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:var(--lk-space-2,8px);align-items:end;}
.lk-audio__details label{display:flex;flex-direction:column;gap:2px;font-size:12px;color:var(--lk-text-muted);}
.lk-audio__transcript{grid-column:1/-1;}
.lk-audio__summary,.lk-audio__suggestion-actions{grid-column:1/-1;margin:0;}
.lk-audio__details[data-empty] .lk-audio__summary{color:var(--lk-text-muted);}
.lk-audio__help{font-size:12px;color:var(--lk-text-muted);margin:0;}
.lk-audio__drag{position:absolute;left:0;top:0;visibility:hidden;pointer-events:none;will-change:transform;}
.lk-audio__drag-shade,.lk-audio__drag-box,.lk-audio__drag-fill{position:absolute;left:0;right:0;}

.lk-audio__drag-shade{opacity:.18;}
.lk-audio__drag-fill{top:0;bottom:0;opacity:.55;}
.lk-audio__drag-box{box-sizing:border-box;border:2px solid var(--lk-text,#1b1f24);display:flex;align-items:center;gap:4px;padding:0 4px;overflow:hidden;white-space:nowrap;font:600 11px system-ui,sans-serif;color:var(--lk-text,#1b1f24);}
.lk-audio__drag-badge,.lk-audio__drag-caption{position:relative;}
.lk-audio__drag-badge{background:var(--lk-text,#1b1f24);color:var(--lk-surface,#fff);font-size:10px;padding:0 3px;line-height:14px;}
.lk-audio__drag-badge:empty{display:none;}
.lk-audio__drag-edge{position:absolute;top:3px;bottom:3px;width:4px;background:var(--lk-text,#1b1f24);}
`;

/**
 * Audio segment annotator: draw, move and resize segments (seconds, half-open) in lanes per label or
 * per attribute value, transcribe them inline, play them exactly, review model suggestions — all by
 * mouse or keyboard alone. wavesurfer.js holds and plays the audio (and draws the spectrogram); the
 * waveform — from the peaks pyramid, or from the samples themselves when zoomed in that far — and the
 * segments are drawn on one canvas through an interval index, so thousands of them cost only what is
 * visible. The canvas redraws only the rectangles that change (see `dirty-regions.ts`): a selection, a
 * drag's start and drop, a one-segment edit or the playhead repaint a few small areas.
 *
 * Dragging (move or resize) works on a draft: while the pointer is down, the segment's new extent
 * lives only in the tool state and a ref. The canvas is redrawn once without the segment, and a small
 * DOM overlay shows it at its draft place; each pointer move then only sets that overlay's transform
 * (and width when resizing) — no store update, no React render, no canvas redraw, no rebuilding of
 * lanes, rows or the interval index — so a move costs the same with 50 segments or 50,000. At
 * pointerup the draft is committed to the store once: one undo step and one `onChange` per drag
 * (Escape or pointercancel drops the draft, and nothing reaches `onChange`). The store and `onChange`
 * therefore see a drag's result, not its intermediate positions (the details panel too shows the
 * committed extent until the drag ends); a host that wants the live extent gets it from `onDragMove`,
 * called per move with no render of its own. The commit patches the derived model for the one segment
 * (see `nextSegmentModel`) instead of re-deriving it for all of them, and the canvas is redrawn in the
 * same frame as the DOM that render commits.
 *
 * Multichannel files: the waveform shows one band per channel; a segment with a `channel` (0-based)
 * is shaded over that channel's band only and carries a channel badge (`L`/`R` in stereo, else the
 * 1-based number); its channel is edited in the details panel (absent = all channels).
 */
export function AudioSegmentAnnotator(props: AudioSegmentAnnotatorProps): React.JSX.Element {
  const { schema, readOnly = false, minLength = 0.05, waveHeight = 120 } = props;
  // Stable across renders when the host passes a new `{ attribute }` object each time.
  const laneByAttribute = props.laneBy && props.laneBy !== 'label' ? props.laneBy.attribute : null;
  const laneBy: LaneBy = useMemo(() => (laneByAttribute === null ? 'label' : { attribute: laneByAttribute }), [laneByAttribute]);
  const suggestions = props.suggestions ?? EMPTY_SUGGESTIONS;
  const source = useAudioSource(props.src, props.peaks, props.duration);
  const ann = useAnnotations({ value: props.value, defaultValue: props.defaultValue, onChange: props.onChange });
  const segmentLabels = useMemo(() => labelsForKind(schema, 'segment'), [schema]);
  const [activeLabel, setActiveLabel] = useControllableState<string>({ value: props.activeLabel, defaultValue: segmentLabels[0]?.id ?? '', onChange: props.onActiveLabelChange, name: 'activeLabel' });
  const keymap = useMergedKeymap(AUDIO_KEYMAP, props.keymap);
  const { announce, liveRegion } = useAnnouncer();

  const [decisions, setDecisions] = useState<ReadonlyMap<string, 'accepted' | 'rejected'>>(new Map());
  const pending = useMemo(() => suggestions.filter((s): s is SegmentAnnotation => s.kind === 'segment' && !decisions.has(s.id)), [suggestions, decisions]);
  // Pending suggestions are selectable too, so they count as existing for the selection.
  const selectable = useMemo(() => (pending.length ? [...ann.annotations, ...pending] : ann.annotations), [ann.annotations, pending]);
  const selection = useSelection({ selectedIds: props.selectedIds, onSelectionChange: props.onSelectionChange, annotations: selectable });
  const [playing, setPlaying] = useState(false);
  const [loop, setLoop] = useState(false);
  const [rate, setRate] = useState(1);
  const [snap, setSnap] = useState(props.defaultSnapToZeroCrossings ?? false);
  const [spectrogram, setSpectrogram] = useState(props.defaultShowSpectrogram ?? false);
  const [markStart, setMarkStart] = useState<number | null>(null);
  const [time, setTime] = useState(0);
  const [zoomLabel, setZoomLabel] = useState('');

  const rootRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const waveRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overviewRef = useRef<HTMLCanvasElement>(null);
  const transcriptRef = useRef<HTMLInputElement>(null);
  const wsRef = useRef<WaveSurfer | null>(null);
  const mediaRef = useRef<HTMLAudioElement | null>(null);
  const spectroRef = useRef<ReturnType<typeof Spectrogram.create> | null>(null);
  const segPlayRef = useRef<SegmentPlayback | null>(null);
  const toolRef = useRef<ToolState>(IDLE);
  const previewRef = useRef<{ start: number; end: number; lane: number } | null>(null);
  /** The segment being moved or resized, at its draft extent: shown by the drag overlay, not yet in the store (committed at pointerup). */
  const draftRef = useRef<{ id: string; start: number; end: number; lane: number } | null>(null);
  const dragRef = useRef<HTMLDivElement>(null);
  const playheadRef = useRef(0);
  const viewportRef = useRef<Viewport>(fitViewport(1, 800));
  const frameRef = useRef(0);
  const drawRef = useRef<() => void>(() => {});
  const overviewCacheRef = useRef<{ canvas: HTMLCanvasElement; index: IntervalIndex<DrawItem>; pyramid: PeaksPyramid | null; width: number; muted: string } | null>(null);
  const themeRef = useRef<{ at: number; theme: DrawTheme } | null>(null);
  /** The track frame last drawn, to redraw only what changes (see dirty-regions.ts). */
  const drawnRef = useRef<DrawnFrame | null>(null);
  /** What the overview last showed (viewport, playhead, colours), to skip redrawing it unchanged. */
  const overviewKeyRef = useRef('');

  const duration = source.duration;
  const segments = useMemo(() => ann.annotations.filter((a): a is SegmentAnnotation => a.kind === 'segment'), [ann.annotations]);
  // Sorted on first use (Tab / next segment), not on every edit.
  const orderedCache = useRef<{ segments: readonly SegmentAnnotation[]; pending: readonly SegmentAnnotation[]; list: SegmentAnnotation[] } | null>(null);
  const ordered = (): SegmentAnnotation[] => {
    const c = orderedCache.current;
    if (c && c.segments === segments && c.pending === pending) return c.list;
    const list = segmentsInOrder([...segments, ...pending]);
    orderedCache.current = { segments, pending, list };
    return list;
  };
  const pendingIds = useMemo(() => new Set(pending.map((s) => s.id)), [pending]);

  // Lanes, rows, draw items and the interval index; a one-segment edit (a drag's commit) patches the previous model.
  const [modelCache] = useState(createSegmentModelCache);
  const model = useMemo(() => modelCache.get({ schema, segments, pending, laneBy }), [modelCache, segments, pending, schema, laneBy]);

  const channelCount = Math.max(1, source.channelCount);
  const spectroOn = spectrogram && !!source.buffer;
  const layout = useMemo(() => trackLayout(model.rows, waveHeight, spectroOn ? SPECTROGRAM_HEIGHT : 0, channelCount), [model.rows, waveHeight, spectroOn, channelCount]);
  // What the track's waveform is drawn from: the peaks pyramid, and the samples of decoded audio (sample-level zoom).
  const waveform = useMemo((): WaveformSource | null => {
    if (!source.pyramid) return null;
    const b = source.buffer;
    return { pyramid: source.pyramid, samples: b ? { channels: Array.from({ length: b.numberOfChannels }, (_, i) => b.getChannelData(i)), sampleRate: b.sampleRate } : null };
  }, [source.pyramid, source.buffer]);
  const activeLane = useMemo(() => {
    if (laneBy === 'label') return Math.max(0, model.lanes.findIndex((l) => l.label === activeLabel));
    return 0;
  }, [model.lanes, laneBy, activeLabel]);

  const selectedId = selection.selectedIds.length === 1 ? selection.selectedIds[0] : undefined;
  const selectedSeg: SegmentAnnotation | undefined = selectedId ? (segments.find((s) => s.id === selectedId) ?? pending.find((s) => s.id === selectedId)) : undefined;
  const selectedIsSuggestion = !!selectedSeg && pendingIds.has(selectedSeg.id);
  const selectedSet = useMemo(() => new Set(selection.selectedIds), [selection.selectedIds]);

  // Latest values for event handlers and the draw loop, which live outside React's render.
  const live = useRef({ model, layout, selectedSet, activeLane, markStart, source, waveform, spectroOn, readOnly, minLength, snap, segments, laneBy });
  live.current = { model, layout, selectedSet, activeLane, markStart, source, waveform, spectroOn, readOnly, minLength, snap, segments, laneBy };

  // Whole file to sample level at any length (the track canvas is only as wide as the view); capped by
  // the widest element only while wavesurfer's scrolling view shows the spectrogram.
  const sampleRate = source.buffer?.sampleRate ?? props.sampleRate ?? DEFAULT_SAMPLE_RATE;
  const limits = useCallback(
    () => zoomLimits(duration || 1, viewportRef.current.width, sampleRate * PX_PER_SAMPLE, live.current.spectroOn ? MAX_ELEMENT_WIDTH : Infinity),
    [duration, sampleRate],
  );

  /** Redraws on the next animation frame (coalesced). */
  const invalidate = useCallback(() => {
    if (frameRef.current) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = 0;
      drawRef.current();
    });
  }, []);
  /**
   * Redraws now (a pending frame's redraw included): for changes that happen once per gesture or render,
   * so they reach the canvas in the frame being built rather than one frame later — two changes of the
   * canvas in one frame cost the browser one re-raster of it, in two frames two.
   */
  const drawNow = useCallback(() => {
    if (frameRef.current) {
      cancelAnimationFrame(frameRef.current);
      frameRef.current = 0;
    }
    drawRef.current();
  }, []);

  const themeOf = (el: HTMLElement): DrawTheme => {
    const cs = getComputedStyle(el);
    const v = (n: string, d: string) => cs.getPropertyValue(`--lk-${n}`).trim() || d;
    return { text: v('text', '#1b1f24'), muted: v('text-muted', '#57606a'), border: v('border', '#d0d7de'), surface: v('surface', '#ffffff'), stripe: v('surface-hover', '#f3f4f6'), accent: v('accent', '#0b5cd5'), playhead: v('danger', '#b42318') };
  };

  drawRef.current = () => {
    const canvas = canvasRef.current;
    const track = trackRef.current;
    if (!canvas || !track || !duration) return;
    const L = live.current;
    const v = viewportRef.current;
    const dpr = window.devicePixelRatio || 1;
    const w = v.width;
    const h = L.layout.height;
    let resized = false;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
      resized = true;
    }
    const ctx = canvas.getContext('2d', CANVAS_OPTIONS);
    if (!ctx) return;
    const now = performance.now();
    if (!themeRef.current || now - themeRef.current.at > 500) themeRef.current = { at: now, theme: themeOf(track) };
    const theme = themeRef.current.theme;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // The dragged segment is left out: the drag overlay shows it (placed again here, as the view may have moved).
    const frame: FrameState = { viewport: v, layout: L.layout, lanes: L.model.lanes, index: L.model.index, selected: L.selectedSet, playhead: playheadRef.current, preview: previewRef.current, markStart: L.markStart, theme, activeLane: L.activeLane, hidden: draftRef.current?.id ?? null, waveform: L.waveform, dpr };
    const drawn: DrawnFrame = { frame, byId: L.model.byId, patch: L.model.patch ?? null };
    // Only what changed since the last frame is drawn again (see dirty-regions.ts): a drag's start and
    // drop, a selection or the playhead repaint small rectangles, and the canvas is invalidated only there.
    const regions = resized ? null : changedRegions(drawnRef.current, drawn);
    if (regions === null) drawFrame(ctx, frame);
    else {
      for (const r of regions) {
        const snapped = snapRegion(r, dpr, w, h);
        if (snapped) drawFrame(ctx, frame, snapped);
      }
    }
    drawnRef.current = drawn;
    placeDraft();
    const ov = overviewRef.current;
    if (ov) {
      const pw = Math.round(w * dpr);
      let fresh = false;
      if (ov.width !== pw) {
        ov.width = pw;
        ov.height = Math.round(OVERVIEW_HEIGHT * dpr);
        fresh = true;
      }
      // The envelope and the segment ticks change only with the data: drawn once into a cached canvas.
      const cache = overviewCacheRef.current;
      // A one-segment edit that leaves its tick on the same pixels (the usual drag at any zoom of a long file) keeps the cached base.
      const patch = L.model.patch;
      if (cache && patch && cache.index === patch.from && patch.before.color === patch.after.color && cache.width === pw) {
        const [a0, a1] = overviewTickSpan(patch.before, duration, w);
        const [b0, b1] = overviewTickSpan(patch.after, duration, w);
        if (a0 === b0 && a1 === b1) cache.index = L.model.index;
      }
      if (!cache || cache.index !== L.model.index || cache.pyramid !== L.source.pyramid || cache.width !== pw || cache.muted !== theme.muted) {
        const c = cache?.canvas ?? document.createElement('canvas');
        c.width = pw;
        c.height = Math.round(OVERVIEW_HEIGHT * dpr);
        const cctx = c.getContext('2d', CANVAS_OPTIONS);
        if (cctx) {
          cctx.setTransform(dpr, 0, 0, dpr, 0, 0);
          drawOverviewBase(cctx, w, OVERVIEW_HEIGHT, L.source.pyramid, L.model.index, duration, theme, dpr);
        }
        overviewCacheRef.current = { canvas: c, index: L.model.index, pyramid: L.source.pyramid, width: pw, muted: theme.muted };
        fresh = true;
      }
      // Redrawn only when it shows something new: an unchanged canvas is not painted again.
      const ovKey = `${v.duration} ${v.width} ${v.pxPerSec} ${v.scrollTime} ${playheadRef.current} ${theme.accent} ${theme.playhead}`;
      const octx = !fresh && overviewKeyRef.current === ovKey ? null : ov.getContext('2d', CANVAS_OPTIONS);
      overviewKeyRef.current = ovKey;
      if (octx) {
        octx.setTransform(1, 0, 0, 1, 0, 0);
        octx.clearRect(0, 0, ov.width, ov.height);
        octx.drawImage(overviewCacheRef.current!.canvas, 0, 0);
        octx.setTransform(dpr, 0, 0, dpr, 0, 0);
        drawOverviewWindow(octx, w, OVERVIEW_HEIGHT, v, playheadRef.current, theme);
      }
    }
  };

  /**
   * Shows the dragged segment at its draft place in the drag overlay (a few style writes: no canvas
   * redraw, no React render), or hides the overlay when nothing is dragged.
   */
  const placeDraft = () => {
    const el = dragRef.current;
    if (!el) return;
    const L = live.current;
    const d = draftRef.current;
    const base = d ? L.model.byId.get(d.id) : undefined;
    const it = d && base ? draftItem(base, d, L.model.lanes, L.laneBy === 'label') : null;
    const g = it ? draftGeometry(it, viewportRef.current, L.layout) : null;
    if (!it || !g) {
      if (el.style.visibility !== 'hidden') el.style.visibility = 'hidden';
      return;
    }
    const [shade, box] = el.children as unknown as [HTMLElement, HTMLElement];
    const [fill, startEdge, endEdge, badge, caption] = box.children as unknown as [HTMLElement, HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    const set = (node: HTMLElement, prop: 'transform' | 'width' | 'height' | 'top' | 'background' | 'display' | 'visibility', value: string) => {
      if (node.style[prop] !== value) node.style[prop] = value;
    };
    set(el, 'visibility', 'visible');
    // Rounded to 1/100 px, so a pure move (same width up to float noise) changes only the transform: no layout, no repaint.
    set(el, 'transform', `translate3d(${Math.round(g.x * 100) / 100}px,0,0)`);
    set(el, 'width', `${Math.round(g.width * 100) / 100}px`);
    set(el, 'height', `${L.layout.height}px`);
    set(shade, 'top', `${g.shadeTop}px`);
    set(shade, 'height', `${g.shadeHeight}px`);
    set(shade, 'background', it.color);
    set(box, 'top', `${g.boxTop}px`);
    set(box, 'height', `${g.boxHeight}px`);
    set(fill, 'background', it.color);
    set(startEdge, 'display', g.startEdge ? 'block' : 'none');
    set(endEdge, 'display', g.endEdge ? 'block' : 'none');
    // Text through textContent only: a transcript never becomes markup.
    if (badge.textContent !== g.badge) badge.textContent = g.badge;
    if (caption.textContent !== it.caption) caption.textContent = it.caption;
  };

  /** Sets the viewport, pushes it to wavesurfer while its view is shown (the spectrogram) and redraws. */
  const setViewport = useCallback(
    (next: Viewport) => {
      const prev = viewportRef.current;
      viewportRef.current = next;
      const ws = wsRef.current;
      if (ws && live.current.spectroOn) syncWaveSurferView(ws, next, false);
      if (prev.pxPerSec !== next.pxPerSec || prev.width !== next.width) setZoomLabel(next.pxPerSec * (next.duration || 1) <= next.width + 0.5 ? 'Whole file' : `${ZOOM_FACTOR.format(next.pxPerSec / (next.width / (next.duration || 1)))}×`);
      invalidate();
    },
    [invalidate],
  );

  // Viewport follows the duration and the track's width.
  useEffect(() => {
    const track = trackRef.current;
    if (!track || !duration) return;
    const apply = () => {
      const width = Math.max(100, Math.floor(track.clientWidth));
      const cur = viewportRef.current;
      if (cur.duration !== duration) setViewport(fitViewport(duration, width));
      else if (cur.width !== width) {
        const wasFit = cur.pxPerSec * cur.duration <= cur.width + 0.5;
        setViewport(wasFit ? fitViewport(duration, width) : clampViewport({ ...cur, width }, limits()));
      }
    };
    apply();
    const ro = new ResizeObserver(apply);
    ro.observe(track);
    return () => ro.disconnect();
  }, [duration, setViewport, limits]);

  // wavesurfer: holds the audio (the host's peaks, or the decoded samples; never fetches or decodes a
  // file given as peaks), plays it through a media element, and hosts the spectrogram plugin. The
  // waveform itself is drawn on the track canvas (see CANVAS_OPTIONS), so wavesurfer's view is hidden and
  // not kept in sync unless the spectrogram is shown.
  useEffect(() => {
    const container = waveRef.current;
    if (!container || source.status !== 'ready' || !source.wavePeaks) return;
    const media = new Audio();
    media.preload = 'metadata';
    if (props.src) media.src = props.src;
    mediaRef.current = media;
    // One band per channel, `waveHeight / channels` high each: the same bands `channelBand` shades.
    const perChannel = Math.floor(waveHeight / Math.max(1, source.channelCount));
    const ws = WaveSurfer.create({
      container,
      peaks: source.wavePeaks,
      duration: source.duration,
      media,
      height: perChannel,
      renderFunction: DRAW_NOTHING,
      cursorWidth: 0,
      interact: false,
      hideScrollbar: true,
      autoScroll: false,
      autoCenter: false,
      fillParent: true,
      minPxPerSec: viewportRef.current.pxPerSec,
      ...(source.channelCount > 1 ? { splitChannels: Array.from({ length: source.channelCount }, () => ({ height: perChannel })) } : {}),
    });
    wsRef.current = ws;
    const onPause = () => {
      if (!segPlayRef.current) setPlaying(false);
    };
    ws.on('pause', onPause);
    ws.on('finish', onPause);
    ws.on('ready', () => setViewport({ ...viewportRef.current }));
    setViewport({ ...viewportRef.current });
    return () => {
      segPlayRef.current?.stop();
      ws.destroy();
      wsRef.current = null;
      spectroRef.current = null;
      media.pause();
      media.removeAttribute('src');
      mediaRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, props.src, waveHeight]);

  // Spectrogram plugin (decoded audio only), under wavesurfer's (hidden) waveform canvases.
  useEffect(() => {
    const ws = wsRef.current;
    if (!ws) return;
    if (spectroOn && !spectroRef.current) {
      // Its view is one scrolling element: zoomed past the widest one, zoom out to it first.
      const capped = clampViewport(viewportRef.current, limits());
      if (capped !== viewportRef.current) setViewport(capped);
      // wavesurfer's view was hidden (display: none) until this commit: lay it out at the current zoom first.
      syncWaveSurferView(ws, viewportRef.current, true);
      spectroRef.current = ws.registerPlugin(Spectrogram.create({ height: SPECTROGRAM_HEIGHT, labels: false, splitChannels: false }));
      syncWaveSurferView(ws, viewportRef.current, false);
    } else if (!spectroOn && spectroRef.current) {
      ws.unregisterPlugin(spectroRef.current);
      spectroRef.current.destroy();
      spectroRef.current = null;
    }
    invalidate();
  }, [spectroOn, source, invalidate, limits, setViewport]);

  useEffect(() => {
    wsRef.current?.setPlaybackRate(rate, true);
  }, [rate, source]);

  // Drawn in the same frame as the DOM this render commits (the details panel): a drop, a selection or
  // an edit shows on the canvas and in the panel at once, with no frame left waiting for the canvas.
  useLayoutEffect(drawNow, [model, layout, selectedSet, markStart, activeLane, drawNow]);

  // Playback clock: redraws the playhead each frame while playing and keeps it in view.
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    const tick = () => {
      const seg = segPlayRef.current;
      const ws = wsRef.current;
      const t = seg ? seg.timeAt(getAudioContext().currentTime) : (ws?.getCurrentTime() ?? playheadRef.current);
      playheadRef.current = t;
      const v = viewportRef.current;
      const vr = visibleRange(v);
      if (t > vr.end || t < vr.start) setViewport(clampViewport({ ...v, scrollTime: t - (v.width * 0.1) / v.pxPerSec }));
      else invalidate();
      setTime(t);
      props.onTimeUpdate?.(t);
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, setViewport, invalidate]);

  // ---- actions ----
  const seek = useCallback(
    (t: number) => {
      const clamped = Math.min(Math.max(0, t), duration);
      playheadRef.current = clamped;
      wsRef.current?.setTime(clamped);
      setTime(clamped);
      const v = viewportRef.current;
      const vr = visibleRange(v);
      if (clamped < vr.start || clamped > vr.end) setViewport(revealRange(v, clamped, clamped));
      else invalidate();
    },
    [duration, setViewport, invalidate],
  );

  const stopSegment = () => {
    const s = segPlayRef.current;
    segPlayRef.current = null;
    s?.stop();
  };

  const pause = useCallback(() => {
    stopSegment();
    wsRef.current?.pause();
    setPlaying(false);
  }, []);

  const play = useCallback(() => {
    stopSegment();
    const ws = wsRef.current;
    if (!ws || !props.src) {
      announce('Nothing to play: no audio source');
      return;
    }
    const ctx = getAudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
    ws.setTime(playheadRef.current);
    void ws.play().catch(() => setPlaying(false));
    setPlaying(true);
  }, [props.src, announce]);

  const playSegment = useCallback(
    async (id?: string): Promise<void> => {
      const seg = id ? (live.current.model.byId.get(id) ?? undefined) : selectedSeg ? live.current.model.byId.get(selectedSeg.id) : undefined;
      if (!seg) {
        announce('Select a segment to play it');
        return;
      }
      stopSegment();
      wsRef.current?.pause();
      const ctx = getAudioContext();
      if (ctx.state === 'suspended') await ctx.resume();
      let handle: SegmentPlayback;
      const buffer = live.current.source.buffer;
      if (buffer) handle = playBufferSegment(ctx, buffer, seg.start, seg.end, { rate, loop });
      else if (mediaRef.current && props.src) {
        mediaRef.current.playbackRate = rate;
        handle = playMediaSegment(mediaRef.current, mediaGate(mediaRef.current, ctx), seg.start, seg.end, { loop });
      } else {
        announce('Nothing to play: no audio source');
        return;
      }
      segPlayRef.current = handle;
      setPlaying(true);
      announce(`Playing segment ${formatTime(seg.start)} to ${formatTime(seg.end)}${loop ? ', looping' : ''}`);
      await handle.ended;
      if (segPlayRef.current === handle) {
        segPlayRef.current = null;
        setPlaying(false);
        playheadRef.current = seg.end;
        wsRef.current?.setTime(seg.end);
        setTime(seg.end);
        invalidate();
      }
    },
    [selectedSeg, rate, loop, props.src, announce, invalidate],
  );

  const labelName = (id: string) => schema.byId.get(id)?.name ?? id;
  /** `left channel`, `right channel` (stereo) or `channel 3`. */
  const channelPhrase = (c: number) => channelPhraseOf(c, channelCount);
  const describe = (s: SegmentAnnotation) => `${labelName(s.label)}${laneBy !== 'label' && s.attributes?.[laneBy.attribute] !== undefined ? ` (${String(s.attributes[laneBy.attribute])})` : ''}, ${formatTime(s.start)} to ${formatTime(s.end)}${s.channel !== undefined ? `, ${channelPhrase(s.channel)}` : ''}`;

  const selectAndReveal = (s: SegmentAnnotation | undefined, what: string) => {
    if (!s) return false;
    selection.select([s.id]);
    setViewport(revealRange(viewportRef.current, s.start, s.end));
    playheadRef.current = s.start;
    wsRef.current?.setTime(s.start);
    setTime(s.start);
    announce(`${what}: ${describe(s)}${pendingIds.has(s.id) ? ', suggestion' : ''}${s.text ? `. ${s.text}` : ''}`);
    return true;
  };

  const makeSegment = (start: number, end: number, laneIndex: number): SegmentAnnotation | null => {
    const lane = live.current.model.lanes[laneIndex];
    const fields = lane ? laneFields(lane, live.current.laneBy) : {};
    const labelId = fields.label ?? activeLabel;
    const label = schema.byId.get(labelId);
    if (!label) return null;
    const attributes: Record<string, AttributeValue> = { ...defaultAttributes(label) };
    for (const [k, v] of Object.entries(fields.attributes ?? {})) {
      if (v === undefined) delete attributes[k];
      else attributes[k] = v;
    }
    return { id: createId('seg-'), kind: 'segment', label: labelId, start, end, source: 'human', ...(Object.keys(attributes).length ? { attributes } : {}) };
  };

  const createSegment = (start: number, end: number, laneIndex: number) => {
    const seg = makeSegment(start, end, laneIndex);
    if (!seg) {
      announce('No label to give the segment');
      return;
    }
    ann.apply({ added: [seg] });
    selection.select([seg.id]);
    announce(`Segment created: ${describe(seg)}`);
  };

  const updateSegment = (id: string, patch: Partial<SegmentAnnotation>, laneIndex?: number) => {
    const cur = ann.store.get(id);
    if (!cur || cur.kind !== 'segment') return null;
    let next: SegmentAnnotation = { ...cur, ...patch };
    const it = live.current.model.byId.get(id);
    if (laneIndex !== undefined && it && laneIndex !== it.lane) {
      const lane = live.current.model.lanes[laneIndex];
      if (lane) {
        const f = laneFields(lane, live.current.laneBy);
        if (f.label) next = { ...next, label: f.label };
        if (f.attributes) {
          const attrs: Record<string, AttributeValue> = { ...(next.attributes ?? {}) };
          for (const [k, v] of Object.entries(f.attributes)) {
            if (v === undefined) delete attrs[k];
            else attrs[k] = v;
          }
          next = { ...next, attributes: attrs };
        }
      }
    }
    if ('channel' in patch && patch.channel === undefined) {
      // Back to all channels: drop the field rather than keep `channel: undefined`.
      const { channel: _dropped, ...rest } = next;
      next = rest;
    }
    if (next.start === cur.start && next.end === cur.end && next.label === cur.label && next.attributes === cur.attributes && next.text === cur.text && next.channel === cur.channel) return cur;
    ann.apply({ updated: [next] });
    return next;
  };

  const snapFn = (): ((t: number) => number) | undefined => {
    const buf = live.current.source.buffer;
    if (!live.current.snap || !buf) return undefined;
    const data = buf.getChannelData(0);
    return (t: number) => snapToZeroCrossing(data, buf.sampleRate, t, 0.01);
  };

  const toolContext = (): ToolContext => {
    const v = viewportRef.current;
    const s = snapFn();
    return {
      duration,
      minLength,
      dragThreshold: 3 / v.pxPerSec,
      readOnly,
      get: (id) => {
        const it = live.current.model.byId.get(id);
        return it && !it.suggestion ? { start: it.start, end: it.end, lane: it.lane } : undefined;
      },
      ...(s ? { snap: s } : {}),
    };
  };

  const runEffects = (effects: ToolEffect[]) => {
    for (const e of effects) {
      switch (e.type) {
        case 'select':
          if (e.id === null) selection.clear();
          else {
            selection.select([e.id], e.additive ? 'toggle' : 'replace');
            const s = ann.store.get(e.id) ?? pending.find((p) => p.id === e.id);
            if (s && s.kind === 'segment') announce(`Selected: ${describe(s)}${pendingIds.has(s.id) ? ', suggestion' : ''}`);
          }
          break;
        case 'seek':
          seek(e.time);
          break;
        case 'preview':
          previewRef.current = { start: e.start, end: e.end, lane: e.lane };
          invalidate();
          break;
        case 'clearPreview':
          previewRef.current = null;
          invalidate();
          break;
        case 'create':
          createSegment(e.start, e.end, e.lane);
          break;
        case 'beginGesture':
          draftRef.current = null;
          break;
        case 'update': {
          // A draft, committed at the gesture's end (see the doc comment). The first one redraws the
          // canvas without the segment (at once: see drawNow); later ones only move the overlay.
          const first = draftRef.current === null;
          draftRef.current = { id: e.id, start: e.start, end: e.end, lane: e.lane };
          if (first) drawNow();
          else placeDraft();
          props.onDragMove?.({ id: e.id, start: e.start, end: e.end });
          break;
        }
        case 'endGesture': {
          const d = draftRef.current;
          draftRef.current = null;
          const before = d ? ann.store.get(d.id) : undefined;
          // One store update, so one undo step and one onChange per drag.
          const after = !e.cancelled && d && d.id === e.id ? updateSegment(d.id, { start: d.start, end: d.end }, d.lane) : null;
          // Hidden now; the canvas shows the committed segment in the same frame: drawn by the render a
          // commit causes (see the layout effect), or here when nothing was committed (a cancel, a drop
          // where it started).
          placeDraft();
          if (after && after !== before) invalidate();
          else drawNow();
          if (d) props.onDragMove?.(null);
          const s = ann.store.get(e.id);
          if (s && s.kind === 'segment') announce(e.cancelled ? 'Edit cancelled' : `Segment changed: ${describe(s)}`);
          break;
        }
      }
    }
  };

  const step = (event: ToolEvent) => {
    const r = segmentTool(toolRef.current, event, toolContext());
    toolRef.current = r.state;
    runEffects(r.effects);
  };

  const pointerInfo = (e: ReactPointerEvent<HTMLCanvasElement> | PointerEvent) => {
    const canvas = canvasRef.current!;
    const rect = canvas.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    return { x, y, time: xToTime(viewportRef.current, x), ...laneAtY(live.current.layout, y) };
  };

  const hitAt = (time: number, lane: number, row: number) => {
    if (lane < 0) return null;
    const tol = 5 / viewportRef.current.pxPerSec;
    const cands = live.current.model.index.query(time - tol, time + tol).filter((it) => it.lane === lane && it.row === row);
    return hitTest(cands, time, tol);
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    // Measured before focusing: focus changes styles, and reading the layout after it would force them.
    const p = pointerInfo(e);
    // Focus for the keyboard, without the keyboard focus ring: a press is not keyboard navigation.
    rootRef.current?.focus({ preventScroll: true, focusVisible: false });
    if (p.y < layoutRulerBottom()) {
      // The ruler seeks.
      seek(p.time);
      return;
    }
    try {
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // synthetic events (tests, benchmarks) have no active pointer to capture
    }
    const hit = hitAt(p.time, p.lane, p.row);
    step({ type: 'pointerdown', time: p.time, lane: p.lane < 0 ? live.current.activeLane : p.lane, hit, modifiers: { shift: e.shiftKey, alt: e.altKey, mod: e.ctrlKey || e.metaKey } });
  };
  const layoutRulerBottom = () => live.current.layout.waveTop;

  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const p = pointerInfo(e);
    if (toolRef.current.type === 'idle') {
      const hit = hitAt(p.time, p.lane, p.row);
      const c = hit ? (hit.part === 'body' ? (readOnly ? 'pointer' : 'grab') : readOnly ? 'pointer' : 'ew-resize') : p.y < layoutRulerBottom() ? 'pointer' : readOnly ? 'default' : 'crosshair';
      if (e.currentTarget.style.cursor !== c) e.currentTarget.style.cursor = c;
      return;
    }
    step({ type: 'pointermove', time: p.time, lane: p.lane, modifiers: { shift: e.shiftKey } });
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (toolRef.current.type === 'idle') return;
    const p = pointerInfo(e);
    step({ type: 'pointerup', time: p.time, lane: p.lane });
  };
  const onPointerCancel = () => {
    if (toolRef.current.type !== 'idle') step({ type: 'cancel' });
  };

  // Wheel: zoom at the pointer; horizontal wheel or Shift+wheel scrolls. Non-passive so the page stays put.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = canvas.getBoundingClientRect();
      const v = viewportRef.current;
      const dx = e.shiftKey ? e.deltaY : e.deltaX;
      if (Math.abs(dx) > Math.abs(e.shiftKey ? 0 : e.deltaY)) setViewport(scrollBy(v, dx));
      else setViewport(zoomAt(v, Math.exp(-e.deltaY * 0.002), e.clientX - rect.left, limits()));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [limits, setViewport, source.status]);

  const zoomBy = (factor: number) => {
    const v = viewportRef.current;
    const px = (playheadRef.current - v.scrollTime) * v.pxPerSec;
    const anchor = px >= 0 && px <= v.width ? px : v.width / 2;
    const next = zoomAt(v, factor, anchor, limits());
    setViewport(next);
    announce(next.pxPerSec * duration <= next.width + 0.5 ? 'Zoomed to the whole file' : `Zoom: ${formatTime(next.width / next.pxPerSec, 3)} visible`);
  };

  const nudge = (id: string | undefined, dStart: number, dEnd: number, what: string) => {
    if (readOnly || !id || pendingIds.has(id)) return false;
    const cur = ann.store.get(id);
    if (!cur || cur.kind !== 'segment') return false;
    let start = Math.max(0, cur.start + dStart);
    let end = Math.min(duration, cur.end + dEnd);
    if (dStart === dEnd) {
      // A move keeps the length.
      const len = cur.end - cur.start;
      start = Math.min(Math.max(0, cur.start + dStart), duration - len);
      end = start + len;
    }
    if (end - start < minLength) return true;
    const next = updateSegment(id, { start, end });
    if (next) announce(`${what}: ${describe(next)}`);
    return true;
  };

  const nudgeStep = () => Math.max(0.001, Math.min(0.1, 10 / viewportRef.current.pxPerSec));

  const acceptSuggestion = (id: string | undefined) => {
    const s = id ? pending.find((p) => p.id === id) : undefined;
    if (!s || readOnly) return false;
    const newId = ann.store.get(s.id) ? createId('seg-') : s.id;
    const accepted: SegmentAnnotation = { ...s, id: newId, source: 'model' };
    ann.apply({ added: [accepted] });
    setDecisions((d) => new Map(d).set(s.id, 'accepted'));
    props.onSuggestionDecision?.({ id: s.id, decision: 'accepted' });
    selection.select([newId]);
    announce(`Suggestion accepted: ${describe(s)}`);
    return true;
  };
  const rejectSuggestion = (id: string | undefined) => {
    const s = id ? pending.find((p) => p.id === id) : undefined;
    if (!s || readOnly) return false;
    setDecisions((d) => new Map(d).set(s.id, 'rejected'));
    props.onSuggestionDecision?.({ id: s.id, decision: 'rejected' });
    const next = adjacentSegment(segmentsInOrder(pending.filter((p) => p.id !== s.id)), undefined, 1, s.start);
    if (next) selection.select([next.id]);
    else selection.clear();
    announce(`Suggestion rejected: ${describe(s)}${next ? '' : '. No suggestions left'}`);
    return true;
  };
  const stepSuggestion = (dir: 1 | -1) => {
    const list = segmentsInOrder(pending);
    const s = adjacentSegment(list, selectedId && pendingIds.has(selectedId) ? selectedId : undefined, dir, playheadRef.current);
    if (!s) {
      announce(list.length ? 'No more suggestions this way' : 'No suggestions left');
      return true;
    }
    return selectAndReveal(s, 'Suggestion');
  };

  const deleteSelected = () => {
    if (readOnly || !selection.selectedIds.length) return false;
    const ids = selection.selectedIds.filter((id) => ann.store.get(id));
    if (!ids.length) return rejectSuggestion(selectedId);
    ann.apply({ removed: ids });
    selection.clear();
    announce(ids.length === 1 ? 'Segment deleted' : `${ids.length} segments deleted`);
    return true;
  };

  const relabel = (labelId: string) => {
    setActiveLabel(labelId);
    if (!readOnly && selectedSeg && !selectedIsSuggestion) {
      updateSegment(selectedSeg.id, { label: labelId });
      announce(`Relabelled: ${labelName(labelId)}`);
    } else announce(`Label for new segments: ${labelName(labelId)}`);
  };

  const handlers: Record<string, () => boolean | void> = {
    playPause: () => (playing ? pause() : play()),
    playSegment: () => void playSegment(),
    toggleLoop: () => {
      setLoop((l) => !l);
      announce(loop ? 'Loop off' : 'Loop on');
    },
    markStart: () => {
      if (readOnly) return false;
      setMarkStart(playheadRef.current);
      announce(`Start marked at ${formatTime(playheadRef.current)}. Press ] at the end.`);
    },
    markEnd: () => {
      if (readOnly) return false;
      if (markStart === null) {
        announce('Mark a start first with [');
        return;
      }
      const r = segmentFromMarks(markStart, playheadRef.current, { duration, minLength, ...(snapFn() ? { snap: snapFn()! } : {}) });
      setMarkStart(null);
      if (r) createSegment(r.start, r.end, activeLane);
    },
    seekBackward: () => seek(playheadRef.current - Math.max(0.01, 50 / viewportRef.current.pxPerSec)),
    seekForward: () => seek(playheadRef.current + Math.max(0.01, 50 / viewportRef.current.pxPerSec)),
    seekBackwardFar: () => seek(playheadRef.current - Math.max(0.1, viewportRef.current.width / 2 / viewportRef.current.pxPerSec)),
    seekForwardFar: () => seek(playheadRef.current + Math.max(0.1, viewportRef.current.width / 2 / viewportRef.current.pxPerSec)),
    seekStart: () => seek(0),
    seekEnd: () => seek(duration),
    moveSegmentLeft: () => nudge(selectedId, -nudgeStep(), -nudgeStep(), 'Moved'),
    moveSegmentRight: () => nudge(selectedId, nudgeStep(), nudgeStep(), 'Moved'),
    endEarlier: () => nudge(selectedId, 0, -nudgeStep(), 'End moved'),
    endLater: () => nudge(selectedId, 0, nudgeStep(), 'End moved'),
    startEarlier: () => nudge(selectedId, -nudgeStep(), 0, 'Start moved'),
    startLater: () => nudge(selectedId, nudgeStep(), 0, 'Start moved'),
    slower: () => {
      const r = RATES[Math.max(0, RATES.indexOf(rate) - 1)] ?? rate;
      setRate(r);
      announce(`Playback rate ${r}×`);
    },
    faster: () => {
      const r = RATES[Math.min(RATES.length - 1, RATES.indexOf(rate) + 1)] ?? rate;
      setRate(r);
      announce(`Playback rate ${r}×`);
    },
    zoomIn: () => zoomBy(2),
    zoomOut: () => zoomBy(0.5),
    zoomFit: () => {
      setViewport(fitViewport(duration, viewportRef.current.width));
      announce('Zoomed to the whole file');
    },
    toggleSpectrogram: () => {
      if (!source.buffer) {
        announce('Spectrogram needs decoded audio');
        return;
      }
      setSpectrogram((s) => !s);
      announce(spectrogram ? 'Spectrogram hidden' : 'Spectrogram shown');
    },
    toggleSnap: () => {
      if (!source.buffer) {
        announce('Snapping needs decoded audio');
        return;
      }
      setSnap((s) => !s);
      announce(snap ? 'Snap to zero crossings off' : 'Snap to zero crossings on');
    },
    editTranscript: () => {
      if (!selectedSeg || readOnly) return false;
      transcriptRef.current?.focus();
    },
    undo: () => {
      if (readOnly || !ann.canUndo) return;
      ann.undo();
      announce('Undone');
    },
    redo: () => {
      if (readOnly || !ann.canRedo) return;
      ann.redo();
      announce('Redone');
    },
    delete: deleteSelected,
    deselect: () => {
      if (toolRef.current.type !== 'idle') {
        step({ type: 'cancel' });
        return;
      }
      if (markStart !== null) {
        setMarkStart(null);
        announce('Mark cleared');
        return;
      }
      if (!selection.selectedIds.length) return false;
      selection.clear();
      announce('Selection cleared');
    },
    selectAll: () => {
      selection.select(segments.map((s) => s.id));
      announce(`${segments.length} segments selected`);
    },
    nextAnnotation: () => selectAndReveal(adjacentSegment(ordered(), selectedId, 1, playheadRef.current), 'Segment'),
    prevAnnotation: () => selectAndReveal(adjacentSegment(ordered(), selectedId, -1, playheadRef.current), 'Segment'),
    acceptSuggestion: () => acceptSuggestion(selectedId),
    rejectSuggestion: () => rejectSuggestion(selectedId),
    nextSuggestion: () => stepSuggestion(1),
    prevSuggestion: () => stepSuggestion(-1),
    acceptAllSuggestions: () => {
      if (readOnly || !pending.length) return false;
      ann.batch(() => {
        for (const s of pending) ann.apply({ added: [{ ...s, id: ann.store.get(s.id) ? createId('seg-') : s.id, source: 'model' }] });
      });
      setDecisions((d) => {
        const m = new Map(d);
        for (const s of pending) m.set(s.id, 'accepted');
        return m;
      });
      for (const s of pending) props.onSuggestionDecision?.({ id: s.id, decision: 'accepted' });
      announce(`${pending.length} suggestions accepted`);
    },
    rejectAllSuggestions: () => {
      if (readOnly || !pending.length) return false;
      setDecisions((d) => {
        const m = new Map(d);
        for (const s of pending) m.set(s.id, 'rejected');
        return m;
      });
      for (const s of pending) props.onSuggestionDecision?.({ id: s.id, decision: 'rejected' });
      announce(`${pending.length} suggestions rejected`);
    },
  };

  useAnnotatorHotkeys(rootRef, keymap, handlers, { schema, kinds: ['segment'], onLabelHotkey: relabel });

  useImperativeHandle(
    props.ref,
    (): AudioSegmentAnnotatorHandle => ({
      undo: () => ann.undo(),
      redo: () => ann.redo(),
      canUndo: () => ann.store.canUndo(),
      canRedo: () => ann.store.canRedo(),
      select: (ids) => selection.select(ids),
      focus: () => rootRef.current?.focus(),
      getAnnotations: () => [...ann.store.getSnapshot()],
      play,
      pause,
      playSegment,
      seek,
      getCurrentTime: () => playheadRef.current,
      isPlaying: () => playing,
      getViewport: () => viewportRef.current,
      zoomTo: (pxPerSec, anchorTime) => {
        const v = viewportRef.current;
        const anchor = anchorTime === undefined ? v.width / 2 : (anchorTime - v.scrollTime) * v.pxPerSec;
        setViewport(zoomAt(v, pxPerSec / v.pxPerSec, anchor, limits()));
      },
      scrollTo: (t) => setViewport(clampViewport({ ...viewportRef.current, scrollTime: t })),
    }),
  );

  // ---- transcript draft: committed on blur, Enter and Tab ----
  const [draft, setDraft] = useState<{ id: string; text: string } | null>(null);
  const commitDraft = () => {
    if (!draft || readOnly) return;
    const cur = ann.store.get(draft.id);
    if (cur && cur.kind === 'segment' && (cur.text ?? '') !== draft.text) {
      updateSegment(draft.id, draft.text ? { text: draft.text } : { text: undefined });
      announce('Transcript saved');
    }
    setDraft(null);
  };
  const onTranscriptKey = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Tab') {
      commitDraft();
      const next = adjacentSegment(segmentsInOrder(segments), selectedId, e.shiftKey ? -1 : 1, playheadRef.current);
      if (next) {
        e.preventDefault();
        selectAndReveal(next, 'Segment');
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      commitDraft();
      rootRef.current?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDraft(null);
      rootRef.current?.focus();
    }
  };

  // The details panel's callbacks: one stable object (the panel is memoized) calling the latest closures.
  const detailsLive = useRef<SegmentDetailsActions | null>(null);
  detailsLive.current = {
    accept: (id) => void acceptSuggestion(id),
    reject: (id) => void rejectSuggestion(id),
    relabel,
    update: (id, patch) => void updateSegment(id, patch),
    setChannel: (id, c) => {
      const next = updateSegment(id, { channel: c });
      if (next) announce(`Channel: ${c === undefined ? 'all channels' : channelPhrase(c)}`);
    },
    delete: () => void deleteSelected(),
    draftChange: (id, text) => setDraft({ id, text }),
    draftCommit: commitDraft,
    transcriptKey: onTranscriptKey,
  };
  const detailsActions = useMemo((): SegmentDetailsActions => {
    const call = <K extends keyof SegmentDetailsActions>(k: K) => ((...args: Parameters<SegmentDetailsActions[K]>) => (detailsLive.current![k] as (...a: Parameters<SegmentDetailsActions[K]>) => void)(...args)) as SegmentDetailsActions[K];
    return { accept: call('accept'), reject: call('reject'), relabel: call('relabel'), update: call('update'), setChannel: call('setChannel'), delete: call('delete'), draftChange: call('draftChange'), draftCommit: call('draftCommit'), transcriptKey: call('transcriptKey') };
  }, []);

  const onOverviewPointer = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.type === 'pointermove' && e.buttons !== 1) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const t = ((e.clientX - rect.left) / rect.width) * duration;
    const v = viewportRef.current;
    setViewport(clampViewport({ ...v, scrollTime: t - v.width / v.pxPerSec / 2 }));
  };

  const selectedLabel = selectedSeg ? schema.byId.get(selectedSeg.label) : undefined;
  const helpId = useMemo(() => createId('lk-audio-help-'), []);
  const rootStyle: CSSProperties = { outlineOffset: 2 };

  return (
    <div
      ref={rootRef}
      className={`lk-root lk-audio${props.className ? ` ${props.className}` : ''}`}
      tabIndex={0}
      role="application"
      aria-label={props['aria-label'] ?? 'Audio segment annotator'}
      aria-describedby={helpId}
      style={rootStyle}
      data-playing={playing ? '' : undefined}
    >
      <LabelkitStyles />
      <style href="labelkit-audio" precedence="default">
        {CSS}
      </style>
      {/* The root's focus ring (see CSS): first, so it paints below the composited canvases. */}
      <span className="lk-audio__ring" aria-hidden="true" />
      <div className="lk-toolbar" role="toolbar" aria-label="Playback and view">
        <button type="button" className="lk-button lk-button--primary" onClick={() => (playing ? pause() : play())} disabled={!props.src}>
          {playing ? 'Pause' : 'Play'} <kbd className="lk-kbd">Space</kbd>
        </button>
        <button type="button" className="lk-button" onClick={() => void playSegment()} disabled={!selectedSeg || !props.src}>
          Play segment
        </button>
        <button type="button" className="lk-button" aria-pressed={loop} onClick={() => setLoop((l) => !l)}>
          Loop
        </button>
        <label className="lk-audio__rate">
          <span className="lk-sr-only">Playback rate</span>
          <select className="lk-input" value={rate} onChange={(e) => setRate(Number(e.target.value))}>
            {RATES.map((r) => (
              <option key={r} value={r}>
                {r}×
              </option>
            ))}
          </select>
        </label>
        <span className="lk-toolbar-separator" />
        <button type="button" className="lk-button" onClick={() => zoomBy(0.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="lk-button" onClick={() => zoomBy(2)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="lk-button" onClick={() => handlers.zoomFit!()}>
          Fit
        </button>
        <span className="lk-badge" aria-label="Zoom level">{zoomLabel}</span>
        <span className="lk-toolbar-separator" />
        <button type="button" className="lk-button" aria-pressed={snap} disabled={!source.buffer} onClick={() => setSnap((s) => !s)}>
          Snap to zero
        </button>
        <button type="button" className="lk-button" aria-pressed={spectroOn} disabled={!source.buffer} onClick={() => setSpectrogram((s) => !s)}>
          Spectrogram
        </button>
        <span className="lk-toolbar-separator" />
        <button type="button" className="lk-button" onClick={() => handlers.undo!()} disabled={readOnly || !ann.canUndo}>
          Undo
        </button>
        <button type="button" className="lk-button" onClick={() => handlers.redo!()} disabled={readOnly || !ann.canRedo}>
          Redo
        </button>
        <span className="lk-audio__time" aria-label="Playhead">
          {formatTime(time)} / {formatTime(duration)}
        </span>
      </div>
      {source.status === 'error' ? (
        <p role="alert">Could not load the audio: {source.error}</p>
      ) : null}
      <canvas ref={overviewRef} className="lk-audio__overview" style={{ height: OVERVIEW_HEIGHT }} aria-hidden="true" onPointerDown={onOverviewPointer} onPointerMove={onOverviewPointer} />
      <div ref={trackRef} className="lk-audio__track" style={{ height: layout.height }} aria-hidden="true">
        <div ref={waveRef} className="lk-audio__wave" style={{ top: layout.waveTop, display: spectroOn ? 'block' : 'none' }} />
        <canvas ref={canvasRef} className="lk-audio__canvas" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerCancel} onLostPointerCapture={onPointerUp} data-testid="lk-audio-canvas" />
        {/* The dragged segment during a drag: moved by transform, so a pointer move redraws nothing. */}
        <div ref={dragRef} className="lk-audio__drag">
          <div className="lk-audio__drag-shade" />
          <div className="lk-audio__drag-box">
            <span className="lk-audio__drag-fill" />
            <span className="lk-audio__drag-edge" style={{ left: -1 }} />
            <span className="lk-audio__drag-edge" style={{ right: -1 }} />
            <span className="lk-audio__drag-badge" />
            <span className="lk-audio__drag-caption" />
          </div>
        </div>
        {source.status === 'loading' ? <p style={{ position: 'absolute', top: layout.waveTop + 8, left: 8, margin: 0 }}>Loading audio…</p> : null}
      </div>
      <SegmentDetails
        segment={selectedSeg}
        isSuggestion={selectedIsSuggestion}
        labels={segmentLabels}
        label={selectedLabel}
        readOnly={readOnly}
        minLength={minLength}
        duration={duration}
        channelCount={channelCount}
        draftText={draft && selectedSeg && draft.id === selectedSeg.id ? draft.text : null}
        transcriptRef={transcriptRef}
        actions={detailsActions}
      />
      <p id={helpId} className="lk-audio__help">
        Space play/pause · Shift+Space play segment · ←/→ seek · [ and ] mark a segment · Tab next segment · +/− zoom · Alt+←/→ move · T transcript{pending.length ? ` · N next suggestion, Enter accept, Shift+Delete reject (${pending.length} pending)` : ''}
        {markStart !== null ? ` · start marked at ${formatTime(markStart)}` : ''}
      </p>
      {liveRegion}
    </div>
  );
}
