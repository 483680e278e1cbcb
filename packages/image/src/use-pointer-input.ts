import { useEffect, useRef } from 'react';
import type { Point2 } from '@labelkit/core';
import type { AnnotatorCore } from './annotator-core.js';
import { isDoubleClick, modifiersOf, pinchOf, pinchView, wheelZoomFactor, type Pinch, type Press, type BoxToolState, DRAW_PRESS_IDLE, type KeypointToolState, type PolygonToolState, panBy, screenToImage, zoomAt, type View } from '@labelkit/canvas2d';
import type { SuggestionReview } from './use-suggestion-review.js';
import type { ToolRunner } from './use-tool-runner.js';

/** Options of {@link usePointerInput}. */
export interface PointerInputOptions {
  setView(view: View): void;
  /** A press on the canvas (it closes an open popover, whose keys would stay off while it is open). */
  onPress(): void;
}

/** What the tools were before the first pointer went down: a second finger puts them back. */
interface BeforePress {
  box: BoxToolState;
  poly: PolygonToolState;
  kp: KeypointToolState;
  selection: string[];
  suggestion: string | null;
  created: string | null;
}

interface PointerHandlers {
  down(e: PointerEvent): void;
  move(e: PointerEvent): void;
  up(e: PointerEvent): void;
  wheel(e: WheelEvent): void;
}

/**
 * Pointer input of the canvas area, as Pointer Events: mouse, pen (draws like the mouse) and touch
 * (one finger draws; two pinch-zoom and pan, and take back what the first finger just did). Space +
 * drag, the middle or the right button pan; the wheel zooms; mouse and pen hover highlight the shape
 * under them. Presses become normalised tool events in image pixels.
 */
