import type { Annotation } from './annotation.js';

/**
 * One annotation's change within a step: `before`/`after` null means absent. `index` is its place in
 * the list before the step (or after it, for an annotation the step added); `to` is its place after
 * the step when the step moved it (z-order), so undo and redo restore the order exactly.
 */
export interface HistoryEntry {
  id: string;
  before: Annotation | null;
  after: Annotation | null;
  index: number;
  to?: number;
}

/** One undoable step: everything one edit, batch or gesture changed. */
export type HistoryStep = readonly HistoryEntry[];

/** An undo/redo stack of steps with a depth limit. */
export interface History {
  push(step: HistoryStep): void;
  undo(): HistoryStep | null;
  redo(): HistoryStep | null;
  canUndo(): boolean;
  canRedo(): boolean;
  clear(): void;
  /** Steps that can be undone, oldest first. */
  readonly undoDepth: number;
  readonly redoDepth: number;
}

/** Creates a {@link History} that keeps at most `depth` undo steps. A new step clears redo. */
export function createHistory(depth = 500): History {
  if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`history depth must be a positive integer, got ${depth}`);
  const undoStack: HistoryStep[] = [];
  const redoStack: HistoryStep[] = [];
  return {
    push(step) {
      if (!step.length) return;
      undoStack.push(Object.freeze([...step]));
      if (undoStack.length > depth) undoStack.splice(0, undoStack.length - depth);
      redoStack.length = 0;
    },
    undo() {
      const step = undoStack.pop();
      if (!step) return null;
      redoStack.push(step);
      return step;
    },
    redo() {
      const step = redoStack.pop();
      if (!step) return null;
      undoStack.push(step);
      return step;
    },
    canUndo: () => undoStack.length > 0,
    canRedo: () => redoStack.length > 0,
    clear() {
      undoStack.length = 0;
      redoStack.length = 0;
    },
    get undoDepth() {
      return undoStack.length;
    },
    get redoDepth() {
      return redoStack.length;
    },
  };
}
