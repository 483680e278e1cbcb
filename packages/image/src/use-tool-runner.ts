import { useCallback, useRef, type RefObject } from 'react';
import { createId, defaultAttributes, type Point2 } from '@labelkit/core';
import type { AnnotatorCore } from './annotator-core.js';
import { describeShape, type ToolEvent, hitHandle, pickHit, type HitCandidate, describeSelection, modifiersOf, annotationBounds, hitsAnnotation, type ImageAnnotation, type ImageTool, type Bounds, suggestionIdOf, suggestionKey, BOX_IDLE, boxTool, DRAW_PRESS_IDLE, drawPress, KEYPOINT_IDLE, keypointTool, nextJointName, addHole, POLYGON_IDLE, polygonTool, selectTool, type SelectEffect, type SelectToolContext, KIND_NAMES, TOOL_TITLES, type ActiveTool } from '@labelkit/canvas2d';
import type { SuggestionReview } from './use-suggestion-review.js';

/** What {@link useToolRunner} returns. */
export interface ToolRunner {
  /** The visible shape (or pending suggestion, by key) a press at `p` (image pixels) means. */
  hitTest(p: Point2): string | null;
  /** Runs one normalised event through the active tool; returns whether it was used. */
  runTool(event: ToolEvent): boolean;
  /** Sends a key to the active tool; returns whether it was used. */
  toTool(key: string, e: KeyboardEvent): boolean;
  /** Cancels whatever the tools are in the middle of. */
  cancelTools(): void;
  /** Switches tool (not to a drawing tool when read-only) and says so. */
  setTool(t: ActiveTool): void;
  /** Whether any tool is in the middle of something (a drag, a shape being drawn). */
  busy(): boolean;
  /** Whether the active drawing tool is in the middle of a shape. */
  drawingBusy(): boolean;
  /** The id of the shape the last event created, if any (a second finger takes it back). */
  lastCreated: RefObject<string | null>;
}

/**
 * Runs the tools: each normalised event goes to the select tool (which also drives the handles of a
 * selected shape, whatever the tool) or to the active drawing tool, and their results become store
 * edits, selections and announcements.
 */
