import { clampBox, defaultAttributes, type AttributeDefinition, type AttributeValue, type Label, type LabelSchema } from '@labelkit/core';
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
 * The moves (for the store's `ChangeInput.moved`) that bring `ids` to the front of `list` (drawn
 * last, on top) or send them to the back, keeping their relative order — only the shapes that move
 * are named, so the change is as small as the selection. Empty when they are already there.
 */
export function zOrderMoves(list: readonly { id: string }[], ids: readonly string[], where: 'front' | 'back'): { id: string; to: number }[] {
  const set = new Set(ids);
  const moving: string[] = [];
  list.forEach((a) => {
    if (set.has(a.id)) moving.push(a.id);
  });
  const base = where === 'front' ? list.length - moving.length : 0;
  const moves = moving.map((id, k) => ({ id, to: base + k }));
  // Already in place: every moving shape sits at its target.
  const at = new Map<string, number>();
  for (const m of moves) at.set(m.id, -1);
  list.forEach((a, i) => {
    if (at.has(a.id)) at.set(a.id, i);
  });
  return moves.every((m) => at.get(m.id) === m.to) ? [] : moves;
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

/**
 * The shapes relabelled to `label`, skipping those whose kind the label does not allow. Attributes
 * follow the new label: a value is kept where the new label has an attribute with the same id that
 * accepts it (same type, an allowed option, within min/max…), the new label's defaults fill the
 * rest, and values the new label has no place for are dropped (as CVAT does on a label change).
 */
export function relabel(shapes: readonly ImageAnnotation[], label: string, schema: LabelSchema): ImageAnnotation[] {
  const l = schema.byId.get(label);
  if (!l) return [];
  return shapes.filter((a) => a.label !== label && l.kinds.includes(a.kind)).map((a) => withAttributes({ ...a, label }, carryAttributes(a.attributes, l)));
}

/** Attribute values for an annotation that now has label `to`: see {@link relabel}. */
export function carryAttributes(values: Readonly<Record<string, AttributeValue>> | undefined, to: Label): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = defaultAttributes(to);
  for (const def of to.attributes ?? []) {
    const v = values?.[def.id];
    if (v !== undefined && fits(v, def)) out[def.id] = Array.isArray(v) ? [...v] : v;
  }
  return out;
}

function withAttributes<A extends ImageAnnotation>(a: A, attributes: Record<string, AttributeValue>): A {
  const { attributes: _old, ...rest } = a;
  return (Object.keys(attributes).length ? { ...rest, attributes } : rest) as A;
}

/** Whether `v` is a valid value of the attribute `def`. */
function fits(v: AttributeValue, def: AttributeDefinition): boolean {
  switch (def.type) {
    case 'select':
      return typeof v === 'string' && def.options.includes(v);
    case 'multiselect':
      return Array.isArray(v) && v.every((x) => def.options.includes(x));
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && (!def.integer || Number.isInteger(v)) && (def.min === undefined || v >= def.min) && (def.max === undefined || v <= def.max);
    case 'text': {
      if (typeof v !== 'string' || (def.maxLength !== undefined && [...v].length > def.maxLength)) return false;
      if (def.pattern === undefined) return true;
      try {
        return new RegExp(`^(?:${def.pattern})$`, 'u').test(v);
      } catch {
        return true;
      }
    }
  }
}
