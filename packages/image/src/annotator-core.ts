import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type ReactElement, type RefObject, type SetStateAction } from 'react';
import { formatShortcut, shortcutsOf, type Annotation, type AnnotationStore, type Keymap, type Label, type LabelSchema, type Point2, type Skeleton } from '@labelkit/core';
import { useAnnotations, useAnnouncer, useMergedKeymap, useSelection, type AnnotatorProps, type UseAnnotationsResult, type UseSelectionResult } from '@labelkit/react';
import { type BoxEdge, type CommandOptions, type ImageSize, type HandleHit, IMAGE_KEYMAP, lockedMessage, type ImageScene, labelForTool, drawingToolsOf, isImageAnnotation, type ImageAnnotation, type ImageTool, ShapeIndex, type SpatialIndex, BOX_IDLE, type BoxToolState, DRAW_PRESS_IDLE, type DrawPressState, KEYPOINT_IDLE, type KeypointToolState, POLYGON_IDLE, type PolygonToolState, SELECT_IDLE, type SelectToolState, type ActiveTool, type View, isLockedShape, isShown, type ShapeHiding, type ShapeLocks } from '@labelkit/canvas2d';

/** The tools' state machines. In refs: a pointer move updates them without a React render. */
export interface ToolStates {
  box: RefObject<BoxToolState>;
  polygon: RefObject<PolygonToolState>;
  keypoints: RefObject<KeypointToolState>;
  select: RefObject<SelectToolState>;
  /** A press with a drawing tool: a click selects, a drag draws (tools/draw-press.ts). */
  press: RefObject<DrawPressState>;
}

/** The UI state the canvas reads at draw and hit time. */
export interface CanvasUi extends ShapeHiding, ShapeLocks {
  readOnly: boolean;
  /** The shape Tab moved to. */
  focusedId: string | null;
}

/** Refs shared by the annotator's parts: read by the canvas, written by input, never a reason to render. */
export interface AnnotatorRefs {
  /** The focusable root element (keyboard input). */
  root: RefObject<HTMLDivElement | null>;
  /** The canvas area (pointer input, Konva stage). */
  host: RefObject<HTMLDivElement | null>;
  scene: RefObject<ImageScene | null>;
  view: RefObject<View>;
  /** Size of the canvas area, CSS pixels. */
  canvasSize: RefObject<ImageSize>;
  /** Natural size of the image (0×0 until it has loaded). */
  imageSize: RefObject<ImageSize>;
  /** The active tool (`select` when read-only). */
  tool: RefObject<ActiveTool>;
  /** The selected ids, in step with every selection the annotator makes before React renders it. */
  selected: RefObject<ReadonlySet<string>>;
  /** Handles chosen with a click (polygon vertices, joints). */
  selectedHandles: RefObject<HandleHit[]>;
  /** The box edge that Alt+arrows move. */
  activeEdge: RefObject<BoxEdge>;
  hovered: RefObject<string | null>;
  /** The pointer in image pixels. */
  cursor: RefObject<Point2 | null>;
  /** The pointer in canvas (screen) pixels. */
  screenCursor: RefObject<Point2 | null>;
  ui: RefObject<CanvasUi>;
}

/** Which shapes and labels are hidden or locked, with their setters. */
export interface VisibilityState extends ShapeHiding, ShapeLocks {
  setHiddenIds: Dispatch<SetStateAction<ReadonlySet<string>>>;
  setLockedIds: Dispatch<SetStateAction<ReadonlySet<string>>>;
  setHiddenLabels: Dispatch<SetStateAction<ReadonlySet<string>>>;
  setLockedLabels: Dispatch<SetStateAction<ReadonlySet<string>>>;
}

/** Options of {@link useAnnotatorCore}: the props it reads. */
export interface AnnotatorCoreOptions extends Pick<AnnotatorProps, 'schema' | 'value' | 'defaultValue' | 'onChange' | 'onDragMove' | 'selectedIds' | 'onSelectionChange' | 'keymap' | 'activeLabel' | 'onActiveLabelChange'> {
  readOnly: boolean;
  bounds: 'clamp' | 'allow';
  minSize: number;
  initialView: 'fit' | View;
  tools?: readonly ImageTool[] | undefined;
  defaultTool?: ActiveTool | undefined;
}

/**
 * The state every part of the image annotator shares (scene, tools, suggestions, commands, input,
 * UI): the annotations and selection, the schema helpers, the UI state and the refs the canvas
 * reads. Rebuilt each render; the parts take what they need from it.
 */