export function useToolRunner(core: AnnotatorCore, review: SuggestionReview): ToolRunner {
  const { store, ann, selection, announce, readOnly, minSize, nameOf, skeletonOf, shapeOf, isVisible, isLocked, spatial, selectedShapes, selectShapes, labelFor } = core;
  const { view: viewRef, imageSize: imageSizeRef, selected: selectedRef, selectedHandles, tool: toolRef, scene: sceneRef, ui: uiRef } = core.refs;
  const { box: boxState, polygon: polyState, keypoints: kpState, select: selState, press: pressState } = core.tools;
  const { selectedRef: selSugRef, live: liveRef, gesture } = review;
  const boundsMode = core.bounds;
  const lastCreated = useRef<string | null>(null);

  // A selected shape wins, then the innermost, then the topmost (see pickHit). Pending suggestions
  // take part under their keys (see suggestion-keys.ts); the one selected for editing counts as selected.
  const hitTest = useCallback(
    (p: Point2): string | null => {
      const slop = 4 / viewRef.current.zoom;
      const candidates: HitCandidate[] = [];
      for (const id of spatial().queryPoint(p[0], p[1], slop)) {
        const a = shapeOf(id);
        if (a && isVisible(a) && hitsAnnotation(a, p, slop)) candidates.push({ shape: a, selected: selectedRef.current.has(id) });
      }
      for (const s of liveRef.current.pendingSuggestions) {
        if (hitsAnnotation(s, p, slop)) candidates.push({ shape: { ...s, id: suggestionKey(s.id) }, selected: selSugRef.current === s.id });
      }
      return pickHit(candidates, (id) => store.indexOf(id))?.id ?? null;
    },
    [shapeOf, isVisible, spatial, store, viewRef, selectedRef, liveRef, selSugRef],
  );

  const selectCtx = (): SelectToolContext => ({
    image: imageSizeRef.current,
    zoom: viewRef.current.zoom,
    minSize,
    bounds: imageSizeRef.current.width > 0 ? boundsMode : 'allow',
    readOnly,
    selectedIds: selSugRef.current === null ? [...selectedRef.current] : [suggestionKey(selSugRef.current)],
    get: review.targetOf,
    hitTest,
    hitHandle: (p) => {
      const sug = review.selectedShape();
      return hitHandle(sug ? [sug] : selectedShapes().filter((a) => !isLocked(a.id) && isVisible(a)), p, viewRef.current.zoom);
    },
    queryRect: (r: Bounds) =>
      spatial().query(r).filter((id) => {
        const a = shapeOf(id);
        if (!a || !isVisible(a)) return false;
        const b = annotationBounds(a);
        return b.x >= r.x && b.y >= r.y && b.x + b.width <= r.x + r.width && b.y + b.height <= r.y + r.height;
      }),
    isLocked,
  });

  const createShape = (kind: ImageTool, geometry: Record<string, unknown>): void => {
    const label = labelFor(kind);
    if (!label) {
      announce(`No label allows a ${KIND_NAMES[kind]}`);
      return;
    }
    const attrs = defaultAttributes(label);
    const a = { id: createId('img_'), kind, label: label.id, ...geometry, source: 'human', ...(Object.keys(attrs).length ? { attributes: attrs } : {}) } as ImageAnnotation;
    ann.apply({ added: [a] });
    selectShapes([a.id]);
    lastCreated.current = a.id;
    announce(`Created ${label.name} ${describeShape(a)}${uiRef.current.hiddenLabels.has(label.id) ? ` (${label.name} is hidden)` : ''}`);
  };

  const selectIds = (fx: Extract<SelectEffect, { type: 'select' }>) => {
    const sugKey = fx.ids.find((id) => suggestionIdOf(id) !== null);
    if (sugKey !== undefined) {
      review.select(suggestionIdOf(sugKey) as string);
      return;
    }
    if (selSugRef.current !== null) review.setSelected(null);
    const prev = [...selectedRef.current];
    selection.select(fx.ids, fx.mode);
    const next = fx.mode === 'replace' ? fx.ids : fx.mode === 'add' ? [...new Set([...prev, ...fx.ids])] : prev.filter((id) => !fx.ids.includes(id)).concat(fx.ids.filter((id) => !prev.includes(id)));
    selectedRef.current = new Set(next);
    selectedHandles.current = [];
    announce(describeSelection(next, shapeOf, nameOf));
  };

  const endGesture = (fx: Extract<SelectEffect, { type: 'endGesture' }>) => {
    const accepted = gesture.accepts.current.length;
    const cancelled = fx.ids.length === 0;
    review.endGesture(cancelled);
    ann.endGesture();
    gesture.open.current = false;
    const lockedNote = gesture.locked.current.length ? ` ${core.lockedMessage(gesture.locked.current, 'moved')}` : '';
    gesture.locked.current = [];
    const ids = fx.ids.map(review.annotationIdOf);
    const first = ids.length === 1 ? shapeOf(ids[0] as string) : undefined;
    if (first && accepted && !cancelled) announce(`Suggestion accepted with your edit: ${nameOf(first.label)} ${describeShape(first)}`);
    else if (first) announce(`${fx.moved === 'translate' ? 'Moved' : 'Edited'} ${nameOf(first.label)} ${describeShape(first)}${lockedNote}`);
    else if (ids.length > 1) announce(`Moved ${ids.length} shapes${accepted ? `, ${accepted} suggestion${accepted > 1 ? 's' : ''} accepted` : ''}${lockedNote}`);
    else announce('Edit cancelled');
  };

  const applySelectEffects = (effects: SelectEffect[]) => {
    for (const fx of effects) {
      if (fx.type === 'select') selectIds(fx);
      else if (fx.type === 'beginGesture') {
        ann.beginGesture();
        gesture.open.current = true;
        gesture.accepts.current = [];
        gesture.locked.current = [];
      } else if (fx.type === 'update') review.applyUpdate(fx.annotations);
      else if (fx.type === 'locked') {
        if (gesture.open.current) gesture.locked.current = fx.ids;
        else announce(core.lockedMessage(fx.ids, 'moved'));
      } else if (fx.type === 'endGesture') endGesture(fx);
      else if (fx.type === 'selectHandle') {
        if (suggestionIdOf(fx.hit.id) !== null) continue;
        selectedHandles.current = fx.additive ? [...selectedHandles.current, fx.hit] : [fx.hit];
        const h = fx.hit.handle;
        if (h.kind === 'vertex') announce(`Vertex ${h.index + 1}${h.ring > 0 ? ` of hole ${h.ring}` : ''} selected`);
        if (h.kind === 'joint') {
          const a = shapeOf(fx.hit.id);
          announce(`Joint ${(a && skeletonOf(a.label)?.keypoints[h.index]) ?? h.index + 1} selected`);
        }
      }
    }
  };

  const drawingBusy = () => {
    const t = toolRef.current;
    return (t === 'bbox' && boxState.current.name !== 'idle') || (t === 'polygon' && polyState.current.name !== 'idle') || (t === 'keypoints' && kpState.current.name !== 'idle');
  };
  const busy = (): boolean => selState.current.name !== 'idle' || pressState.current.name !== 'idle' || drawingBusy();
  const hintKey = () => `${toolRef.current}:${boxState.current.name}:${polyState.current.name}:${kpState.current.name === 'placing' ? `${kpState.current.index}${kpState.current.occluded}` : 'i'}:${selState.current.name}`;

  /** Runs one event through a drawing tool; returns whether it was used. */
  const drawWith = (t: ActiveTool, event: ToolEvent): boolean => {
    const img = imageSizeRef.current;
    const bounds = img.width > 0 ? boundsMode : 'allow';
    if (t === 'bbox') {
      const r = boxTool(boxState.current, event, { image: img, zoom: viewRef.current.zoom, minSize, bounds });
      boxState.current = r.state;
      if (r.created) createShape('bbox', { ...r.created });
      return r.handled;
    }
    if (t === 'polygon') {
      const r = polygonTool(polyState.current, event, { image: img, zoom: viewRef.current.zoom, bounds });
      polyState.current = r.state;
      if (r.created) {
        const sel = selectedShapes();
        const host = sel.length === 1 && sel[0]?.kind === 'polygon' ? sel[0] : null;
        const withHole = host && !isLocked(host.id) ? addHole(host, r.created) : null;
        if (host && withHole) {
          ann.apply({ updated: [withHole] });
          announce(`Hole added to ${nameOf(host.label)} polygon`);
        } else createShape('polygon', { points: r.created });
      }
      return r.handled;
    }
    if (t === 'keypoints') {
      const label = labelFor('keypoints');
      if (!label?.skeleton) return false;
      const before = kpState.current;
      const r = keypointTool(kpState.current, event, { skeleton: label.skeleton, image: img, bounds });
      kpState.current = r.state;
      if (r.created) createShape('keypoints', { points: r.created });
      else if (r.state.name === 'placing' && (before.name !== 'placing' || before.index !== r.state.index || before.occluded !== r.state.occluded)) {
        const name = nextJointName(r.state, label.skeleton);
        announce(`Next joint: ${name ?? ''}${r.state.occluded ? ' (occluded)' : ''}, ${r.state.index + 1} of ${label.skeleton.keypoints.length}`);
      }
      return r.handled;
    }
    return false;
  };

  const runTool = (event: ToolEvent): boolean => {
    const t = toolRef.current;
    const prevHint = hintKey();
    let handled = false;
    // Handles of the selected shape (or suggestion) work with every tool.
    const editing = selState.current.name !== 'idle' || t === 'select' || (event.type === 'pointerdown' && pressState.current.name === 'idle' && !drawingBusy() && selectCtx().hitHandle(event.point) !== null);
    if (editing) {
      const r = selectTool(selState.current, event, selectCtx());
      selState.current = r.state;
      applySelectEffects(r.effects);
      handled = r.handled;
    } else if (!readOnly && (pressState.current.name !== 'idle' || (event.type === 'pointerdown' && !drawingBusy()))) {
      // A drag of the selected shape moves it; a click on another shape selects it (not with the
      // keypoint tool), a drag elsewhere draws (see tools/draw-press.ts).
      const r = drawPress(pressState.current, event, {
        zoom: viewRef.current.zoom,
        hitTest,
        isSelected: (id) => selectedRef.current.has(id) || (selSugRef.current !== null && id === suggestionKey(selSugRef.current)),
        clickSelects: t !== 'keypoints',
      });
      pressState.current = r.state;
      handled = true;
      if (r.select) applySelectEffects([{ type: 'select', ids: [r.select.id], mode: r.select.additive ? 'add' : 'replace' }]);
      for (const e of r.edit ?? []) {
        const s = selectTool(selState.current, e, selectCtx());
        selState.current = s.state;
        applySelectEffects(s.effects);
      }
      for (const e of r.forward) drawWith(t, e);
    } else if (!readOnly) handled = drawWith(t, event);
    sceneRef.current?.redrawOverlay();
    if (hintKey() !== prevHint) core.rerender();
    return handled;
  };

  const cancelTools = () => {
    if (selState.current.name !== 'idle') runTool({ type: 'cancel' });
    pressState.current = DRAW_PRESS_IDLE;
    boxState.current = BOX_IDLE;
    polyState.current = POLYGON_IDLE;
    kpState.current = KEYPOINT_IDLE;
    sceneRef.current?.redrawOverlay();
  };

  const setTool = useCallback(
    (t: ActiveTool) => {
      if (readOnly && t !== 'select') return;
      cancelTools();
      toolRef.current = t;
      core.setToolState(t);
      const label = t === 'select' ? undefined : labelFor(t);
      announce(`${TOOL_TITLES[t]} tool${label ? `, label ${label.name}` : ''}`);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [readOnly, core.schema, core.activeLabel],
  );

  return {
    hitTest,
    runTool,
    toTool: (key, e) => runTool({ type: 'key', key, modifiers: modifiersOf(e) }),
    cancelTools,
    setTool,
    busy,
    drawingBusy,
    lastCreated,
  };
}
