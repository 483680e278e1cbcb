import { useRef } from 'react';
import { createId, type Label } from '@labelkit/core';
import type { AnnotatorCore } from './annotator-core.js';
import { type BoxEdge, cloneShapes, nudge, relabel, resizeEdge, rotateBoxes, zOrderMoves, describeShape, type HandleHit, EDGE_NAMES, shapeCount, withNote, keyZoomAnchor, type ImageAnnotation, suggestionIdOf, cycleVisibility, swapMirror, removeVertices, KIND_NAMES, actualSizeView, zoomAt, type View, toggleSet, historyMessage, isImageAnnotation } from '@labelkit/canvas2d';
import type { SuggestionReview } from './use-suggestion-review.js';
import type { ToolRunner } from './use-tool-runner.js';

/** Options of {@link useEditCommands}. */
export interface EditCommandsOptions {
  setView(view: View): void;
  fit(): void;
  /** Closes the undo step of an attribute field being edited (undo and redo close it first). */
  endAttributeEdit(): void;
}

/**
 * The annotator's commands, shared by the keyboard, the toolbar and the side panel. Each says what
 * it did in the live region; those that keys run return whether they were used (false lets the key through).
 */
export interface EditCommands {
  /** Zooms by `factor` about the pointer (or the canvas centre). */
  zoomBy(factor: number): void;
  fitToView(): void;
  actualSize(): void;
  /** Undoes the latest store step or suggestion rejection, whichever came last. */
  undo(): void;
  /** Redoes what {@link undo} took back, in the same order. */
  redo(): void;
  /** Whether undo, or redo, has anything to do now: a store step or a rejection. */
  canUndo(): boolean;
  canRedo(): boolean;
  /** Moves the selected shapes (or the suggestion being edited) by (dx, dy) image pixels; a drawing tool gets the key instead. */
  nudgeBy(dx: number, dy: number, e: KeyboardEvent): boolean;
  /** Moves the active edge of the selected boxes one pixel out (or in) along an arrow. */
  grow(arrow: 'left' | 'right' | 'up' | 'down'): boolean;
  /** Rotates the selected boxes by `deg` degrees. */
  rotate(deg: number): boolean;
  /** Relabels the selected shapes (or the suggestion being edited), leaving the active label alone; with nothing selected, makes `labelId` the active label. */
  changeLabel(labelId: string): void;
  /** Deletes the chosen polygon vertices, else the selected shapes, else rejects the current suggestion. */
  deleteSelected(): boolean;
  copy(): boolean;
  paste(): boolean;
  duplicate(): boolean;
  zOrder(where: 'front' | 'back'): boolean;
  /** Hides the selected shapes (H). Hidden shapes are neither drawn nor hit; Shift+H shows them all. */
  hideSelected(): boolean;
  /** Locks or unlocks the selected shapes (L): locked shapes can be selected but not moved, edited or deleted. */
  lockSelected(): boolean;
  showAllHidden(): boolean;
  toggleLabelHidden(l: Label): void;
  toggleLabelLocked(l: Label): void;
  /** Swaps left and right joints of the selected skeletons. */
  swapMirror(): boolean;
  /** Cycles the visibility of the chosen joints: visible, occluded, not labelled. */
  cycleVisibility(): boolean;
}

