import type { Point2 } from '@labelkit/core';
import { distance, type ImageSize, type Modifiers, type ToolEvent } from '../events.js';
import { dragHandle, type HandleHit } from '../handles.js';
import { annotationBounds, clampDelta, translateAnnotation, unionBounds, type ImageAnnotation } from '../shapes.js';
import type { Bounds } from '../spatial-index.js';
import { DRAG_THRESHOLD } from './box-tool.js';

/**
 * States of the select tool (select, move, resize/rotate/vertex drags, marquee):
 * `idle` → `pointingShape` → `translating`; `idle` → `pointingHandle` → `draggingHandle`;
 * `idle` → `pointingCanvas` → `brushing` (marquee).
 */
export type SelectToolState =
  | { name: 'idle' }
  | { name: 'pointingShape'; id: string; origin: Point2; modifiers: Modifiers; wasSelected: boolean; ids: readonly string[] }
  | { name: 'translating'; origin: Point2; originals: readonly ImageAnnotation[]; bounds: Bounds }
  | { name: 'pointingHandle'; hit: HandleHit; origin: Point2; original: ImageAnnotation }
  | { name: 'draggingHandle'; hit: HandleHit; original: ImageAnnotation }
  | { name: 'pointingCanvas'; origin: Point2; modifiers: Modifiers }
  | { name: 'brushing'; origin: Point2; current: Point2; modifiers: Modifiers };

/** What the select tool asks of the annotator. */
export interface SelectToolContext {
  image: ImageSize;
  zoom: number;
  minSize: number;
  bounds: 'clamp' | 'allow';
  /** No edits: clicks and marquee still select. */
  readOnly: boolean;
  selectedIds: readonly string[];
  get(id: string): ImageAnnotation | undefined;
  /**
   * The visible shape at `point`: a selected one if any is there, else the innermost (smallest
   * bounds), so a small box drawn inside or over a larger one can always be picked; the larger
   * one is reached by selecting it first (Tab, a click on a free part of it, the API) and then dragging.
   */
  hitTest(point: Point2): string | null;
  /** A handle of a selected, unlocked shape at `point`. */
  hitHandle(point: Point2): HandleHit | null;
  /** Visible shapes inside `rect` (marquee). */
  queryRect(rect: Bounds): string[];
  /** Locked shapes can be selected but not moved. */
  isLocked(id: string): boolean;
}

/** Something the annotator must do after an event. */
export type SelectEffect =
  | { type: 'select'; ids: string[]; mode: 'replace' | 'add' | 'toggle' }
  | { type: 'beginGesture' }
  /** Replace these annotations (by id) in the store. */
  | { type: 'update'; annotations: ImageAnnotation[] }
  | { type: 'endGesture'; moved: 'translate' | 'handle'; ids: string[] }
  /** A drag tried to move these locked shapes: they stay put (the annotator says why). */
  | { type: 'locked'; ids: string[] }
  /** A vertex or joint was clicked (not dragged). */
  | { type: 'selectHandle'; hit: HandleHit; additive: boolean };

/** Result of one event. */
export interface SelectToolResult {
  state: SelectToolState;
  effects: SelectEffect[];
  handled: boolean;
}

/** The select tool's starting state. */
export const SELECT_IDLE: SelectToolState = { name: 'idle' };

function beyond(a: Point2, b: Point2, zoom: number): boolean {
  return distance(a, b) * zoom >= DRAG_THRESHOLD;
}

