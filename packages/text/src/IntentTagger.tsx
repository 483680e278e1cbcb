import { forwardRef, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { OffsetIndex, type Annotation, type TagAnnotation } from '@labelkit/core';
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
import { joinTurns, type DialogueTurn } from './text-ranges.js';
import { commitAcceptedIntents, tagsOn, toggleTag } from './intent-tags.js';
import { bucketByItem, intentItems, itemOf, type IntentScope } from './intent-items.js';
import { snapSelection } from './snap-selection.js';
import { moveCaret } from './caret.js';
import { cycleSpanAt } from './span-lanes.js';
import type { DrawnSpan } from './TextFragments.js';
import { TextStyles, LANE_PX } from './text-styles.js';
import { IntentItemView } from './IntentItemView.js';
import { estimateLines, useVirtualWindow } from './use-virtual-window.js';
import { caretFromPoint, domPointToUtf16 } from './dom-offsets.js';
import { drawSpans, isDrawable, makeSpan, moveSpanEdge, quote, resizeSpan, spansOf } from './span-model.js';
import { useTextReview } from './use-text-review.js';
import { TextSuggestionBar } from './TextSuggestionBar.js';
import { TEXT_KEYMAP } from './text-keymap.js';

export type { IntentScope } from './intent-items.js';

/** Stable stand-in for an absent `suggestions` prop, so memoised layout is not recomputed every render. */
const NO_SUGGESTIONS: readonly Annotation[] = [];
const NO_TAGS: readonly TagAnnotation[] = [];
const NO_SPANS: readonly DrawnSpan[] = [];
/** Props of {@link IntentTagger}. */
export interface IntentTaggerProps extends AnnotatorProps {
  /** The text to tag. Give either `text` or `turns`. */
  text?: string;
  /**
   * A dialogue. Offsets then refer to the turns' texts joined with `"\n"` (speakers excluded): see
   * `joinTurns`, which gives the same text and each turn's range.
   */
  turns?: DialogueTurn[];
  /**
   * `'document'`: tags without a range, on the whole text; `'sentence'`: tags with the code-point
   * range of an `Intl.Segmenter` sentence (trailing whitespace excluded, see `sentenceRanges`);
   * `'turn'`: tags with the range of a turn (with `text` instead of `turns`, each line is a turn).
   * Default: `'turn'` with `turns`, else `'document'`.
   */
  scope?: IntentScope;
  /** BCP 47 locale of the text, for sentence and word rules. */
  locale?: string;
  /** Initial threshold of the suggestion bar's "Accept ≥" button (default 0.5). "Accept all" (Mod+Shift+Enter) takes every pending suggestion. */
  suggestionThreshold?: number;
  /** Largest height of the scrolling list (CSS length or pixels; default 480). Long dialogues are virtualised inside it. */
  height?: number | string;
}


type Picker = { kind: 'tag' } | { kind: 'span'; start: number; end: number };

/**
 * Intent classification of a text, each of its sentences, or each turn of a dialogue, with slots.
 * Intents are `tag` labels of the schema: multi-label, except children of an `exclusive: true`
 * parent (one per item) and top-level tags when `schema.exclusiveTags`. Slots are `span` labels,
 * made inside an item by mouse selection or from the keyboard (arrows, Shift to extend, a slot
 * hotkey or Enter). ArrowUp/ArrowDown move between items; `/` opens the intent search (type to
 * filter, instant with thousands of intents), Enter picks; an intent's hotkey toggles it.
 * Suggestions (tags or slots) are dashed with their score, reviewed with the suggestion bar or the
 * keys: N / Shift+N walk them, Enter accepts, Shift+Delete rejects, Mod+Shift+Enter accepts all
 * pending (the bar's "Accept ≥" takes those scored at least its threshold, `suggestionThreshold` at
 * first; where accepted intents exclude each other, the highest score wins); Mod+Z undoes a decision
 * like any edit, and the suggestion is back in review (`onSuggestionDecision` hears `undone`). A selected slot's end moves with
 * Shift+ArrowLeft/Right and its start with Alt+Shift+ArrowLeft/Right, within its item.
 */
export const IntentTagger = forwardRef<AnnotatorHandle, IntentTaggerProps>(function IntentTagger(props, ref): React.JSX.Element {
  const { schema, turns, readOnly = false, locale, className, suggestionThreshold = 0.5, height = 480 } = props;
  const scope: IntentScope = props.scope ?? (turns ? 'turn' : 'document');
  const ariaLabel = props['aria-label'] ?? (turns ? 'Dialogue to tag' : 'Text to tag');
  const helpId = useId();
  const joined = useMemo(() => (turns ? joinTurns(turns) : null), [turns]);
  const text = joined ? joined.text : (props.text ?? '');
  const index = useMemo(() => new OffsetIndex(text), [text]);
  const items = useMemo(() => intentItems(scope, text, index, locale, joined, turns), [scope, text, index, locale, joined, turns]);

  const { annotations, store, apply } = useAnnotations({ value: props.value, defaultValue: props.defaultValue, onChange: props.onChange });
  const selection = useSelection({ selectedIds: props.selectedIds, onSelectionChange: props.onSelectionChange, annotations });
  const [activeLabel, setActiveLabel] = useControllableState<string | undefined>({ value: props.activeLabel, defaultValue: undefined, onChange: props.onActiveLabelChange as ((id: string | undefined) => void) | undefined, name: 'IntentTagger activeLabel' });
  const { announce, liveRegion } = useAnnouncer();
  const keymap = useMergedKeymap(TEXT_KEYMAP, props.keymap);

  const [current, setCurrent] = useState(0);
  const [caret, setCaret] = useState<number | null>(null);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [picker, setPicker] = useState<Picker | null>(null);
  const surfaceRef = useRef<HTMLDivElement>(null);

  const item = items[Math.min(current, items.length - 1)];
  const slots = useMemo(() => spansOf(annotations), [annotations]);
  const labelName = (id: string) => schema.byId.get(id)?.name ?? id;
  // Intent and slot suggestions, slots with their text as the source has it: what an accept puts in the store.
  const reviewed = useMemo(
    () =>
      (props.suggestions ?? NO_SUGGESTIONS).flatMap((s): Annotation[] => {
        if (s.kind === 'tag') return [s];
        if (s.kind !== 'span') return [];
        const slice = isDrawable(s, index.length) ? index.slice(s.start, s.end) : s.text;
        return [slice === s.text ? s : { ...s, text: slice }];
      }),
    [props.suggestions, index],
  );
  const commit = useMemo(() => commitAcceptedIntents(schema), [schema]);
  // Core's suggestion review (reading order), with the review focus; every undo and redo goes through it.
  const suggestionReview = useTextReview(store, {
    suggestions: reviewed,
    commit,
    readOnly,
    announce,
    onSuggestionDecision: props.onSuggestionDecision,
    describe: (s) => `${s.kind === 'tag' ? 'intent' : 'slot'} ${labelName(s.label)}${s.kind === 'span' ? ` ${quote(s.text)}` : ''}`,
    onFocus: (s) => {
      selection.clear();
      setCurrent(itemOf(items, s));
    },
  });
  const { focused: focusedSuggestion, setFocused: setFocusedSuggestion, history } = suggestionReview;
  const live = suggestionReview.state.pending;
  const slotSuggestions = useMemo(() => spansOf(live), [live]);
  const drawn = useMemo(() => drawSpans(schema, slots, slotSuggestions, index.length), [schema, slots, slotSuggestions, index]);
  const itemCaret = item && caret !== null ? Math.max(item.start, Math.min(item.end, caret)) : null;
  const range = item && anchor !== null && itemCaret !== null && anchor !== itemCaret ? { start: Math.min(anchor, itemCaret), end: Math.max(anchor, itemCaret) } : null;
  const selectedSlot = selection.selectedIds.length === 1 ? slots.find((s) => s.id === selection.selectedIds[0]) : undefined;

  const goTo = (i: number) => {
    const next = Math.max(0, Math.min(items.length - 1, i));
    const it = items[next];
    if (!it) return;
    setCurrent(next);
    setCaret(null);
    setAnchor(null);
    selection.clear();
    const tags = tagsOn(annotations, it.target).map((t) => labelName(t.label));
    announce(`${scope === 'document' ? 'Document' : `${scope === 'turn' ? 'Turn' : 'Sentence'} ${next + 1} of ${items.length}`}${it.speaker ? `, ${it.speaker}` : ''}: ${quote(it.text, 80)}. ${tags.length ? `Intents: ${tags.join(', ')}` : 'No intent yet'}`);
  };
  const toggle = (labelId: string) => {
    if (!item) return;
    if (readOnly) return announce('Read only');
    const had = tagsOn(annotations, item.target).some((t) => t.label === labelId);
    const change = toggleTag(schema, annotations, labelId, item.target);
    apply(change);
    const replaced = (change.removed ?? []).length && !had ? `, replacing ${(change.removed ?? []).map((id) => labelName(annotations.find((a) => a.id === id)?.label ?? '')).join(', ')}` : '';
    announce(`${had ? 'Removed' : 'Added'} intent ${labelName(labelId)}${replaced}`);
  };
  const createSlot = (start: number, end: number, labelId: string) => {
    if (readOnly) return announce('Read only');
    const snapped = snapSelection(text, start, end, { locale, index });
    if (!snapped) return announce('Nothing to label: the selection is only whitespace');
    const s = makeSpan(schema, index, snapped.start, snapped.end, labelId);
    apply({ added: [s] });
    setAnchor(null);
    selection.select([s.id]);
    announce(`Slot ${labelName(labelId)}: ${quote(s.text)}`);
  };
  const isSlotLabel = (id: string | undefined) => id !== undefined && schema.byId.get(id)?.kinds.includes('span') === true;
  const labelRange = (start: number, end: number, labelId?: string) => {
    const id = labelId ?? (isSlotLabel(activeLabel) ? activeLabel : undefined);
    if (id) createSlot(start, end, id);
    else if (!readOnly) setPicker({ kind: 'span', start, end });
  };
  const decide = (id: string, decision: 'accepted' | 'rejected') => suggestionReview.decide([id], decision);
  const canUndo = suggestionReview.canUndo;
  const canRedo = suggestionReview.canRedo;
  /** Shift+arrows on a selected slot: one edge moves by a character (grapheme), never out of its item or to empty. */
  const moveSlotEdge = (edge: 'start' | 'end', dir: -1 | 1) => {
    if (!selectedSlot || range) return false;
    if (readOnly) return announce('Read only');
    const home = items[itemOf(items, selectedSlot)];
    const moved = moveSpanEdge(text, selectedSlot, edge, dir, { locale, index, min: home?.start ?? 0, max: home?.end ?? index.length });
    if (!moved) return announce('A slot cannot be empty');
    if (moved.start === selectedSlot.start && moved.end === selectedSlot.end) return announce(`The slot ${edge} cannot move further`);
    const updated = resizeSpan(selectedSlot, index, moved.start, moved.end);
    apply({ updated: [updated] });
    announce(`Slot ${labelName(updated.label)} now ${quote(updated.text)}, characters ${updated.start} to ${updated.end}`);
  };
  const moveCaretBy = (dir: -1 | 1, unit: 'grapheme' | 'word', extend: boolean) => {
    if (!item) return;
    const from = itemCaret ?? (dir > 0 ? item.start : item.end);
    const to = itemCaret === null ? from : Math.max(item.start, Math.min(item.end, moveCaret(text, from, dir, { unit, locale, index })));
    if (extend) setAnchor((a) => a ?? from);
    else setAnchor(null);
    setCaret(to);
    selection.clear();
    if (extend) announce(`Selected ${quote(index.slice(Math.min(anchor ?? from, to), Math.max(anchor ?? from, to)))}`);
  };

  useAnnotatorHotkeys(
    surfaceRef,
    keymap,
    {
      undo: () => (readOnly ? false : history('undo')),
      redo: () => (readOnly ? false : history('redo')),
      acceptSuggestion: () => (focusedSuggestion ? decide(focusedSuggestion, 'accepted') : false),
      acceptAllSuggestions: () => suggestionReview.acceptAll(),
      rejectAllSuggestions: () => suggestionReview.rejectAll(),
      spanStartLeft: () => moveSlotEdge('start', -1),
      spanStartRight: () => moveSlotEdge('start', 1),
      spanEndLeft: () => moveSlotEdge('end', -1),
      spanEndRight: () => moveSlotEdge('end', 1),
      rejectSuggestion: () => (focusedSuggestion ? decide(focusedSuggestion, 'rejected') : false),
      nextSuggestion: () => suggestionReview.step(1),
      prevSuggestion: () => suggestionReview.step(-1),
      caretUp: () => goTo(current - 1),
      caretDown: () => goTo(current + 1),
      caretHome: () => goTo(0),
      caretEnd: () => goTo(items.length - 1),
      caretLeft: () => moveCaretBy(-1, 'grapheme', false),
      caretRight: () => moveCaretBy(1, 'grapheme', false),
      caretWordLeft: () => moveCaretBy(-1, 'word', false),
      caretWordRight: () => moveCaretBy(1, 'word', false),
      extendLeft: () => moveCaretBy(-1, 'grapheme', true),
      extendRight: () => moveCaretBy(1, 'grapheme', true),
      extendWordLeft: () => moveCaretBy(-1, 'word', true),
      extendWordRight: () => moveCaretBy(1, 'word', true),
      labelSelection: () => {
        if (range) return labelRange(range.start, range.end);
        if (readOnly) return false;
        setPicker({ kind: 'tag' });
      },
      openLabelPicker: () => (readOnly ? false : setPicker(range ? { kind: 'span', ...range } : { kind: 'tag' })),
      delete: () => {
        if (readOnly) return false;
        if (selectedSlot) {
          apply({ removed: [selectedSlot.id] });
          selection.clear();
          return announce(`Slot ${labelName(selectedSlot.label)} deleted`);
        }
        const tags = item ? tagsOn(annotations, item.target) : [];
        const lastTag = tags[tags.length - 1];
        if (!lastTag) return false;
        apply({ removed: [lastTag.id] });
        announce(`Removed intent ${labelName(lastTag.label)}`);
      },
      deselect: () => {
        if (anchor === null && caret === null && !selection.selectedIds.length && !focusedSuggestion) return false;
        setAnchor(null);
        setCaret(null);
        selection.clear();
        setFocusedSuggestion(null);
        announce('Selection cleared');
      },
    },
    {
      schema,
      onLabelHotkey: (labelId) => {
        if (isSlotLabel(labelId)) {
          if (range) return labelRange(range.start, range.end, labelId);
          setActiveLabel(labelId);
          return announce(`Active slot label: ${labelName(labelId)}`);
        }
        toggle(labelId);
      },
    },
  );

  // ---- virtualisation: only the visible items are rendered ---------------------------------------
  const view = useVirtualWindow({
    count: items.length,
    blocks: items,
    height,
    indexAttribute: 'lkItem',
    estimate: (i, width) => {
      const it = items[i];
      return estimateLines(it?.text.length ?? 0, width) * (24 + LANE_PX) + (it?.speaker ? 20 : 0) + 48;
    },
  });
  const { first, last, heights, syncWindow } = view;
  // Tags, tag suggestions and drawn slots per item, bucketed once per change (intent-items.ts).
  const buckets = useMemo(() => bucketByItem(items, annotations, drawn), [items, annotations, drawn]);
  const suggestedBuckets = useMemo(() => bucketByItem(items, live, []).tags, [items, live]);
  // Keep the current item in view: scrolled to by its offset when it is outside the rendered window.
  useLayoutEffect(() => {
    const el = view.contentRef.current?.querySelector('[data-current="true"]');
    const scroller = view.scrollRef.current;
    if (el) el.scrollIntoView?.({ block: 'nearest' });
    if (el || !scroller) return;
    scroller.scrollTop = Math.max(0, heights.offsetOf(current) - scroller.clientHeight / 3);
    syncWindow();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const onMouseUp = (e: React.MouseEvent) => {
    if (e.button !== 0) return;
    const li = (e.target as Element).closest?.('[data-lk-item]');
    const content = view.contentRef.current;
    if (!li || !content) return;
    const i = Number(li.getAttribute('data-lk-item'));
    if (i !== current) setCurrent(i);
    const sel = window.getSelection();
    const toCp = (node: Node, offset: number) => {
      const u = domPointToUtf16(li, node, offset);
      return u === null ? null : index.toCodePoint(Math.min(u, text.length));
    };
    if (sel && !sel.isCollapsed && sel.anchorNode && sel.focusNode && li.contains(sel.anchorNode) && li.contains(sel.focusNode)) {
      const a = toCp(sel.anchorNode, sel.anchorOffset);
      const b = toCp(sel.focusNode, sel.focusOffset);
      sel.removeAllRanges();
      if (a !== null && b !== null && !readOnly) labelRange(a, b);
      return;
    }
    const p = caretFromPoint(e.clientX, e.clientY);
    const at = p && li.contains(p.node) ? toCp(p.node, p.offset) : null;
    setAnchor(null);
    setCaret(at);
    const frag = (e.target as Element).closest?.('.lk-text-frag');
    const hit = frag ? cycleSpanAt(drawn, Number(frag.getAttribute('data-lk-cp')), focusedSuggestion ?? selection.selectedIds[0] ?? null) : null;
    if (hit?.suggestion) {
      setFocusedSuggestion(hit.id);
      selection.clear();
    } else if (hit) {
      selection.select([hit.id]);
      setFocusedSuggestion(null);
      announce(`Slot ${hit.labelName}`);
    } else selection.clear();
  };

  useImperativeHandle(ref, () => ({
    undo: () => history('undo'),
    redo: () => history('redo'),
    canUndo: () => suggestionReview.review.canUndo(),
    canRedo: () => suggestionReview.review.canRedo(),
    select: (ids: string[]) => selection.select(ids),
    focus: () => surfaceRef.current?.focus(),
    getAnnotations: () => [...annotations],
  }));

  const closePicker = () => {
    setPicker(null);
    surfaceRef.current?.focus();
  };
  const rows: React.JSX.Element[] = [];
  const selectedKey = selection.selectedIds.join(' ');
  for (let i = first; i <= last; i++) {
    const it = items[i];
    if (!it) continue;
    const isCurrent = i === current;
    rows.push(
      <IntentItemView
        key={`${it.start}-${i}`}
        item={it}
        i={i}
        scope={scope}
        index={index}
        schema={schema}
        isCurrent={isCurrent}
        tags={buckets.tags[i] ?? NO_TAGS}
        suggested={suggestedBuckets[i] ?? NO_TAGS}
        spans={buckets.ranges[i] ?? NO_SPANS}
        caret={isCurrent && itemCaret !== null && !range ? itemCaret : -1}
        rangeStart={isCurrent && range ? range.start : -1}
        rangeEnd={isCurrent && range ? range.end : -1}
        selectedKey={selectedKey}
        focusedSuggestion={focusedSuggestion}
        readOnly={readOnly}
        onRemove={(t) => apply({ removed: [t.id] })}
        onDecide={decide}
      />,
    );
  }

  return (
    <div className={['lk-root', 'lk-text', className].filter(Boolean).join(' ')}>
      <LabelkitStyles />
      <TextStyles />
      <div
        ref={(el) => {
          surfaceRef.current = el;
          view.scrollRef.current = el;
        }}
        className="lk-text-surface lk-text-scroll"
        tabIndex={0}
        role="application"
        aria-roledescription={readOnly ? 'read-only intent tagger' : 'intent tagger'}
        aria-label={ariaLabel}
        aria-describedby={helpId}
        style={{ maxHeight: height }}
        onMouseUp={onMouseUp}
        onScroll={syncWindow}
      >
        <div ref={view.topSpacerRef} style={{ height: heights.offsetOf(first) }} aria-hidden="true" />
        <ul ref={(el) => void (view.contentRef.current = el)} className="lk-intent-items">
          {rows}
        </ul>
        <div ref={view.bottomSpacerRef} style={{ height: heights.total - heights.offsetOf(last + 1) }} aria-hidden="true" />
      </div>
      {picker ? (
        <div className="lk-text-picker">
          <p className="lk-text-status">
            {picker.kind === 'tag' ? `Intent for ${scope === 'document' ? 'the document' : `${scope} ${current + 1}`}` : <>Slot for {quote(index.slice(picker.start, picker.end))}</>} — Enter picks, Escape cancels
          </p>
          <LabelPicker
            schema={schema}
            kind={picker.kind}
            autoFocus
            aria-label={picker.kind === 'tag' ? 'Intent' : `Slot for ${quote(index.slice(picker.start, picker.end))}`}
            placeholder={picker.kind === 'tag' ? 'Search intents…' : 'Search slots…'}
            onCommit={(labelId) => {
              if (picker.kind === 'tag') toggle(labelId);
              else {
                setActiveLabel(labelId);
                createSlot(picker.start, picker.end, labelId);
              }
              closePicker();
            }}
            onCancel={closePicker}
          />
        </div>
      ) : null}
      <TextSuggestionBar review={suggestionReview} schema={schema} keymap={keymap} readOnly={readOnly} threshold={suggestionThreshold} />
      {!readOnly ? (
        <div className="lk-toolbar">
          <button type="button" className="lk-button" onClick={() => setPicker({ kind: 'tag' })}>Add intent <kbd className="lk-kbd">/</kbd></button>
          <button type="button" className="lk-button" disabled={!canUndo} onClick={() => history('undo')}>Undo</button>
          <button type="button" className="lk-button" disabled={!canRedo} onClick={() => history('redo')}>Redo</button>
        </div>
      ) : null}
      <p className="lk-text-status" id={helpId}>
        ArrowUp/ArrowDown move between {scope === 'document' ? 'nothing (one document)' : `${scope}s`}; / or Enter adds an intent, an intent’s key toggles it; ArrowLeft/Right and Shift select words for a slot, then a slot key or Enter; Shift+ArrowLeft/Right move a selected slot’s end, Alt+Shift+ArrowLeft/Right its start. N walks suggestions, Enter accepts, Shift+Delete rejects, Mod+Shift+Enter accepts all; Mod+Z undoes, a rejection too.
      </p>
      {liveRegion}
    </div>
  );
});
