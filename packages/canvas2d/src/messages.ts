import type { Annotation, ChangeSet } from '@labelkit/core';
import type { BoxEdge } from './box-handles.js';
import { describeShape } from './draw.js';
import { isImageAnnotation, type ImageAnnotation } from './shapes.js';
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

/** "Car box" for one shape, else "3 shapes". */
function shapesPhrase(shapes: readonly Annotation[], nameOf: (labelId: string) => string): string {
  const first = shapes[0];
  if (shapes.length === 1 && first) return `${nameOf(first.label)} ${isImageAnnotation(first) ? KIND_NAMES[first.kind] : 'shape'}`;
  return shapeCount(shapes.length);
}

/**
 * What the live region says after undo or redo of a store step (`verb`: `'Undone'` or
 * `'Redone'`), from the change set it applied: "Undone: deleted Car box, restored", "Redone:
 * created 2 shapes", "Undone: edit of Car box". An undo's added shapes are ones it restored, its
 * removed ones are ones it took back; a redo's are made or deleted again.
 */
export function historyMessage(verb: 'Undone' | 'Redone', change: Pick<ChangeSet, 'added' | 'updated' | 'removed' | 'moved'>, nameOf: (labelId: string) => string): string {
  const undo = verb === 'Undone';
  const parts: string[] = [];
  if (change.added.length) parts.push(undo ? `deleted ${shapesPhrase(change.added, nameOf)}, restored` : `created ${shapesPhrase(change.added, nameOf)}`);
  if (change.removed.length) parts.push(undo ? `created ${shapesPhrase(change.removed, nameOf)}, removed` : `deleted ${shapesPhrase(change.removed, nameOf)}`);
  if (change.updated.length) parts.push(`edit of ${shapesPhrase(change.updated.map(([, after]) => after), nameOf)}`);
  else if (change.moved?.length && !change.added.length && !change.removed.length) parts.push(`change of order of ${shapeCount(change.moved.length)}`);
  return parts.length ? `${verb}: ${parts.join('; ')}` : verb;
}
