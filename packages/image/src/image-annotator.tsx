import { useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type CSSProperties, type Ref } from 'react';
import {
  createId,
  defaultAttributes,
  formatShortcut,
  labelsForKind,
  shortcutsOf,
  spatialOrder,
  type Annotation,
  type Label,
  type Point2,
  type Skeleton,
} from '@labelkit/core';
import {
  AttributeEditor,
  LabelPicker,
  LabelkitStyles,
  SuggestionBar,
  useAnnotations,
  useAnnotatorHotkeys,
  useAnnouncer,
  useMergedKeymap,
  useSelection,
  type AnnotatorHandle,
  type AnnotatorProps,
} from '@labelkit/react';
import { acceptSuggestion, cloneShapes, nudge, relabel, resizeEdge, rotateBoxes, zOrderMoves, type CommandOptions } from './commands.js';
import { describeShape, drawBatched, drawTag, FILL_LIMIT, pathShape, withAlpha } from './draw.js';
import { type ImageSize, type Modifiers, type ToolEvent } from './events.js';
import { HANDLE_SIZE, handlesOf, hitHandle, type HandleHit } from './handles.js';
import { IMAGE_KEYMAP } from './keymap.js';
import { Popover } from './popover.js';
import { ImageScene } from './scene.js';
import { annotationAnchor, annotationBounds, hitArea, hitsAnnotation, isImageAnnotation, type ImageAnnotation, type ImageTool } from './shapes.js';
import { ShapeIndex } from './shape-index.js';
import { suggestionIdOf, suggestionKey } from './suggestion-keys.js';
import type { Bounds } from './spatial-index.js';
import { BOX_IDLE, boxTool, boxToolPreview, CROSSHAIR_KEY, type BoxToolState } from './tools/box-tool.js';
import { DRAW_PRESS_IDLE, drawPress, type DrawPressState } from './tools/draw-press.js';
import { cycleVisibility, KEYPOINT_IDLE, KEYPOINT_KEYS, keypointTool, nextJointName, swapMirror, type KeypointToolState } from './tools/keypoint-tool.js';
import { addHole, POLYGON_IDLE, polygonTool, removeVertices, type PolygonToolState } from './tools/polygon-tool.js';
import { marqueeRect, SELECT_IDLE, selectTool, type SelectEffect, type SelectToolContext, type SelectToolState } from './tools/select-tool.js';
import { useImage } from './use-image.js';
import { actualSizeView, fitView, panBy, screenToImage, visibleImageRect, zoomAt, type View } from './viewport.js';
import type { BoxEdge } from './box-handles.js';

/** The active tool: one of the drawing tools, or `select` (select, move, edit). */
export type ActiveTool = ImageTool | 'select';

/** Imperative handle of {@link ImageAnnotator} (`ref`): the common handle plus the view. */
export interface ImageAnnotatorHandle extends AnnotatorHandle {
  /** The current view (zoom and pan). */
  getView(): View;
  /** Sets the view (zoom and pan) programmatically. */
  setView(view: View): void;
  /** Fits the whole image in the canvas. */
  fit(): void;
  /** Switches tool. */
  setTool(tool: ActiveTool): void;
  /**
   * Draws now, synchronously, whatever is waiting for the next animation frame. Every change (a new
   * view included) is drawn crisply in the next animation frame anyway; this is for hosts and tests
   * that need the canvases up to date before the frame (e.g. to read pixels).
   */
  flushView(): void;
}

/** Props of {@link ImageAnnotator}. */
export interface ImageAnnotatorProps extends AnnotatorProps {
  /** URL of the image to annotate; the only thing the annotator fetches. */
  src: string;
  /**
   * Pre-labels from a model or a script, drawn dashed with their label and score. Review them one by
   * one (Enter accepts the current one, Shift+Delete rejects it, N / Shift+N move on) or all at once.
   *
   * A suggestion can be edited before it is accepted, as Label Studio and CVAT users expect of
   * pre-annotations: click it (with any tool) to select it and show its handles, then drag it, drag a
   * handle, nudge/resize/rotate it with the keys, or give it another label (label hotkey or picker).
   * **The first edit accepts it**: it becomes an annotation with the edit applied (`source: 'model'`,
   * its score kept, the suggestion's id unless an annotation already has it), `onSuggestionDecision`
   * reports it `accepted`, and accepting plus the edit are one undo step. Undoing an accept (edited or
   * not) puts the suggestion back in review; Escape during a drag cancels without accepting.
   */
  suggestions?: Annotation[];
  /** Drawing tools offered (default: every kind the schema has a label for; `keypoints` needs a label with a skeleton). */
  tools?: readonly ImageTool[];
  /** The tool active at first (default: the first of `tools`). */
  defaultTool?: ActiveTool;
  /** Called once the image has loaded, with its natural size in pixels. */
  onImageLoad?(size: ImageSize): void;
  /** `'clamp'` (default) keeps shapes inside the image; `'allow'` lets them extend past it. */
  bounds?: 'clamp' | 'allow';
  /** Smallest box width/height in image pixels (default 2). */
  minSize?: number;
  /** `'fit'` (default) shows the whole image; a {@link View} places it exactly (e.g. `{ zoom: 1, x: 0, y: 0 }`). */
  initialView?: 'fit' | View;
  /** Called when the view changes (zoom, pan, fit). */
  onViewChange?(view: View): void;
  /** `crossOrigin` of the image request, for images served from another origin with CORS. */
  crossOrigin?: '' | 'anonymous' | 'use-credentials';
  /** Show the side panel (labels with hide/lock, attributes of the selected shape). Default true. */
  sidePanel?: boolean;
  /** Inline style of the root element (it fills its container by default). */
  style?: CSSProperties;
  /** The imperative handle. */
  ref?: Ref<ImageAnnotatorHandle>;
}

const KIND_NAMES: Record<ImageTool, string> = { bbox: 'box', polygon: 'polygon', keypoints: 'skeleton' };
const TOOL_ACTIONS: Record<ActiveTool, string> = { select: 'toolSelect', bbox: 'toolBox', polygon: 'toolPolygon', keypoints: 'toolKeypoints' };
const TOOL_TITLES: Record<ActiveTool, string> = { select: 'Select', bbox: 'Box', polygon: 'Polygon', keypoints: 'Keypoints' };
/** Actions that act on the canvas focus only (Enter, Tab, arrows... keep their usual meaning on buttons and fields). */
const ROOT_ONLY = new Set([
  'acceptSuggestion', 'finish', 'nextAnnotation', 'prevAnnotation', 'delete', 'rejectSuggestion', 'cancel',
  'selectAll', 'copy', 'paste', 'nudgeLeft', 'nudgeRight', 'nudgeUp', 'nudgeDown', 'nudgeLeftFar', 'nudgeRightFar',
  'nudgeUpFar', 'nudgeDownFar', 'growLeft', 'growRight', 'growUp', 'growDown', 'acceptAllSuggestions', 'rejectAllSuggestions',
]);

const IMAGE_CSS = `
.lk-image-annotator{display:flex;flex-direction:column;width:100%;height:100%;min-height:240px;position:relative;background:var(--lk-surface);border:1px solid var(--lk-border);border-radius:var(--lk-radius);overflow:hidden;}
.lk-image-annotator:focus-visible{outline:3px solid var(--lk-focus-ring);outline-offset:-3px;}
.lk-image-annotator>.lk-toolbar{padding:var(--lk-space-2);border-bottom:1px solid var(--lk-border);}
.lk-image-main{flex:1;display:flex;min-height:0;}
.lk-image-canvas{flex:1;position:relative;overflow:hidden;touch-action:none;background:repeating-conic-gradient(var(--lk-surface-hover) 0 25%,var(--lk-surface) 0 50%) 0 0/16px 16px;}
.lk-image-side{width:230px;flex:none;overflow:auto;border-width:0 0 0 1px;border-radius:0;display:flex;flex-direction:column;gap:var(--lk-space-3);}
.lk-image-side h3{margin:0;font-size:var(--lk-font-size-sm);text-transform:uppercase;letter-spacing:.04em;color:var(--lk-text-muted);}
.lk-image-labels{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:2px;}
.lk-image-labels li{display:flex;align-items:center;gap:var(--lk-space-1);}
.lk-image-labels .lk-button{min-height:24px;padding:0 var(--lk-space-2);}
.lk-image-label-name{flex:1;justify-content:flex-start;overflow:hidden;text-overflow:ellipsis;}
.lk-image-swatch{display:inline-block;width:10px;height:10px;border-radius:2px;flex:none;}
.lk-image-status{display:flex;gap:var(--lk-space-3);align-items:center;justify-content:space-between;padding:var(--lk-space-1) var(--lk-space-2);border-top:1px solid var(--lk-border);font-size:var(--lk-font-size-sm);color:var(--lk-text-muted);min-height:28px;}
.lk-image-picker{position:absolute;top:48px;left:50%;transform:translateX(-50%);z-index:5;box-shadow:0 8px 24px rgba(0,0,0,.25);}
.lk-image-help{position:absolute;right:240px;top:48px;z-index:5;max-height:70%;overflow:auto;font-size:var(--lk-font-size-sm);}
.lk-image-help dl{display:grid;grid-template-columns:auto auto;gap:2px var(--lk-space-3);margin:0;}
.lk-image-help dd{margin:0;}
.lk-image-popover-head{display:flex;align-items:center;justify-content:space-between;gap:var(--lk-space-2);margin-bottom:var(--lk-space-2);}
.lk-image-popover-head h3{margin:0;font-size:var(--lk-font-size-sm);}
.lk-image-popover-head .lk-button{min-height:24px;padding:0 var(--lk-space-2);}
.lk-image-shape-actions{display:flex;gap:var(--lk-space-1);}
.lk-image-shape-actions .lk-button{min-height:24px;padding:0 var(--lk-space-2);}
`;

