/**
 * Pointer input on the track and the overview: hit-testing segments under the pointer, the segment
 * tool (draw, select, move, resize; `segment-tool.ts`) and the effects of its steps (selection, seeks,
 * the preview of a segment being drawn, the draft of a dragged one committed once at the drop), the
 * wheel (zoom and scroll) and the overview (click or drag to scroll). A move during a drag renders
 * nothing and redraws nothing: it only places the drag overlay.
 */
import { useEffect, type PointerEvent as ReactPointerEvent } from 'react';
import { clampTimeline, scrollTimelineBy, xToPosition, zoomTimelineAt, type SegmentAnnotation } from '@labelkit/core';
import type { AudioCore } from './audio-core.js';
import { laneAtY } from './layout.js';
import { hitTest, segmentTool, type ToolContext, type ToolEffect, type ToolEvent } from './segment-tool.js';
import type { Playback } from './use-playback.js';
import type { SegmentEdits } from './use-segment-edits.js';
import type { TrackDrawing } from './use-track-drawing.js';
import type { ViewportControl } from './use-viewport.js';
import { snapToZeroCrossing } from './zero-crossing.js';

/** What {@link useSegmentPointer} returns: the tool's entry point and the canvases' pointer handlers. */
export interface SegmentPointer {
  /** Runs one event through the segment tool and carries out its effects. */
  step(event: ToolEvent): void;
  /** Snapping of edges to zero crossings, when it is on and the audio is decoded. */
  snapFn(): ((t: number) => number) | undefined;
  onPointerDown(e: ReactPointerEvent<HTMLCanvasElement>): void;
  onPointerMove(e: ReactPointerEvent<HTMLCanvasElement>): void;
  onPointerUp(e: ReactPointerEvent<HTMLCanvasElement>): void;
  onPointerCancel(): void;
  /** The overview's pointerdown and pointermove: centres the view on the time under the pointer. */
  onOverviewPointer(e: ReactPointerEvent<HTMLCanvasElement>): void;
}

/** What {@link useSegmentPointer} uses of the annotator's other parts. */
export interface SegmentPointerParts {
  drawing: TrackDrawing;
  view: ViewportControl;
  playback: Playback;
  edits: SegmentEdits;
}

/** Why a drag on the track made no segment, while the audio is loading and when it failed to load. */
export const NO_DURATION = {
  loading: 'No segment made: the audio is still loading, so its length is not known yet',
  error: 'No segment made: the audio did not load, so its length is not known',
} as const;

/**
 * Drives the segment tool from the track canvas' pointer events (the tool state in `core.refs.tool`,
 * a drag's draft in `core.refs.draft`), and attaches the non-passive wheel listener that zooms at the
 * pointer or scrolls.
 */
export function useSegmentPointer(core: AudioCore, parts: SegmentPointerParts): SegmentPointer {
  const { props, source, duration, minLength, readOnly, live, ann, selection, review, announce } = core;
  const { canvas: canvasRef, root: rootRef, tool: toolRef, preview: previewRef, draft: draftRef, viewport: viewportRef } = core.refs;
  const { invalidate, drawNow, placeDraft } = parts.drawing;
  const { setViewport, limits } = parts.view;
  const { seek } = parts.playback;
  const { describe, createSegment, updateSegment } = parts.edits;

  // Snapping needs samples: the decoded file, or the window read of a long one (edges outside it stay put).
  const snapFn = (): ((t: number) => number) | undefined => {
    const samples = live.current.waveform?.samples;
    const data = samples?.channels[0];
    if (!live.current.snap || !samples || !data || !data.length) return undefined;
    const start = samples.start ?? 0;
    const end = start + data.length / samples.sampleRate;
    return (t: number) => (t < start || t > end ? t : start + snapToZeroCrossing(data, samples.sampleRate, t - start, 0.01));
  };

  const toolContext = (): ToolContext => {
    const v = viewportRef.current;
    const s = snapFn();
    return {
      duration,
      minLength,
      dragThreshold: 3 / v.pxPerUnit,
      readOnly,
      get: (id) => {
        const it = live.current.model.byId.get(id);
        return it && !it.suggestion ? { start: it.start, end: it.end, lane: it.lane } : undefined;
      },
      ...(s ? { snap: s } : {}),
    };
  };

  /** The drag's draft to the host (`onDragMove`): every annotation, the dragged segment at its live extent. */
  const reportDraft = (id: string, start: number, end: number) => {
    const onDragMove = props.onDragMove;
    const before = onDragMove ? ann.store.get(id) : undefined;
    if (!onDragMove || before?.kind !== 'segment') return;
    const after: SegmentAnnotation = { ...before, start, end };
    const draft = ann.store.getSnapshot().map((a) => (a.id === id ? after : a));
    onDragMove(draft, { added: [], updated: [[before, after]], removed: [], origin: 'user', cause: 'edit', phase: 'move' });
  };

  const runEffects = (effects: ToolEffect[]) => {
    for (const e of effects) {
      switch (e.type) {
        case 'select':
          if (e.id === null) selection.clear();
          else {
            selection.select([e.id], e.additive ? 'toggle' : 'replace');
            const s = ann.store.get(e.id) ?? (review.isPending(e.id) ? review.get(e.id) : undefined);
            if (s && s.kind === 'segment') announce(`Selected: ${describe(s)}${review.isPending(s.id) ? ', suggestion' : ''}`);
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
        case 'cannotCreate':
          announce(NO_DURATION[source.status === 'error' ? 'error' : 'loading']);
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
          reportDraft(e.id, e.start, e.end);
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
          if (d) props.onDragMove?.(null, null);
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
    return { x, y, time: xToPosition(viewportRef.current, x), ...laneAtY(live.current.layout, y) };
  };

  const hitAt = (time: number, lane: number, row: number) => {
    if (lane < 0) return null;
    const tol = 5 / viewportRef.current.pxPerUnit;
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
      const c = hit ? (hit.part === 'body' ? (readOnly ? 'pointer' : 'grab') : readOnly ? 'pointer' : 'ew-resize') : p.y < layoutRulerBottom() ? 'pointer' : readOnly ? 'default' : duration > 0 ? 'crosshair' : 'not-allowed';
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
      if (Math.abs(dx) > Math.abs(e.shiftKey ? 0 : e.deltaY)) setViewport(scrollTimelineBy(v, dx));
      else setViewport(zoomTimelineAt(v, Math.exp(-e.deltaY * 0.002), e.clientX - rect.left, limits()));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [limits, setViewport, source.status, canvasRef, viewportRef]);

  const onOverviewPointer = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.type === 'pointermove' && e.buttons !== 1) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const t = ((e.clientX - rect.left) / rect.width) * duration;
    const v = viewportRef.current;
    setViewport(clampTimeline({ ...v, scrollStart: t - v.width / v.pxPerUnit / 2 }));
  };

  return { step, snapFn, onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onOverviewPointer };
}