export interface AnnotatorCore {
  schema: LabelSchema;
  ann: UseAnnotationsResult;
  store: AnnotationStore;
  selection: UseSelectionResult;
  /** The selection as a set (a new one when the selection changes). */
  selectedSet: ReadonlySet<string>;
  announce(message: string): void;
  liveRegion: ReactElement;
  keymap: Keymap;
  /** The first shortcut of a keymap action, as shown to the user ("Ctrl+Z"); empty if it has none. */
  kb(action: string): string;
  readOnly: boolean;
  bounds: 'clamp' | 'allow';
  minSize: number;
  initialView: 'fit' | View;
  availableTools: ImageTool[];
  /** The tool shown as active (the state; `refs.tool` is what input reads). */
  tool: ActiveTool;
  setToolState: Dispatch<SetStateAction<ActiveTool>>;
  activeLabel: string | undefined;
  setActiveLabel(id: string): void;
  visibility: VisibilityState;
  focusedId: string | null;
  setFocusedId: Dispatch<SetStateAction<string | null>>;
  refs: AnnotatorRefs;
  tools: ToolStates;
  shapeIndex: ShapeIndex;
  /** The spatial index of the annotations (built on first use). */
  spatial(): SpatialIndex;
  /** Renders again (the status hint follows the tools' states, which live in refs). */
  rerender(): void;
  labelOf(id: string): Label | undefined;
  colorOf(labelId: string): string;
  skeletonOf(labelId: string): Skeleton | undefined;
  nameOf(labelId: string): string;
  /** The label a new shape of `kind` gets. */
  labelFor(kind: ImageTool): Label | undefined;
  isVisible(a: Annotation): boolean;
  isLocked(id: string): boolean;
  shapeOf(id: string): ImageAnnotation | undefined;
  selectedShapes(): ImageAnnotation[];
  /** Replaces the shape selection, keeping the refs the canvas reads in step. */
  selectShapes(ids: string[]): void;
  /** Says "Read-only" when read-only; returns whether edits are allowed. */
  guardEdit(): boolean;
  /** Why locked shapes were left alone (`verb`: "moved"...), for the live region. */
  lockedMessage(ids: readonly string[], verb: string): string;
  /** Image size, bounds and minimum size for commands. */
  commandOptions(): CommandOptions;
}

