/**
 * A tiny framework-free selection model for annotators: which annotation ids are selected,
 * hovered and focused. Every function is pure and returns the same object when nothing changes, so
 * it can sit in React state or an external store without spurious re-renders.
 */

/** Selection state of one annotator. */
export interface SelectionState {
  /** Selected annotation ids, in the order they were selected, without duplicates. */
  readonly selected: readonly string[];
  /** The annotation under the pointer. */
  readonly hovered: string | null;
  /** The annotation that has keyboard focus (Tab order). */
  readonly focused: string | null;
}

/** How {@link select} combines `ids` with the current selection. */
export type SelectMode = 'replace' | 'add' | 'toggle' | 'remove';

/** Nothing selected, hovered or focused. */
export const EMPTY_SELECTION: SelectionState = Object.freeze({ selected: Object.freeze([]), hovered: null, focused: null });

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function withSelected(state: SelectionState, selected: readonly string[]): SelectionState {
  return sameList(state.selected, selected) ? state : { ...state, selected };
}

/**
 * Changes the selection: `'replace'` selects exactly `ids`; `'add'` appends those not yet
 * selected (shift-click); `'toggle'` deselects the selected ones and appends the others
 * (Ctrl/⌘-click); `'remove'` deselects `ids`. Duplicates in `ids` count once.
 */
export function select(state: SelectionState, ids: Iterable<string>, mode: SelectMode = 'replace'): SelectionState {
  const given = [...new Set(ids)];
  switch (mode) {
    case 'replace':
      return withSelected(state, given);
    case 'add': {
      const current = new Set(state.selected);
      return withSelected(state, [...state.selected, ...given.filter((id) => !current.has(id))]);
    }
    case 'toggle': {
      const current = new Set(state.selected);
      const flip = new Set(given);
      return withSelected(state, [...state.selected.filter((id) => !flip.has(id)), ...given.filter((id) => !current.has(id))]);
    }
    case 'remove': {
      const drop = new Set(given);
      return withSelected(state, state.selected.filter((id) => !drop.has(id)));
    }
  }
}

/** Sets (or clears, with `null`) the hovered annotation. */
export function setHovered(state: SelectionState, id: string | null): SelectionState {
  return state.hovered === id ? state : { ...state, hovered: id };
}

/** Sets (or clears, with `null`) the focused annotation. */
export function setFocused(state: SelectionState, id: string | null): SelectionState {
  return state.focused === id ? state : { ...state, focused: id };
}

/**
 * Drops ids that no longer exist (after a delete, an undo or a new `value` from the host) from the
 * selection, hover and focus. Ids that still exist keep their place, so selection survives edits.
 */
export function prune(state: SelectionState, existingIds: Iterable<string>): SelectionState {
  const exists = existingIds instanceof Set ? (existingIds as ReadonlySet<string>) : new Set(existingIds);
  const selected = state.selected.filter((id) => exists.has(id));
  const hovered = state.hovered !== null && exists.has(state.hovered) ? state.hovered : null;
  const focused = state.focused !== null && exists.has(state.focused) ? state.focused : null;
  if (selected.length === state.selected.length && hovered === state.hovered && focused === state.focused) return state;
  return { selected: selected.length === state.selected.length ? state.selected : selected, hovered, focused };
}

/** An item placed on screen for {@link spatialOrder}, e.g. an annotation's top-left corner. */
export interface SpatialItem {
  id: string;
  x: number;
  y: number;
}

/** Options of {@link spatialOrder}. */
export interface SpatialOrderOptions {
  /** Items whose `y` is within this distance of a row's first item join that row. Default 10 (pixels). */
  rowTolerance?: number;
}

/**
 * Items in reading order for Tab navigation: rows top to bottom, each row left to right. Rows are
 * formed greedily down the page: an item joins the current row when its `y` is within
 * `rowTolerance` of the row's first (topmost) item — anchoring on that item stops a slow diagonal
 * from chaining into one endless row. Ties break by `y`, then id, so the order is deterministic.
 * Returns a new array; the input is not changed.
 */
export function spatialOrder<T extends SpatialItem>(items: readonly T[], options: SpatialOrderOptions = {}): T[] {
  const tolerance = options.rowTolerance ?? 10;
  const byY = [...items].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: T[] = [];
  let row: T[] = [];
  let rowTop = 0;
  const flush = (): void => {
    row.sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.push(...row);
    row = [];
  };
  for (const item of byY) {
    if (row.length > 0 && item.y - rowTop > tolerance) flush();
    if (row.length === 0) rowTop = item.y;
    row.push(item);
  }
  flush();
  return out;
}
