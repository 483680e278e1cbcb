import type { Point2 } from '@labelkit/core';
import type { ImageSize, Modifiers } from './events.js';
import { panBy, zoomAt, type View } from './viewport.js';

/** Turns native pointer, wheel and key input into the annotator's terms. Pure: testable in Node. */

/** The modifiers of a native event (Ctrl and Cmd are both `mod`). */
export function modifiersOf(e: { shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): Modifiers {
  return { shift: e.shiftKey, alt: e.altKey, mod: e.ctrlKey || e.metaKey };
}

/** Two fingers on the canvas: how far apart, and their midpoint (screen pixels). */
export interface Pinch {
  dist: number;
  mid: Point2;
}

/** The pinch of two touch points. */
export function pinchOf(a: Point2, b: Point2): Pinch {
  return { dist: Math.hypot(a[0] - b[0], a[1] - b[1]), mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] };
}

/** The view after the fingers went from `from` to `to`: the image follows the midpoint and zooms with the spread. */
export function pinchView(view: View, from: Pinch, to: Pinch): View {
  const v = panBy(view, to.mid[0] - from.mid[0], to.mid[1] - from.mid[1]);
  return from.dist > 0 ? zoomAt(v, to.dist / from.dist, to.mid) : v;
}

/** The zoom factor of one wheel event; Ctrl+wheel is a trackpad pinch, which zooms faster per delta unit. */
export function wheelZoomFactor(e: { deltaY: number; deltaMode: number; ctrlKey: boolean }): number {
  const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
  return Math.exp(-e.deltaY * unit * (e.ctrlKey ? 0.01 : 0.0015));
}

/** A primary-button press: when (ms) and where (screen pixels). */
export interface Press {
  t: number;
  p: Point2;
}

/** Whether `next` completes a double click after `prev`: within 350 ms and 6 px. */
export function isDoubleClick(prev: Press | null, next: Press): boolean {
  return prev !== null && next.t - prev.t < 350 && Math.hypot(prev.p[0] - next.p[0], prev.p[1] - next.p[1]) < 6;
}

/** Where a zoom key zooms about: the pointer if it is over the canvas, else the canvas centre. */
export function keyZoomAnchor(pointer: Point2 | null, canvas: ImageSize): Point2 {
  return pointer && pointer[0] >= 0 && pointer[1] >= 0 && pointer[0] <= canvas.width && pointer[1] <= canvas.height ? pointer : [canvas.width / 2, canvas.height / 2];
}
