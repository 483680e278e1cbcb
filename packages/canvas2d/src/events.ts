import type { Point2 } from '@labelkit/core';

/** Modifier keys held during a normalised event. */
export interface Modifiers {
  /** Shift: snap (rotation), add to selection, far nudge. */
  shift: boolean;
  /** Alt/Option. */
  alt: boolean;
  /** Ctrl on Windows/Linux, ⌘ on macOS: toggle selection. */
  mod: boolean;
}

/** No modifier held. */
export const NO_MODIFIERS: Modifiers = Object.freeze({ shift: false, alt: false, mod: false });

/**
 * A pointer or key event as the tools see it: already translated from the DOM/Konva event, with
 * `point` in image pixels (whatever the zoom). Tools are pure functions of these events.
 */
export type ToolEvent =
  | { type: 'pointerdown'; point: Point2; modifiers: Modifiers }
  | { type: 'pointermove'; point: Point2; modifiers: Modifiers }
  | { type: 'pointerup'; point: Point2; modifiers: Modifiers }
  | { type: 'doubleclick'; point: Point2; modifiers: Modifiers }
  /** A key the tool may consume: `Enter`, `Escape`, `Backspace`, arrows, or a tool action id. */
  | { type: 'key'; key: string; modifiers: Modifiers }
  /** The gesture is abandoned (pointer cancelled, focus lost, tool switched). */
  | { type: 'cancel' };

/** Shorthand constructors for tests and the Konva adapter. */
export const ev = {
  /** A pointer-down at `point`. */
  down: (point: Point2, modifiers: Partial<Modifiers> = {}): ToolEvent => ({ type: 'pointerdown', point, modifiers: { ...NO_MODIFIERS, ...modifiers } }),
  /** A pointer-move at `point`. */
  move: (point: Point2, modifiers: Partial<Modifiers> = {}): ToolEvent => ({ type: 'pointermove', point, modifiers: { ...NO_MODIFIERS, ...modifiers } }),
  /** A pointer-up at `point`. */
  up: (point: Point2, modifiers: Partial<Modifiers> = {}): ToolEvent => ({ type: 'pointerup', point, modifiers: { ...NO_MODIFIERS, ...modifiers } }),
  /** A double click at `point`. */
  dbl: (point: Point2, modifiers: Partial<Modifiers> = {}): ToolEvent => ({ type: 'doubleclick', point, modifiers: { ...NO_MODIFIERS, ...modifiers } }),
  /** A key press. */
  key: (key: string, modifiers: Partial<Modifiers> = {}): ToolEvent => ({ type: 'key', key, modifiers: { ...NO_MODIFIERS, ...modifiers } }),
};

/** Width and height of the image in pixels. */
export interface ImageSize {
  width: number;
  height: number;
}

/** Distance between two points. */
export function distance(a: Point2, b: Point2): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