/** Builds the {@link AnnotatorCore} of an image annotator. */
export function useAnnotatorCore(o: AnnotatorCoreOptions): AnnotatorCore {
  const { schema, readOnly } = o;
  const ann = useAnnotations({ value: o.value, defaultValue: o.defaultValue, onChange: o.onChange, onDragMove: o.onDragMove });
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
  const selection = useSelection({ selectedIds: o.selectedIds, onSelectionChange: o.onSelectionChange, annotations: membership.current.annotations });
  const { announce, liveRegion } = useAnnouncer();
  const keymap = useMergedKeymap(IMAGE_KEYMAP, o.keymap);
  const availableTools = useMemo(() => drawingToolsOf(schema, o.tools), [schema, o.tools]);

  const [tool, setToolState] = useState<ActiveTool>(() => (readOnly ? 'select' : (o.defaultTool ?? availableTools[0] ?? 'select')));
  const toolRef = useRef(tool);
  toolRef.current = readOnly ? 'select' : tool;

  const [activeLabelInner, setActiveLabelInner] = useState<string | undefined>(undefined);
  const activeLabel = o.activeLabel ?? activeLabelInner;
  const setActiveLabel = useCallback(
    (id: string) => {
      setActiveLabelInner(id);
      o.onActiveLabelChange?.(id);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [o.onActiveLabelChange],
  );

  // UI state that the canvas reads through refs (so pointer moves never re-render React).
  const [hiddenIds, setHiddenIds] = useState<ReadonlySet<string>>(new Set());
  const [lockedIds, setLockedIds] = useState<ReadonlySet<string>>(new Set());
  const [hiddenLabels, setHiddenLabels] = useState<ReadonlySet<string>>(new Set());
  const [lockedLabels, setLockedLabels] = useState<ReadonlySet<string>>(new Set());
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const rerender = useCallback(() => setTick((n) => n + 1), []);

  const uiRef = useRef<CanvasUi>({ hiddenIds, lockedIds, hiddenLabels, lockedLabels, readOnly, focusedId });
  uiRef.current = { hiddenIds, lockedIds, hiddenLabels, lockedLabels, readOnly, focusedId };
  const selectedSet = useMemo(() => new Set(selection.selectedIds), [selection.selectedIds]);
  const selectedRef = useRef<ReadonlySet<string>>(selectedSet);
  selectedRef.current = selectedSet;
  const refs: AnnotatorRefs = {
    root: useRef<HTMLDivElement>(null),
    host: useRef<HTMLDivElement>(null),
    scene: useRef<ImageScene | null>(null),
    view: useRef<View>(o.initialView === 'fit' ? { zoom: 1, x: 0, y: 0 } : o.initialView),
    canvasSize: useRef<ImageSize>({ width: 0, height: 0 }),
    imageSize: useRef<ImageSize>({ width: 0, height: 0 }),
    tool: toolRef,
    selected: selectedRef,
    selectedHandles: useRef<HandleHit[]>([]),
    activeEdge: useRef<BoxEdge>('e'),
    hovered: useRef<string | null>(null),
    cursor: useRef<Point2 | null>(null),
    screenCursor: useRef<Point2 | null>(null),
    ui: uiRef,
  };
  const tools: ToolStates = {
    box: useRef<BoxToolState>(BOX_IDLE),
    polygon: useRef<PolygonToolState>(POLYGON_IDLE),
    keypoints: useRef<KeypointToolState>(KEYPOINT_IDLE),
    select: useRef<SelectToolState>(SELECT_IDLE),
    press: useRef<DrawPressState>(DRAW_PRESS_IDLE),
  };
  // Built in idle time or on first use (a hit test, a culled draw, a marquee), not at mount.
  const shapeIndex = useMemo(() => new ShapeIndex(store.getSnapshot), [store]);
  const spatial = useCallback(() => shapeIndex.get(), [shapeIndex]);

  const labelOf = useCallback((id: string): Label | undefined => schema.byId.get(id), [schema]);
  const colorOf = useCallback((id: string) => schema.byId.get(id)?.color ?? '#888888', [schema]);
  const skeletonOf = useCallback((id: string): Skeleton | undefined => schema.byId.get(id)?.skeleton, [schema]);
  const nameOf = useCallback((id: string) => schema.byId.get(id)?.name ?? id, [schema]);
  const isVisible = useCallback((a: Annotation) => isShown(uiRef.current, a), []);
  const isLocked = useCallback((id: string) => isLockedShape(uiRef.current, id, store.get(id)?.label), [store]);
  const shapeOf = useCallback(
    (id: string): ImageAnnotation | undefined => {
      const a = store.get(id);
      return a && isImageAnnotation(a) ? a : undefined;
    },
    [store],
  );
  const selectedShapes = useCallback(() => [...selectedRef.current].map((id) => shapeOf(id)).filter((a): a is ImageAnnotation => a !== undefined), [shapeOf]);
  const kb = (action: string): string => {
    const s = shortcutsOf(keymap[action])[0];
    return s ? formatShortcut(s) : '';
  };

  return {
    schema,
    ann,
    store,
    selection,
    selectedSet,
    announce,
    liveRegion,
    keymap,
    kb,
    readOnly,
    bounds: o.bounds,
    minSize: o.minSize,
    initialView: o.initialView,
    availableTools,
    tool,
    setToolState,
    activeLabel,
    setActiveLabel,
    visibility: { hiddenIds, lockedIds, hiddenLabels, lockedLabels, setHiddenIds, setLockedIds, setHiddenLabels, setLockedLabels },
    focusedId,
    setFocusedId,
    refs,
    tools,
    shapeIndex,
    spatial,
    rerender,
    labelOf,
    colorOf,
    skeletonOf,
    nameOf,
    labelFor: (kind) => labelForTool(schema, kind, activeLabel),
    isVisible,
    isLocked,
    shapeOf,
    selectedShapes,
    selectShapes: (ids) => {
      selection.select(ids, 'replace');
      selectedRef.current = new Set(ids);
      refs.selectedHandles.current = [];
    },
    guardEdit: () => {
      if (readOnly) announce('Read-only');
      return !readOnly;
    },
    lockedMessage: (ids, verb) =>
      lockedMessage(
        ids.map((id) => shapeOf(id)).filter((a): a is ImageAnnotation => a !== undefined),
        uiRef.current,
        verb,
        nameOf,
        kb('toggleLocked'),
      ),
    commandOptions: () => ({
      image: refs.imageSize.current,
      bounds: refs.imageSize.current.width > 0 ? o.bounds : 'allow',
      minSize: o.minSize,
    }),
  };
}
