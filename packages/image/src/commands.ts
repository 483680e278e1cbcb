import { clampBox, type Annotation, type LabelSchema } from '@labelkit/core';
import { moveBoxEdge, rotateBoxBy, type BoxEdge } from './box-handles.js';
import type { ImageSize } from './events.js';
import { annotationBounds, clampDelta, translateAnnotation, unionBounds, type ImageAnnotation } from './shapes.js';

/** Options shared by the keyboard edit commands. */
export interface CommandOptions {
  image: ImageSize;
  bounds: 'clamp' | 'allow';
  minSize: number;
}

/** Moves shapes by `(dx, dy)` image pixels as a group (kept inside the image when clamping). */
export function nudge(shapes: readonly ImageAnnotation[], dx: number, dy: number, o: CommandOptions): ImageAnnotation[] {
  if (o.bounds === 'clamp') [dx, dy] = clampDelta(unionBounds(shapes.map(annotationBounds)), dx, dy, o.image);
  if (dx === 0 && dy === 0) return [];
  return shapes.map((a) => translateAnnotation(a, dx, dy));
}

/** Moves one edge of each box outward by `amount` (negative: inward); other kinds are left alone. */
export function resizeEdge(shapes: readonly ImageAnnotation[], edge: BoxEdge, amount: number, o: CommandOptions): ImageAnnotation[] {
  return shapes.flatMap((a) => {
    if (a.kind !== 'bbox') return [];
    let next = moveBoxEdge(a, edge, amount, o.minSize);
    if (o.bounds === 'clamp') next = clampBox(next, o.image.width, o.image.height);
    return next.width >= o.minSize && next.height >= o.minSize ? [next] : [];
  });
}

/** Rotates boxes by `delta` degrees clockwise about their centres. */
export function rotateBoxes(shapes: readonly ImageAnnotation[], delta: number, o: CommandOptions): ImageAnnotation[] {
  return shapes.flatMap((a) => {
    if (a.kind !== 'bbox') return [];
    const r = rotateBoxBy(a, delta);
    return [o.bounds === 'clamp' ? clampBox(r, o.image.width, o.image.height) : r];
  });
}

/** Copies of `shapes` with fresh ids, moved by `offset` pixels (paste/duplicate), `source: 'human'`. */
export function cloneShapes(shapes: readonly ImageAnnotation[], offset: number, newId: () => string, o: CommandOptions): ImageAnnotation[] {
  const moved = nudge(shapes, offset, offset, o);
  const base = moved.length ? moved : shapes;
  return base.map((a) => ({ ...structuredClone(a), id: newId(), source: 'human' as const }));
}

/**
 * `list` with `ids` moved to the front (drawn last, on top) or the back, keeping the relative order
 * of both groups.
 */
export function reorder<A extends { id: string }>(list: readonly A[], ids: readonly string[], where: 'front' | 'back'): A[] {
  const set = new Set(ids);
  const moving = list.filter((a) => set.has(a.id));
  const rest = list.filter((a) => !set.has(a.id));
  return where === 'front' ? [...rest, ...moving] : [...moving, ...rest];
}

/** The shapes relabelled to `label`, skipping those whose kind the label does not allow. */
export function relabel(shapes: readonly ImageAnnotation[], label: string, schema: LabelSchema): ImageAnnotation[] {
  const l = schema.byId.get(label);
  if (!l) return [];
  return shapes.filter((a) => a.label !== label && l.kinds.includes(a.kind)).map((a) => ({ ...a, label }));
}

/** A suggestion turned into an annotation: same geometry and label, `source: 'model'`, score kept. */
export function acceptSuggestion(s: Annotation, existingIds: ReadonlySet<string>, newId: () => string): Annotation {
  return { ...s, id: existingIds.has(s.id) ? newId() : s.id, source: 'model' };
}
