import type { BoxEdge } from './box-handles.js';
import { describeShape } from './draw.js';
import type { ImageAnnotation } from './shapes.js';
import { KIND_NAMES } from './tool-names.js';
import type { ShapeLocks } from './visibility.js';

/** The edges of a box as the live region names them. */
export const EDGE_NAMES: Record<BoxEdge, string> = { n: 'top', e: 'right', s: 'bottom', w: 'left' };

/** "1 shape", "3 shapes". */
export function shapeCount(n: number): string {
  return `${n} shape${n > 1 ? 's' : ''}`;
}

/** What the live region says when the selection becomes `ids`. */
export function describeSelection(ids: readonly string[], shapeOf: (id: string) => ImageAnnotation | undefined, nameOf: (labelId: string) => string): string {
  if (ids.length === 0) return 'Selection cleared';
  if (ids.length === 1) {
    const a = shapeOf(ids[0] as string);
    return a ? `Selected ${nameOf(a.label)} ${describeShape(a)}` : 'Selected 1 shape';
  }
  return `${ids.length} shapes selected`;
}

/**
 * Why locked shapes were left alone (`verb`: "moved", "deleted"...) and how to unlock them: in the
 * Labels panel when every one is locked through its label, else with `unlockKey`. Empty for no shapes.
 */
export function lockedMessage(shapes: readonly ImageAnnotation[], locks: ShapeLocks, verb: string, nameOf: (labelId: string) => string, unlockKey: string): string {
  const first = shapes[0];
  if (!first) return '';
  const byLabel = shapes.every((a) => locks.lockedLabels.has(a.label) && !locks.lockedIds.has(a.id));
  const how = byLabel ? `unlock ${nameOf(first.label)} in the Labels panel` : `press ${unlockKey} to unlock`;
  return shapes.length === 1
    ? `${nameOf(first.label)} ${KIND_NAMES[first.kind]} is locked and was not ${verb}: ${how}.`
    : `${shapes.length} locked shapes were not ${verb}: ${how}.`;
}

/** `message`, then the note about locked shapes if there is one. */
export function withNote(message: string, note: string): string {
  return note ? `${message}. ${note}` : message;
}
