import { boxCorners, type Annotation, type Point2, type Skeleton } from '@labelkit/core';
import type { ImageAnnotation } from './shapes.js';
import { skeletonEdgeIndices } from './tools/keypoint-tool.js';

/** `#rgb`/`#rrggbb` → `rgba(r,g,b,alpha)`; anything else is returned as is. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  let hex = m[1] as string;
  if (hex.length === 3) hex = hex.replace(/./g, (c) => c + c);
  const n = parseInt(hex, 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** Adds a shape's outline(s) to the current path (no stroke/fill). Keypoints add their edges and joint dots. */
export function pathShape(ctx: CanvasRenderingContext2D, a: ImageAnnotation, zoom: number, skeleton: Skeleton | undefined): void {
  if (a.kind === 'bbox') {
    if (!a.rotation) {
      ctx.rect(a.x, a.y, a.width, a.height);
      return;
    }
    ring(ctx, boxCorners(a));
    return;
  }
  if (a.kind === 'polygon') {
    ring(ctx, a.points);
    for (const h of a.holes ?? []) ring(ctx, h);
    return;
  }
  if (skeleton) {
    for (const [i, j] of skeletonEdgeIndices(skeleton)) {
      const p = a.points[i];
      const q = a.points[j];
      if (!p || !q || p.visibility === 0 || q.visibility === 0) continue;
      ctx.moveTo(p.x, p.y);
      ctx.lineTo(q.x, q.y);
    }
  }
  const r = 3 / zoom;
  for (const p of a.points) {
    if (p.visibility === 0) continue;
    ctx.moveTo(p.x + r, p.y);
    ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
  }
}

function ring(ctx: CanvasRenderingContext2D, pts: readonly Point2[]): void {
  const first = pts[0];
  if (!first) return;
  ctx.moveTo(first[0], first[1]);
  for (let i = 1; i < pts.length; i++) {
    const p = pts[i] as Point2;
    ctx.lineTo(p[0], p[1]);
  }
  ctx.closePath();
}

/** Above this many shapes the batched layer draws outlines only (fills cost more than strokes in software rendering). */
export const FILL_LIMIT = 3000;
/**
 * Fills are drawn while the shapes in view cover the view at most this many times over (their areas
 * summed, overlaps counted each time). Denser than that, translucent fills pile up into a tint that
 * hides the photo (twelve 12% fills stacked leave a quarter of it) instead of telling shapes apart,
 * and blending them is most of a frame's cost; outlines still show every shape.
 */
export const FILL_COVERAGE = 1.5;

/**
 * Whether the batched layer should fill `shapes` (see {@link FILL_LIMIT} and {@link FILL_COVERAGE}):
 * few enough of them, and their areas (bounding boxes, in screen pixels at `zoom`) summing to at most
 * {@link FILL_COVERAGE} times `viewArea` (screen pixels). Skeletons have no area.
 */
export function fillsReadable(shapes: readonly ImageAnnotation[], zoom: number, viewArea: number): boolean {
  if (shapes.length > FILL_LIMIT) return false;
  const limit = (FILL_COVERAGE * viewArea) / (zoom * zoom);
  let area = 0;
  for (const a of shapes) {
    area += shapeArea(a);
    if (area > limit) return false;
  }
  return true;
}

/** A shape's bounding-box area in image pixels (rotation ignored; skeletons 0). */
function shapeArea(a: ImageAnnotation): number {
  if (a.kind === 'bbox') return a.width * a.height;
  if (a.kind !== 'polygon') return 0;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of a.points) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x1 > x0 && y1 > y0 ? (x1 - x0) * (y1 - y0) : 0;
}

/**
 * Draws many shapes with as little rasterisation work as possible (the batched static layer).
 * Unrotated boxes go through `strokeRect`/`fillRect` (the canvas's rectangle fast path — one
 * 10,000-contour path is ~10x slower to rasterise in software), everything else through paths.
 * With `fillAlpha` > 0 (the caller decides, usually with {@link fillsReadable}), shapes get
 * translucent fills and are drawn in the given order (their z-order: a later shape's fill covers an
 * earlier one's), a path per run of one label. Without fills, outlines only, one path per label
 * colour: the order of thin outlines is not something one sees, and the fewer style changes and
 * paths are what keep 10,000 shapes fast. Returns the count.
 */
