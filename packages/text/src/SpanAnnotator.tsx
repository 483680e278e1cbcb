import { forwardRef, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { OffsetIndex, type Annotation, type SpanAnnotation } from '@labelkit/core';
import {
  LabelkitStyles,
  LabelPicker,
  useAnnotations,
  useAnnotatorHotkeys,
  useAnnouncer,
  useControllableState,
  useMergedKeymap,
  useSelection,
  type AnnotatorHandle,
  type AnnotatorProps,
} from '@labelkit/react';
import { chunkAt, chunkText } from './text-chunks.js';
import { cycleSpanAt } from './span-lanes.js';
import { SpanBuckets } from './span-buckets.js';
import type { SnapMode } from './snap-selection.js';
import { moveCaret } from './caret.js';
import { TEXT_KEYMAP } from './text-keymap.js';
import type { DrawnSpan } from './TextFragments.js';
import { TextStyles, LANE_PX } from './text-styles.js';
import { findSpanById, isDrawable, layoutVisible, makeSpan, moveSpanEdge, quote, readingOrder, resizeSpan, spansOf } from './span-model.js';
import { spanToolCaret, spanToolPending, spanToolRange } from './span-tool.js';
import { useSpanTool } from './use-span-tool.js';
import { useSpanPointer } from './use-span-pointer.js';
import { estimateLines, useVirtualWindow } from './use-virtual-window.js';
import { useTextReview } from './use-text-review.js';
import { TextSuggestionBar } from './TextSuggestionBar.js';
import { ChunkView } from './ChunkView.js';
import { SpanDetails } from './SpanDetails.js';

/** Stable stand-in for an absent `suggestions` prop, so memoised layout is not recomputed every render. */
const NO_SUGGESTIONS: readonly Annotation[] = [];
/** Props of {@link SpanAnnotator}: the common annotator props plus the text and how to select in it. */
export interface SpanAnnotatorProps extends AnnotatorProps {
  /** The source text, rendered exactly (whitespace, tabs, CRLF, bidi). Span offsets are code points in it. */
  text: string;
  /** How selections snap: `'character'` (default, grapheme-safe) or `'word'` (whole words). Whitespace is always trimmed. */
  snap?: SnapMode;
  /** BCP 47 locale of the text for word rules (e.g. `'ja'` for Japanese word snapping). */
  locale?: string;
  /** `'review'` shows label names at span ends and turns off the drag handles: a read-through look. */
  appearance?: 'edit' | 'review';
  /** Largest height of the scrolling text area (CSS length or pixels; default 480). Long texts are virtualised inside it. */
  height?: number | string;
  /** Initial threshold of the suggestion bar's "Accept ≥" button (default 0.5). "Accept all" (Mod+Shift+Enter) takes every pending suggestion. */
  suggestionThreshold?: number;
}

/** A label picker the tool does not own: relabel the selected span, or choose the active label. */
type Picker = { mode: 'relabel'; id: string } | { mode: 'active' };

const EMPTY_SPANS: readonly DrawnSpan[] = [];

/**
 * Named-entity span labelling over plain text. Select with the mouse (across lines too) or with the
 * keyboard alone (arrows move a caret by character, Mod/Alt+arrows by word, Shift extends; Enter or a
 * label hotkey labels the selection). Spans are code points, half-open, over the exact source text.
 * Overlapping and nested spans are stacked underlines in label colours; click again at the same
 * place (or Tab) to reach the span under another. Edges move by dragging the handles of the selected
 * span or with Shift+arrows (end) and Alt+Shift+arrows (start). Suggestions are dashed with their
 * score, reviewed with the suggestion bar or the keys: N / Shift+N walk them, Enter accepts,
 * Shift+Delete rejects, Mod+Shift+Enter accepts all pending (the bar's "Accept ≥" takes those scored
 * at least its threshold, `suggestionThreshold` at first); Mod+Z undoes a decision like any edit, and
 * the suggestion is back in review (`onSuggestionDecision` hears `undone`). Only the visible paragraphs are rendered, so
 * book-length texts stay fast.
 */
export const SpanAnnotator = forwardRef<AnnotatorHandle, SpanAnnotatorProps>(function SpanAnnotator(props, ref): React.JSX.Element {
  const { text, schema, snap = 'character', locale, readOnly = false, appearance = 'edit', height = 480, suggestionThreshold = 0.5, className } = props;
  const ariaLabel = props['aria-label'] ?? 'Text to annotate';
  const helpId = useId();
  const index = useMemo(() => new OffsetIndex(text), [text]);
  const chunks = useMemo(() => chunkText(text, {}, index), [text, index]);
  const chunkStarts = useMemo(() => chunks.map((c) => c.start), [chunks]);

  const { annotations, store, apply, beginGesture, endGesture } = useAnnotations({ value: props.value, defaultValue: props.defaultValue, onChange: props.onChange, onDragMove: props.onDragMove });
  const selection = useSelection({ selectedIds: props.selectedIds, onSelectionChange: props.onSelectionChange, annotations });
  const [activeLabel, setActiveLabel] = useControllableState<string | undefined>({ value: props.activeLabel, defaultValue: undefined, onChange: props.onActiveLabelChange as ((id: string | undefined) => void) | undefined, name: 'SpanAnnotator activeLabel' });
  const { announce, liveRegion } = useAnnouncer();
  const keymap = useMergedKeymap(TEXT_KEYMAP, props.keymap);

  const spanLabels = useMemo(() => schema.labels.filter((l) => l.selectable && l.kinds.includes('span')), [schema]);
  // No list of all spans is derived per edit: spans are looked up by id (from the end, where new ones
  // are appended) and the buckets below follow each edit incrementally.
  const spanById = (id: string | null | undefined) => findSpanById(annotations, id);
  const revealRef = useRef(false);
  // Span suggestions with their text as the source has it: what an accept puts in the store.
  const suggestionSpans = useMemo(
    () => spansOf(props.suggestions ?? NO_SUGGESTIONS).map((s) => (isDrawable(s, index.length) && index.slice(s.start, s.end) !== s.text ? { ...s, text: index.slice(s.start, s.end) } : s)),
    [props.suggestions, index],
  );
  const labelName = (id: string) => schema.byId.get(id)?.name ?? id;
  // Core's suggestion review (reading order), with the review focus; every undo and redo goes through it.
  const suggestionReview = useTextReview(store, {
    suggestions: suggestionSpans,
    readOnly,
    announce,
    onSuggestionDecision: props.onSuggestionDecision,
    describe: (s) => `${labelName(s.label)} ${quote(s.kind === 'span' ? s.text : '')}`,
    onFocus: () => {
      selection.clear();
      revealRef.current = true;
    },
  });
  const { focused: focusedSuggestion, setFocused: setFocusedSuggestion, history } = suggestionReview;
  const liveSuggestions = useMemo(() => spansOf(suggestionReview.state.pending), [suggestionReview.state.pending]);
  // Spans and suggestions together, bucketed per chunk and updated edit by edit (one new span copies one
  // chunk's list); only the visible chunks get laid out below.
  const suggestionSet = useMemo(() => new Set<SpanAnnotation>(liveSuggestions), [liveSuggestions]);
  const [bucketIndex] = useState(() => new SpanBuckets());
  const buckets = useMemo(() => bucketIndex.update(annotations, liveSuggestions, chunkStarts, index.length), [bucketIndex, annotations, liveSuggestions, chunkStarts, index]);
  const drawCache = useRef(new WeakMap<SpanAnnotation, DrawnSpan>()).current;
  const [picker, setPicker] = useState<Picker | null>(null);
  const surfaceRef = useRef<HTMLDivElement>(null);
  const selectedSpan = selection.selectedIds.length === 1 ? spanById(selection.selectedIds[0]) : undefined;

  // ---- the span tool: making spans and resizing them (span-tool.ts) -----------------------------
  const createSpan = (start: number, end: number, labelId: string) => {
    const s = makeSpan(schema, index, start, end, labelId);
    apply({ added: [s] });
    selection.select([s.id]);
    announce(`${labelName(labelId)} span created: ${quote(s.text)}, characters ${start} to ${end}`);
  };
  const tool = useSpanTool(
    { text, index, snap, locale, readOnly, activeLabel, spanBounds: (id) => findSpanById(store.getSnapshot(), id) },
    (effect) => {
      switch (effect.type) {
        case 'selectionStart':
          // A new text selection: a label key or button now labels it, not the span selected before.
          if (selection.selectedIds.length) selection.clear();
          return setFocusedSuggestion(null);
        case 'selected':
          return announce(`Selected ${quote(index.slice(effect.start, effect.end))}`);
        case 'create':
          return createSpan(effect.start, effect.end, effect.label);
        case 'refused':
          return announce(effect.reason === 'readOnly' ? 'Read only' : 'Nothing to label: the selection is only whitespace');
        case 'resizeBegin':
          return beginGesture();
        case 'resize': {
          const s = findSpanById(store.getSnapshot(), effect.id);
          if (s) apply({ updated: [resizeSpan(s, index, effect.start, effect.end)] });
          return;
        }
        case 'resizeEnd': {
          endGesture();
          const s = findSpanById(store.getSnapshot(), effect.id);
          if (s) announce(`${labelName(s.label)} span now ${quote(s.text)}, characters ${s.start} to ${s.end}`);
          return;
        }
        // 'openPicker': the picker shows while the tool is picking; 'click': the pointer code hit-tests.
        default:
          return;
      }
    },
  );
  const caret = spanToolCaret(tool.state);
  const range = spanToolRange(tool.state);
  const pending = spanToolPending(tool.state);
  const creating = tool.state.name === 'picking' ? tool.state : null;

  // ---- virtualisation: only the visible window of chunks is rendered --------------------------------
  const view = useVirtualWindow({
    count: chunks.length,
    blocks: chunks,
    height,
    indexAttribute: 'lkChunk',
    estimate: (i, width) => {
      const c = chunks[i];
      return estimateLines(c ? c.u16End - c.u16Start : 0, width) * (24 + (buckets[i]?.length ? 2 : 1) * LANE_PX) + 2;
    },
  });
  const { first, last, heights, syncWindow } = view;
  const visible = useMemo(() => layoutVisible(schema, buckets, first, last, suggestionSet, drawCache), [schema, buckets, first, last, suggestionSet, drawCache]);

  // Keep the caret in view after keyboard moves.
  useLayoutEffect(() => {
    if (!revealRef.current) return;
    const scroller = view.scrollRef.current;
    const caretEl = view.contentRef.current?.querySelector('.lk-text-caret, [data-lk-selected], [data-lk-focused-suggestion]');
    if (caretEl) {
      revealRef.current = false;
      caretEl.scrollIntoView({ block: 'nearest' });
    } else if (scroller) {
      const target = focusedSuggestion ? (liveSuggestions.find((s) => s.id === focusedSuggestion)?.start ?? caret) : selectedSpan ? selectedSpan.start : caret;
      scroller.scrollTop = Math.max(0, heights.offsetOf(chunkAt(chunks, target)) - scroller.clientHeight / 3);
      syncWindow();
    }
  });

  // ---- actions --------------------------------------------------------------------------------
  const moveTo = (offset: number, extend: boolean) => {
    // Moving the caret leaves span and suggestion focus: arrows then edit text selection, not a span.
    if (selection.selectedIds.length) selection.clear();
    setFocusedSuggestion(null);
    tool.dispatch({ type: 'caret', offset, extend });
    revealRef.current = true;
  };
  /**
   * Arrow keys move visually, as in an editor: in a right-to-left paragraph (Arabic, Hebrew)
   * ArrowLeft moves forward in the text. Returns the logical direction for a visual one.
   */
  const logical = (visual: -1 | 1, at: number): -1 | 1 => {
    const el = view.contentRef.current?.querySelector(`[data-lk-chunk="${chunkAt(chunks, at)}"]`);
    return el && getComputedStyle(el).direction === 'rtl' ? (-visual as -1 | 1) : visual;
  };
  const step = (visual: -1 | 1, unit: 'grapheme' | 'word', extend: boolean) => {
    const dir = logical(visual, caret);
    if (!extend && range && unit === 'grapheme') {
      moveTo(dir < 0 ? range.start : range.end, false);
      return;
    }
    if (!extend && selectedSpan) {
      selection.clear();
      moveTo(dir < 0 ? selectedSpan.start : selectedSpan.end, false);
      return;
    }
    moveTo(moveCaret(text, caret, dir, { unit, locale, index }), extend);
  };
  const lineStep = (dir: -1 | 1, extend: boolean) => {
    const ci = chunkAt(chunks, caret);
    const target = chunks[Math.max(0, Math.min(chunks.length - 1, ci + dir))];
    if (!target) return;
    moveTo(dir > 0 && ci === chunks.length - 1 ? index.length : target.start, extend);
  };
  const relabel = (id: string, labelId: string) => {
    const s = spanById(id);
    if (!s || s.label === labelId) return;
    apply({ updated: [{ ...s, label: labelId }] });
    announce(`Relabelled ${quote(s.text)} as ${labelName(labelId)}`);
  };
  const removeSelected = () => {
    const ids = selection.selectedIds.filter((id) => spanById(id) !== undefined);
    if (!ids.length) return false;
    if (readOnly) return announce('Read only');
    apply({ removed: ids });
    selection.clear();
    announce(ids.length === 1 ? 'Span deleted' : `${ids.length} spans deleted`);
  };
  const moveEdge = (edge: 'start' | 'end', visual: -1 | 1) => {
    if (!selectedSpan || range) return false;
    const dir = logical(visual, selectedSpan[edge]);
    if (readOnly) return announce('Read only');
    const moved = moveSpanEdge(text, selectedSpan, edge, dir, { unit: snap === 'word' ? 'word' : 'grapheme', locale, index });
    if (!moved) return announce('A span cannot be empty');
    const { start, end } = moved;
    if (start === selectedSpan.start && end === selectedSpan.end) return announce(`The span ${edge} cannot move further`);
    const updated = resizeSpan(selectedSpan, index, start, end);
    apply({ updated: [updated] });
    revealRef.current = true;
    announce(`${labelName(updated.label)} span now ${quote(updated.text)}, characters ${start} to ${end}`);
  };
  const selectSpan = (s: SpanAnnotation, how: string) => {
    selection.select([s.id]);
    setFocusedSuggestion(null);
    tool.dispatch({ type: 'caret', offset: s.start, extend: false });
    revealRef.current = true;
    announce(`${labelName(s.label)}: ${quote(s.text)}${how}`);
  };
  const walkSpans = (dir: -1 | 1) => {
    // Sorted on demand: keeping 10,000 spans sorted on every edit would cost more than a Tab press.
    const ordered = readingOrder(spansOf(annotations));
    if (!ordered.length) return false;
    const cur = selectedSpan ? ordered.findIndex((s) => s.id === selectedSpan.id) : -1;
    let i: number;
    if (cur === -1) {
      if (dir > 0) i = ordered.findIndex((s) => s.start >= caret);
      else {
        i = -1;
        ordered.forEach((s, k) => {
          if (s.start < caret) i = k;
        });
      }
    } else i = cur + dir;
    const s = ordered[i];
    if (!s) return false; // let Tab leave the annotator after the last span
    selectSpan(s, `, span ${i + 1} of ${ordered.length}`);
  };
  /** A key handler's answer from the tool: false lets the key go to the next action bound to it. */
  const label = (labelId?: string, openPicker?: boolean) => (tool.dispatch({ type: 'label', ...(labelId === undefined ? {} : { label: labelId }), ...(openPicker ? { openPicker } : {}) }).handled ? undefined : false);

  useAnnotatorHotkeys(
    surfaceRef,
    keymap,
    {
      undo: () => (readOnly ? false : history('undo')),
      redo: () => (readOnly ? false : history('redo')),
      acceptSuggestion: () => (focusedSuggestion ? suggestionReview.decide([focusedSuggestion], 'accepted') : false),
      rejectSuggestion: () => (focusedSuggestion ? suggestionReview.decide([focusedSuggestion], 'rejected') : false),
      acceptAllSuggestions: () => suggestionReview.acceptAll(),
      rejectAllSuggestions: () => suggestionReview.rejectAll(),
      nextSuggestion: () => suggestionReview.step(1),
      prevSuggestion: () => suggestionReview.step(-1),
      delete: () => removeSelected(),
      deselect: () => {
        if (!range && !selection.selectedIds.length && !focusedSuggestion) return false;
        tool.dispatch({ type: 'cancel' });
        selection.clear();
        setFocusedSuggestion(null);
        announce('Selection cleared');
      },
      nextAnnotation: () => walkSpans(1),
      prevAnnotation: () => walkSpans(-1),
      openLabelPicker: () => {
        if (range && !readOnly) return label(undefined, true);
        if (selectedSpan && !readOnly) setPicker({ mode: 'relabel', id: selectedSpan.id });
        else setPicker({ mode: 'active' });
      },
      labelSelection: () => {
        if (range) return label();
        if (selectedSpan && !readOnly) return setPicker({ mode: 'relabel', id: selectedSpan.id });
        return false;
      },
      spanStartLeft: () => moveEdge('start', -1),
      spanStartRight: () => moveEdge('start', 1),
      spanEndLeft: () => moveEdge('end', -1),
      spanEndRight: () => moveEdge('end', 1),
      caretLeft: () => step(-1, 'grapheme', false),
      caretRight: () => step(1, 'grapheme', false),
      caretWordLeft: () => step(-1, 'word', false),
      caretWordRight: () => step(1, 'word', false),
      extendLeft: () => step(-1, 'grapheme', true),
      extendRight: () => step(1, 'grapheme', true),
      extendWordLeft: () => step(-1, 'word', true),
      extendWordRight: () => step(1, 'word', true),
      caretUp: () => lineStep(-1, false),
      caretDown: () => lineStep(1, false),
      extendUp: () => lineStep(-1, true),
      extendDown: () => lineStep(1, true),
      caretHome: () => moveTo(chunks[chunkAt(chunks, caret)]?.start ?? 0, false),
      caretEnd: () => {
        const c = chunks[chunkAt(chunks, caret)];
        if (!c) return;
        const body = index.slice(c.start, c.end).replace(/\r?\n$|\r$/u, '');
        moveTo(c.start + [...body].length, false);
      },
    },
    {
      schema,
      kinds: ['span'],
      onLabelHotkey: (labelId) => {
        if (range) return label(labelId);
        if (selectedSpan && !readOnly) return relabel(selectedSpan.id, labelId);
        setActiveLabel(labelId);
        announce(`Active label: ${labelName(labelId)}`);
      },
    },
  );

  // ---- pointer: presses, handle drags and clicks through the tool ---------------------------------
  const handles = !readOnly && appearance !== 'review';
  const pointer = useSpanPointer({
    tool,
    contentRef: view.contentRef,
    surfaceRef,
    text,
    index,
    handles,
    onClick: (cp) => {
      if (cp === null) return;
      const current = focusedSuggestion ?? selection.selectedIds[0] ?? null;
      const here = visible.spans[chunkAt(chunks, cp) - first] ?? [];
      const hit = cycleSpanAt(here, cp, current);
      if (!hit) {
        selection.clear();
        setFocusedSuggestion(null);
        return;
      }
      const under = here.filter((s) => s.start <= cp && cp < s.end).length;
      if (hit.suggestion) {
        selection.clear();
        setFocusedSuggestion(hit.id);
        const s = liveSuggestions.find((x) => x.id === hit.id);
        announce(`Suggestion ${hit.labelName} ${quote(s?.text ?? '')}${hit.score === undefined ? '' : `, score ${hit.score.toFixed(2)}`}`);
      } else {
        const s = spanById(hit.id);
        if (s) selectSpan(s, under > 1 ? `, ${under} spans here: click again for the next` : '');
      }
    },
  });

  useImperativeHandle(ref, () => ({
    undo: () => history('undo'),
    redo: () => history('redo'),
    canUndo: () => suggestionReview.review.canUndo(),
    canRedo: () => suggestionReview.review.canRedo(),
    select: (ids: string[]) => selection.select(ids),
    focus: () => surfaceRef.current?.focus(),
    getAnnotations: () => [...annotations],
  }));

  // ---- render ---------------------------------------------------------------------------------
  const selectedSet = new Set(selection.selectedIds);
  const caretChunk = chunkAt(chunks, caret);
  const rendered: React.JSX.Element[] = [];
  for (let i = first; i <= last; i++) {
    const c = chunks[i];
    if (!c) continue;
    // Per-chunk props of a memoised chunk: an edit, a caret move or a selection change re-renders only
    // the chunks it touches (a new span's drawn list changes in its chunk only, see SpanBuckets).
    const chunkSpans = visible.spans[i - first] ?? EMPTY_SPANS;
    const inRange = pending !== null && pending.start < c.end && pending.end > c.start;
    let selectedKey = '';
    let focused = '';
    for (const s of chunkSpans) {
      if (selectedSet.has(s.id)) selectedKey = selectedKey ? `${selectedKey} ${s.id}` : s.id;
      if (focusedSuggestion !== null && s.id === focusedSuggestion) focused = focusedSuggestion;
    }
    rendered.push(
      <ChunkView
        key={i}
        i={i}
        continued={c.continued}
        index={index}
        start={c.start}
        end={c.end}
        spans={chunkSpans}
        lanes={visible.lanes[i - first] ?? 1}
        caret={i === caretChunk && !selectedSpan && !focusedSuggestion ? caret : -1}
        rangeStart={inRange ? Math.max(pending.start, c.start) : -1}
        rangeEnd={inRange ? Math.min(pending.end, c.end) : -1}
        selectedKey={selectedKey}
        focusedSuggestion={focused}
        handles={handles}
        showLabels={appearance === 'review'}
      />,
    );
  }
  const pickerLabelValue = picker?.mode === 'relabel' ? spanById(picker.id)?.label : activeLabel;
  const closePicker = () => {
    if (creating) tool.dispatch({ type: 'cancel' });
    setPicker(null);
    surfaceRef.current?.focus();
  };
  /** A toolbar label button: labels the pending selection as its hotkey does (the picker's too); else sets the active label. */
  const onLabelButton = (labelId: string) => {
    if (creating) {
      tool.dispatch({ type: 'pick', label: labelId });
      setPicker(null);
      surfaceRef.current?.focus();
      return;
    }
    if (range) {
      label(labelId);
      surfaceRef.current?.focus();
      return;
    }
    setActiveLabel(labelId);
    announce(`Active label: ${labelName(labelId)}`);
  };
  const pickerFor = creating ? `Label for ${quote(index.slice(creating.start, creating.end))}` : picker?.mode === 'relabel' ? 'New label' : 'Active label';

  return (
    <div className={['lk-root', 'lk-text', className].filter(Boolean).join(' ')} data-review={appearance === 'review' ? '' : undefined}>
      <LabelkitStyles />
      <TextStyles />
      <div className="lk-toolbar" role="toolbar" aria-label="Span labels">
        {spanLabels.map((l) => (
          <button key={l.id} type="button" className="lk-button" aria-pressed={activeLabel === l.id} disabled={readOnly} onClick={() => onLabelButton(l.id)}>
            <span className="lk-text-swatch" style={{ background: l.color }} aria-hidden="true" />
            {l.name}
            {l.hotkey ? <kbd className="lk-kbd">{l.hotkey}</kbd> : null}
          </button>
        ))}
        <span className="lk-toolbar-separator" />
        <button type="button" className="lk-button" disabled={readOnly || !suggestionReview.canUndo} onClick={() => history('undo')}>Undo</button>
        <button type="button" className="lk-button" disabled={readOnly || !suggestionReview.canRedo} onClick={() => history('redo')}>Redo</button>
      </div>
      <TextSuggestionBar review={suggestionReview} schema={schema} keymap={keymap} readOnly={readOnly} threshold={suggestionThreshold} />
      <div
        ref={(el) => {
          surfaceRef.current = el;
          view.scrollRef.current = el;
        }}
        className="lk-text-surface lk-text-scroll"
        tabIndex={0}
        role="application"
        aria-roledescription={readOnly ? 'read-only span annotator' : 'span annotator'}
        aria-label={ariaLabel}
        aria-describedby={helpId}
        style={{ maxHeight: height }}
        onMouseUp={pointer.onMouseUp}
        onPointerDown={pointer.onPointerDown}
        onScroll={syncWindow}
      >
        <div ref={view.topSpacerRef} style={{ height: heights.offsetOf(first) }} aria-hidden="true" />
        <div ref={(el) => void (view.contentRef.current = el)} lang={locale}>
          {rendered}
        </div>
        <div ref={view.bottomSpacerRef} style={{ height: heights.total - heights.offsetOf(last + 1) }} aria-hidden="true" />
      </div>
      {creating || picker ? (
        <div className="lk-text-picker">
          <p className="lk-text-status">
            {creating ? <>Label for {quote(index.slice(creating.start, creating.end))}</> : picker?.mode === 'relabel' ? 'New label for the selected span' : 'Active label'} — Enter picks, Escape cancels
          </p>
          <LabelPicker
            schema={schema}
            kind="span"
            {...(creating || pickerLabelValue === undefined ? {} : { defaultValue: pickerLabelValue })}
            autoFocus
            aria-label={pickerFor}
            onCommit={(labelId) => {
              if (creating) {
                setActiveLabel(labelId);
                tool.dispatch({ type: 'pick', label: labelId });
              } else if (picker?.mode === 'relabel') relabel(picker.id, labelId);
              else {
                setActiveLabel(labelId);
                announce(`Active label: ${labelName(labelId)}`);
              }
              closePicker();
            }}
            onCancel={closePicker}
          />
        </div>
      ) : null}
      {selectedSpan ? <SpanDetails span={selectedSpan} schema={schema} readOnly={readOnly} onRelabel={() => setPicker({ mode: 'relabel', id: selectedSpan.id })} onDelete={() => removeSelected()} onAttributes={(attributes) => apply({ updated: [{ ...selectedSpan, attributes }] })} /> : null}
      <p className="lk-text-status" id={helpId}>
        {readOnly
          ? 'Read only. Tab and Shift+Tab walk the spans; click a span to select it, click again for the one under it.'
          : 'Select text with the mouse, or move with the arrow keys and extend with Shift; Enter, a label hotkey or a label button labels it. Tab walks spans, Shift+arrows move the end of the selected span, Alt+Shift+arrows its start, Delete removes it, Mod+Z undoes. N walks suggestions.'}
      </p>
      {liveRegion}
    </div>
  );
});
