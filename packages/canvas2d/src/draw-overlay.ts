import type { Label, Point2, Skeleton } from '@labelkit/core';
import type { BoxEdge } from './box-handles.js';
import { drawTag, pathShape, withAlpha } from './draw.js';
import type { ImageSize } from './events.js';
import { HANDLE_SIZE, handlesOf, type HandleHit } from './handles.js';
import { annotationBounds, type ImageAnnotation, type ImageTool } from './shapes.js';
import { boxToolPreview, type BoxToolState } from './tools/box-tool.js';
import { nextJointName, type KeypointToolState } from './tools/keypoint-tool.js';
import type { PolygonToolState } from './tools/polygon-tool.js';
import { marqueeRect, type SelectToolState } from './tools/select-tool.js';
import type { ActiveTool } from './tool-names.js';
import type { View } from './viewport.js';

/** The accent of focus marks, chosen handles and the marquee. */
const FOCUS_BLUE = '#1a73e8';
/** Above this many shapes with handles (a big selection), handles are not drawn. */
const HANDLES_LIMIT = 50;

/** Everything the overlay layer draws from, read at draw time. */
export interface OverlayInput {
  /** Pending suggestions, drawn dashed with their label and score. */
  suggestions: readonly ImageAnnotation[];
  /** The suggestion under review (thicker, marked ▶). */
  currentSuggestion: ImageAnnotation | null;
  /** The id of the suggestion selected for editing: filled, with handles. */
  editedSuggestion: string | null;
  selected: ReadonlySet<string>;
  hovered: string | null;
  /** The shape Tab moved to (a dashed focus frame). */
  focused: string | null;
  readOnly: boolean;
  shapeOf(id: string): ImageAnnotation | undefined;
  isVisible(a: ImageAnnotation): boolean;
  isLocked(id: string): boolean;
  colorOf(labelId: string): string;
  nameOf(labelId: string): string;
  skeletonOf(labelId: string): Skeleton | undefined;
  /** The label new shapes of a kind get (it colours the tool previews). */
  labelFor(kind: ImageTool): Label | undefined;
  /** The box edge that Alt+arrows move (ringed when one box is selected). */
  activeEdge: BoxEdge;
  /** Handles chosen with a click (vertices, joints): filled blue. */
  chosenHandles: readonly HandleHit[];
  tool: ActiveTool;
  box: BoxToolState;
  polygon: PolygonToolState;
  keypoints: KeypointToolState;
  select: SelectToolState;
  /** The pointer, in image pixels. */
  cursor: Point2 | null;
  image: ImageSize;
}

/**
 * Draws the overlay layer in image pixels (the context is already transformed by `view`): pending
 * suggestions, the selected, hovered and focused shapes with their tags and handles, and the
 * previews of the tools (box being drawn, crosshair, polygon in progress, next joint, marquee).
 */
export function drawOverlay(ctx: CanvasRenderingContext2D, view: View, o: OverlayInput): void {
  const z = view.zoom;
  const handlesFor = [...drawSuggestions(ctx, z, o), ...drawLiveShapes(ctx, z, o)];
  if (handlesFor.length <= HANDLES_LIMIT) for (const a of handlesFor) drawHandles(ctx, z, a, o);
  drawToolPreviews(ctx, z, o);
}

/** Pending suggestions, dashed, with label and score; returns the one selected for editing, whose handles are live. */
function drawSuggestions(ctx: CanvasRenderingContext2D, z: number, o: OverlayInput): ImageAnnotation[] {
  const handlesFor: ImageAnnotation[] = [];
  for (const s of o.suggestions) {
    const color = o.colorOf(s.label);
    const isCur = o.currentSuggestion?.id === s.id;
    ctx.beginPath();
    pathShape(ctx, s, z, o.skeletonOf(s.label));
    if (o.editedSuggestion === s.id) {
      ctx.fillStyle = withAlpha(color, 0.15);
      ctx.fill('evenodd');
      if (!o.readOnly) handlesFor.push(s);
    }
    ctx.setLineDash([6 / z, 4 / z]);
    ctx.lineWidth = (isCur ? 3 : 1.5) / z;
    ctx.strokeStyle = color;
    ctx.stroke();
    ctx.setLineDash([]);
    const b = annotationBounds(s);
    drawTag(ctx, `${isCur ? '▶ ' : ''}${o.nameOf(s.label)}${s.score !== undefined ? ` ${s.score.toFixed(2)}` : ''} (suggestion)`, [b.x, b.y], z, withAlpha(color, 0.85));
  }
  return handlesFor;
}

