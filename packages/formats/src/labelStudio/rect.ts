import { rotate, type Box } from '../shared/geometry.js';

/** A Label Studio rectangle: percent of the image (or video frame) size, rotated about its top-left corner. */
export interface PercentRect {
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
}

/**
 * A Label Studio rectangle in pixels of a `W`×`H` image. Label Studio rotates about the top-left
 * corner, labelkit about the centre; a negative width or height (drawn leftwards or upwards, as its
 * video boxes can be) spans from the corner the other way.
 */
export function percentToBox(r: PercentRect, W: number, H: number): Box {
  const pw = (r.width / 100) * W;
  const ph = (r.height / 100) * H;
  const [dx, dy] = rotate(pw / 2, ph / 2, r.rotation);
  const cx = (r.x / 100) * W + dx;
  const cy = (r.y / 100) * H + dy;
  const box: Box = { x: cx - Math.abs(pw) / 2, y: cy - Math.abs(ph) / 2, width: Math.abs(pw), height: Math.abs(ph) };
  if (r.rotation) box.rotation = r.rotation;
  return box;
}

/** A labelkit box as a Label Studio rectangle in percent of a `W`×`H` image (the inverse of {@link percentToBox}). */
export function boxToPercent(b: Box, W: number, H: number): PercentRect {
  const r = b.rotation ?? 0;
  const [dx, dy] = rotate(-b.width / 2, -b.height / 2, r);
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  return { x: ((cx + dx) / W) * 100, y: ((cy + dy) / H) * 100, width: (b.width / W) * 100, height: (b.height / H) * 100, rotation: r };
}
