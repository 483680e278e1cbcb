import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type CSSProperties } from 'react';
import type { Annotation } from '@labelkit/core';
import { LabelkitStyles, SuggestionBar, useStyleSheet, type AnnotatorHandle, type AnnotatorProps } from '@labelkit/react';
import { useAnnotatorCore } from './annotator-core.js';
import { LabelPickerPopover, ShortcutsHelp } from './annotator-popovers.js';
import { drawOverlay, type ImageSize, type SceneModel, panelLabelsOf, type ImageTool, statusHint, KIND_NAMES, type ActiveTool, type View } from '@labelkit/canvas2d';
import { IMAGE_CSS } from './image-styles.js';
import { SidePanel } from './side-panel.js';
import { Toolbar } from './toolbar.js';
import { useAttributeGesture } from './use-attribute-gesture.js';
import { useEditCommands } from './use-edit-commands.js';
import { useImage } from './use-image.js';
import { useImageKeyboard } from './use-image-keyboard.js';
import { useImageScene } from './use-image-scene.js';
import { usePointerInput } from './use-pointer-input.js';
import { useSuggestionReview } from './use-suggestion-review.js';
import { useToolRunner } from './use-tool-runner.js';

export type { ActiveTool } from '@labelkit/canvas2d';

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
   * not) or a rejection (one, or all at once) puts the suggestion back in review, and
   * `onSuggestionDecision` reports it `undone`; undo and redo take back the edits and the rejections
   * in the order they happened. Escape during a drag cancels without accepting.
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
export const ImageAnnotator = forwardRef<ImageAnnotatorHandle, ImageAnnotatorProps>(function ImageAnnotator(props, ref): React.JSX.Element {
  const { schema, src, readOnly = false, initialView = 'fit', sidePanel = true, suggestions } = props;
  useStyleSheet('labelkit-image', IMAGE_CSS);
  const core = useAnnotatorCore({ ...props, readOnly, bounds: props.bounds ?? 'clamp', minSize: props.minSize ?? 2, initialView });
  const { ann, selection, keymap, kb, availableTools, tool, shapeOf } = core;
  const { image, size: naturalSize, status } = useImage(src, props.crossOrigin);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  // What had focus when a popover opened: it gets focus back when the popover closes.
  const popoverOpener = useRef<HTMLElement | null>(null);
  const zoomRef = useRef<HTMLSpanElement>(null);
  const overlayRef = useRef<SceneModel['drawOverlay']>(() => {});

  const { setView, fit } = useImageScene(core, { image, naturalSize, status, drawOverlay: overlayRef, zoomReadout: zoomRef, onViewChange: props.onViewChange, onImageLoad: props.onImageLoad });
  const review = useSuggestionReview(core, { suggestions, onSuggestionDecision: props.onSuggestionDecision });
  const { hiddenIds, lockedIds, hiddenLabels, lockedLabels } = core.visibility;
  // Selection, visibility, suggestions: the static layer's membership changes.
  useEffect(() => {
    core.refs.scene.current?.redrawAll();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [core.selectedSet, hiddenIds, hiddenLabels, lockedIds, lockedLabels, review.pending, review.current, review.selected, core.focusedId, schema]);

  const runner = useToolRunner(core, review);
  const single = selection.selectedIds.length === 1 ? shapeOf(selection.selectedIds[0] as string) : undefined;
  const attributeGesture = useAttributeGesture(ann, review.gesture.open, single?.id);
  const edits = useEditCommands(core, review, runner, { setView, fit, endAttributeEdit: attributeGesture.end });
  // The handle calls the latest commands (they read this render's props, e.g. `onSuggestionDecision`).
  const editsRef = useRef(edits);
  editsRef.current = edits;
  const openPopover = (which: 'picker' | 'help') => {
    popoverOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : core.refs.root.current;
    setPickerOpen(which === 'picker');
    setHelpOpen(which === 'help');
  };
  usePointerInput(core, review, runner, {
    setView,
    onPress: () => {
      if (pickerOpen) setPickerOpen(false);
      if (helpOpen) setHelpOpen(false);
    },
  });
  useImageKeyboard(core, review, runner, edits, { enabled: !pickerOpen && !helpOpen, setView, openPicker: () => openPopover('picker'), openHelp: () => openPopover('help') });

  const { refs, tools } = core;
  overlayRef.current = (ctx, view) =>
    drawOverlay(ctx, view, {
      suggestions: review.live.current.pendingSuggestions,
      currentSuggestion: review.live.current.current,
      editedSuggestion: review.selectedRef.current,
      selected: refs.selected.current,
      hovered: refs.hovered.current,
      focused: refs.ui.current.focusedId,
      readOnly: refs.ui.current.readOnly,
      shapeOf,
      isVisible: core.isVisible,
      isLocked: core.isLocked,
      colorOf: core.colorOf,
      nameOf: core.nameOf,
      skeletonOf: core.skeletonOf,
      labelFor: core.labelFor,
      activeEdge: refs.activeEdge.current,
      chosenHandles: refs.selectedHandles.current,
      tool: refs.tool.current,
      box: tools.box.current,
      polygon: tools.polygon.current,
      keypoints: tools.keypoints.current,
      select: tools.select.current,
      cursor: refs.cursor.current,
      image: refs.imageSize.current,
    });

  useImperativeHandle(
    ref,
    () => ({
      // As the keys and the toolbar do: rejected suggestions come back too, in turn with the edits.
      undo: () => editsRef.current.undo(),
      redo: () => editsRef.current.redo(),
      canUndo: () => editsRef.current.canUndo(),
      canRedo: () => editsRef.current.canRedo(),
      select: (ids) => selection.select(ids, 'replace'),
      focus: () => refs.root.current?.focus(),
      getAnnotations: () => [...core.store.getSnapshot()],
      getView: () => ({ ...refs.view.current }),
      setView: (v) => setView(v),
      fit,
      setTool: (t) => runner.setTool(t),
      flushView: () => refs.scene.current?.drawNow(),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [core.store, selection, setView, fit, runner.setTool],
  );

  // ---------- UI ----------
  const hintId = useId();
  const hint = statusHint({
    readOnly,
    tool: refs.tool.current,
    box: tools.box.current.name,
    polygon: tools.polygon.current.name,
    keypoints: tools.keypoints.current,
    skeleton: core.labelFor('keypoints')?.skeleton,
    kb,
  });
  const singleLabel = single ? core.labelOf(single.label) : undefined;
  const sugShape = review.selected === null ? undefined : review.pending.find((s) => s.id === review.selected);
  const pickerKind: ImageTool = single?.kind ?? sugShape?.kind ?? (tool === 'select' ? (availableTools[0] ?? 'bbox') : tool);
  const currentLabel = core.labelFor(pickerKind);
  const pending = review.pending;
  const current = review.current;

  return (
    <div
      ref={refs.root}
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
      <Toolbar
        tools={['select', ...availableTools]}
        tool={tool}
        readOnly={readOnly}
        canUndo={edits.canUndo()}
        canRedo={edits.canRedo()}
        canDelete={selection.selectedIds.length > 0}
        label={currentLabel}
        pickerOpen={pickerOpen}
        helpOpen={helpOpen}
        keymap={keymap}
        kb={kb}
        onTool={runner.setTool}
        onZoomOut={() => edits.zoomBy(0.8)}
        onZoomIn={() => edits.zoomBy(1.25)}
        onFit={edits.fitToView}
        onActualSize={edits.actualSize}
        onUndo={edits.undo}
        onRedo={edits.redo}
        onDelete={() => edits.deleteSelected()}
        onLabelPicker={() => (pickerOpen ? setPickerOpen(false) : openPopover('picker'))}
        onHelp={() => (helpOpen ? setHelpOpen(false) : openPopover('help'))}
      />
      {pending.length > 0 || (suggestions?.length ?? 0) > 0 ? (
        <SuggestionBar
          pending={pending.length}
          total={suggestions?.length ?? 0}
          {...(current ? { current: { label: core.nameOf(current.label), ...(current.score !== undefined ? { score: current.score } : {}), position: pending.indexOf(current) + 1 } } : {})}
          onAccept={() => review.decideCurrent('accepted')}
          onReject={() => review.decideCurrent('rejected')}
          onAcceptAll={() => review.decideAll('accepted')}
          onRejectAll={() => review.decideAll('rejected')}
          onAcceptAtOrAbove={(t) => review.decideAll('accepted', t)}
          countAtOrAbove={(t) => pending.filter((s) => s.score !== undefined && s.score >= t).length}
          onNext={() => review.step(1)}
          onPrevious={() => review.step(-1)}
          hotkeys={{ accept: kb('acceptSuggestion'), reject: kb('rejectSuggestion'), next: kb('nextSuggestion'), previous: kb('prevSuggestion') }}
          disabled={readOnly}
        />
      ) : null}
      <div className="lk-image-main">
        <div ref={refs.host} className="lk-image-canvas" data-testid="lk-image-canvas" style={{ cursor: tool === 'select' ? 'default' : 'crosshair' }} />
        {sidePanel ? (
          <SidePanel
            labels={panelLabelsOf(schema, availableTools)}
            activeLabelId={currentLabel?.id}
            hiddenLabels={hiddenLabels}
            lockedLabels={lockedLabels}
            selected={single && singleLabel ? { shape: single, label: singleLabel, locked: lockedIds.has(single.id), readOnly: readOnly || core.isLocked(single.id) } : undefined}
            selectedCount={selection.selectedIds.length}
            keymap={keymap}
            kb={kb}
            onLabel={edits.changeLabel}
            onToggleLabelHidden={edits.toggleLabelHidden}
            onToggleLabelLocked={edits.toggleLabelLocked}
            onHide={() => edits.hideSelected()}
            onLock={() => edits.lockSelected()}
            onAttributesChange={(next) => {
              const a = single && shapeOf(single.id);
              if (a) ann.apply({ updated: [{ ...a, attributes: next }] });
            }}
            onAttributesFocus={attributeGesture.onFocus}
            onAttributesBlur={attributeGesture.onBlur}
          />
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
        <LabelPickerPopover
          schema={schema}
          kind={pickerKind}
          value={currentLabel?.id}
          title={single ? `Label of the selected ${KIND_NAMES[single.kind]}` : sugShape ? 'Label of the suggestion (accepts it)' : 'Label for new shapes'}
          returnFocus={popoverOpener.current}
          onCommit={(id) => {
            setPickerOpen(false);
            edits.changeLabel(id);
          }}
          onClose={() => setPickerOpen(false)}
        />
      ) : null}
      {helpOpen ? <ShortcutsHelp keymap={keymap} returnFocus={popoverOpener.current} onClose={() => setHelpOpen(false)} /> : null}
      {core.liveRegion}
    </div>
  );
});
