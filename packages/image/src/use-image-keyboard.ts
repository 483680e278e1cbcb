import { spatialOrder } from '@labelkit/core';
import { useAnnotatorHotkeys } from '@labelkit/react';
import type { AnnotatorCore } from './annotator-core.js';
import { type BoxEdge, describeShape, EDGE_NAMES, annotationAnchor, annotationBounds, isImageAnnotation, type ImageAnnotation, CROSSHAIR_KEY, KEYPOINT_KEYS, visibleImageRect, type View } from '@labelkit/canvas2d';
import type { EditCommands } from './use-edit-commands.js';
import type { SuggestionReview } from './use-suggestion-review.js';
import type { ToolRunner } from './use-tool-runner.js';

/** Actions that act on the canvas focus only (Enter, Tab, arrows... keep their usual meaning on buttons and fields). */
const ROOT_ONLY = new Set([
  'acceptSuggestion', 'finish', 'nextAnnotation', 'prevAnnotation', 'delete', 'rejectSuggestion', 'cancel',
  'selectAll', 'copy', 'paste', 'nudgeLeft', 'nudgeRight', 'nudgeUp', 'nudgeDown', 'nudgeLeftFar', 'nudgeRightFar',
  'nudgeUpFar', 'nudgeDownFar', 'growLeft', 'growRight', 'growUp', 'growDown', 'acceptAllSuggestions', 'rejectAllSuggestions',
]);

/** Options of {@link useImageKeyboard}. */
export interface ImageKeyboardOptions {
  /** Keys are off while false (a popover open: it keeps the keys). */
  enabled: boolean;
  setView(view: View): void;
  openPicker(): void;
  openHelp(): void;
}

type KeyHandler = (e: KeyboardEvent) => boolean | void;

/**
 * Binds the annotator's keymap (IMAGE_KEYMAP merged with the host's) to its root element: each
 * action runs a command; Tab walks the shapes in reading order; label hotkeys relabel.
 */