/** The commands of an image annotator (see {@link EditCommands}). */
export function useEditCommands(core: AnnotatorCore, review: SuggestionReview, runner: ToolRunner, o: EditCommandsOptions): EditCommands {
  const { store, ann, schema, announce, kb, readOnly, nameOf, skeletonOf, shapeOf, isVisible, isLocked, selectedShapes, selectShapes, guardEdit, commandOptions } = core;
  const { view: viewRef, canvasSize: sizeRef, screenCursor, selected: selectedRef, selectedHandles, activeEdge } = core.refs;
  const { hiddenIds, lockedIds, hiddenLabels, lockedLabels, setHiddenIds, setLockedIds, setHiddenLabels, setLockedLabels } = core.visibility;
  const { drawingBusy, toTool } = runner;
  const { applyUpdate } = review;
  const clipboard = useRef<ImageAnnotation[]>([]);

  const zoomBy = (f: number) => {
    o.setView(zoomAt(viewRef.current, f, keyZoomAnchor(screenCursor.current, sizeRef.current)));
    announce(`Zoom ${Math.round(viewRef.current.zoom * 100)}%`);
  };
  const editable = () => selectedShapes().filter((a) => !isLocked(a.id) && isVisible(a));
  /**
   * What a keyboard edit acts on: the selected shapes that are not locked (or hidden), else the
   * suggestion selected for editing. `note` says which locked shapes were left alone, and why.
   */
  const editTargets = (verb: string, kinds?: readonly ImageAnnotation['kind'][]): { list: ImageAnnotation[]; note: string } => {
    const sel = selectedShapes().filter((a) => isVisible(a) && (!kinds || kinds.includes(a.kind)));
    const list = sel.filter((a) => !isLocked(a.id));
    const locked = sel.filter((a) => isLocked(a.id)).map((a) => a.id);
    if (!sel.length) {
      const sug = review.selectedShape();
      if (sug && (!kinds || kinds.includes(sug.kind))) return { list: [sug], note: '' };
    }
    return { list, note: locked.length ? core.lockedMessage(locked, verb) : '' };
  };
  /** Says why nothing happened when every target was locked; returns whether the key was used. */
  const onlyLocked = (t: { list: ImageAnnotation[]; note: string }): boolean => {
    if (t.list.length || !t.note) return false;
    announce(t.note);
    return true;
  };
  /**
   * The targets of a keyboard edit, or whether the key was used when the edit does not happen: true
   * when every target was locked (said why) or edits are off (read-only), false when nothing is selected.
   */
  const targetsOf = (verb: string, kinds?: readonly ImageAnnotation['kind'][]): { list: ImageAnnotation[]; note: string } | boolean => {
    const targets = editTargets(verb, kinds);
    if (onlyLocked(targets)) return true;
    if (!targets.list.length) return false;
    if (!guardEdit()) return true;
    return targets;
  };

  const deleteVertices = (handles: readonly HandleHit[]): boolean => {
    const first = handles[0] as HandleHit;
    const poly = shapeOf(first.id);
    if (poly?.kind !== 'polygon') return false;
    const verts = handles.filter((h) => h.id === poly.id && h.handle.kind === 'vertex').map((h) => (h.handle.kind === 'vertex' ? [h.handle.ring, h.handle.index] : [0, 0]) as [number, number]);
    const r = removeVertices(poly, verts);
    selectedHandles.current = [];
    if (r.removed) {
      ann.apply({ updated: [r.polygon] });
      announce(`Removed ${r.removed} vertex${r.removed > 1 ? 'es' : ''}`);
    } else announce('A polygon needs at least 3 vertices');
    return true;
  };

  const paste = (shapes: readonly ImageAnnotation[], verb: string): boolean => {
    if (!shapes.length) return false;
    if (!guardEdit()) return true;
    const clones = cloneShapes(shapes, 10, () => createId('img_'), commandOptions());
    ann.apply({ added: clones });
    selectShapes(clones.map((c) => c.id));
    // Pasting again places the next copies 10 px further on, not on top of these.
    if (verb === 'Pasted') clipboard.current = clones.map((c) => structuredClone(c));
    announce(`${verb} ${shapeCount(clones.length)}`);
    return true;
  };

  /**
   * Undo or redo: the latest of the store's steps and the review's rejections, in the order they
   * happened (a rejection changes no annotation, so it is not a store step).
   */
  const history = (which: 'undo' | 'redo') => {
    o.endAttributeEdit();
    runner.cancelTools();
    // The review as it stands now (closing an attribute step or cancelling a drag may have changed the store).
    const step = review.history(which);
    if (step.kind !== 'store' || !step.change) return;
    // What the step brought back or changed becomes the selection, so the next key acts on it.
    const change = step.change;
    const touched = [...change.added, ...change.updated.map(([, after]) => after)].filter(isImageAnnotation).map((a) => a.id);
    if (touched.length) selectShapes(touched);
    else if (change.removed.some((a) => selectedRef.current.has(a.id))) selectShapes([...selectedRef.current].filter((id) => !change.removed.some((a) => a.id === id)));
    // A step that decided suggestions was said by the review (reviewStepMessage).
    if (!step.events.length) announce(historyMessage(which === 'undo' ? 'Undone' : 'Redone', change, nameOf));
  };

  return {
    zoomBy,
    fitToView: () => {
      o.fit();
      announce('Fit to view');
    },
    actualSize: () => {
      o.setView(actualSizeView(viewRef.current, sizeRef.current));
      announce('Actual size, 100%');
    },
    undo: () => history('undo'),
    redo: () => history('redo'),
    canUndo: () => review.canUndo(),
    canRedo: () => review.canRedo(),
    nudgeBy: (dx, dy, e) => {
      if (drawingBusy()) return toTool(e.key, e);
      const t = targetsOf('moved');
      if (typeof t === 'boolean') return t;
      const wasSuggestion = suggestionIdOf(t.list[0]?.id ?? '') !== null;
      const moved = nudge(t.list, dx, dy, commandOptions());
      applyUpdate(moved);
      const first = moved[0];
      announce(withNote(moved.length === 1 && first ? `${wasSuggestion ? 'Suggestion accepted and moved' : 'Moved'} to ${describeShape(first)}` : `Moved ${moved.length} shapes`, t.note));
      return true;
    },
    grow: (arrow) => {
      const t = targetsOf('resized', ['bbox']);
      if (typeof t === 'boolean') return t;
      const axisEdges: Record<typeof arrow, [BoxEdge, BoxEdge]> = { left: ['w', 'e'], right: ['e', 'w'], up: ['n', 's'], down: ['s', 'n'] };
      const [outEdge, inEdge] = axisEdges[arrow];
      let edge = activeEdge.current;
      if (edge !== outEdge && edge !== inEdge) edge = activeEdge.current = outEdge;
      const next = resizeEdge(t.list, edge, edge === outEdge ? 1 : -1, commandOptions());
      applyUpdate(next);
      const first = next[0];
      if (first) announce(withNote(`Edge ${EDGE_NAMES[edge]}: ${describeShape(first)}`, t.note));
      return true;
    },
    rotate: (deg) => {
      const t = targetsOf('rotated', ['bbox']);
      if (typeof t === 'boolean') return t;
      const next = rotateBoxes(t.list, deg, commandOptions());
      applyUpdate(next);
      const first = next[0];
      if (first?.kind === 'bbox') announce(withNote(`Rotated to ${Math.round(first.rotation ?? 0)}°`, t.note));
      return true;
    },
    changeLabel: (labelId) => {
      // With nothing selected the label becomes the active one (what new shapes get); a selection
      // is relabelled and the active label stays as it was.
      if (selectedRef.current.size === 0 && review.selectedShape() === undefined) {
        core.setActiveLabel(labelId);
        announce(`Label ${nameOf(labelId)}`);
        return;
      }
      if (!guardEdit()) return;
      const { list, note } = editTargets('relabelled');
      const relabelled = relabel(list, labelId, schema);
      const wasSuggestion = relabelled.length === 1 && suggestionIdOf(relabelled[0]?.id ?? '') !== null;
      applyUpdate(relabelled);
      const name = nameOf(labelId);
      let message = '';
      if (wasSuggestion) message = `Suggestion accepted as ${name}`;
      else if (relabelled.length) message = `Changed ${shapeCount(relabelled.length)} to ${name}`;
      else if (list.length) message = list.every((a) => a.label === labelId) ? `Already ${name}` : `${name} does not allow ${list.length === 1 ? 'this shape' : 'these shapes'}`;
      announce(message ? withNote(message, note) : note);
    },
    deleteSelected: () => {
      if (drawingBusy()) return toTool('Backspace', new KeyboardEvent('keydown'));
      const handles = selectedHandles.current;
      if (handles.length && !readOnly && deleteVertices(handles)) return true;
      const { list, note } = editTargets('deleted');
      if (note && !list.length) {
        if (!guardEdit()) return true;
        announce(note);
        return true;
      }
      if (!list.length || suggestionIdOf(list[0]?.id ?? '') !== null) return review.decideCurrent('rejected');
      if (!guardEdit()) return true;
      ann.apply({ removed: list.map((a) => a.id) });
      announce(withNote(list.length === 1 && list[0] ? `Deleted ${nameOf(list[0].label)} ${KIND_NAMES[list[0].kind]}` : `Deleted ${list.length} shapes`, note));
      return true;
    },
    copy: () => {
      const list = selectedShapes();
      if (!list.length) return false;
      clipboard.current = list.map((a) => structuredClone(a));
      announce(`Copied ${shapeCount(list.length)}`);
      return true;
    },
    paste: () => paste(clipboard.current, 'Pasted'),
    duplicate: () => paste(selectedShapes(), 'Duplicated'),
    zOrder: (where) => {
      const ids = [...selectedRef.current];
      if (!ids.length) return false;
      if (!guardEdit()) return true;
      // Only the selected shapes move: the change set names them alone, however many shapes there are.
      const moved = zOrderMoves(store.getSnapshot(), ids, where);
      if (moved.length) ann.apply({ moved });
      announce(moved.length ? (where === 'front' ? 'Brought to front' : 'Sent to back') : where === 'front' ? 'Already in front' : 'Already at the back');
      return true;
    },
    hideSelected: () => {
      const ids = [...selectedRef.current];
      if (!ids.length) return false;
      setHiddenIds((s) => toggleSet(s, ids));
      selectShapes([]);
      core.setFocusedId(null);
      const n = shapeCount(ids.length);
      announce(ids.every((id) => hiddenIds.has(id)) ? `${n} shown` : `${n} hidden; ${kb('showAllHidden')} shows hidden shapes again`);
      return true;
    },
    lockSelected: () => {
      const ids = [...selectedRef.current];
      if (!ids.length) return false;
      const locking = !ids.every((id) => lockedIds.has(id));
      setLockedIds((s) => toggleSet(s, ids));
      selectedHandles.current = [];
      const byLabel = !locking && ids.filter((id) => lockedLabels.has(shapeOf(id)?.label ?? ''));
      announce(`${shapeCount(ids.length)} ${locking ? 'locked' : 'unlocked'}${byLabel && byLabel.length ? `, but ${nameOf(shapeOf(byLabel[0] as string)?.label ?? '')} is locked as a label in the Labels panel` : ''}`);
      return true;
    },
    showAllHidden: () => {
      if (!hiddenIds.size && !hiddenLabels.size) return false;
      setHiddenIds(new Set());
      setHiddenLabels(new Set());
      announce('All shapes shown');
      return true;
    },
    toggleLabelHidden: (l) => {
      const hiding = !hiddenLabels.has(l.id);
      setHiddenLabels((s) => toggleSet(s, [l.id]));
      // Hidden shapes cannot stay selected: they could be moved or deleted unseen.
      if (hiding) {
        const keep = [...selectedRef.current].filter((id) => shapeOf(id)?.label !== l.id);
        if (keep.length !== selectedRef.current.size) selectShapes(keep);
      }
      announce(`${l.name} ${hiding ? 'hidden' : 'shown'}`);
    },
    toggleLabelLocked: (l) => {
      const locking = !lockedLabels.has(l.id);
      setLockedLabels((s) => toggleSet(s, [l.id]));
      selectedHandles.current = [];
      announce(`${l.name} ${locking ? 'locked' : 'unlocked'}`);
    },
    swapMirror: () => {
      const list = editable().filter((a): a is Extract<ImageAnnotation, { kind: 'keypoints' }> => a.kind === 'keypoints');
      if (!list.length || !guardEdit()) return list.length > 0;
      applyUpdate(list.map((a) => ({ ...a, points: swapMirror(a.points, skeletonOf(a.label) ?? { keypoints: [] }) })));
      announce('Left and right swapped');
      return true;
    },
    cycleVisibility: () => {
      const joints = selectedHandles.current.filter((h) => h.handle.kind === 'joint');
      if (!joints.length || !guardEdit()) return joints.length > 0;
      const updates = new Map<string, ImageAnnotation>();
      let label = '';
      for (const h of joints) {
        const a = (updates.get(h.id) ?? shapeOf(h.id)) as ImageAnnotation | undefined;
        if (a?.kind !== 'keypoints' || h.handle.kind !== 'joint') continue;
        const idx = h.handle.index;
        const pts = a.points.map((p, i) => (i === idx ? { ...p, visibility: cycleVisibility(p.visibility) } : p));
        updates.set(a.id, { ...a, points: pts });
        const v = pts[idx]?.visibility;
        label = `${skeletonOf(a.label)?.keypoints[idx] ?? idx + 1}: ${v === 2 ? 'visible' : v === 1 ? 'occluded' : 'not labelled'}`;
      }
      applyUpdate([...updates.values()]);
      selectedHandles.current = selectedHandles.current.filter((h) => {
        const a = shapeOf(h.id);
        return !(a?.kind === 'keypoints' && h.handle.kind === 'joint' && a.points[h.handle.index]?.visibility === 0);
      });
      announce(label);
      return true;
    },
  };
}