/** The select tool as a pure transition function. */
export function selectTool(state: SelectToolState, event: ToolEvent, ctx: SelectToolContext): SelectToolResult {
  const none = (s: SelectToolState = state, handled = false): SelectToolResult => ({ state: s, effects: [], handled });
  const abort = (): SelectToolResult => {
    if (state.name === 'translating') return { state: SELECT_IDLE, effects: [{ type: 'update', annotations: [...state.originals] }, { type: 'endGesture', moved: 'translate', ids: [] }], handled: true };
    if (state.name === 'draggingHandle') return { state: SELECT_IDLE, effects: [{ type: 'update', annotations: [state.original] }, { type: 'endGesture', moved: 'handle', ids: [] }], handled: true };
    return none(SELECT_IDLE, state.name !== 'idle');
  };
  if (event.type === 'cancel' || (event.type === 'key' && event.key === 'Escape' && state.name !== 'idle')) return abort();
  const dragOpts = { image: ctx.image, minSize: ctx.minSize, bounds: ctx.bounds };

  switch (state.name) {
    case 'idle': {
      if (event.type !== 'pointerdown') return none();
      const p = event.point;
      const m = event.modifiers;
      if (!ctx.readOnly) {
        const hit = ctx.hitHandle(p);
        const original = hit ? ctx.get(hit.id) : undefined;
        if (hit && original && !ctx.isLocked(hit.id)) return none({ name: 'pointingHandle', hit, origin: p, original }, true);
      }
      const id = ctx.hitTest(p);
      if (id === null) return none({ name: 'pointingCanvas', origin: p, modifiers: m }, true);
      const wasSelected = ctx.selectedIds.includes(id);
      if (wasSelected) return none({ name: 'pointingShape', id, origin: p, modifiers: m, wasSelected, ids: ctx.selectedIds }, true);
      const additive = m.shift || m.mod;
      const ids = additive ? [...ctx.selectedIds, id] : [id];
      return { state: { name: 'pointingShape', id, origin: p, modifiers: m, wasSelected, ids }, effects: [{ type: 'select', ids: [id], mode: additive ? 'add' : 'replace' }], handled: true };
    }
    case 'pointingShape': {
      if (event.type === 'pointermove') {
        if (!beyond(event.point, state.origin, ctx.zoom)) return none(state, true);
        if (ctx.readOnly) return none(SELECT_IDLE, true);
        const locked = state.ids.filter((id) => ctx.isLocked(id));
        const lockedFx: SelectEffect[] = locked.length ? [{ type: 'locked', ids: locked }] : [];
        const originals = state.ids.filter((id) => !ctx.isLocked(id)).map((id) => ctx.get(id)).filter((a): a is ImageAnnotation => a !== undefined);
        if (originals.length === 0) return { state: SELECT_IDLE, effects: lockedFx, handled: true };
        const next: SelectToolState = { name: 'translating', origin: state.origin, originals, bounds: unionBounds(originals.map(annotationBounds)) };
        const moved = selectTool(next, event, ctx);
        return { state: moved.state, effects: [{ type: 'beginGesture' }, ...lockedFx, ...moved.effects], handled: true };
      }
      if (event.type === 'pointerup') {
        if (state.wasSelected && (state.modifiers.shift || state.modifiers.mod)) return { state: SELECT_IDLE, effects: [{ type: 'select', ids: [state.id], mode: 'toggle' }], handled: true };
        if (state.wasSelected && ctx.selectedIds.length > 1) return { state: SELECT_IDLE, effects: [{ type: 'select', ids: [state.id], mode: 'replace' }], handled: true };
        return none(SELECT_IDLE, true);
      }
      return none();
    }
    case 'translating': {
      if (event.type === 'pointermove' || event.type === 'pointerup') {
        let dx = event.point[0] - state.origin[0];
        let dy = event.point[1] - state.origin[1];
        if (ctx.bounds === 'clamp') [dx, dy] = clampDelta(state.bounds, dx, dy, ctx.image);
        const annotations = state.originals.map((a) => translateAnnotation(a, dx, dy));
        if (event.type === 'pointermove') return { state, effects: [{ type: 'update', annotations }], handled: true };
        return { state: SELECT_IDLE, effects: [{ type: 'update', annotations }, { type: 'endGesture', moved: 'translate', ids: annotations.map((a) => a.id) }], handled: true };
      }
      return none();
    }
    case 'pointingHandle': {
      if (event.type === 'pointermove') {
        if (!beyond(event.point, state.origin, ctx.zoom)) return none(state, true);
        let { hit, original } = state;
        if (hit.handle.kind === 'midpoint') {
          // Dragging a midpoint inserts a vertex there and then drags it.
          const inserted = dragHandle(original, hit.handle, hit.point, event.modifiers, dragOpts);
          original = inserted;
          hit = { ...hit, handle: { kind: 'vertex', ring: hit.handle.ring, index: hit.handle.index + 1 } };
        }
        const next = dragHandle(original, hit.handle, event.point, event.modifiers, dragOpts);
        return { state: { name: 'draggingHandle', hit, original }, effects: [{ type: 'beginGesture' }, { type: 'update', annotations: [next] }], handled: true };
      }
      if (event.type === 'pointerup') {
        const k = state.hit.handle.kind;
        if (k === 'vertex' || k === 'joint') return { state: SELECT_IDLE, effects: [{ type: 'selectHandle', hit: state.hit, additive: event.modifiers.shift }], handled: true };
        return none(SELECT_IDLE, true);
      }
      return none();
    }
    case 'draggingHandle': {
      if (event.type === 'pointermove' || event.type === 'pointerup') {
        const next = dragHandle(state.original, state.hit.handle, event.point, event.modifiers, dragOpts);
        if (event.type === 'pointermove') return { state, effects: [{ type: 'update', annotations: [next] }], handled: true };
        return { state: SELECT_IDLE, effects: [{ type: 'update', annotations: [next] }, { type: 'endGesture', moved: 'handle', ids: [next.id] }], handled: true };
      }
      return none();
    }
    case 'pointingCanvas': {
      if (event.type === 'pointermove') {
        if (!beyond(event.point, state.origin, ctx.zoom)) return none(state, true);
        return none({ name: 'brushing', origin: state.origin, current: event.point, modifiers: state.modifiers }, true);
      }
      if (event.type === 'pointerup') {
        if (state.modifiers.shift || state.modifiers.mod || ctx.selectedIds.length === 0) return none(SELECT_IDLE, true);
        return { state: SELECT_IDLE, effects: [{ type: 'select', ids: [], mode: 'replace' }], handled: true };
      }
      return none();
    }
    case 'brushing': {
      if (event.type === 'pointermove') return none({ ...state, current: event.point }, true);
      if (event.type === 'pointerup') {
        const ids = ctx.queryRect(marqueeRect(state.origin, event.point));
        return { state: SELECT_IDLE, effects: [{ type: 'select', ids, mode: state.modifiers.shift || state.modifiers.mod ? 'add' : 'replace' }], handled: true };
      }
      return none();
    }
  }
}

/** The marquee rectangle between two corners. */
export function marqueeRect(a: Point2, b: Point2): Bounds {
  return { x: Math.min(a[0], b[0]), y: Math.min(a[1], b[1]), width: Math.abs(a[0] - b[0]), height: Math.abs(a[1] - b[1]) };
}