export function useImageKeyboard(core: AnnotatorCore, review: SuggestionReview, runner: ToolRunner, edits: EditCommands, o: ImageKeyboardOptions): void {
  const { store, selection, announce, readOnly, availableTools, nameOf, shapeOf, isVisible } = core;
  const { root: rootRef, view: viewRef, canvasSize: sizeRef, selected: selectedRef, selectedHandles, activeEdge, tool: toolRef, scene: sceneRef, ui: uiRef } = core.refs;
  const { busy, drawingBusy, toTool, setTool } = runner;

  const visibleShapes = (): ImageAnnotation[] => store.getSnapshot().filter((a): a is ImageAnnotation => isImageAnnotation(a) && isVisible(a));
  const focusShape = (id: string, position: string) => {
    selection.select([id], 'replace');
    selectedRef.current = new Set([id]);
    core.setFocusedId(id);
    const a = shapeOf(id);
    if (!a) return;
    // Bring it into view if it is off-screen.
    const b = annotationBounds(a);
    const vr = visibleImageRect(viewRef.current, sizeRef.current);
    if (b.x + b.width < vr.x || b.y + b.height < vr.y || b.x > vr.x + vr.width || b.y > vr.y + vr.height) {
      const v = viewRef.current;
      o.setView({ zoom: v.zoom, x: sizeRef.current.width / 2 - (b.x + b.width / 2) * v.zoom, y: sizeRef.current.height / 2 - (b.y + b.height / 2) * v.zoom });
    }
    announce(`${nameOf(a.label)} ${describeShape(a)}, ${position}`);
  };
  const tabTo = (dir: 1 | -1): boolean => {
    const order = spatialOrder(visibleShapes().map((a) => ({ id: a.id, x: annotationAnchor(a)[0], y: annotationAnchor(a)[1] })));
    if (order.length === 0) return false;
    const cur = uiRef.current.focusedId ?? [...selectedRef.current][0] ?? null;
    const i = cur === null ? -1 : order.findIndex((x) => x.id === cur);
    const j = i === -1 ? (dir === 1 ? 0 : order.length - 1) : i + dir;
    const next = order[j];
    if (!next) {
      // Past the last shape: let Tab leave the annotator.
      core.setFocusedId(null);
      return false;
    }
    focusShape(next.id, `${j + 1} of ${order.length}`);
    return true;
  };
  const deselect: KeyHandler = (e) => {
    // Escape in the side panel (attribute fields, text ones included) goes back to the canvas,
    // keeping the selection; on other controls (buttons, other fields) it is theirs.
    if (e.target !== rootRef.current) {
      if (!(e.target instanceof Element && e.target.closest('.lk-image-side'))) return false;
      rootRef.current?.focus();
      announce('Back to the canvas');
      return true;
    }
    if (busy()) return toTool('Escape', e);
    if (review.selectedRef.current !== null) {
      review.setSelected(null);
      announce('Selection cleared');
      return true;
    }
    // Escape cancels or deselects, never more: with nothing to do it keeps the tool.
    if (!selectedRef.current.size) return false;
    selection.clear();
    selectedHandles.current = [];
    core.setFocusedId(null);
    announce('Selection cleared');
    return true;
  };
  const crosshair: KeyHandler = (e) => {
    if (readOnly || !availableTools.includes('bbox')) return false;
    if (toolRef.current !== 'bbox') setTool('bbox');
    toolRef.current = 'bbox';
    toTool(CROSSHAIR_KEY, e);
    announce('Keyboard box drawing: move the crosshair with the arrow keys, press Enter at each corner, Escape to cancel');
    return true;
  };
  const cycleEdge = () => {
    const order: BoxEdge[] = ['n', 'e', 's', 'w'];
    activeEdge.current = order[(order.indexOf(activeEdge.current) + 1) % 4] as BoxEdge;
    sceneRef.current?.redrawOverlay();
    announce(`Active edge: ${EDGE_NAMES[activeEdge.current]}`);
    return true;
  };

  const handlers: Record<string, KeyHandler> = {
    undo: () => (core.guardEdit() ? edits.undo() : true),
    redo: () => (core.guardEdit() ? edits.redo() : true),
    delete: (e) => (e.key === 'Backspace' && drawingBusy() ? toTool('Backspace', e) : edits.deleteSelected()),
    selectAll: () => {
      const ids = visibleShapes().map((a) => a.id);
      selection.select(ids, 'replace');
      announce(`${ids.length} shapes selected`);
    },
    deselect,
    copy: () => edits.copy(),
    paste: () => edits.paste(),
    duplicate: () => edits.duplicate(),
    nextAnnotation: () => tabTo(1),
    prevAnnotation: () => tabTo(-1),
    acceptSuggestion: (e) => (drawingBusy() ? toTool('Enter', e) : review.decideCurrent('accepted')),
    finish: (e) => (drawingBusy() ? toTool('Enter', e) : false),
    rejectSuggestion: () => review.decideCurrent('rejected'),
    acceptAllSuggestions: () => review.decideAll('accepted'),
    rejectAllSuggestions: () => review.decideAll('rejected'),
    nextSuggestion: () => review.step(1),
    prevSuggestion: () => review.step(-1),
    toggleHidden: () => edits.hideSelected(),
    showAllHidden: () => edits.showAllHidden(),
    toggleLocked: () => edits.lockSelected(),
    openLabelPicker: () => {
      o.openPicker();
      return true;
    },
    editAttributes: () => {
      const field = rootRef.current?.querySelector<HTMLElement>('.lk-image-side .lk-attr-editor :is(input, select, textarea):not([disabled])');
      if (!field) return false;
      field.focus();
      return true;
    },
    nudgeLeft: (e) => edits.nudgeBy(-1, 0, e),
    nudgeRight: (e) => edits.nudgeBy(1, 0, e),
    nudgeUp: (e) => edits.nudgeBy(0, -1, e),
    nudgeDown: (e) => edits.nudgeBy(0, 1, e),
    nudgeLeftFar: (e) => edits.nudgeBy(-10, 0, e),
    nudgeRightFar: (e) => edits.nudgeBy(10, 0, e),
    nudgeUpFar: (e) => edits.nudgeBy(0, -10, e),
    nudgeDownFar: (e) => edits.nudgeBy(0, 10, e),
    zoomIn: () => edits.zoomBy(1.25),
    zoomOut: () => edits.zoomBy(0.8),
    showHelp: () => {
      o.openHelp();
      return true;
    },
    fit: () => edits.fitToView(),
    actualSize: () => edits.actualSize(),
    toolSelect: () => setTool('select'),
    toolBox: () => (availableTools.includes('bbox') ? setTool('bbox') : false),
    toolPolygon: () => (availableTools.includes('polygon') ? setTool('polygon') : false),
    toolKeypoints: () => (availableTools.includes('keypoints') ? setTool('keypoints') : false),
    crosshair,
    cycleEdge,
    growLeft: () => edits.grow('left'),
    growRight: () => edits.grow('right'),
    growUp: () => edits.grow('up'),
    growDown: () => edits.grow('down'),
    rotateLeft: () => edits.rotate(-1),
    rotateRight: () => edits.rotate(1),
    rotateLeftFar: () => edits.rotate(-15),
    rotateRightFar: () => edits.rotate(15),
    bringToFront: () => edits.zOrder('front'),
    sendToBack: () => edits.zOrder('back'),
    markOccluded: (e) => (toolRef.current === 'keypoints' ? toTool(KEYPOINT_KEYS.occluded, e) : false),
    skipJoint: (e) => (toolRef.current === 'keypoints' ? toTool(KEYPOINT_KEYS.skip, e) : false),
    swapMirror: () => edits.swapMirror(),
    cycleVisibility: () => edits.cycleVisibility(),
    cancel: (e) => (busy() ? toTool('Escape', e) : false),
  };
  const wrapped: Record<string, KeyHandler> = {};
  for (const [action, h] of Object.entries(handlers)) {
    wrapped[action] = (e) => {
      if (ROOT_ONLY.has(action) && e.target !== rootRef.current) return false;
      const r = h(e);
      return r === undefined ? true : r;
    };
  }
  useAnnotatorHotkeys(rootRef, core.keymap, wrapped, {
    // A popover keeps the keys while open (it traps focus; Escape closes it).
    enabled: o.enabled,
    schema: core.schema,
    kinds: availableTools,
    onLabelHotkey: (id) => edits.changeLabel(id),
    allowInInputs: ['deselect'],
  });
}
