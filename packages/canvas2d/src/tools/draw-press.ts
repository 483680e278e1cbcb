import type { Point2 } from '@labelkit/core';
import { distance, type Modifiers, type ToolEvent } from '../events.js';
import { DRAG_THRESHOLD } from './box-tool.js';

/**
 * What a press with a drawing tool (box, polygon, keypoints) means when it lands on a shape:
 * - on the selected shape, a drag moves it (as the select tool would) and a click goes to the
 *   drawing tool — so a hole is drawn inside a selected polygon, and a click on a selected box
 *   starts a box there with the click-two-corners gesture;
 * - on a shape that is not selected (when `clickSelects`), as in Label Studio: a click selects the
 *   shape, a drag draws (boxes inside boxes are common).
 * Until the pointer moves past the drag threshold the press is held back; then the held pointer-down
 * and the move are passed on (to the select tool for a move, to the drawing tool for a new shape),
 * so the gesture starts where the press began. A press on empty space goes straight to the drawing tool.
 *
 * States: `idle` → `pressed` → `idle` (clicked: select, or passed on) or `idle` (dragged: passed on).
 */
export type DrawPressState = { name: 'idle' } | { name: 'pressed'; id: string; origin: Point2; modifiers: Modifiers; selected: boolean };

/** What {@link drawPress} needs to know. */
export interface DrawPressContext {
  /** Screen pixels per image pixel (the drag threshold is in screen pixels). */
  zoom: number;
  /** The shape a click at `point` would pick (see `SelectToolContext.hitTest`), or null. */
  hitTest(point: Point2): string | null;
  /** Whether the shape is selected already. */
  isSelected(id: string): boolean;
  /**
   * Whether a click on a shape that is not selected selects it (box, polygon). When false
   * (keypoints: the first joint is often placed on a person's box) such a press goes straight to
   * the drawing tool; a drag of the selected shape still moves it.
   */
  clickSelects: boolean;
}

/** Result of one event. */
export interface DrawPressResult {
  state: DrawPressState;
  /** Events for the drawing tool, in order (none while a press is held back). */
  forward: ToolEvent[];
  /** Events for the select tool, in order: a drag of the selected shape, which moves it. */
  edit?: ToolEvent[];
  /** A click on a shape: select it (`additive` with Shift or Mod). */
  select?: { id: string; additive: boolean };
}

/** The starting state. */
export const DRAW_PRESS_IDLE: DrawPressState = { name: 'idle' };

/**
 * Routes one event of a drawing tool that is not in the middle of a shape (the caller passes events
 * straight to the tool while it is drawing).
 */
export function drawPress(state: DrawPressState, event: ToolEvent, ctx: DrawPressContext): DrawPressResult {
  if (state.name === 'idle') {
    if (event.type !== 'pointerdown') return { state, forward: [event] };
    const id = ctx.hitTest(event.point);
    if (id === null) return { state, forward: [event] };
    const selected = ctx.isSelected(id);
    if (!selected && !ctx.clickSelects) return { state, forward: [event] };
    return { state: { name: 'pressed', id, origin: event.point, modifiers: event.modifiers, selected }, forward: [] };
  }
  switch (event.type) {
    case 'pointermove': {
      if (distance(event.point, state.origin) * ctx.zoom < DRAG_THRESHOLD) return { state, forward: [] };
      const held: ToolEvent[] = [{ type: 'pointerdown', point: state.origin, modifiers: state.modifiers }, event];
      return state.selected ? { state: DRAW_PRESS_IDLE, forward: [], edit: held } : { state: DRAW_PRESS_IDLE, forward: held };
    }
    case 'pointerup':
      if (state.selected) return { state: DRAW_PRESS_IDLE, forward: [{ type: 'pointerdown', point: state.origin, modifiers: state.modifiers }, event] };
      return { state: DRAW_PRESS_IDLE, forward: [], select: { id: state.id, additive: state.modifiers.shift || state.modifiers.mod } };
    case 'cancel':
      return { state: DRAW_PRESS_IDLE, forward: [] };
    case 'key':
      return event.key === 'Escape' ? { state: DRAW_PRESS_IDLE, forward: [] } : { state, forward: [event] };
    default:
      // A second pointer-down or a double click while held: part of the same click.
      return { state, forward: [] };
  }
}