export function usePointerInput(core: AnnotatorCore, review: SuggestionReview, runner: ToolRunner, o: PointerInputOptions): void {
  const { store, ann, selectShapes } = core;
  const { root: rootRef, host: hostRef, view: viewRef, selected: selectedRef, tool: toolRef, hovered: hoveredRef, cursor: cursorRef, screenCursor: screenCursorRef, scene: sceneRef } = core.refs;
  const { box: boxState, polygon: polyState, keypoints: kpState, select: selState, press: pressState } = core.tools;
  const { runTool, cancelTools, busy, drawingBusy, hitTest, lastCreated } = runner;
  const { selectedRef: selSugRef } = review;
  const { setView } = o;
  const spaceDown = useRef(false);
  const pointers = useRef(new Map<number, Point2>());
  const pan = useRef<{ last: Point2 } | null>(null);
  const pinch = useRef<Pinch | null>(null);
  // Pointers that took part in a pinch: their remaining moves and releases are not tool input.
  const spent = useRef(new Set<number>());
  const beforePress = useRef<BeforePress | null>(null);
  const lastClick = useRef<Press | null>(null);
  const toolCursor = () => (toolRef.current === 'select' ? 'default' : 'crosshair');

  /** Two fingers: pinch-zoom and pan, from now on. */
  const startPinch = () => {
    // Take back what the first finger did (a press, a drag, a joint or vertex placed, a box
    // finished) but keep what was under way before it (a polygon being drawn, the first corner of a box).
    if (selState.current.name !== 'idle') runTool({ type: 'cancel' });
    const before = beforePress.current;
    pressState.current = DRAW_PRESS_IDLE;
    if (before) {
      if (before.created && store.get(before.created) && store.canUndo()) ann.undo();
      boxState.current = before.box;
      polyState.current = before.poly;
      kpState.current = before.kp;
      if (before.selection.length !== selectedRef.current.size || before.selection.some((id) => !selectedRef.current.has(id))) selectShapes(before.selection);
      if (selSugRef.current !== before.suggestion) review.setSelected(before.suggestion);
    } else cancelTools();
    beforePress.current = null;
    sceneRef.current?.redrawOverlay();
    for (const id of pointers.current.keys()) spent.current.add(id);
    const [a, b] = [...pointers.current.values()] as [Point2, Point2];
    pinch.current = pinchOf(a, b);
    pan.current = null;
  };

  const handlersRef = useRef<PointerHandlers>(null);
  handlersRef.current = {
    down(e) {
      const host = hostRef.current;
      if (!host) return;
      rootRef.current?.focus({ preventScroll: true });
      o.onPress();
      const r = host.getBoundingClientRect();
      const s: Point2 = [e.clientX - r.left, e.clientY - r.top];
      pointers.current.set(e.pointerId, s);
      try {
        host.setPointerCapture(e.pointerId);
      } catch {
        /* synthetic events in tests may have no active pointer */
      }
      e.preventDefault();
      if (pointers.current.size >= 2) {
        if (pinch.current) spent.current.add(e.pointerId);
        else startPinch();
        return;
      }
      if (e.button === 1 || spaceDown.current || e.button === 2) {
        pan.current = { last: s };
        host.style.cursor = 'grabbing';
        return;
      }
      if (e.button !== 0) return;
      const p = screenToImage(viewRef.current, s);
      cursorRef.current = p;
      const press: Press = { t: performance.now(), p: s };
      const prev = lastClick.current;
      lastClick.current = press;
      beforePress.current = { box: boxState.current, poly: polyState.current, kp: kpState.current, selection: [...selectedRef.current], suggestion: selSugRef.current, created: null };
      lastCreated.current = null;
      runTool({ type: 'pointerdown', point: p, modifiers: modifiersOf(e) });
      beforePress.current.created = lastCreated.current;
      if (isDoubleClick(prev, press)) {
        runTool({ type: 'doubleclick', point: p, modifiers: modifiersOf(e) });
        lastClick.current = null;
      }
    },
    move(e) {
      const host = hostRef.current;
      if (!host) return;
      const r = host.getBoundingClientRect();
      const s: Point2 = [e.clientX - r.left, e.clientY - r.top];
      screenCursorRef.current = s;
      if (pointers.current.has(e.pointerId)) pointers.current.set(e.pointerId, s);
      if (spent.current.has(e.pointerId) && !(pinch.current && pointers.current.size >= 2)) return;
      if (pinch.current && pointers.current.size >= 2) {
        const [a, b] = [...pointers.current.values()] as [Point2, Point2];
        const next = pinchOf(a, b);
        const v = pinchView(viewRef.current, pinch.current, next);
        pinch.current = next;
        setView(v);
        return;
      }
      if (pan.current) {
        setView(panBy(viewRef.current, s[0] - pan.current.last[0], s[1] - pan.current.last[1]));
        pan.current.last = s;
        return;
      }
      const p = screenToImage(viewRef.current, s);
      cursorRef.current = p;
      const pressed = pointers.current.has(e.pointerId);
      if (pressed || busy()) runTool({ type: 'pointermove', point: p, modifiers: modifiersOf(e) });
      else if (e.pointerType !== 'touch') {
        // Mouse and pen hover (a pen in range, not touching) highlight the shape under it.
        const h = hitTest(p);
        if (h !== hoveredRef.current) {
          hoveredRef.current = h;
          sceneRef.current?.redrawOverlay();
        }
        host.style.cursor = spaceDown.current ? 'grab' : toolRef.current === 'select' ? (h ? 'move' : 'default') : 'crosshair';
        if (drawingBusy()) sceneRef.current?.redrawOverlay();
      }
    },
    up(e) {
      const host = hostRef.current;
      if (!host) return;
      const had = pointers.current.delete(e.pointerId);
      if (spent.current.delete(e.pointerId) || pinch.current) {
        if (pointers.current.size < 2) pinch.current = null;
        return;
      }
      if (pan.current) {
        pan.current = null;
        host.style.cursor = spaceDown.current ? 'grab' : toolCursor();
        return;
      }
      if (!had) return;
      const r = host.getBoundingClientRect();
      const p = screenToImage(viewRef.current, [e.clientX - r.left, e.clientY - r.top]);
      if (e.type === 'pointercancel') runTool({ type: 'cancel' });
      else runTool({ type: 'pointerup', point: p, modifiers: modifiersOf(e) });
    },
    wheel(e) {
      const host = hostRef.current;
      if (!host) return;
      e.preventDefault();
      const r = host.getBoundingClientRect();
      setView(zoomAt(viewRef.current, wheelZoomFactor(e), [e.clientX - r.left, e.clientY - r.top]));
    },
  };

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const down = (e: PointerEvent) => handlersRef.current?.down(e);
    const move = (e: PointerEvent) => handlersRef.current?.move(e);
    const up = (e: PointerEvent) => handlersRef.current?.up(e);
    const wheel = (e: WheelEvent) => handlersRef.current?.wheel(e);
    const menu = (e: Event) => e.preventDefault();
    const leave = () => {
      if (hoveredRef.current) {
        hoveredRef.current = null;
        sceneRef.current?.redrawOverlay();
      }
    };
    host.addEventListener('pointerdown', down);
    host.addEventListener('pointermove', move);
    host.addEventListener('pointerup', up);
    host.addEventListener('pointercancel', up);
    host.addEventListener('wheel', wheel, { passive: false });
    host.addEventListener('contextmenu', menu);
    host.addEventListener('pointerleave', leave);
    return () => {
      host.removeEventListener('pointerdown', down);
      host.removeEventListener('pointermove', move);
      host.removeEventListener('pointerup', up);
      host.removeEventListener('pointercancel', up);
      host.removeEventListener('wheel', wheel);
      host.removeEventListener('contextmenu', menu);
      host.removeEventListener('pointerleave', leave);
    };
  }, [hostRef, hoveredRef, sceneRef]);

  // Space held = pan with the primary button (only while the annotator has focus).
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const kd = (e: KeyboardEvent) => {
      if (e.key === ' ' && e.target === root) {
        spaceDown.current = true;
        if (hostRef.current) hostRef.current.style.cursor = 'grab';
        e.preventDefault();
      }
    };
    const ku = (e: KeyboardEvent) => {
      if (e.key === ' ' || e.type === 'blur') {
        spaceDown.current = false;
        if (hostRef.current && !pan.current) hostRef.current.style.cursor = toolCursor();
      }
    };
    root.addEventListener('keydown', kd);
    root.addEventListener('keyup', ku);
    root.addEventListener('blur', ku as unknown as EventListener);
    return () => {
      root.removeEventListener('keydown', kd);
      root.removeEventListener('keyup', ku);
      root.removeEventListener('blur', ku as unknown as EventListener);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
