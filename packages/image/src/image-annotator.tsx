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
import { acceptSuggestion, cloneShapes, nudge, relabel, reorder, resizeEdge, rotateBoxes, type CommandOptions } from './commands.js';
import { describeShape, drawBatched, drawTag, pathShape, withAlpha } from './draw.js';
import { type ImageSize, type Modifiers, type ToolEvent } from './events.js';
import { HANDLE_SIZE, handlesOf, hitHandle, type HandleHit } from './handles.js';
import { IMAGE_KEYMAP } from './keymap.js';
import { ImageScene } from './scene.js';
import { annotationAnchor, annotationBounds, hitArea, hitsAnnotation, isImageAnnotation, type ImageAnnotation, type ImageTool } from './shapes.js';
import { ShapeIndex } from './shape-index.js';
import type { Bounds } from './spatial-index.js';
import { BOX_IDLE, boxTool, boxToolPreview, CROSSHAIR_KEY, type BoxToolState } from './tools/box-tool.js';
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
  'acceptSuggestion', 'finish', 'nextAnnotation', 'prevAnnotation', 'delete', 'rejectSuggestion', 'deselect', 'cancel',
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
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
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
    // Zoomed out, everything is visible: walk the snapshot (keeps z-order). Zoomed in, cull with the grid.
    const culled = img.width > 0 && rect.width * rect.height < 0.5 * img.width * img.height;
    const list: ImageAnnotation[] = [];
    if (culled) {
      for (const id of spatial().query(rect)) {
        const a = store.get(id);
        if (a && keep(a)) list.push(a);
      }
    } else for (const a of snap) if (keep(a)) list.push(a);
    drawBatched(ctx, list, view.zoom, colorOf, skeletonOf, 0.12);
  };
  model.current.drawOverlay = (ctx, view) => {
    const z = view.zoom;
    const ui = uiRef.current;
    // Suggestions: dashed, with label and score.
    const { pendingSuggestions: pend, current: cur } = liveRef.current;
    for (const s of pend) {
      const color = colorOf(s.label);
      const isCur = cur?.id === s.id;
      ctx.beginPath();
      pathShape(ctx, s, z, skeletonOf(s.label));
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
    const handlesFor: ImageAnnotation[] = [];
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

  useEffect(() => {
    if (!image || !naturalSize) return;
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
      const staticDirty = change.added.length > 0 || change.removed.length > 0 || change.updated.some(([, a]) => !selectedRef.current.has(a.id));
      if (staticDirty) sceneRef.current?.redrawAll();
      else sceneRef.current?.redrawOverlay();
    });
    return () => {
      unsubscribe();
      shapeIndex.dispose();
    };
  }, [store, shapeIndex]);

  // Selection, visibility, suggestions: the static layer's membership changes.
  useEffect(() => {
    sceneRef.current?.redrawAll();
  }, [selectedSet, hiddenIds, hiddenLabels, lockedIds, lockedLabels, pendingSuggestions, current, focusedId, schema]);

  // ---------- hit-testing ----------
  // A selected shape wins, then the innermost (smallest bounds): see SelectToolContext.hitTest.
  const hitTest = useCallback((p: Point2): string | null => {
    const slop = 4 / viewRef.current.zoom;
    let best: ImageAnnotation | null = null;
    let bestSelected = false;
    for (const id of spatial().queryPoint(p[0], p[1], slop)) {
      const a = shapeOf(id);
      if (!a || !isVisible(a) || !hitsAnnotation(a, p, slop)) continue;
      const sel = selectedRef.current.has(id);
      if (best === null || (sel && !bestSelected) || (sel === bestSelected && hitArea(a) < hitArea(best))) {
        best = a;
        bestSelected = sel;
      }
    }
    return best?.id ?? null;
  }, [shapeOf, isVisible, spatial]);

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
    selectedIds: [...selectedRef.current],
    get: shapeOf,
    hitTest,
    hitHandle: (p) => hitHandle(selectedShapes().filter((a) => !isLocked(a.id) && isVisible(a)), p, viewRef.current.zoom),
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

  const applyUpdate = (list: readonly ImageAnnotation[]) => {
    if (list.length) ann.apply({ updated: list });
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
    selection.select([a.id], 'replace');
    announce(`Created ${label.name} ${describeShape(a)}`);
  };

  const applySelectEffects = (effects: SelectEffect[]) => {
    for (const fx of effects) {
      if (fx.type === 'select') {
        const prev = [...selectedRef.current];
        selection.select(fx.ids, fx.mode);
        const next = fx.mode === 'replace' ? fx.ids : fx.mode === 'add' ? [...new Set([...prev, ...fx.ids])] : prev.filter((id) => !fx.ids.includes(id)).concat(fx.ids.filter((id) => !prev.includes(id)));
        selectedRef.current = new Set(next);
        selectedHandles.current = [];
        announce(describeSel(next));
      } else if (fx.type === 'beginGesture') ann.beginGesture();
      else if (fx.type === 'update') applyUpdate(fx.annotations);
      else if (fx.type === 'endGesture') {
        ann.endGesture();
        if (fx.ids.length === 1) {
          const a = shapeOf(fx.ids[0] as string);
          if (a) announce(`${fx.moved === 'translate' ? 'Moved' : 'Edited'} ${nameOf(a.label)} ${describeShape(a)}`);
        } else if (fx.ids.length > 1) announce(`Moved ${fx.ids.length} shapes`);
        else announce('Edit cancelled');
      } else if (fx.type === 'selectHandle') {
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
    return selState.current.name !== 'idle' || (t === 'bbox' && boxState.current.name !== 'idle') || (t === 'polygon' && polyState.current.name !== 'idle') || (t === 'keypoints' && kpState.current.name !== 'idle');
  };

  /** Runs one normalised event through the active tool; returns whether it was used. */
  const runTool = (event: ToolEvent): boolean => {
    const t = toolRef.current;
    const prevHint = hintKey();
    let handled = false;
    const img = imageSizeRef.current;
    const bounds = img.width > 0 ? boundsMode : 'allow';
    const editing = selState.current.name !== 'idle' || t === 'select' || (event.type === 'pointerdown' && !drawingBusy() && selectCtx().hitHandle(event.point) !== null);
    if (editing) {
      const r = selectTool(selState.current, event, selectCtx());
      selState.current = r.state;
      applySelectEffects(r.effects);
      handled = r.handled;
    } else if (!readOnly && t === 'bbox') {
      const r = boxTool(boxState.current, event, { image: img, zoom: viewRef.current.zoom, minSize, bounds });
      boxState.current = r.state;
      handled = r.handled;
      if (r.created) createShape('bbox', { ...r.created });
    } else if (!readOnly && t === 'polygon') {
      const r = polygonTool(polyState.current, event, { image: img, zoom: viewRef.current.zoom, bounds });
      polyState.current = r.state;
      handled = r.handled;
      if (r.created) {
        const sel = selectedShapes();
        const host = sel.length === 1 && sel[0]?.kind === 'polygon' ? sel[0] : null;
        const withHole = host ? addHole(host, r.created) : null;
        if (host && withHole) {
          ann.apply({ updated: [withHole] });
          announce(`Hole added to ${nameOf(host.label)} polygon`);
        } else createShape('polygon', { points: r.created });
      }
    } else if (!readOnly && t === 'keypoints') {
      const label = activeLabelFor('keypoints');
      if (label?.skeleton) {
        const before = kpState.current;
        const r = keypointTool(kpState.current, event, { skeleton: label.skeleton, image: img, bounds });
        kpState.current = r.state;
        handled = r.handled;
        if (r.created) createShape('keypoints', { points: r.created });
        else if (r.state.name === 'placing' && (before.name !== 'placing' || before.index !== r.state.index || before.occluded !== r.state.occluded)) {
          const name = nextJointName(r.state, label.skeleton);
          announce(`Next joint: ${name ?? ''}${r.state.occluded ? ' (occluded)' : ''}, ${r.state.index + 1} of ${label.skeleton.keypoints.length}`);
        }
      }
    }
    sceneRef.current?.redrawOverlay();
    if (hintKey() !== prevHint) rerender();
    return handled;
  };
  const drawingBusy = () => {
    const t = toolRef.current;
    return (t === 'bbox' && boxState.current.name !== 'idle') || (t === 'polygon' && polyState.current.name !== 'idle') || (t === 'keypoints' && kpState.current.name !== 'idle');
  };
  const hintKey = () => `${toolRef.current}:${boxState.current.name}:${polyState.current.name}:${kpState.current.name === 'placing' ? `${kpState.current.index}${kpState.current.occluded}` : 'i'}:${selState.current.name}`;

  const cancelTools = () => {
    if (selState.current.name !== 'idle') runTool({ type: 'cancel' });
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
  const lastClick = useRef<{ t: number; p: Point2 } | null>(null);
  const handlersRef = useRef<{ down(e: PointerEvent): void; move(e: PointerEvent): void; up(e: PointerEvent): void; wheel(e: WheelEvent): void }>(null);
  handlersRef.current = {
    down(e) {
      const host = hostRef.current;
      if (!host) return;
      rootRef.current?.focus({ preventScroll: true });
      const r = host.getBoundingClientRect();
      const s: Point2 = [e.clientX - r.left, e.clientY - r.top];
      pointers.current.set(e.pointerId, s);
      try {
        host.setPointerCapture(e.pointerId);
      } catch {
        /* synthetic events in tests may have no active pointer */
      }
      e.preventDefault();
      if (pointers.current.size === 2) {
        // Two fingers: pinch-zoom and pan; abandon whatever one finger started.
        cancelTools();
        const [a, b] = [...pointers.current.values()] as [Point2, Point2];
        pinch.current = { dist: Math.hypot(a[0] - b[0], a[1] - b[1]), mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] };
        pan.current = null;
        return;
      }
      if (e.button === 1 || spaceDown.current || e.button === 2) {
        pan.current = { last: s };
        return;
      }
      if (e.button !== 0) return;
      const p = screenToImage(viewRef.current, s);
      cursorRef.current = p;
      const now = performance.now();
      const prev = lastClick.current;
      lastClick.current = { t: now, p: s };
      runTool({ type: 'pointerdown', point: p, modifiers: modifiersOf(e) });
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
      else if (e.pointerType === 'mouse') {
        const h = hitTest(p);
        if (h !== hoveredRef.current) {
          hoveredRef.current = h;
          sceneRef.current?.redrawOverlay();
        }
        host.style.cursor = toolRef.current === 'select' ? (h ? 'move' : 'default') : 'crosshair';
        if (drawingBusy()) sceneRef.current?.redrawOverlay();
      }
    },
    up(e) {
      const host = hostRef.current;
      if (!host) return;
      const had = pointers.current.delete(e.pointerId);
      if (pinch.current) {
        if (pointers.current.size < 2) pinch.current = null;
        return;
      }
      if (pan.current) {
        pan.current = null;
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
      if (e.key === ' ') {
        spaceDown.current = false;
        if (hostRef.current) hostRef.current.style.cursor = '';
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
  const editable = () => selectedShapes().filter((a) => !isLocked(a.id));
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
      const ids = new Set(store.getSnapshot().map((a) => a.id));
      ann.apply({ added: [acceptSuggestion(s, ids, () => createId('img_'))] });
    }
    setDecided((d) => new Set([...d, s.id]));
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
    announce(`Suggestion ${nameOf(next.label)}${next.score !== undefined ? ` score ${next.score.toFixed(2)}` : ''}, ${pend.indexOf(next) + 1} of ${pend.length}`);
    return true;
  };

  const nudgeBy = (dx: number, dy: number, e: KeyboardEvent): boolean => {
    if (drawingBusy()) return toTool(e.key, e);
    const list = editable();
    if (!list.length) return false;
    if (!guardEdit()) return true;
    const moved = nudge(list, dx, dy, commandOptions());
    applyUpdate(moved);
    const first = moved[0];
    announce(moved.length === 1 && first ? `Moved to ${describeShape(first)}` : `Moved ${moved.length} shapes`);
    return true;
  };
  const grow = (arrow: 'left' | 'right' | 'up' | 'down'): boolean => {
    const list = editable().filter((a) => a.kind === 'bbox');
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
    if (first) announce(`Edge ${({ n: 'top', e: 'right', s: 'bottom', w: 'left' } as const)[edge]}: ${describeShape(first)}`);
    return true;
  };
  const rotate = (deg: number): boolean => {
    const list = editable().filter((a) => a.kind === 'bbox');
    if (!list.length) return false;
    if (!guardEdit()) return true;
    const next = rotateBoxes(list, deg, commandOptions());
    applyUpdate(next);
    const first = next[0];
    if (first?.kind === 'bbox') announce(`Rotated to ${Math.round(first.rotation ?? 0)}°`);
    return true;
  };
  const changeLabel = (labelId: string) => {
    setActiveLabel(labelId);
    const list = editable();
    const relabelled = readOnly ? [] : relabel(list, labelId, schema);
    applyUpdate(relabelled);
    announce(relabelled.length ? `Changed ${relabelled.length} shape${relabelled.length > 1 ? 's' : ''} to ${nameOf(labelId)}` : `Label ${nameOf(labelId)}`);
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
    const list = editable();
    if (!list.length) return decideCurrent('rejected');
    if (!guardEdit()) return true;
    ann.apply({ removed: list.map((a) => a.id) });
    announce(list.length === 1 && list[0] ? `Deleted ${nameOf(list[0].label)} ${KIND_NAMES[list[0].kind]}` : `Deleted ${list.length} shapes`);
    return true;
  };
  const paste = (shapes: readonly ImageAnnotation[], verb: string): boolean => {
    if (!shapes.length) return false;
    if (!guardEdit()) return true;
    const clones = cloneShapes(shapes, 10, () => createId('img_'), commandOptions());
    ann.apply({ added: clones });
    selection.select(clones.map((c) => c.id), 'replace');
    announce(`${verb} ${clones.length} shape${clones.length > 1 ? 's' : ''}`);
    return true;
  };
  const zOrder = (where: 'front' | 'back'): boolean => {
    const ids = [...selectedRef.current];
    if (!ids.length) return false;
    if (!guardEdit()) return true;
    const snap = store.getSnapshot();
    const next = reorder(snap, ids, where);
    // Re-adding in the new order is one undoable step.
    ann.apply({ removed: snap.map((a) => a.id), added: next });
    announce(where === 'front' ? 'Brought to front' : 'Sent to back');
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

  const undo = () => {
    cancelTools();
    if (!ann.canUndo) return announce('Nothing to undo');
    ann.undo();
    announce('Undone');
  };
  const redo = () => {
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
      if (busy()) return toTool('Escape', e);
      if (pickerOpen || helpOpen) {
        setPickerOpen(false);
        setHelpOpen(false);
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
    toggleHidden: () => {
      const ids = [...selectedRef.current];
      if (!ids.length) return false;
      setHiddenIds((s) => toggleSet(s, ids));
      selection.clear();
      announce(`${ids.length} shape${ids.length > 1 ? 's' : ''} ${ids.every((id) => hiddenIds.has(id)) ? 'shown' : 'hidden'}`);
      return true;
    },
    showAllHidden: () => {
      if (!hiddenIds.size && !hiddenLabels.size) return false;
      setHiddenIds(new Set());
      setHiddenLabels(new Set());
      announce('All shapes shown');
      return true;
    },
    toggleLocked: () => {
      const ids = [...selectedRef.current];
      if (!ids.length) return false;
      const locking = !ids.every((id) => lockedIds.has(id));
      setLockedIds((s) => toggleSet(s, ids));
      announce(`${ids.length} shape${ids.length > 1 ? 's' : ''} ${locking ? 'locked' : 'unlocked'}`);
      return true;
    },
    openLabelPicker: () => {
      setPickerOpen(true);
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
    showHelp: () => setHelpOpen((o) => !o),
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
    enabled: !pickerOpen,
    schema,
    kinds: availableTools,
    onLabelHotkey: (id) => changeLabel(id),
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
      return `Drag or click two corners to draw a box · ${kb('crosshair')} draws with the keyboard`;
    }
    if (t === 'polygon') return polyState.current.name === 'drawing' ? 'Click to add points · click the first point, Enter or double-click to close · Backspace removes the last · Esc cancels' : 'Click to start a polygon · draw inside a selected polygon to cut a hole';
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
  const pickerKind: ImageTool = single?.kind ?? (tool === 'select' ? (availableTools[0] ?? 'bbox') : tool);
  const currentLabel = activeLabelFor(pickerKind);
  const panelLabels = schema.labels.filter((l) => l.selectable && l.kinds.some((k) => availableTools.includes(k as ImageTool)));

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
        <button type="button" className="lk-button" aria-haspopup="listbox" aria-expanded={pickerOpen} onClick={() => setPickerOpen((o) => !o)}>
          <span className="lk-image-swatch" style={{ background: currentLabel?.color }} aria-hidden="true" />
          Label: {currentLabel?.name ?? '—'} <kbd className="lk-kbd">{kb('openLabelPicker')}</kbd>
        </button>
        <button type="button" className="lk-button" aria-pressed={helpOpen} onClick={() => setHelpOpen((o) => !o)}>
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
                  <button type="button" className="lk-button" aria-label={`Hide ${l.name}`} aria-pressed={hiddenLabels.has(l.id)} onClick={() => { setHiddenLabels((s) => toggleSet(s, [l.id])); announce(`${l.name} ${hiddenLabels.has(l.id) ? 'shown' : 'hidden'}`); }}>
                    <EyeIcon off={hiddenLabels.has(l.id)} />
                  </button>
                  <button type="button" className="lk-button" aria-label={`Lock ${l.name}`} aria-pressed={lockedLabels.has(l.id)} onClick={() => { setLockedLabels((s) => toggleSet(s, [l.id])); announce(`${l.name} ${lockedLabels.has(l.id) ? 'unlocked' : 'locked'}`); }}>
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
                {singleLabel.attributes?.length ? (
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
        <div className="lk-panel lk-image-picker">
          <LabelPicker
            schema={schema}
            kind={pickerKind}
            {...(currentLabel ? { value: currentLabel.id } : {})}
            autoFocus
            onCommit={(id) => {
              setPickerOpen(false);
              changeLabel(id);
              rootRef.current?.focus();
            }}
            onCancel={() => {
              setPickerOpen(false);
              rootRef.current?.focus();
            }}
          />
        </div>
      ) : null}
      {helpOpen ? (
        <div className="lk-panel lk-image-help" role="dialog" aria-label="Keyboard shortcuts">
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
        </div>
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
