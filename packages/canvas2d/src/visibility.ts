/**
 * Hidden and locked shapes, one by one (H, L) or every shape of a label (the side panel). Hidden
 * shapes are neither drawn nor hit; locked ones can be selected but not moved, edited or deleted.
 */

/** Shapes hidden one by one, and labels whose every shape is hidden. */
export interface ShapeHiding {
  hiddenIds: ReadonlySet<string>;
  hiddenLabels: ReadonlySet<string>;
}

/** Shapes locked one by one, and labels whose every shape is locked. */
export interface ShapeLocks {
  lockedIds: ReadonlySet<string>;
  lockedLabels: ReadonlySet<string>;
}

/** Whether a shape is shown: neither it nor its label is hidden. */
export function isShown(hiding: ShapeHiding, a: { id: string; label: string }): boolean {
  return !hiding.hiddenIds.has(a.id) && !hiding.hiddenLabels.has(a.label);
}

/** Whether shape `id` (of label `label`, `undefined` if it is gone) is locked, itself or through its label. */
export function isLockedShape(locks: ShapeLocks, id: string, label: string | undefined): boolean {
  return locks.lockedIds.has(id) || (label !== undefined && locks.lockedLabels.has(label));
}

/** Toggles `ids` together: all of them leave `set` if all are in it, else all join it. */
export function toggleSet(set: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const next = new Set(set);
  const allIn = ids.every((id) => next.has(id));
  for (const id of ids) {
    if (allIn) next.delete(id);
    else next.add(id);
  }
  return next;
}
