import type { Point2 } from '@labelkit/core';
import type { ImageSize } from './events.js';

/**
 * Where the image sits on screen: `screen = image * zoom + (x, y)`, in CSS pixels relative to the
 * annotator's canvas. Geometry is always stored in image pixels; only this transform changes.
 */
export interface View {
  /** Screen pixels per image pixel. */
  zoom: number;
  /** Screen x of the image's left edge. */
  x: number;
  /** Screen y of the image's top edge. */
  y: number;
}

/** Smallest and largest zoom allowed. */
export const ZOOM_LIMITS = { min: 0.02, max: 64 } as const;

/** The identity view: zoom 1, image at the canvas origin. */
export const IDENTITY_VIEW: View = Object.freeze({ zoom: 1, x: 0, y: 0 });

/** Screen point → image point. */
export function screenToImage(view: View, p: Point2): Point2 {
  return [(p[0] - view.x) / view.zoom, (p[1] - view.y) / view.zoom];
}

/** Image point → screen point. */
export function imageToScreen(view: View, p: Point2): Point2 {
  return [p[0] * view.zoom + view.x, p[1] * view.zoom + view.y];
}

/** Zooms by `factor` keeping the image point under `anchor` (a screen point) fixed. */
export function zoomAt(view: View, factor: number, anchor: Point2): View {
  const zoom = Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, view.zoom * factor));
  const k = zoom / view.zoom;
  return { zoom, x: anchor[0] - (anchor[0] - view.x) * k, y: anchor[1] - (anchor[1] - view.y) * k };
}

/** Moves the image by a screen delta. */
export function panBy(view: View, dx: number, dy: number): View {
  return { zoom: view.zoom, x: view.x + dx, y: view.y + dy };
}

/** The view that shows the whole image centred in `container`, with `padding` screen pixels around it. */
export function fitView(image: ImageSize, container: ImageSize, padding = 16): View {
  if (image.width <= 0 || image.height <= 0 || container.width <= 0 || container.height <= 0) return { ...IDENTITY_VIEW };
  const zoom = Math.max(
    ZOOM_LIMITS.min,
    Math.min((container.width - 2 * padding) / image.width, (container.height - 2 * padding) / image.height),
  );
  return { zoom, x: (container.width - image.width * zoom) / 2, y: (container.height - image.height * zoom) / 2 };
}

/** Zoom 1 (one image pixel per CSS pixel) centred on the same image point as `view` at the container centre. */
export function actualSizeView(view: View, container: ImageSize): View {
  return zoomAt(view, 1 / view.zoom, [container.width / 2, container.height / 2]);
}

/** The part of the image visible in `container`, image pixels (may extend past the image). */
export function visibleImageRect(view: View, container: ImageSize): { x: number; y: number; width: number; height: number } {
  const [x0, y0] = screenToImage(view, [0, 0]);
  return { x: x0, y: y0, width: container.width / view.zoom, height: container.height / view.zoom };
}