/** The selected, hovered and focused shapes; returns those whose handles are live (selected, editable). */
function drawLiveShapes(ctx: CanvasRenderingContext2D, z: number, o: OverlayInput): ImageAnnotation[] {
  const handlesFor: ImageAnnotation[] = [];
  const ids = new Set(o.selected);
  if (o.hovered) ids.add(o.hovered);
  if (o.focused) ids.add(o.focused);
  for (const id of ids) {
    const a = o.shapeOf(id);
    if (!a || !o.isVisible(a)) continue;
    const color = o.colorOf(a.label);
    const selected = o.selected.has(id);
    ctx.beginPath();
    pathShape(ctx, a, z, o.skeletonOf(a.label));
    ctx.fillStyle = withAlpha(color, selected ? 0.25 : 0.18);
    ctx.fill('evenodd');
    ctx.lineWidth = (selected ? 2.5 : 2) / z;
    ctx.strokeStyle = color;
    ctx.stroke();
    if (id === o.focused) {
      const b = annotationBounds(a);
      const pad = 4 / z;
      ctx.setLineDash([4 / z, 3 / z]);
      ctx.lineWidth = 2 / z;
      ctx.strokeStyle = FOCUS_BLUE;
      ctx.strokeRect(b.x - pad, b.y - pad, b.width + 2 * pad, b.height + 2 * pad);
      ctx.setLineDash([]);
    }
    if (selected || id === o.hovered || id === o.focused) {
      const b = annotationBounds(a);
      const lockedMark = o.isLocked(id) ? ' (locked)' : '';
      drawTag(ctx, `${o.nameOf(a.label)}${lockedMark}`, [b.x, b.y], z, color);
    }
    if (selected && !o.readOnly && !o.isLocked(id)) handlesFor.push(a);
  }
  return handlesFor;
}

/** The handles of one shape; a box also gets its rotation stem and, alone in the selection, its active edge ringed. */
function drawHandles(ctx: CanvasRenderingContext2D, z: number, a: ImageAnnotation, o: OverlayInput): void {
  const hs = handlesOf(a, z);
  if (a.kind === 'bbox') {
    const top = hs.find((h) => h.handle.kind === 'resize' && h.handle.dir === 'n');
    const rot = hs.find((h) => h.handle.kind === 'rotate');
    if (top && rot) {
      ctx.beginPath();
      ctx.moveTo(top.point[0], top.point[1]);
      ctx.lineTo(rot.point[0], rot.point[1]);
      ctx.lineWidth = 1 / z;
      ctx.strokeStyle = o.colorOf(a.label);
      ctx.stroke();
    }
    if (o.selected.size === 1) {
      const edge = hs.find((h) => h.handle.kind === 'resize' && h.handle.dir === o.activeEdge);
      if (edge) {
        ctx.beginPath();
        ctx.arc(edge.point[0], edge.point[1], (HANDLE_SIZE.radius + 3) / z, 0, Math.PI * 2);
        ctx.lineWidth = 1.5 / z;
        ctx.strokeStyle = FOCUS_BLUE;
        ctx.stroke();
      }
    }
  }
  for (const h of hs) {
    const r = (h.handle.kind === 'midpoint' ? HANDLE_SIZE.radius - 2 : HANDLE_SIZE.radius) / z;
    const chosen = o.chosenHandles.some((s) => s.id === h.id && JSON.stringify(s.handle) === JSON.stringify(h.handle));
    ctx.beginPath();
    if (h.handle.kind === 'resize') ctx.rect(h.point[0] - r, h.point[1] - r, 2 * r, 2 * r);
    else ctx.arc(h.point[0], h.point[1], r, 0, Math.PI * 2);
    ctx.fillStyle = chosen ? FOCUS_BLUE : h.handle.kind === 'midpoint' ? withAlpha('#ffffff', 0.7) : '#ffffff';
    ctx.fill();
    ctx.lineWidth = 1.5 / z;
    ctx.strokeStyle = h.handle.kind === 'joint' && a.kind === 'keypoints' && a.points[h.handle.index]?.visibility === 1 ? '#f5a623' : '#1a1a1a';
    ctx.stroke();
  }
}