export function drawBatched(
  ctx: CanvasRenderingContext2D,
  shapes: readonly ImageAnnotation[],
  zoom: number,
  colorOf: (label: string) => string,
  skeletonOf: (label: string) => Skeleton | undefined,
  fillAlpha: number,
): number {
  ctx.lineWidth = 1.5 / zoom;
  ctx.lineJoin = 'miter';
  const look: LabelLook = { colorOf, skeletonOf };
  if (fillAlpha > 0) drawInOrder(ctx, shapes, zoom, look, fillAlpha);
  else drawByColor(ctx, shapes, zoom, look);
  return shapes.length;
}

/** How a label's shapes look: stroke colour and skeleton. */
interface LabelLook {
  colorOf: (label: string) => string;
  skeletonOf: (label: string) => Skeleton | undefined;
}

function drawInOrder(ctx: CanvasRenderingContext2D, shapes: readonly ImageAnnotation[], zoom: number, { colorOf, skeletonOf }: LabelLook, fillAlpha: number): void {
  const fills = new Map<string, string>();
  let label: string | null = null;
  let skeleton: Skeleton | undefined;
  let pathUsed = false;
  const flush = () => {
    if (pathUsed) {
      ctx.fill('evenodd');
      ctx.stroke();
      pathUsed = false;
    }
    ctx.beginPath();
  };
  ctx.beginPath();
  for (const a of shapes) {
    if (a.label !== label) {
      flush();
      label = a.label;
      const color = colorOf(label);
      let fill = fills.get(color);
      if (fill === undefined) fills.set(color, (fill = withAlpha(color, fillAlpha)));
      ctx.strokeStyle = color;
      ctx.fillStyle = fill;
      skeleton = skeletonOf(label);
    }
    if (a.kind === 'bbox' && !a.rotation) {
      ctx.fillRect(a.x, a.y, a.width, a.height);
      ctx.strokeRect(a.x, a.y, a.width, a.height);
    } else {
      pathShape(ctx, a, zoom, skeleton);
      pathUsed = true;
    }
  }
  flush();
}

function drawByColor(ctx: CanvasRenderingContext2D, shapes: readonly ImageAnnotation[], zoom: number, { colorOf, skeletonOf }: LabelLook): void {
  const groups = new Map<string, ImageAnnotation[]>();
  for (const a of shapes) {
    let g = groups.get(a.label);
    if (!g) groups.set(a.label, (g = []));
    g.push(a);
  }
  for (const [label, list] of groups) {
    const skeleton = skeletonOf(label);
    ctx.strokeStyle = colorOf(label);
    let pathUsed = false;
    ctx.beginPath();
    for (const a of list) {
      if (a.kind === 'bbox' && !a.rotation) ctx.strokeRect(a.x, a.y, a.width, a.height);
      else {
        pathShape(ctx, a, zoom, skeleton);
        pathUsed = true;
      }
    }
    if (pathUsed) ctx.stroke();
  }
}

/** A text tag (label name, score) with a solid background at a screen-constant size. Text only, never HTML. */
export function drawTag(ctx: CanvasRenderingContext2D, text: string, at: Point2, zoom: number, background: string, color = '#fff'): void {
  const size = 12 / zoom;
  ctx.font = `600 ${size}px system-ui, sans-serif`;
  const w = ctx.measureText(text).width + 8 / zoom;
  const h = size + 6 / zoom;
  ctx.fillStyle = background;
  ctx.fillRect(at[0], at[1] - h, w, h);
  ctx.fillStyle = color;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, at[0] + 4 / zoom, at[1] - h / 2);
}

/** A short human description of a shape for announcements: "box 100×50 at 10, 10". */
export function describeShape(a: Annotation): string {
  const r = (n: number) => Math.round(n);
  if (a.kind === 'bbox') return `box ${r(a.width)}×${r(a.height)} at ${r(a.x)}, ${r(a.y)}${a.rotation ? `, rotated ${r(a.rotation)}°` : ''}`;
  if (a.kind === 'polygon') return `polygon with ${a.points.length} points${a.holes?.length ? ` and ${a.holes.length} hole${a.holes.length > 1 ? 's' : ''}` : ''}`;
  if (a.kind === 'keypoints') return `skeleton with ${a.points.filter((p) => p.visibility > 0).length} of ${a.points.length} joints`;
  return a.kind;
}
