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

/**
 * An undo/redo stack of steps with a depth limit. Every step gets an id when it is pushed, from a
 * counter that only grows (never reset, not even by {@link clear}), so code that keeps steps of its
 * own beside the store — suggestion rejections, which change no annotation — can order its steps and
 * the store's on one timeline however many old steps the depth limit has dropped: it takes an id for
 * each of its steps with {@link mark}, and compares it with {@link nextUndoId} and {@link nextRedoId}.
 */
export interface History {
  push(step: HistoryStep): void;
  undo(): HistoryStep | null;
  redo(): HistoryStep | null;
  canUndo(): boolean;
  canRedo(): boolean;
  clear(): void;
  /**
   * Takes the next step id for a step kept outside this history (it happened now, after every step
   * pushed so far). Like a push, it clears redo: a new action ends what could be redone.
   */
  mark(): number;
  /** The id of the step {@link undo} would take back, or null when there is none. */
  readonly nextUndoId: number | null;
  /** The id of the step {@link redo} would make again, or null when there is none. */
  readonly nextRedoId: number | null;
  /** The newest step id given out so far (by a push or {@link mark}); 0 before the first. Only grows. */
  readonly lastId: number;
  /** Steps that can be undone, oldest first. */
  readonly undoDepth: number;
  readonly redoDepth: number;
}

/** Creates a {@link History} that keeps at most `depth` undo steps. A new step clears redo. */
export function createHistory(depth = 500): History {
  if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`history depth must be a positive integer, got ${depth}`);
  const undoStack: { id: number; step: HistoryStep }[] = [];
  const redoStack: { id: number; step: HistoryStep }[] = [];
  let lastId = 0;
  return {
    push(step) {
      if (!step.length) return;
      undoStack.push({ id: ++lastId, step: Object.freeze([...step]) });
      if (undoStack.length > depth) undoStack.splice(0, undoStack.length - depth);
      redoStack.length = 0;
    },
    undo() {
      const top = undoStack.pop();
      if (!top) return null;
      redoStack.push(top);
      return top.step;
    },
    redo() {
      const top = redoStack.pop();
      if (!top) return null;
      undoStack.push(top);
      return top.step;
    },
    canUndo: () => undoStack.length > 0,
    canRedo: () => redoStack.length > 0,
    clear() {
      undoStack.length = 0;
      redoStack.length = 0;
    },
    mark() {
      redoStack.length = 0;
      return ++lastId;
    },
    get nextUndoId() {
      return undoStack.at(-1)?.id ?? null;
    },
    get nextRedoId() {
      return redoStack.at(-1)?.id ?? null;
    },
    get lastId() {
      return lastId;
    },
    get undoDepth() {
      return undoStack.length;
    },
    get redoDepth() {
      return redoStack.length;
    },
  };
}
