import { boxFromPoints, clampBox, type Point2, type Rect } from '@labelkit/core';
import { distance, type ImageSize, type ToolEvent } from '../events.js';

/**
 * States of the box-drawing tool:
 * - `idle`: waiting;
 * - `pointing`: pressed, not yet moved past the drag threshold;
 * - `dragging`: dragging out the box (released → created);
 * - `secondCorner`: clicked once without dragging; the next click sets the opposite corner;
 * - `crosshair`: keyboard drawing — arrows move a crosshair, Enter sets each corner.
 */
export type BoxToolState =
  | { name: 'idle' }
  | { name: 'pointing'; origin: Point2 }
  | { name: 'dragging'; origin: Point2; current: Point2 }
  | { name: 'secondCorner'; origin: Point2; current: Point2 }
  | { name: 'crosshair'; cursor: Point2; origin: Point2 | null };

/** What the box tool needs to know about the annotator. */
export interface BoxToolContext {
  /** The image size, for clamping. */
  image: ImageSize;
  /** Screen pixels per image pixel: the drag threshold is in screen pixels. */
  zoom: number;
  /** Smallest width/height of a new box, image pixels. */
  minSize: number;
  /** Keep boxes inside the image (`'clamp'`, default) or let them extend past it (`'allow'`). */
  bounds: 'clamp' | 'allow';
}

/** The result of one event: the next state and, when a box was finished, its geometry. */
export interface BoxToolResult {
  state: BoxToolState;
  /** A finished box (image pixels), ready to become an annotation. */
  created?: Rect;
  /** The event was used (the caller should not treat it as something else). */
  handled: boolean;
}

/** The box tool's starting state. */
export const BOX_IDLE: BoxToolState = { name: 'idle' };

/** Drag threshold in screen pixels: less is a click. */
export const DRAG_THRESHOLD = 3;

/** The key that starts keyboard (crosshair) drawing. */
export const CROSSHAIR_KEY = 'crosshair';

function finish(a: Point2, b: Point2, ctx: BoxToolContext): Rect | undefined {
  let r = boxFromPoints(a, b);
  if (ctx.bounds === 'clamp') r = clampBox(r, ctx.image.width, ctx.image.height);
  return r.width >= ctx.minSize && r.height >= ctx.minSize ? r : undefined;
}

function clampPoint(p: Point2, ctx: BoxToolContext): Point2 {
  if (ctx.bounds !== 'clamp') return p;
  return [Math.min(ctx.image.width, Math.max(0, p[0])), Math.min(ctx.image.height, Math.max(0, p[1]))];
}

const ARROWS: Record<string, Point2> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * The box tool: drag from corner to corner, or click one corner and then the other, or (keyboard)
 * start the crosshair with the `crosshair` key, move it with arrows (Shift: 10 px) and press Enter
 * at each corner. Escape cancels. Boxes smaller than `minSize` are dropped.
 */
export function boxTool(state: BoxToolState, event: ToolEvent, ctx: BoxToolContext): BoxToolResult {
  if (event.type === 'cancel') return { state: BOX_IDLE, handled: state.name !== 'idle' };
  switch (state.name) {
    case 'idle':
      if (event.type === 'pointerdown') return { state: { name: 'pointing', origin: clampPoint(event.point, ctx) }, handled: true };
      if (event.type === 'key' && event.key === CROSSHAIR_KEY) {
        return { state: { name: 'crosshair', cursor: [Math.round(ctx.image.width / 2), Math.round(ctx.image.height / 2)], origin: null }, handled: true };
      }
      return { state, handled: false };
    case 'pointing':
      if (event.type === 'pointermove') {
        if (distance(event.point, state.origin) * ctx.zoom < DRAG_THRESHOLD) return { state, handled: true };
        return { state: { name: 'dragging', origin: state.origin, current: clampPoint(event.point, ctx) }, handled: true };
      }
      if (event.type === 'pointerup') return { state: { name: 'secondCorner', origin: state.origin, current: state.origin }, handled: true };
      if (event.type === 'key' && event.key === 'Escape') return { state: BOX_IDLE, handled: true };
      return { state, handled: false };
    case 'dragging':
      if (event.type === 'pointermove') return { state: { ...state, current: clampPoint(event.point, ctx) }, handled: true };
      if (event.type === 'pointerup') {
        const created = finish(state.origin, clampPoint(event.point, ctx), ctx);
        return created ? { state: BOX_IDLE, created, handled: true } : { state: BOX_IDLE, handled: true };
      }
      if (event.type === 'key' && event.key === 'Escape') return { state: BOX_IDLE, handled: true };
      return { state, handled: false };
    case 'secondCorner':
      if (event.type === 'pointermove') return { state: { ...state, current: clampPoint(event.point, ctx) }, handled: true };
      if (event.type === 'pointerdown') {
        const created = finish(state.origin, clampPoint(event.point, ctx), ctx);
        return created ? { state: BOX_IDLE, created, handled: true } : { state: BOX_IDLE, handled: true };
      }
      if (event.type === 'key' && event.key === 'Escape') return { state: BOX_IDLE, handled: true };
      return { state, handled: event.type === 'pointerup' };
    case 'crosshair': {
      if (event.type !== 'key') return { state, handled: false };
      if (event.key === 'Escape') return { state: BOX_IDLE, handled: true };
      const arrow = ARROWS[event.key];
      if (arrow) {
        const step = event.modifiers.shift ? 10 : 1;
        const cursor = clampPoint([state.cursor[0] + arrow[0] * step, state.cursor[1] + arrow[1] * step], ctx);
        return { state: { ...state, cursor }, handled: true };
      }
      if (event.key === 'Enter') {
        if (!state.origin) return { state: { ...state, origin: state.cursor }, handled: true };
        const created = finish(state.origin, state.cursor, ctx);
        return created ? { state: BOX_IDLE, created, handled: true } : { state: { ...state, origin: null }, handled: true };
      }
      return { state, handled: false };
    }
  }
}

/** The box being drawn, for the preview, or `null`. */
export function boxToolPreview(state: BoxToolState): Rect | null {
  if (state.name === 'dragging' || state.name === 'secondCorner') return boxFromPoints(state.origin, state.current);
  if (state.name === 'crosshair' && state.origin) return boxFromPoints(state.origin, state.cursor);
  return null;
}
