/**
 * Drawing the track: the canvas (waveform, lanes, segments, playhead; only the rectangles that change,
 * see `dirty-regions.ts`), the overview strip under its cached base (envelope and segment ticks), and
 * the drag overlay that shows a dragged segment at its draft place without a redraw. Redraws are
 * coalesced to an animation frame (`invalidate`) or done at once (`drawNow`).
 */
import { useCallback, useRef } from 'react';
import type { IntervalIndex } from '@labelkit/core';
import type { AudioCore } from './audio-core.js';
import { CANVAS_OPTIONS, OVERVIEW_HEIGHT } from './audio-styles.js';
import { changedRegions, snapRegion, type DrawnFrame } from './dirty-regions.js';
import { draftGeometry, draftItem, drawFrame, drawOverviewBase, drawOverviewWindow, overviewTickSpan, type DrawItem, type DrawTheme, type FrameState } from './draw.js';
import type { PeaksPyramid } from './peaks.js';
import type { SpectrogramSource } from './spectrogram.js';
import type { WaveformSource } from './waveform.js';

/** What {@link useTrackDrawing} returns. */
export interface TrackDrawing {
  /** Redraws on the next animation frame (coalesced). */
  invalidate(): void;
  /** Redraws now, a pending frame's redraw included. */
  drawNow(): void;
  /** Places the drag overlay at the dragged segment's draft (or hides it): no canvas redraw, no render. */
  placeDraft(): void;
}

/** The canvas' colours, from the labelkit theme's custom properties on `el`. */
function themeOf(el: HTMLElement): DrawTheme {
  const cs = getComputedStyle(el);
  const v = (n: string, d: string) => cs.getPropertyValue(`--lk-${n}`).trim() || d;
  return { text: v('text', '#1b1f24'), muted: v('text-muted', '#57606a'), border: v('border', '#d0d7de'), surface: v('surface', '#ffffff'), stripe: v('surface-hover', '#f3f4f6'), accent: v('accent', '#0b5cd5'), playhead: v('danger', '#b42318') };
}

/**
 * Draws the track canvas, the overview and the drag overlay from the core's refs and `live` values
 * (never from a render's closure, so a redraw outside React sees the latest state). The draw function
 * is replaced each render; `invalidate` and `drawNow` are stable and always call the latest one.
 */
export function useTrackDrawing(core: AudioCore): TrackDrawing {
  const { duration, live } = core;
  const { canvas: canvasRef, track: trackRef, overview: overviewRef, drag: dragRef, playhead: playheadRef, viewport: viewportRef, preview: previewRef, draft: draftRef } = core.refs;
  const frameRef = useRef(0);
  const drawRef = useRef<() => void>(() => {});
  const overviewCacheRef = useRef<{ canvas: HTMLCanvasElement; index: IntervalIndex<DrawItem>; pyramid: PeaksPyramid | null; width: number; muted: string } | null>(null);
  const themeRef = useRef<{ at: number; theme: DrawTheme } | null>(null);
  /** The track frame last drawn, to redraw only what changes (see dirty-regions.ts). */
  const drawnRef = useRef<DrawnFrame | null>(null);
  /** What the overview last showed (viewport, playhead, colours), to skip redrawing it unchanged. */
  const overviewKeyRef = useRef('');

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

  drawRef.current = () => {
    const canvas = canvasRef.current;
    const track = trackRef.current;
    const v = viewportRef.current;
    // Nothing to draw until the viewport is fitted to this audio (its effect then draws).
    if (!canvas || !track || !duration || v.length !== duration) return;
    const L = live.current;
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
    const frame: FrameState = { viewport: v, layout: L.layout, lanes: L.model.lanes, index: L.model.index, selected: L.selectedSet, playhead: playheadRef.current, preview: previewRef.current, markStart: L.markStart, theme, activeLane: L.activeLane, hidden: draftRef.current?.id ?? null, waveform: L.waveform, dpr, spectrogram: L.spectroOn && !L.wsSpectroOn ? { source: ownSpectrogramSource(L.waveform) } : null };
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
      const ovKey = `${v.length} ${v.width} ${v.pxPerUnit} ${v.scrollStart} ${playheadRef.current} ${theme.accent} ${theme.playhead}`;
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

  return { invalidate, drawNow, placeDraft };
}

/** The first channel of the samples the waveform has (the window read of a long file), for the annotator's own spectrogram. */
function ownSpectrogramSource(waveform: WaveformSource | null): SpectrogramSource | null {
  const s = waveform?.samples;
  const data = s?.channels[0];
  return s && data && data.length ? { samples: data, sampleRate: s.sampleRate, start: s.start ?? 0 } : null;
}