/** What the tools are in the middle of: a box being dragged, the keyboard crosshair, a polygon, the next joint, a marquee. */
function drawToolPreviews(ctx: CanvasRenderingContext2D, z: number, o: OverlayInput): void {
  const accent = o.labelFor(o.tool === 'select' ? 'bbox' : o.tool);
  const color = accent ? accent.color : FOCUS_BLUE;
  const box = boxToolPreview(o.box);
  if (box) {
    ctx.setLineDash([5 / z, 3 / z]);
    ctx.lineWidth = 2 / z;
    ctx.strokeStyle = color;
    ctx.strokeRect(box.x, box.y, box.width, box.height);
    ctx.setLineDash([]);
  }
  const bs = o.box;
  if (bs.name === 'crosshair') {
    const [cx, cy] = bs.cursor;
    ctx.beginPath();
    ctx.moveTo(cx, 0);
    ctx.lineTo(cx, Math.max(o.image.height, cy));
    ctx.moveTo(0, cy);
    ctx.lineTo(Math.max(o.image.width, cx), cy);
    ctx.lineWidth = 1 / z;
    ctx.strokeStyle = '#ff00ff';
    ctx.stroke();
  }
  const ps = o.polygon;
  if (ps.name === 'drawing') {
    ctx.beginPath();
    ps.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    if (o.cursor) ctx.lineTo(o.cursor[0], o.cursor[1]);
    ctx.lineWidth = 2 / z;
    ctx.strokeStyle = color;
    ctx.stroke();
    ps.points.forEach(([x, y], i) => {
      ctx.beginPath();
      ctx.arc(x, y, (i === 0 ? 6 : 3.5) / z, 0, Math.PI * 2);
      ctx.fillStyle = i === 0 ? '#ffffff' : color;
      ctx.fill();
      ctx.lineWidth = 1.5 / z;
      ctx.strokeStyle = '#1a1a1a';
      ctx.stroke();
    });
  }
  const ks = o.keypoints;
  if (ks.name === 'placing') {
    const label = o.labelFor('keypoints');
    const sk = label?.skeleton;
    if (sk) {
      const partial: ImageAnnotation = { id: '_', kind: 'keypoints', label: label.id, points: ks.points };
      ctx.beginPath();
      pathShape(ctx, partial, z, sk);
      ctx.lineWidth = 2 / z;
      ctx.strokeStyle = label.color;
      ctx.stroke();
      const name = nextJointName(ks, sk);
      const at = o.cursor;
      if (name && at) drawTag(ctx, `${ks.occluded ? 'occluded ' : ''}${name}`, [at[0] + 12 / z, at[1] - 8 / z], z, withAlpha('#1a1a1a', 0.85));
    }
  }
  const ss = o.select;
  if (ss.name === 'brushing') {
    const r = marqueeRect(ss.origin, ss.current);
    ctx.fillStyle = withAlpha(FOCUS_BLUE, 0.1);
    ctx.fillRect(r.x, r.y, r.width, r.height);
    ctx.lineWidth = 1 / z;
    ctx.strokeStyle = FOCUS_BLUE;
    ctx.strokeRect(r.x, r.y, r.width, r.height);
  }
}