function modifiersOf(e: { shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): Modifiers {
  return { shift: e.shiftKey, alt: e.altKey, mod: e.ctrlKey || e.metaKey };
}

/**
 * Annotates one image with bounding boxes (rotatable), polygons (with holes) and keypoint skeletons.
 * Fills its container. Geometry is stored in image pixels whatever the zoom. Static shapes are drawn
 * in one batched canvas pass, culled to the viewport; hit-testing uses a spatial index, so it stays
 * fast with tens of thousands of boxes. Everything works from the keyboard (see {@link IMAGE_KEYMAP})
 * and every action is announced in a live region.
 *
 * Pointer input is Pointer Events: mouse, pen (draws like the mouse) and touch (one finger draws,
 * two fingers pinch-zoom and pan; a second finger takes back what the first one just did). Space +
 * drag, the middle or the right button pan; the wheel zooms. With a drawing tool, a click on a
 * shape that is not selected selects it, while a drag that starts on a shape draws a new one (boxes
 * inside boxes); `V` switches to the select tool. Locked shapes (`L`, or per label in the side
 * panel) can be selected but not moved, edited or deleted — the live region says why; hidden ones
 * (`H`, or per label) are neither drawn nor hit until `Shift+H`.
 */
export function ImageAnnotator(props: ImageAnnotatorProps): React.JSX.Element {
  const {
    schema,
    src,
    readOnly = false,
    bounds: boundsMode = 'clamp',
    minSize = 2,
    initialView = 'fit',
    sidePanel = true,
    suggestions,
    onSuggestionDecision,
  } = props;
  const ann = useAnnotations({ value: props.value, defaultValue: props.defaultValue, onChange: props.onChange });
  const { store } = ann;
  // useSelection only needs the annotations to drop selected ids that no longer exist, which costs a
  // pass over all of them: hand it a new array only when shapes were added or removed, not on every
  // move of a dragged box (the drag then costs the same with 10 or 10,000 shapes).
  const membership = useRef({ version: 0, annotations: ann.annotations, seen: 0 });
  if (membership.current.seen !== membership.current.version) {
    membership.current.seen = membership.current.version;
    membership.current.annotations = ann.annotations;
  }
  useEffect(
    () =>
      store.subscribe((change) => {
        if (change.added.length || change.removed.length) membership.current.version++;
      }),
    [store],
  );
  const selection = useSelection({ selectedIds: props.selectedIds, onSelectionChange: props.onSelectionChange, annotations: membership.current.annotations });
  const { announce, liveRegion } = useAnnouncer();
  const keymap = useMergedKeymap(IMAGE_KEYMAP, props.keymap);
  const { image, size: naturalSize, status } = useImage(src, props.crossOrigin);

  const availableTools = useMemo<ImageTool[]>(() => {
    const allowed = (['bbox', 'polygon', 'keypoints'] as const).filter((k) => {
      const labels = labelsForKind(schema, k);
      return k === 'keypoints' ? labels.some((l) => l.skeleton && l.skeleton.keypoints.length > 0) : labels.length > 0;
    });
    return props.tools ? allowed.filter((t) => props.tools?.includes(t)) : allowed;
  }, [schema, props.tools]);

  const [tool, setToolState] = useState<ActiveTool>(() => (readOnly ? 'select' : (props.defaultTool ?? availableTools[0] ?? 'select')));
  const toolRef = useRef(tool);
  toolRef.current = readOnly ? 'select' : tool;

  const [activeLabelInner, setActiveLabelInner] = useState<string | undefined>(undefined);
  const activeLabel = props.activeLabel ?? activeLabelInner;
  const setActiveLabel = useCallback(
    (id: string) => {
      setActiveLabelInner(id);
      props.onActiveLabelChange?.(id);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.onActiveLabelChange],
  );

  // UI state that the canvas reads through refs (so pointer moves never re-render React).
  const [hiddenIds, setHiddenIds] = useState<ReadonlySet<string>>(new Set());
  const [lockedIds, setLockedIds] = useState<ReadonlySet<string>>(new Set());
  const [hiddenLabels, setHiddenLabels] = useState<ReadonlySet<string>>(new Set());
  const [lockedLabels, setLockedLabels] = useState<ReadonlySet<string>>(new Set());
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [currentSuggestion, setCurrentSuggestion] = useState<string | null>(null);
  // The suggestion selected for editing (clicked, or stepped to with N): its handles are live.
  const [selectedSuggestion, setSelectedSuggestionState] = useState<string | null>(null);
  const selSugRef = useRef<string | null>(null);
  selSugRef.current = selectedSuggestion;
  const setSelectedSuggestion = useCallback((id: string | null) => {
    selSugRef.current = id;
    setSelectedSuggestionState(id);
    if (id !== null) setCurrentSuggestion(id);
  }, []);
  // Accepted annotation id → suggestion id (undo of an accept puts the suggestion back in review);
  // suggestion id → annotation id, for edits that continue on the accepted annotation.
  const acceptedFrom = useRef(new Map<string, string>());
  const materialized = useRef(new Map<string, string>());
  // Suggestions accepted by the drag under way: reported when it ends, dropped if it is cancelled.
  const gestureAccepts = useRef<{ suggestion: string; annotation: string }[]>([]);
  const gestureOpen = useRef(false);
  const gestureLocked = useRef<string[]>([]);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  // What had focus when a popover opened: it gets focus back when the popover closes.
  const popoverOpener = useRef<HTMLElement | null>(null);
  // The zoom readout is written straight into its element: a view change never re-renders React.
  const zoomRef = useRef<HTMLSpanElement>(null);
  const [, setTick] = useState(0);
  const rerender = useCallback(() => setTick((n) => n + 1), []);

  const rootRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const sceneRef = useRef<ImageScene | null>(null);
  const viewRef = useRef<View>(initialView === 'fit' ? { zoom: 1, x: 0, y: 0 } : initialView);
  const sizeRef = useRef<ImageSize>({ width: 0, height: 0 });
  const imageSizeRef = useRef<ImageSize>({ width: 0, height: 0 });
  // Built in idle time or on first use (a hit test, a culled draw, a marquee), not at mount.
  const shapeIndex = useMemo(() => new ShapeIndex(store.getSnapshot), [store]);
  const spatial = useCallback(() => shapeIndex.get(), [shapeIndex]);
  const boxState = useRef<BoxToolState>(BOX_IDLE);
  const polyState = useRef<PolygonToolState>(POLYGON_IDLE);
  const kpState = useRef<KeypointToolState>(KEYPOINT_IDLE);
  const selState = useRef<SelectToolState>(SELECT_IDLE);
  const pressState = useRef<DrawPressState>(DRAW_PRESS_IDLE);
  const hoveredRef = useRef<string | null>(null);
  const cursorRef = useRef<Point2 | null>(null);
  const screenCursorRef = useRef<Point2 | null>(null);
  const selectedHandles = useRef<HandleHit[]>([]);
  const activeEdge = useRef<BoxEdge>('e');
  const clipboard = useRef<ImageAnnotation[]>([]);
  const spaceDown = useRef(false);
  const fitted = useRef(false);

  const uiRef = useRef({ hiddenIds, lockedIds, hiddenLabels, lockedLabels, readOnly, focusedId });
  uiRef.current = { hiddenIds, lockedIds, hiddenLabels, lockedLabels, readOnly, focusedId };
  const selectedSet = useMemo(() => new Set(selection.selectedIds), [selection.selectedIds]);
  const selectedRef = useRef(selectedSet);
  selectedRef.current = selectedSet;

  const labelOf = useCallback((id: string): Label | undefined => schema.byId.get(id), [schema]);
  const colorOf = useCallback((id: string) => schema.byId.get(id)?.color ?? '#888888', [schema]);
  const skeletonOf = useCallback((id: string): Skeleton | undefined => schema.byId.get(id)?.skeleton, [schema]);
  const nameOf = useCallback((id: string) => schema.byId.get(id)?.name ?? id, [schema]);

  const pendingSuggestions = useMemo(
    () => (suggestions ?? []).filter((s): s is ImageAnnotation => isImageAnnotation(s) && !decided.has(s.id)),
    [suggestions, decided],
  );
  const current = pendingSuggestions.find((s) => s.id === currentSuggestion) ?? pendingSuggestions[0] ?? null;
  const liveRef = useRef({ pendingSuggestions, current });
  liveRef.current = { pendingSuggestions, current };

  // ---------- visibility helpers ----------
  const isVisible = useCallback((a: Annotation) => !uiRef.current.hiddenIds.has(a.id) && !uiRef.current.hiddenLabels.has(a.label), []);
  const isLocked = useCallback((id: string) => {
    const a = store.get(id);
    return uiRef.current.lockedIds.has(id) || (a !== undefined && uiRef.current.lockedLabels.has(a.label));
  }, [store]);
  const shapeOf = useCallback((id: string): ImageAnnotation | undefined => {
    const a = store.get(id);
    return a && isImageAnnotation(a) ? a : undefined;
  }, [store]);
  const selectedShapes = useCallback(
    () => [...selectedRef.current].map((id) => shapeOf(id)).filter((a): a is ImageAnnotation => a !== undefined),
    [shapeOf],
  );
  /** A pending suggestion under its select-tool key (see suggestion-keys.ts). */
  const suggestionByKey = (key: string): ImageAnnotation | undefined => {
    const id = suggestionIdOf(key);
    const s = id === null ? undefined : liveRef.current.pendingSuggestions.find((x) => x.id === id);
    return s ? { ...s, id: key } : undefined;
  };
  /** The suggestion selected for editing, under its key, if it is still pending. */
  const selectedSuggestionShape = (): ImageAnnotation | undefined => (selSugRef.current === null ? undefined : suggestionByKey(suggestionKey(selSugRef.current)));
  /** An annotation by id, or a pending suggestion by key: what the select tool edits. */
  const targetOf = (id: string): ImageAnnotation | undefined => shapeOf(id) ?? suggestionByKey(id);

  // ---------- drawing ----------
  const model = useRef({
    drawStatic: (_ctx: CanvasRenderingContext2D, _view: View) => {},
    drawOverlay: (_ctx: CanvasRenderingContext2D, _view: View) => {},
  });
  model.current.drawStatic = (ctx, view) => {
    if (imageLoadingRef.current) return;
    const snap = store.getSnapshot();
    const rect = visibleImageRect(view, sizeRef.current);
    const img = imageSizeRef.current;
    const sel = selectedRef.current;
    const keep = (a: Annotation): a is ImageAnnotation => isImageAnnotation(a) && !sel.has(a.id) && isVisible(a);
    // Zoomed out, everything is visible: walk the snapshot (in z-order). Zoomed in, cull with the
    // grid, then put the few visible shapes back in z-order.
    const culled = img.width > 0 && rect.width * rect.height < 0.5 * img.width * img.height;
    const list: ImageAnnotation[] = [];
    if (culled) {
      for (const id of spatial().query(rect)) {
        const a = store.get(id);
        if (a && keep(a)) list.push(a);
      }
      if (list.length <= FILL_LIMIT) list.sort((a, b) => store.indexOf(a.id) - store.indexOf(b.id));
    } else for (const a of snap) if (keep(a)) list.push(a);
    drawBatched(ctx, list, view.zoom, colorOf, skeletonOf, 0.12);
  };
  model.current.drawOverlay = (ctx, view) => {
    const z = view.zoom;
    const ui = uiRef.current;
    // Suggestions: dashed, with label and score.
    const { pendingSuggestions: pend, current: cur } = liveRef.current;
    const handlesFor: ImageAnnotation[] = [];
    for (const s of pend) {
      const color = colorOf(s.label);
      const isCur = cur?.id === s.id;
      ctx.beginPath();
      pathShape(ctx, s, z, skeletonOf(s.label));
      if (selSugRef.current === s.id) {
        ctx.fillStyle = withAlpha(color, 0.15);
        ctx.fill('evenodd');
        if (!ui.readOnly) handlesFor.push(s);
      }
      ctx.setLineDash([6 / z, 4 / z]);
      ctx.lineWidth = (isCur ? 3 : 1.5) / z;
      ctx.strokeStyle = color;
      ctx.stroke();
      ctx.setLineDash([]);
      const b = annotationBounds(s);
      drawTag(ctx, `${isCur ? '▶ ' : ''}${nameOf(s.label)}${s.score !== undefined ? ` ${s.score.toFixed(2)}` : ''} (suggestion)`, [b.x, b.y], z, withAlpha(color, 0.85));
    }
    // Selected, hovered and focused shapes.
    const ids = new Set(selectedRef.current);
    if (hoveredRef.current) ids.add(hoveredRef.current);
    if (ui.focusedId) ids.add(ui.focusedId);
    for (const id of ids) {
      const a = shapeOf(id);
      if (!a || !isVisible(a)) continue;
      const color = colorOf(a.label);
      const selected = selectedRef.current.has(id);
      ctx.beginPath();
      pathShape(ctx, a, z, skeletonOf(a.label));
      ctx.fillStyle = withAlpha(color, selected ? 0.25 : 0.18);
      ctx.fill('evenodd');
      ctx.lineWidth = (selected ? 2.5 : 2) / z;
      ctx.strokeStyle = color;
      ctx.stroke();
      if (id === ui.focusedId) {
        const b = annotationBounds(a);
        const pad = 4 / z;
        ctx.setLineDash([4 / z, 3 / z]);
        ctx.lineWidth = 2 / z;
        ctx.strokeStyle = '#1a73e8';
        ctx.strokeRect(b.x - pad, b.y - pad, b.width + 2 * pad, b.height + 2 * pad);
        ctx.setLineDash([]);
      }
      if (selected || id === hoveredRef.current || id === ui.focusedId) {
        const b = annotationBounds(a);
        const lockedMark = isLocked(id) ? ' (locked)' : '';
        drawTag(ctx, `${nameOf(a.label)}${lockedMark}`, [b.x, b.y], z, color);
      }
      if (selected && !ui.readOnly && !isLocked(id)) handlesFor.push(a);
    }
    if (handlesFor.length <= 50) {
      for (const a of handlesFor) {
        const hs = handlesOf(a, z);
        if (a.kind === 'bbox') {
          const top = hs.find((h) => h.handle.kind === 'resize' && h.handle.dir === 'n');
          const rot = hs.find((h) => h.handle.kind === 'rotate');
          if (top && rot) {
            ctx.beginPath();
            ctx.moveTo(top.point[0], top.point[1]);
            ctx.lineTo(rot.point[0], rot.point[1]);
            ctx.lineWidth = 1 / z;
            ctx.strokeStyle = colorOf(a.label);
            ctx.stroke();
          }
          if (selectedRef.current.size === 1) {
            const edge = hs.find((h) => h.handle.kind === 'resize' && h.handle.dir === activeEdge.current);
            if (edge) {
              ctx.beginPath();
              ctx.arc(edge.point[0], edge.point[1], (HANDLE_SIZE.radius + 3) / z, 0, Math.PI * 2);
              ctx.lineWidth = 1.5 / z;
              ctx.strokeStyle = '#1a73e8';
              ctx.stroke();
            }
          }
        }
        for (const h of hs) {
          const r = (h.handle.kind === 'midpoint' ? HANDLE_SIZE.radius - 2 : HANDLE_SIZE.radius) / z;
          const chosen = selectedHandles.current.some((s) => s.id === h.id && JSON.stringify(s.handle) === JSON.stringify(h.handle));
          ctx.beginPath();
          if (h.handle.kind === 'resize') ctx.rect(h.point[0] - r, h.point[1] - r, 2 * r, 2 * r);
          else ctx.arc(h.point[0], h.point[1], r, 0, Math.PI * 2);
          ctx.fillStyle = chosen ? '#1a73e8' : h.handle.kind === 'midpoint' ? withAlpha('#ffffff', 0.7) : '#ffffff';
          ctx.fill();
          ctx.lineWidth = 1.5 / z;
          ctx.strokeStyle = h.handle.kind === 'joint' && a.kind === 'keypoints' && a.points[h.handle.index]?.visibility === 1 ? '#f5a623' : '#1a1a1a';
          ctx.stroke();
        }
      }
    }
    // Tool previews.
    const accent = activeLabelFor(toolRef.current === 'select' ? 'bbox' : toolRef.current);
    const color = accent ? accent.color : '#1a73e8';
    const box = boxToolPreview(boxState.current);
    if (box) {
      ctx.setLineDash([5 / z, 3 / z]);
      ctx.lineWidth = 2 / z;
      ctx.strokeStyle = color;
      ctx.strokeRect(box.x, box.y, box.width, box.height);
      ctx.setLineDash([]);
    }
    const bs = boxState.current;
    if (bs.name === 'crosshair') {
      const [cx, cy] = bs.cursor;
      const img = imageSizeRef.current;
      ctx.beginPath();
      ctx.moveTo(cx, 0);
      ctx.lineTo(cx, Math.max(img.height, cy));
      ctx.moveTo(0, cy);
      ctx.lineTo(Math.max(img.width, cx), cy);
      ctx.lineWidth = 1 / z;
      ctx.strokeStyle = '#ff00ff';
      ctx.stroke();
    }
    const ps = polyState.current;
    if (ps.name === 'drawing') {
      ctx.beginPath();
      ps.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      if (cursorRef.current) ctx.lineTo(cursorRef.current[0], cursorRef.current[1]);
      ctx.lineWidth = 2 / z;
      ctx.strokeStyle = color;
      ctx.stroke();
      ps.points.forEach(([x, y], i) => {
        ctx.beginPath();
        ctx.arc(x, y, (i === 0 ? 6 : 3.5) / z, 0, Math.PI * 2);
        ctx.fillStyle = i === 0 ? '#ffffff' : color;
        ctx.fill();
        ctx.lineWidth = 1.5 / z;
        ctx.strokeStyle = '#1a1a1a';
        ctx.stroke();
      });
    }
    const ks = kpState.current;
    if (ks.name === 'placing') {
      const label = activeLabelFor('keypoints');
      const sk = label?.skeleton;
      if (sk) {
        const partial: ImageAnnotation = { id: '_', kind: 'keypoints', label: label.id, points: ks.points };
        ctx.beginPath();
        pathShape(ctx, partial, z, sk);
        ctx.lineWidth = 2 / z;
        ctx.strokeStyle = label.color;
        ctx.stroke();
        const name = nextJointName(ks, sk);
        const at = cursorRef.current;
        if (name && at) drawTag(ctx, `${ks.occluded ? 'occluded ' : ''}${name}`, [at[0] + 12 / z, at[1] - 8 / z], z, withAlpha('#1a1a1a', 0.85));
      }
    }
    const ss = selState.current;
    if (ss.name === 'brushing') {
      const r = marqueeRect(ss.origin, ss.current);
      ctx.fillStyle = withAlpha('#1a73e8', 0.1);
      ctx.fillRect(r.x, r.y, r.width, r.height);
      ctx.lineWidth = 1 / z;
      ctx.strokeStyle = '#1a73e8';
      ctx.strokeRect(r.x, r.y, r.width, r.height);
    }
  };

  // ---------- labels ----------
  const activeLabelFor = (kind: ImageTool): Label | undefined => {
    const allowed = labelsForKind(schema, kind).filter((l) => kind !== 'keypoints' || (l.skeleton?.keypoints.length ?? 0) > 0);
    return allowed.find((l) => l.id === activeLabel) ?? allowed[0];
  };

  // ---------- scene lifecycle ----------
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const rect = host.getBoundingClientRect();
    sizeRef.current = { width: Math.round(rect.width), height: Math.round(rect.height) };
    const scene = new ImageScene(host, sizeRef.current, {
      drawStatic: (ctx, v) => model.current.drawStatic(ctx, v),
      drawOverlay: (ctx, v) => model.current.drawOverlay(ctx, v),
    });
    sceneRef.current = scene;
    scene.setView(viewRef.current);
    if (zoomRef.current) zoomRef.current.textContent = `${Math.round(viewRef.current.zoom * 100)}%`;
    const ro = new ResizeObserver(() => {
      const r = host.getBoundingClientRect();
      const size = { width: Math.round(r.width), height: Math.round(r.height) };
      if (size.width === sizeRef.current.width && size.height === sizeRef.current.height) return;
      sizeRef.current = size;
      scene.setSize(size);
    });
    ro.observe(host);
    return () => {
      ro.disconnect();
      scene.destroy();
      sceneRef.current = null;
    };
  }, []);

  const setView = useCallback((v: View) => {
    viewRef.current = v;
    sceneRef.current?.setView(v);
    if (zoomRef.current) zoomRef.current.textContent = `${Math.round(v.zoom * 100)}%`;
    props.onViewChange?.(v);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.onViewChange]);
  const fit = useCallback(() => {
    if (imageSizeRef.current.width > 0) setView(fitView(imageSizeRef.current, sizeRef.current));
  }, [setView]);

  const shownSizeRef = useRef<ImageSize | null>(null);
  useEffect(() => {
    if (!image || !naturalSize) return;
    // The same image as a decoded bitmap (see useImage): new pixels, nothing else to do.
    if (shownSizeRef.current === naturalSize) return sceneRef.current?.swapImage(image);
    shownSizeRef.current = naturalSize;
    imageSizeRef.current = naturalSize;
    sceneRef.current?.setImage(image, naturalSize);
    if (initialView === 'fit' && !fitted.current) {
      fitted.current = true;
      fit();
    }
    props.onImageLoad?.({ ...naturalSize });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [image, naturalSize]);
  // Shapes are drawn once the image is there (or has failed): drawing 10,000 boxes on an empty
  // canvas only to draw them again over the photo a moment later would double the first render.
  const imageLoadingRef = useRef(status === 'loading');
  imageLoadingRef.current = status === 'loading';
  useEffect(() => {
    sceneRef.current?.redrawAll();
  }, [status]);

  // The spatial index follows the store by change sets: one moved box costs one index update.
  useEffect(() => {
    shapeIndex.invalidate();
    sceneRef.current?.redrawAll();
    const unsubscribe = store.subscribe((change) => {
      shapeIndex.apply(change);
      const staticDirty = change.added.length > 0 || change.removed.length > 0 || (change.moved?.length ?? 0) > 0 || change.updated.some(([, a]) => !selectedRef.current.has(a.id));
      if (staticDirty) sceneRef.current?.redrawAll();
      else sceneRef.current?.redrawOverlay();
    });
    return () => {
      unsubscribe();
      shapeIndex.dispose();
    };
  }, [store, shapeIndex]);

  // Undoing an accepted suggestion puts it back in review; redoing the accept takes it out again.
  useEffect(
    () =>
      store.subscribe((change) => {
        if (change.cause === 'edit') return;
        for (const a of change.cause === 'undo' ? change.removed : change.added) {
          const sid = acceptedFrom.current.get(a.id);
          if (sid !== undefined) markDecided(sid, change.cause === 'redo');
        }
      }),
    [store],
  );
  // Selecting shapes (any way: click, Tab, Mod+A, the host) ends the selection of a suggestion.
  useEffect(() => {
    if (selection.selectedIds.length && selSugRef.current !== null) setSelectedSuggestion(null);
  }, [selection.selectedIds, setSelectedSuggestion]);

  // Selection, visibility, suggestions: the static layer's membership changes.
  useEffect(() => {
    sceneRef.current?.redrawAll();
  }, [selectedSet, hiddenIds, hiddenLabels, lockedIds, lockedLabels, pendingSuggestions, current, selectedSuggestion, focusedId, schema]);

  // ---------- hit-testing ----------
  // A selected shape wins, then the innermost (smallest bounds), then the topmost: see SelectToolContext.hitTest.
  // Pending suggestions take part under their keys (see suggestion-keys.ts); the one selected for
  // editing counts as selected.
  const hitTest = useCallback((p: Point2): string | null => {
    const slop = 4 / viewRef.current.zoom;
    let best: ImageAnnotation | null = null;
    let bestSelected = false;
    const consider = (a: ImageAnnotation, sel: boolean) => {
      // Equal areas (a box pasted over itself): the one on top.
      const above = () => hitArea(a) === hitArea(best!) && store.indexOf(a.id) > store.indexOf(best!.id);
      if (best === null || (sel && !bestSelected) || (sel === bestSelected && (hitArea(a) < hitArea(best) || above()))) {
        best = a;
        bestSelected = sel;
      }
    };
    for (const id of spatial().queryPoint(p[0], p[1], slop)) {
      const a = shapeOf(id);
      if (a && isVisible(a) && hitsAnnotation(a, p, slop)) consider(a, selectedRef.current.has(id));
    }
    for (const s of liveRef.current.pendingSuggestions) {
      if (hitsAnnotation(s, p, slop)) consider({ ...s, id: suggestionKey(s.id) }, selSugRef.current === s.id);
    }
    return (best as ImageAnnotation | null)?.id ?? null;
  }, [shapeOf, isVisible, spatial, store]);

  const commandOptions = (): CommandOptions => ({
    image: imageSizeRef.current,
    bounds: imageSizeRef.current.width > 0 ? boundsMode : 'allow',
    minSize,
  });

  const selectCtx = (): SelectToolContext => ({
    image: imageSizeRef.current,
    zoom: viewRef.current.zoom,
    minSize,
    bounds: imageSizeRef.current.width > 0 ? boundsMode : 'allow',
    readOnly,
    selectedIds: selSugRef.current === null ? [...selectedRef.current] : [suggestionKey(selSugRef.current)],
    get: targetOf,
    hitTest,
    hitHandle: (p) => {
      const sug = selectedSuggestionShape();
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

  // ---------- edits ----------
  const describeSel = (ids: readonly string[]): string => {
    if (ids.length === 0) return 'Selection cleared';
    if (ids.length === 1) {
      const a = shapeOf(ids[0] as string);
      return a ? `Selected ${nameOf(a.label)} ${describeShape(a)}` : 'Selected 1 shape';
    }
    return `${ids.length} shapes selected`;
  };

  const markDecided = (sid: string, on: boolean) =>
    setDecided((d) => {
      if (d.has(sid) === on) return d;
      const next = new Set(d);
      if (on) next.add(sid);
      else next.delete(sid);
      return next;
    });

  /** Replaces the shape selection, keeping the refs the canvas reads in step. */
  const selectShapes = (ids: string[]) => {
    selection.select(ids, 'replace');
    selectedRef.current = new Set(ids);
    selectedHandles.current = [];
  };

  /** Selects a pending suggestion for editing (see the `suggestions` prop). */
  const selectSuggestion = (sid: string) => {
    setSelectedSuggestion(sid);
    if (selectedRef.current.size) selectShapes([]);
    const s = liveRef.current.pendingSuggestions.find((x) => x.id === sid);
    if (s) announce(`Suggestion ${nameOf(s.label)}${s.score !== undefined ? ` score ${s.score.toFixed(2)}` : ''} selected: edit it to accept it with your change, ${kb('acceptSuggestion')} accepts it, ${kb('rejectSuggestion')} rejects it`);
  };

  /**
   * Accepts the pending suggestion `sid` as an annotation carrying `edited` (its geometry, label and
   * attributes) — the first edit of a suggestion accepts it. Returns the new annotation's id.
   */
  const acceptEdited = (sid: string, edited: ImageAnnotation): string => {
    const id = store.get(sid) ? createId('img_') : sid;
    ann.apply({ added: [{ ...edited, id, source: 'model' } as ImageAnnotation] });
    materialized.current.set(sid, id);
    acceptedFrom.current.set(id, sid);
    markDecided(sid, true);
    if (selSugRef.current === sid) setSelectedSuggestion(null);
    selectShapes([id]);
    if (gestureOpen.current) gestureAccepts.current.push({ suggestion: sid, annotation: id });
    else onSuggestionDecision?.({ id: sid, decision: 'accepted' });
    return id;
  };

  /** Replaces annotations by id. Suggestions (by key) are accepted with the edit, in the same undo step. */
  const applyUpdate = (list: readonly ImageAnnotation[]) => {
    if (!list.length) return;
    if (!list.some((a) => suggestionIdOf(a.id) !== null)) {
      ann.apply({ updated: list });
      return;
    }
    ann.batch(() => {
      const updated: ImageAnnotation[] = [];
      for (const a of list) {
        const sid = suggestionIdOf(a.id);
        const done = sid === null ? undefined : materialized.current.get(sid);
        if (sid === null) updated.push(a);
        else if (done !== undefined && store.get(done) && acceptedFrom.current.get(done) === sid) updated.push({ ...a, id: done, source: 'model' });
        else acceptEdited(sid, a);
      }
      if (updated.length) ann.apply({ updated });
    });
  };

  /** The shape (annotation id) an id of the select tool stands for: an accepted suggestion's annotation. */
  const annotationIdOf = (id: string): string => {
    const sid = suggestionIdOf(id);
    return sid === null ? id : (materialized.current.get(sid) ?? id);
  };

  /** Why locked shapes were left alone: for the live region. */
  const lockedMessage = (ids: readonly string[], verb: string): string => {
    const shapes = ids.map((id) => shapeOf(id)).filter((a): a is ImageAnnotation => a !== undefined);
    const first = shapes[0];
    if (!first) return '';
    const byLabel = shapes.every((a) => uiRef.current.lockedLabels.has(a.label) && !uiRef.current.lockedIds.has(a.id));
    const how = byLabel ? `unlock ${nameOf(first.label)} in the Labels panel` : `press ${kb('toggleLocked')} to unlock`;
    return shapes.length === 1
      ? `${nameOf(first.label)} ${KIND_NAMES[first.kind]} is locked and was not ${verb}: ${how}.`
      : `${shapes.length} locked shapes were not ${verb}: ${how}.`;
  };

  const createShape = (kind: ImageTool, geometry: Record<string, unknown>): void => {
    const label = activeLabelFor(kind);
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

  const applySelectEffects = (effects: SelectEffect[]) => {
    for (const fx of effects) {
      if (fx.type === 'select') {
        const sugKey = fx.ids.find((id) => suggestionIdOf(id) !== null);
        if (sugKey !== undefined) {
          selectSuggestion(suggestionIdOf(sugKey) as string);
          continue;
        }
        if (selSugRef.current !== null) setSelectedSuggestion(null);
        const prev = [...selectedRef.current];
        selection.select(fx.ids, fx.mode);
        const next = fx.mode === 'replace' ? fx.ids : fx.mode === 'add' ? [...new Set([...prev, ...fx.ids])] : prev.filter((id) => !fx.ids.includes(id)).concat(fx.ids.filter((id) => !prev.includes(id)));
        selectedRef.current = new Set(next);
        selectedHandles.current = [];
        announce(describeSel(next));
      } else if (fx.type === 'beginGesture') {
        ann.beginGesture();
        gestureOpen.current = true;
        gestureAccepts.current = [];
        gestureLocked.current = [];
      } else if (fx.type === 'update') applyUpdate(fx.annotations);
      else if (fx.type === 'locked') {
        if (gestureOpen.current) gestureLocked.current = fx.ids;
        else announce(lockedMessage(fx.ids, 'moved'));
      } else if (fx.type === 'endGesture') {
        const accepts = gestureAccepts.current;
        const cancelled = fx.ids.length === 0;
        if (cancelled && accepts.length) {
          // A cancelled drag of a suggestion leaves it pending: the accept goes with the drag.
          ann.apply({ removed: accepts.map((g) => g.annotation) });
          for (const g of accepts) {
            markDecided(g.suggestion, false);
            acceptedFrom.current.delete(g.annotation);
            materialized.current.delete(g.suggestion);
          }
          selectShapes([]);
          setSelectedSuggestion(accepts[0]?.suggestion ?? null);
        }
        ann.endGesture();
        gestureOpen.current = false;
        gestureAccepts.current = [];
        const lockedNote = gestureLocked.current.length ? ` ${lockedMessage(gestureLocked.current, 'moved')}` : '';
        gestureLocked.current = [];
        if (!cancelled) for (const g of accepts) onSuggestionDecision?.({ id: g.suggestion, decision: 'accepted' });
        const ids = fx.ids.map(annotationIdOf);
        const first = ids.length === 1 ? shapeOf(ids[0] as string) : undefined;
        if (first && accepts.length && !cancelled) announce(`Suggestion accepted with your edit: ${nameOf(first.label)} ${describeShape(first)}`);
        else if (first) announce(`${fx.moved === 'translate' ? 'Moved' : 'Edited'} ${nameOf(first.label)} ${describeShape(first)}${lockedNote}`);
        else if (ids.length > 1) announce(`Moved ${ids.length} shapes${accepts.length ? `, ${accepts.length} suggestion${accepts.length > 1 ? 's' : ''} accepted` : ''}${lockedNote}`);
        else announce('Edit cancelled');
      } else if (fx.type === 'selectHandle') {
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

  const busy = (): boolean => {
    const t = toolRef.current;
    return selState.current.name !== 'idle' || pressState.current.name !== 'idle' || (t === 'bbox' && boxState.current.name !== 'idle') || (t === 'polygon' && polyState.current.name !== 'idle') || (t === 'keypoints' && kpState.current.name !== 'idle');
  };

  /** Runs one normalised event through the active tool; returns whether it was used. */
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
    } else if (!readOnly && (t === 'bbox' || t === 'polygon') && (pressState.current.name !== 'idle' || (event.type === 'pointerdown' && !drawingBusy()))) {
      // A click on a shape selects it, a drag draws (see tools/draw-press.ts).
      const r = drawPress(pressState.current, event, {
        zoom: viewRef.current.zoom,
        hitTest,
        isSelected: (id) => selectedRef.current.has(id) || (selSugRef.current !== null && id === suggestionKey(selSugRef.current)),
      });
      pressState.current = r.state;
      handled = true;
      if (r.select) applySelectEffects([{ type: 'select', ids: [r.select.id], mode: r.select.additive ? 'add' : 'replace' }]);
      for (const e of r.forward) drawWith(t, e);
    } else if (!readOnly) handled = drawWith(t, event);
    sceneRef.current?.redrawOverlay();
    if (hintKey() !== prevHint) rerender();
    return handled;
  };

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
      const label = activeLabelFor('keypoints');
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
  const drawingBusy = () => {
    const t = toolRef.current;
    return (t === 'bbox' && boxState.current.name !== 'idle') || (t === 'polygon' && polyState.current.name !== 'idle') || (t === 'keypoints' && kpState.current.name !== 'idle');
  };
  const hintKey = () => `${toolRef.current}:${boxState.current.name}:${polyState.current.name}:${kpState.current.name === 'placing' ? `${kpState.current.index}${kpState.current.occluded}` : 'i'}:${selState.current.name}`;

  const cancelTools = () => {
    if (selState.current.name !== 'idle') runTool({ type: 'cancel' });
    pressState.current = DRAW_PRESS_IDLE;
    boxState.current = BOX_IDLE;
    polyState.current = POLYGON_IDLE;
    kpState.current = KEYPOINT_IDLE;
    sceneRef.current?.redrawOverlay();
  };

  const setTool = useCallback((t: ActiveTool) => {
    if (readOnly && t !== 'select') return;
    cancelTools();
    toolRef.current = t;
    setToolState(t);
    const label = t === 'select' ? undefined : activeLabelFor(t);
    announce(`${TOOL_TITLES[t]} tool${label ? `, label ${label.name}` : ''}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readOnly, schema, activeLabel]);

  // ---------- pointer input ----------
  const pointers = useRef(new Map<number, Point2>());
  const pan = useRef<{ last: Point2 } | null>(null);
  const pinch = useRef<{ dist: number; mid: Point2 } | null>(null);
  // Pointers that took part in a pinch: their remaining moves and releases are not tool input.
  const spent = useRef(new Set<number>());
  // The tools as they were before the first pointer went down: a second finger puts them back.
  const beforePress = useRef<{ box: BoxToolState; poly: PolygonToolState; kp: KeypointToolState; selection: string[]; suggestion: string | null; created: string | null } | null>(null);
  const lastCreated = useRef<string | null>(null);
  const lastClick = useRef<{ t: number; p: Point2 } | null>(null);
  const toolCursor = () => (toolRef.current === 'select' ? 'default' : 'crosshair');
  const handlersRef = useRef<{ down(e: PointerEvent): void; move(e: PointerEvent): void; up(e: PointerEvent): void; wheel(e: WheelEvent): void }>(null);
  handlersRef.current = {
    down(e) {
      const host = hostRef.current;
      if (!host) return;
      rootRef.current?.focus({ preventScroll: true });
      // A press on the photo closes a popover (its keys would stay off while it is open).
      if (pickerOpen) setPickerOpen(false);
      if (helpOpen) setHelpOpen(false);
      const r = host.getBoundingClientRect();
      const s: Point2 = [e.clientX - r.left, e.clientY - r.top];
      pointers.current.set(e.pointerId, s);
      try {
        host.setPointerCapture(e.pointerId);
      } catch {
        /* synthetic events in tests may have no active pointer */
      }
      e.preventDefault();
      if (pointers.current.size >= 2) {
        if (pinch.current) {
          spent.current.add(e.pointerId);
          return;
        }
        // Two fingers: pinch-zoom and pan. Take back what the first finger did (a press, a drag, a
        // joint or vertex placed, a box finished) but keep what was under way before it (a polygon
        // being drawn, the first corner of a box).
        if (selState.current.name !== 'idle') runTool({ type: 'cancel' });
        const before = beforePress.current;
        pressState.current = DRAW_PRESS_IDLE;
        if (before) {
          if (before.created && store.get(before.created) && store.canUndo()) ann.undo();
          boxState.current = before.box;
          polyState.current = before.poly;
          kpState.current = before.kp;
          if (before.selection.length !== selectedRef.current.size || before.selection.some((id) => !selectedRef.current.has(id))) selectShapes(before.selection);
          if (selSugRef.current !== before.suggestion) setSelectedSuggestion(before.suggestion);
        } else cancelTools();
        beforePress.current = null;
        sceneRef.current?.redrawOverlay();
        for (const id of pointers.current.keys()) spent.current.add(id);
        const [a, b] = [...pointers.current.values()] as [Point2, Point2];
        pinch.current = { dist: Math.hypot(a[0] - b[0], a[1] - b[1]), mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] };
        pan.current = null;
        return;
      }
      if (e.button === 1 || spaceDown.current || e.button === 2) {
        pan.current = { last: s };
        host.style.cursor = 'grabbing';
        return;
      }
      if (e.button !== 0) return;
      const p = screenToImage(viewRef.current, s);
      cursorRef.current = p;
      const now = performance.now();
      const prev = lastClick.current;
      lastClick.current = { t: now, p: s };
      beforePress.current = { box: boxState.current, poly: polyState.current, kp: kpState.current, selection: [...selectedRef.current], suggestion: selSugRef.current, created: null };
      lastCreated.current = null;
      runTool({ type: 'pointerdown', point: p, modifiers: modifiersOf(e) });
      beforePress.current.created = lastCreated.current;
      if (prev && now - prev.t < 350 && Math.hypot(prev.p[0] - s[0], prev.p[1] - s[1]) < 6) {
        runTool({ type: 'doubleclick', point: p, modifiers: modifiersOf(e) });
        lastClick.current = null;
      }
    },
    move(e) {
      const host = hostRef.current;
      if (!host) return;
      const r = host.getBoundingClientRect();
      const s: Point2 = [e.clientX - r.left, e.clientY - r.top];
      screenCursorRef.current = s;
      if (pointers.current.has(e.pointerId)) pointers.current.set(e.pointerId, s);
      if (spent.current.has(e.pointerId) && !(pinch.current && pointers.current.size >= 2)) return;
      if (pinch.current && pointers.current.size >= 2) {
        const [a, b] = [...pointers.current.values()] as [Point2, Point2];
        const dist = Math.hypot(a[0] - b[0], a[1] - b[1]);
        const mid: Point2 = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        let v = panBy(viewRef.current, mid[0] - pinch.current.mid[0], mid[1] - pinch.current.mid[1]);
        if (pinch.current.dist > 0) v = zoomAt(v, dist / pinch.current.dist, mid);
        pinch.current = { dist, mid };
        setView(v);
        return;
      }
      if (pan.current) {
        setView(panBy(viewRef.current, s[0] - pan.current.last[0], s[1] - pan.current.last[1]));
        pan.current.last = s;
        return;
      }
      const p = screenToImage(viewRef.current, s);
      cursorRef.current = p;
      const pressed = pointers.current.has(e.pointerId);
      if (pressed || busy()) runTool({ type: 'pointermove', point: p, modifiers: modifiersOf(e) });
      else if (e.pointerType !== 'touch') {
        // Mouse and pen hover (a pen in range, not touching) highlight the shape under it.
        const h = hitTest(p);
        if (h !== hoveredRef.current) {
          hoveredRef.current = h;
          sceneRef.current?.redrawOverlay();
        }
        host.style.cursor = spaceDown.current ? 'grab' : toolRef.current === 'select' ? (h ? 'move' : 'default') : 'crosshair';
        if (drawingBusy()) sceneRef.current?.redrawOverlay();
      }
    },
    up(e) {
      const host = hostRef.current;
      if (!host) return;
      const had = pointers.current.delete(e.pointerId);
      if (spent.current.delete(e.pointerId) || pinch.current) {
        if (pointers.current.size < 2) pinch.current = null;
        return;
      }
      if (pan.current) {
        pan.current = null;
        host.style.cursor = spaceDown.current ? 'grab' : toolCursor();
        return;
      }
      if (!had) return;
      const r = host.getBoundingClientRect();
      const p = screenToImage(viewRef.current, [e.clientX - r.left, e.clientY - r.top]);
      if (e.type === 'pointercancel') runTool({ type: 'cancel' });
      else runTool({ type: 'pointerup', point: p, modifiers: modifiersOf(e) });
    },
    wheel(e) {
      const host = hostRef.current;
      if (!host) return;
      e.preventDefault();
      const r = host.getBoundingClientRect();
      const anchor: Point2 = [e.clientX - r.left, e.clientY - r.top];
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      // Ctrl+wheel is a trackpad pinch: zoom faster per delta unit.
      const factor = Math.exp((-e.deltaY * unit * (e.ctrlKey ? 0.01 : 0.0015)));
      setView(zoomAt(viewRef.current, factor, anchor));
    },
  };
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const down = (e: PointerEvent) => handlersRef.current?.down(e);
    const move = (e: PointerEvent) => handlersRef.current?.move(e);
    const up = (e: PointerEvent) => handlersRef.current?.up(e);
    const wheel = (e: WheelEvent) => handlersRef.current?.wheel(e);
    const menu = (e: Event) => e.preventDefault();
    host.addEventListener('pointerdown', down);
    host.addEventListener('pointermove', move);
    host.addEventListener('pointerup', up);
    host.addEventListener('pointercancel', up);
    host.addEventListener('wheel', wheel, { passive: false });
    host.addEventListener('contextmenu', menu);
    const leave = () => {
      if (hoveredRef.current) {
        hoveredRef.current = null;
        sceneRef.current?.redrawOverlay();
      }
    };
    host.addEventListener('pointerleave', leave);
    return () => {
      host.removeEventListener('pointerdown', down);
      host.removeEventListener('pointermove', move);
      host.removeEventListener('pointerup', up);
      host.removeEventListener('pointercancel', up);
      host.removeEventListener('wheel', wheel);
      host.removeEventListener('contextmenu', menu);
      host.removeEventListener('pointerleave', leave);
    };
  }, []);

  // Space held = pan with the primary button (only while the annotator has focus).
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const kd = (e: KeyboardEvent) => {
      if (e.key === ' ' && e.target === root) {
        spaceDown.current = true;
        if (hostRef.current) hostRef.current.style.cursor = 'grab';
        e.preventDefault();
      }
    };
    const ku = (e: KeyboardEvent) => {
      if (e.key === ' ' || e.type === 'blur') {
        spaceDown.current = false;
        if (hostRef.current && !pan.current) hostRef.current.style.cursor = toolCursor();
      }
    };
    root.addEventListener('keydown', kd);
    root.addEventListener('keyup', ku);
    root.addEventListener('blur', ku as unknown as EventListener);
    return () => {
      root.removeEventListener('keydown', kd);
      root.removeEventListener('keyup', ku);
      root.removeEventListener('blur', ku as unknown as EventListener);
    };
  }, []);

  // ---------- keyboard actions ----------
  const keyAnchor = (): Point2 => {
    const s = screenCursorRef.current;
    const size = sizeRef.current;
    return s && s[0] >= 0 && s[1] >= 0 && s[0] <= size.width && s[1] <= size.height ? s : [size.width / 2, size.height / 2];
  };
  const zoomBy = (f: number) => {
    setView(zoomAt(viewRef.current, f, keyAnchor()));
    announce(`Zoom ${Math.round(viewRef.current.zoom * 100)}%`);
  };
  const guardEdit = (): boolean => {
    if (readOnly) announce('Read-only');
    return !readOnly;
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
      const sug = selectedSuggestionShape();
      if (sug && (!kinds || kinds.includes(sug.kind))) return { list: [sug], note: '' };
    }
    return { list, note: locked.length ? lockedMessage(locked, verb) : '' };
  };
  /** Says why nothing happened when every target was locked; returns whether the key was used. */
  const onlyLocked = (t: { list: ImageAnnotation[]; note: string }): boolean => {
    if (t.list.length || !t.note) return false;
    announce(t.note);
    return true;
  };
  const withNote = (message: string, note: string) => (note ? `${message}. ${note}` : message);
  const toTool = (key: string, e: KeyboardEvent): boolean => runTool({ type: 'key', key, modifiers: modifiersOf(e) });

  const visibleShapes = (): ImageAnnotation[] => store.getSnapshot().filter((a): a is ImageAnnotation => isImageAnnotation(a) && isVisible(a));
  const focusShape = (id: string, position: string) => {
    selection.select([id], 'replace');
    selectedRef.current = new Set([id]);
    setFocusedId(id);
    const a = shapeOf(id);
    if (!a) return;
    // Bring it into view if it is off-screen.
    const b = annotationBounds(a);
    const vr = visibleImageRect(viewRef.current, sizeRef.current);
    if (b.x + b.width < vr.x || b.y + b.height < vr.y || b.x > vr.x + vr.width || b.y > vr.y + vr.height) {
      const v = viewRef.current;
      setView({ zoom: v.zoom, x: sizeRef.current.width / 2 - (b.x + b.width / 2) * v.zoom, y: sizeRef.current.height / 2 - (b.y + b.height / 2) * v.zoom });
    }
    announce(`${nameOf(a.label)} ${describeShape(a)}, ${position}`);
  };
  const tabTo = (dir: 1 | -1): boolean => {
    const order = spatialOrder(visibleShapes().map((a) => ({ id: a.id, x: annotationAnchor(a)[0], y: annotationAnchor(a)[1] })));
    if (order.length === 0) return false;
    const cur = uiRef.current.focusedId ?? [...selectedRef.current][0] ?? null;
    const i = cur === null ? -1 : order.findIndex((o) => o.id === cur);
    const j = i === -1 ? (dir === 1 ? 0 : order.length - 1) : i + dir;
    const next = order[j];
    if (!next) {
      // Past the last shape: let Tab leave the annotator.
      setFocusedId(null);
      return false;
    }
    focusShape(next.id, `${j + 1} of ${order.length}`);
    return true;
  };

  const decide = (s: ImageAnnotation, decision: 'accepted' | 'rejected') => {
    if (decision === 'accepted') {
      const accepted = acceptSuggestion(s, { has: (id: string) => store.get(id) !== undefined } as ReadonlySet<string>, () => createId('img_'));
      ann.apply({ added: [accepted] });
      acceptedFrom.current.set(accepted.id, s.id);
    }
    if (selSugRef.current === s.id) setSelectedSuggestion(null);
    markDecided(s.id, true);
    onSuggestionDecision?.({ id: s.id, decision });
  };
  const decideCurrent = (decision: 'accepted' | 'rejected'): boolean => {
    const { current: cur, pendingSuggestions: pend } = liveRef.current;
    if (!cur) return false;
    if (!guardEdit()) return true;
    const i = pend.indexOf(cur);
    const next = pend[i + 1] ?? pend[i - 1] ?? null;
    decide(cur, decision);
    setCurrentSuggestion(next?.id ?? null);
    announce(`Suggestion ${nameOf(cur.label)} ${decision}. ${pend.length - 1} left`);
    return true;
  };
  const decideAll = (decision: 'accepted' | 'rejected'): boolean => {
    const { pendingSuggestions: pend } = liveRef.current;
    if (!pend.length) return false;
    if (!guardEdit()) return true;
    ann.batch(() => pend.forEach((s) => decide(s, decision)));
    announce(`${pend.length} suggestions ${decision}`);
    return true;
  };
  const stepSuggestion = (dir: 1 | -1): boolean => {
    const { current: cur, pendingSuggestions: pend } = liveRef.current;
    if (!pend.length) return false;
    const i = cur ? pend.indexOf(cur) : -1;
    const next = pend[(i + dir + pend.length) % pend.length];
    if (!next) return false;
    setCurrentSuggestion(next.id);
    if (selSugRef.current !== null) setSelectedSuggestion(next.id);
    announce(`Suggestion ${nameOf(next.label)}${next.score !== undefined ? ` score ${next.score.toFixed(2)}` : ''}, ${pend.indexOf(next) + 1} of ${pend.length}`);
    return true;
  };

  const nudgeBy = (dx: number, dy: number, e: KeyboardEvent): boolean => {
    if (drawingBusy()) return toTool(e.key, e);
    const targets = editTargets('moved');
    if (onlyLocked(targets)) return true;
    const { list, note } = targets;
    if (!list.length) return false;
    if (!guardEdit()) return true;
    const wasSuggestion = suggestionIdOf(list[0]?.id ?? '') !== null;
    const moved = nudge(list, dx, dy, commandOptions());
    applyUpdate(moved);
    const first = moved[0];
    announce(withNote(moved.length === 1 && first ? `${wasSuggestion ? 'Suggestion accepted and moved' : 'Moved'} to ${describeShape(first)}` : `Moved ${moved.length} shapes`, note));
    return true;
  };
  const grow = (arrow: 'left' | 'right' | 'up' | 'down'): boolean => {
    const targets = editTargets('resized', ['bbox']);
    if (onlyLocked(targets)) return true;
    const { list, note } = targets;
    if (!list.length) return false;
    if (!guardEdit()) return true;
    const axisEdges: Record<typeof arrow, [BoxEdge, BoxEdge, number]> = { left: ['w', 'e', -1], right: ['e', 'w', 1], up: ['n', 's', -1], down: ['s', 'n', 1] };
    const [outEdge, inEdge] = axisEdges[arrow];
    let edge = activeEdge.current;
    if (edge !== outEdge && edge !== inEdge) edge = activeEdge.current = outEdge;
    const amount = edge === outEdge ? 1 : -1;
    const next = resizeEdge(list, edge, amount, commandOptions());
    applyUpdate(next);
    const first = next[0];
    if (first) announce(withNote(`Edge ${({ n: 'top', e: 'right', s: 'bottom', w: 'left' } as const)[edge]}: ${describeShape(first)}`, note));
    return true;
  };
  const rotate = (deg: number): boolean => {
    const targets = editTargets('rotated', ['bbox']);
    if (onlyLocked(targets)) return true;
    const { list, note } = targets;
    if (!list.length) return false;
    if (!guardEdit()) return true;
    const next = rotateBoxes(list, deg, commandOptions());
    applyUpdate(next);
    const first = next[0];
    if (first?.kind === 'bbox') announce(withNote(`Rotated to ${Math.round(first.rotation ?? 0)}°`, note));
    return true;
  };
  const changeLabel = (labelId: string) => {
    setActiveLabel(labelId);
    const { list, note } = editTargets('relabelled');
    const relabelled = readOnly ? [] : relabel(list, labelId, schema);
    const wasSuggestion = relabelled.length === 1 && suggestionIdOf(relabelled[0]?.id ?? '') !== null;
    applyUpdate(relabelled);
    const message = wasSuggestion
      ? `Suggestion accepted as ${nameOf(labelId)}`
      : relabelled.length
        ? `Changed ${relabelled.length} shape${relabelled.length > 1 ? 's' : ''} to ${nameOf(labelId)}`
        : `Label ${nameOf(labelId)}`;
    announce(withNote(message, note));
  };
  const deleteSelected = (): boolean => {
    if (drawingBusy()) return toTool('Backspace', new KeyboardEvent('keydown'));
    const handles = selectedHandles.current;
    if (handles.length && !readOnly) {
      const first = handles[0] as HandleHit;
      const poly = shapeOf(first.id);
      if (poly?.kind === 'polygon') {
        const verts = handles.filter((h) => h.id === poly.id && h.handle.kind === 'vertex').map((h) => (h.handle.kind === 'vertex' ? [h.handle.ring, h.handle.index] : [0, 0]) as [number, number]);
        const r = removeVertices(poly, verts);
        selectedHandles.current = [];
        if (r.removed) {
          ann.apply({ updated: [r.polygon] });
          announce(`Removed ${r.removed} vertex${r.removed > 1 ? 'es' : ''}`);
        } else announce('A polygon needs at least 3 vertices');
        return true;
      }
    }
    const { list, note } = editTargets('deleted');
    if (note && !list.length) {
      if (!guardEdit()) return true;
      announce(note);
      return true;
    }
    if (!list.length || suggestionIdOf(list[0]?.id ?? '') !== null) return decideCurrent('rejected');
    if (!guardEdit()) return true;
    ann.apply({ removed: list.map((a) => a.id) });
    announce(withNote(list.length === 1 && list[0] ? `Deleted ${nameOf(list[0].label)} ${KIND_NAMES[list[0].kind]}` : `Deleted ${list.length} shapes`, note));
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
    announce(`${verb} ${clones.length} shape${clones.length > 1 ? 's' : ''}`);
    return true;
  };
  const zOrder = (where: 'front' | 'back'): boolean => {
    const ids = [...selectedRef.current];
    if (!ids.length) return false;
    if (!guardEdit()) return true;
    // Only the selected shapes move: the change set names them alone, however many shapes there are.
    const moved = zOrderMoves(store.getSnapshot(), ids, where);
    if (moved.length) ann.apply({ moved });
    announce(moved.length ? (where === 'front' ? 'Brought to front' : 'Sent to back') : where === 'front' ? 'Already in front' : 'Already at the back');
    return true;
  };
  const toggleSet = (set: ReadonlySet<string>, ids: readonly string[]): Set<string> => {
    const next = new Set(set);
    const allIn = ids.every((id) => next.has(id));
    for (const id of ids) {
      if (allIn) next.delete(id);
      else next.add(id);
    }
    return next;
  };

  /** Hides the selected shapes (H). Hidden shapes are neither drawn nor hit; Shift+H shows them all. */
  const hideSelected = (): boolean => {
    const ids = [...selectedRef.current];
    if (!ids.length) return false;
    setHiddenIds((s) => toggleSet(s, ids));
    selectShapes([]);
    setFocusedId(null);
    const n = `${ids.length} shape${ids.length > 1 ? 's' : ''}`;
    announce(ids.every((id) => hiddenIds.has(id)) ? `${n} shown` : `${n} hidden; ${kb('showAllHidden')} shows hidden shapes again`);
    return true;
  };
  /** Locks or unlocks the selected shapes (L): locked shapes can be selected but not moved, edited or deleted. */
  const lockSelected = (): boolean => {
    const ids = [...selectedRef.current];
    if (!ids.length) return false;
    const locking = !ids.every((id) => lockedIds.has(id));
    setLockedIds((s) => toggleSet(s, ids));
    selectedHandles.current = [];
    const byLabel = !locking && ids.filter((id) => lockedLabels.has(shapeOf(id)?.label ?? ''));
    announce(`${ids.length} shape${ids.length > 1 ? 's' : ''} ${locking ? 'locked' : 'unlocked'}${byLabel && byLabel.length ? `, but ${nameOf(shapeOf(byLabel[0] as string)?.label ?? '')} is locked as a label in the Labels panel` : ''}`);
    return true;
  };
  const toggleLabelHidden = (l: Label) => {
    const hiding = !hiddenLabels.has(l.id);
    setHiddenLabels((s) => toggleSet(s, [l.id]));
    // Hidden shapes cannot stay selected: they could be moved or deleted unseen.
    if (hiding) {
      const keep = [...selectedRef.current].filter((id) => shapeOf(id)?.label !== l.id);
      if (keep.length !== selectedRef.current.size) selectShapes(keep);
    }
    announce(`${l.name} ${hiding ? 'hidden' : 'shown'}`);
  };
  const toggleLabelLocked = (l: Label) => {
    const locking = !lockedLabels.has(l.id);
    setLockedLabels((s) => toggleSet(s, [l.id]));
    selectedHandles.current = [];
    announce(`${l.name} ${locking ? 'locked' : 'unlocked'}`);
  };
  const openPicker = () => {
    popoverOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : rootRef.current;
    setHelpOpen(false);
    setPickerOpen(true);
  };
  const openHelp = () => {
    popoverOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : rootRef.current;
    setPickerOpen(false);
    setHelpOpen(true);
  };

  const undo = () => {
    endAttrGestureRef.current();
    cancelTools();
    if (!ann.canUndo) return announce('Nothing to undo');
    ann.undo();
    announce('Undone');
  };
  const redo = () => {
    endAttrGestureRef.current();
    cancelTools();
    if (!ann.canRedo) return announce('Nothing to redo');
    ann.redo();
    announce('Redone');
  };

  const handlers: Record<string, (e: KeyboardEvent) => boolean | void> = {
    undo: () => (guardEdit() ? undo() : true),
    redo: () => (guardEdit() ? redo() : true),
    delete: (e) => (e.key === 'Backspace' && drawingBusy() ? toTool('Backspace', e) : deleteSelected()),
    selectAll: () => {
      const ids = visibleShapes().map((a) => a.id);
      selection.select(ids, 'replace');
      announce(`${ids.length} shapes selected`);
    },
    deselect: (e) => {
      // Escape in the side panel (attribute fields, text ones included) goes back to the canvas,
      // keeping the selection; on other controls (buttons, other fields) it is theirs.
      if (e.target !== rootRef.current) {
        if (!(e.target instanceof Element && e.target.closest('.lk-image-side'))) return false;
        rootRef.current?.focus();
        announce('Back to the canvas');
        return true;
      }
      if (busy()) return toTool('Escape', e);
      if (selSugRef.current !== null) {
        setSelectedSuggestion(null);
        announce('Selection cleared');
        return true;
      }
      if (!selectedRef.current.size && toolRef.current !== 'select') {
        setTool('select');
        return true;
      }
      if (!selectedRef.current.size) return false;
      selection.clear();
      selectedHandles.current = [];
      setFocusedId(null);
      announce('Selection cleared');
      return true;
    },
    copy: () => {
      const list = selectedShapes();
      if (!list.length) return false;
      clipboard.current = list.map((a) => structuredClone(a));
      announce(`Copied ${list.length} shape${list.length > 1 ? 's' : ''}`);
      return true;
    },
    paste: () => paste(clipboard.current, 'Pasted'),
    duplicate: () => paste(selectedShapes(), 'Duplicated'),
    nextAnnotation: () => tabTo(1),
    prevAnnotation: () => tabTo(-1),
    acceptSuggestion: (e) => (drawingBusy() ? toTool('Enter', e) : decideCurrent('accepted')),
    finish: (e) => (drawingBusy() ? toTool('Enter', e) : false),
    rejectSuggestion: () => decideCurrent('rejected'),
    acceptAllSuggestions: () => decideAll('accepted'),
    rejectAllSuggestions: () => decideAll('rejected'),
    nextSuggestion: () => stepSuggestion(1),
    prevSuggestion: () => stepSuggestion(-1),
    toggleHidden: () => hideSelected(),
    showAllHidden: () => {
      if (!hiddenIds.size && !hiddenLabels.size) return false;
      setHiddenIds(new Set());
      setHiddenLabels(new Set());
      announce('All shapes shown');
      return true;
    },
    toggleLocked: () => lockSelected(),
    openLabelPicker: () => {
      openPicker();
      return true;
    },
    editAttributes: () => {
      const field = rootRef.current?.querySelector<HTMLElement>('.lk-image-side .lk-attr-editor :is(input, select, textarea):not([disabled])');
      if (!field) return false;
      field.focus();
      return true;
    },
    nudgeLeft: (e) => nudgeBy(-1, 0, e),
    nudgeRight: (e) => nudgeBy(1, 0, e),
    nudgeUp: (e) => nudgeBy(0, -1, e),
    nudgeDown: (e) => nudgeBy(0, 1, e),
    nudgeLeftFar: (e) => nudgeBy(-10, 0, e),
    nudgeRightFar: (e) => nudgeBy(10, 0, e),
    nudgeUpFar: (e) => nudgeBy(0, -10, e),
    nudgeDownFar: (e) => nudgeBy(0, 10, e),
    zoomIn: () => zoomBy(1.25),
    zoomOut: () => zoomBy(0.8),
    showHelp: () => {
      openHelp();
      return true;
    },
    fit: () => {
      fit();
      announce('Fit to view');
    },
    actualSize: () => {
      setView(actualSizeView(viewRef.current, sizeRef.current));
      announce('Actual size, 100%');
    },
    toolSelect: () => setTool('select'),
    toolBox: () => (availableTools.includes('bbox') ? setTool('bbox') : false),
    toolPolygon: () => (availableTools.includes('polygon') ? setTool('polygon') : false),
    toolKeypoints: () => (availableTools.includes('keypoints') ? setTool('keypoints') : false),
    crosshair: (e) => {
      if (readOnly || !availableTools.includes('bbox')) return false;
      if (toolRef.current !== 'bbox') setTool('bbox');
      toolRef.current = 'bbox';
      toTool(CROSSHAIR_KEY, e);
      announce('Keyboard box drawing: move the crosshair with the arrow keys, press Enter at each corner, Escape to cancel');
      return true;
    },
    cycleEdge: () => {
      const order: BoxEdge[] = ['n', 'e', 's', 'w'];
      activeEdge.current = order[(order.indexOf(activeEdge.current) + 1) % 4] as BoxEdge;
      sceneRef.current?.redrawOverlay();
      announce(`Active edge: ${({ n: 'top', e: 'right', s: 'bottom', w: 'left' } as const)[activeEdge.current]}`);
      return true;
    },
    growLeft: () => grow('left'),
    growRight: () => grow('right'),
    growUp: () => grow('up'),
    growDown: () => grow('down'),
    rotateLeft: () => rotate(-1),
    rotateRight: () => rotate(1),
    rotateLeftFar: () => rotate(-15),
    rotateRightFar: () => rotate(15),
    bringToFront: () => zOrder('front'),
    sendToBack: () => zOrder('back'),
    markOccluded: (e) => (toolRef.current === 'keypoints' ? toTool(KEYPOINT_KEYS.occluded, e) : false),
    skipJoint: (e) => (toolRef.current === 'keypoints' ? toTool(KEYPOINT_KEYS.skip, e) : false),
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
    cancel: (e) => (busy() ? toTool('Escape', e) : false),
  };
  const wrapped: Record<string, (e: KeyboardEvent) => boolean | void> = {};
  for (const [action, h] of Object.entries(handlers)) {
    wrapped[action] = (e) => {
      if (ROOT_ONLY.has(action) && e.target !== rootRef.current) return false;
      const r = h(e);
      return r === undefined ? true : r;
    };
  }
  useAnnotatorHotkeys(rootRef, keymap, wrapped, {
    // A popover keeps the keys while open (it traps focus; Escape closes it).
    enabled: !pickerOpen && !helpOpen,
    schema,
    kinds: availableTools,
    onLabelHotkey: (id) => changeLabel(id),
    allowInInputs: ['deselect'],
  });

  useImperativeHandle(
    props.ref,
    () => ({
      undo: () => ann.undo(),
      redo: () => ann.redo(),
      canUndo: () => store.canUndo(),
      canRedo: () => store.canRedo(),
      select: (ids) => selection.select(ids, 'replace'),
      focus: () => rootRef.current?.focus(),
      getAnnotations: () => [...store.getSnapshot()],
      getView: () => ({ ...viewRef.current }),
      setView: (v) => setView(v),
      fit,
      setTool: (t) => setTool(t),
      flushView: () => sceneRef.current?.drawNow(),
    }),
    [ann, store, selection, setView, fit, setTool],
  );

  // ---------- UI ----------
  const hintId = useId();
  const kb = (action: string): string => {
    const s = shortcutsOf(keymap[action])[0];
    return s ? formatShortcut(s) : '';
  };
  const kpLabel = activeLabelFor('keypoints');
  const hint = (() => {
    if (readOnly) return 'Read-only: click or Tab to inspect shapes.';
    const t = toolRef.current;
    if (t === 'bbox') {
      const s = boxState.current.name;
      if (s === 'crosshair') return 'Arrows move the crosshair (Shift: 10 px) · Enter sets a corner · Esc cancels';
      if (s === 'secondCorner') return 'Click the opposite corner · Esc cancels';
      return `Drag or click two corners to draw a box · click a shape to select it · ${kb('crosshair')} draws with the keyboard`;
    }
    if (t === 'polygon') return polyState.current.name === 'drawing' ? 'Click to add points · click the first point, Enter or double-click to close · Backspace removes the last · Esc cancels' : 'Click to start a polygon · click a shape to select it · draw inside a selected polygon to cut a hole';
    if (t === 'keypoints') {
      const ks = kpState.current;
      const name = kpLabel?.skeleton ? nextJointName(ks.name === 'placing' ? ks : { name: 'placing', points: [], index: 0, occluded: false }, kpLabel.skeleton) : null;
      return `Next joint: ${name ?? '—'}${ks.name === 'placing' && ks.occluded ? ' (occluded)' : ''} · click to place · ${kb('markOccluded')} occluded · ${kb('skipJoint')} skip · Enter finish`;
    }
    return 'Click to select · Shift-click adds · drag to move · drag on empty space to select an area';
  })();

  const toolButtons: ActiveTool[] = ['select', ...availableTools];
  const single = selection.selectedIds.length === 1 ? shapeOf(selection.selectedIds[0] as string) : undefined;
  const singleLabel = single ? labelOf(single.label) : undefined;
  const sugShape = selectedSuggestion === null ? undefined : pendingSuggestions.find((s) => s.id === selectedSuggestion);
  const pickerKind: ImageTool = single?.kind ?? sugShape?.kind ?? (tool === 'select' ? (availableTools[0] ?? 'bbox') : tool);
  const currentLabel = activeLabelFor(pickerKind);
  const panelLabels = schema.labels.filter((l) => l.selectable && l.kinds.some((k) => availableTools.includes(k as ImageTool)));
  // Edits in one attribute field (typing a note, say) are one undo step: a gesture from focus to blur.
  const attrGesture = useRef(false);
  const endAttrGesture = () => {
    if (!attrGesture.current) return;
    attrGesture.current = false;
    ann.endGesture();
  };
  const endAttrGestureRef = useRef(endAttrGesture);
  endAttrGestureRef.current = endAttrGesture;
  // The editor may go away while a field has focus (another shape selected): close its step then.
  useEffect(() => () => endAttrGestureRef.current(), [single?.id]);

  return (
    <div
      ref={rootRef}
      className={`lk-root lk-image-annotator${props.className ? ` ${props.className}` : ''}`}
      tabIndex={0}
      role="application"
      aria-roledescription="image annotator"
      aria-label={props['aria-label'] ?? 'Image annotator'}
      aria-describedby={hintId}
      data-tool={tool}
      data-image-status={status}
      style={props.style}
    >
      <LabelkitStyles />
      <style>{IMAGE_CSS}</style>
      <div className="lk-toolbar" role="toolbar" aria-label="Image tools">
        {toolButtons.map((t) => (
          <button
            key={t}
            type="button"
            className="lk-button"
            aria-pressed={tool === t}
            disabled={readOnly && t !== 'select'}
            aria-keyshortcuts={shortcutsOf(keymap[TOOL_ACTIONS[t]])[0]}
            onClick={() => setTool(t)}
          >
            {TOOL_TITLES[t]} <kbd className="lk-kbd">{kb(TOOL_ACTIONS[t])}</kbd>
          </button>
        ))}
        <span className="lk-toolbar-separator" />
        <button type="button" className="lk-button" onClick={() => zoomBy(0.8)}>
          Zoom out <kbd className="lk-kbd">{kb('zoomOut')}</kbd>
        </button>
        <button type="button" className="lk-button" onClick={() => zoomBy(1.25)}>
          Zoom in <kbd className="lk-kbd">{kb('zoomIn')}</kbd>
        </button>
        <button type="button" className="lk-button" onClick={() => { fit(); announce('Fit to view'); }}>
          Fit <kbd className="lk-kbd">{kb('fit')}</kbd>
        </button>
        <button type="button" className="lk-button" onClick={() => { setView(actualSizeView(viewRef.current, sizeRef.current)); announce('Actual size, 100%'); }}>
          1:1 <kbd className="lk-kbd">{kb('actualSize')}</kbd>
        </button>
        <span className="lk-toolbar-separator" />
        <button type="button" className="lk-button" disabled={readOnly || !ann.canUndo} onClick={undo}>
          Undo <kbd className="lk-kbd">{kb('undo')}</kbd>
        </button>
        <button type="button" className="lk-button" disabled={readOnly || !ann.canRedo} onClick={redo}>
          Redo <kbd className="lk-kbd">{kb('redo')}</kbd>
        </button>
        <button type="button" className="lk-button lk-button--danger" disabled={readOnly || selection.selectedIds.length === 0} onClick={() => deleteSelected()}>
          Delete <kbd className="lk-kbd">{kb('delete')}</kbd>
        </button>
        <span className="lk-toolbar-separator" />
        <button type="button" className="lk-button" aria-haspopup="dialog" aria-expanded={pickerOpen} onClick={() => (pickerOpen ? setPickerOpen(false) : openPicker())}>
          <span className="lk-image-swatch" style={{ background: currentLabel?.color }} aria-hidden="true" />
          Label: {currentLabel?.name ?? '—'} <kbd className="lk-kbd">{kb('openLabelPicker')}</kbd>
        </button>
        <button type="button" className="lk-button" aria-haspopup="dialog" aria-expanded={helpOpen} onClick={() => (helpOpen ? setHelpOpen(false) : openHelp())}>
          Shortcuts <kbd className="lk-kbd">{kb('showHelp')}</kbd>
        </button>
      </div>
      {pendingSuggestions.length > 0 || (suggestions?.length ?? 0) > 0 ? (
        <SuggestionBar
          pending={pendingSuggestions.length}
          total={suggestions?.length ?? 0}
          {...(current ? { current: { label: nameOf(current.label), ...(current.score !== undefined ? { score: current.score } : {}), position: pendingSuggestions.indexOf(current) + 1 } } : {})}
          onAccept={() => decideCurrent('accepted')}
          onReject={() => decideCurrent('rejected')}
          onAcceptAll={() => decideAll('accepted')}
          onRejectAll={() => decideAll('rejected')}
          onNext={() => stepSuggestion(1)}
          onPrevious={() => stepSuggestion(-1)}
          hotkeys={{ accept: kb('acceptSuggestion'), reject: kb('rejectSuggestion'), next: kb('nextSuggestion'), previous: kb('prevSuggestion') }}
          disabled={readOnly}
        />
      ) : null}
      <div className="lk-image-main">
        <div ref={hostRef} className="lk-image-canvas" data-testid="lk-image-canvas" style={{ cursor: tool === 'select' ? 'default' : 'crosshair' }} />
        {sidePanel ? (
          <aside className="lk-panel lk-image-side" aria-label="Labels and attributes">
            <h3>Labels</h3>
            <ul className="lk-image-labels">
              {panelLabels.map((l) => (
                <li key={l.id}>
                  <button type="button" className="lk-button lk-image-label-name" aria-pressed={currentLabel?.id === l.id} onClick={() => changeLabel(l.id)}>
                    <span className="lk-image-swatch" style={{ background: l.color }} aria-hidden="true" />
                    {l.name}
                    {l.hotkey ? <kbd className="lk-kbd">{l.hotkey}</kbd> : null}
                  </button>
                  <button type="button" className="lk-button" aria-label={`Hide ${l.name}`} aria-pressed={hiddenLabels.has(l.id)} onClick={() => toggleLabelHidden(l)}>
                    <EyeIcon off={hiddenLabels.has(l.id)} />
                  </button>
                  <button type="button" className="lk-button" aria-label={`Lock ${l.name}`} aria-pressed={lockedLabels.has(l.id)} onClick={() => toggleLabelLocked(l)}>
                    <LockIcon locked={lockedLabels.has(l.id)} />
                  </button>
                </li>
              ))}
            </ul>
            {single && singleLabel ? (
              <>
                <h3>Selected</h3>
                <p style={{ margin: 0 }}>
                  {singleLabel.name} {describeShape(single)}
                </p>
                <div className="lk-image-shape-actions">
                  <button type="button" className="lk-button" aria-keyshortcuts={shortcutsOf(keymap.toggleHidden)[0]} onClick={() => hideSelected()}>
                    <EyeIcon off={false} /> Hide <kbd className="lk-kbd">{kb('toggleHidden')}</kbd>
                  </button>
                  <button type="button" className="lk-button" aria-pressed={lockedIds.has(single.id)} aria-keyshortcuts={shortcutsOf(keymap.toggleLocked)[0]} onClick={() => lockSelected()}>
                    <LockIcon locked={lockedIds.has(single.id)} /> Lock <kbd className="lk-kbd">{kb('toggleLocked')}</kbd>
                  </button>
                </div>
                {lockedLabels.has(single.label) ? <p style={{ margin: 0, color: 'var(--lk-text-muted)' }}>{`Locked with every ${singleLabel.name}`}</p> : null}
                {singleLabel.attributes?.length ? (
                  <div
                    onFocus={() => {
                      if (attrGesture.current || gestureOpen.current) return;
                      attrGesture.current = true;
                      ann.beginGesture();
                    }}
                    onBlur={endAttrGesture}
                  >
                    <AttributeEditor
                      key={single.id}
                      label={singleLabel}
                      value={single.attributes ?? {}}
                      readOnly={readOnly || isLocked(single.id)}
                      onChange={(next) => {
                        const a = shapeOf(single.id);
                        if (a) ann.apply({ updated: [{ ...a, attributes: next }] });
                      }}
                    />
                  </div>
                ) : null}
              </>
            ) : (
              <p style={{ margin: 0, color: 'var(--lk-text-muted)' }}>{selection.selectedIds.length > 1 ? `${selection.selectedIds.length} shapes selected` : 'Nothing selected'}</p>
            )}
          </aside>
        ) : null}
      </div>
      <div className="lk-image-status">
        <span id={hintId}>{hint}</span>
        <span aria-hidden="true">
          {status === 'error' ? 'Image failed to load · ' : status === 'loading' ? 'Loading image… · ' : ''}
          <span ref={zoomRef} />
        </span>
      </div>
      {pickerOpen ? (
        <Popover className="lk-panel lk-image-picker" label="Choose a label" returnFocus={popoverOpener.current} onClose={() => setPickerOpen(false)}>
          <div className="lk-image-popover-head">
            <h3>{single ? `Label of the selected ${KIND_NAMES[single.kind]}` : sugShape ? 'Label of the suggestion (accepts it)' : 'Label for new shapes'}</h3>
            <button type="button" className="lk-button" aria-label="Close label picker" onClick={() => setPickerOpen(false)}>
              ×
            </button>
          </div>
          <LabelPicker
            schema={schema}
            kind={pickerKind}
            {...(currentLabel ? { value: currentLabel.id } : {})}
            autoFocus
            onCommit={(id) => {
              setPickerOpen(false);
              changeLabel(id);
            }}
            onCancel={() => setPickerOpen(false)}
          />
        </Popover>
      ) : null}
      {helpOpen ? (
        <Popover className="lk-panel lk-image-help" label="Keyboard shortcuts" returnFocus={popoverOpener.current} onClose={() => setHelpOpen(false)}>
          <div className="lk-image-popover-head">
            <h3>Keyboard shortcuts</h3>
            <button type="button" className="lk-button" aria-label="Close keyboard shortcuts" onClick={() => setHelpOpen(false)}>
              ×
            </button>
          </div>
          <dl>
            {Object.keys(keymap).map((action) => {
              const text = shortcutsOf(keymap[action]).map((s) => formatShortcut(s)).join(' / ');
              return text ? (
                <div key={action} style={{ display: 'contents' }}>
                  <dt>
                    <kbd className="lk-kbd">{text}</kbd>
                  </dt>
                  <dd>{action.replace(/([A-Z])/g, ' $1').toLowerCase()}</dd>
                </div>
              ) : null;
            })}
          </dl>
        </Popover>
      ) : null}
      {liveRegion}
    </div>
  );
}

function EyeIcon({ off }: { off: boolean }): React.JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z" />
      <circle cx="8" cy="8" r="2" />
      {off ? <path d="M2 14L14 2" /> : null}
    </svg>
  );
}

function LockIcon({ locked }: { locked: boolean }): React.JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
      <rect x="3" y="7" width="10" height="7" rx="1" fill={locked ? 'currentColor' : 'none'} />
      <path d={locked ? 'M5 7V5a3 3 0 0 1 6 0v2' : 'M5 7V5a3 3 0 0 1 6 0'} />
    </svg>
  );
}
