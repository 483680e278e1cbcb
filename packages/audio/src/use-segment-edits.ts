/**
 * Edit commands on segments and suggestions, shared by the pointer, the keys and the details panel:
 * making, creating and updating segments (a lane change sets the lane's label or attribute), nudging,
 * relabelling, deleting, accepting and rejecting suggestions, undo and redo, and how a segment is
 * described to a screen reader. Plain functions rebuilt each render, reading that render's state.
 */
import { createId, defaultAttributes, focusAfterStep, reviewStepMessage, revealSpan, type AttributeValue, type ReviewEvent, type SegmentAnnotation } from '@labelkit/core';
import type { AudioCore } from './audio-core.js';
import { laneFields } from './lanes.js';
import { channelPhrase as channelPhraseOf } from './segment-details.js';
import { adjacentSegment } from './segment-order.js';
import { formatTime } from './time-format.js';
import type { ViewportControl } from './use-viewport.js';

/** What {@link useSegmentEdits} returns. Each command that may not apply returns whether it did. */
export interface SegmentEdits {
  /** A label's name (its id when the schema has no such label). */
  labelName(id: string): string;
  /** `left channel`, `right channel` (stereo) or `channel 3`. */
  channelPhrase(channel: number): string;
  /** How a segment is announced: label (and lane value), extent, channel. */
  describe(s: SegmentAnnotation): string;
  /** Selects `s`, scrolls it into view, moves the playhead to its start and announces it as `what`. */
  selectAndReveal(s: SegmentAnnotation | undefined, what: string): boolean;
  /** Creates a segment in a lane (with the lane's label or attribute value), selects it and says so. */
  createSegment(start: number, end: number, laneIndex: number): void;
  /** Updates a segment (and moves it to another lane); returns it as stored, or null if it is not one. */
  updateSegment(id: string, patch: Partial<SegmentAnnotation>, laneIndex?: number): SegmentAnnotation | null;
  /** Moves a segment's start and end by the given seconds (a move when both are equal). */
  nudge(id: string | undefined, dStart: number, dEnd: number, what: string): boolean;
  /** How far one nudge moves, seconds (about 10 pixels at the current zoom). */
  nudgeStep(): number;
  /** Accepts a pending suggestion (one undo step) and selects the segment it became. */
  acceptSuggestion(id: string | undefined): boolean;
  /** Rejects a suggestion (one undo step) and selects the next pending one. */
  rejectSuggestion(id: string | undefined): boolean;
  /**
   * Selects the next (or previous) pending suggestion in time order, wrapping around, and reveals it;
   * with no suggestion selected, the first one from the playhead on (or the last one before it).
   */
  stepSuggestion(dir: 1 | -1): boolean;
  /** Accepts every pending suggestion, as one undo step. */
  acceptAllSuggestions(): boolean | void;
  /** Accepts every pending suggestion scored at least `minScore`, as one undo step. */
  acceptSuggestionsAtOrAbove(minScore: number): boolean | void;
  rejectAllSuggestions(): boolean | void;
  deleteSelected(): boolean;
  /** Sets the label for new segments, and gives it to the selected segment. */
  relabel(labelId: string): void;
  /** Sets a segment's channel (`undefined`: all channels) and says so. */
  setChannel(id: string, channel: number | undefined): void;
  /** Whether undo has anything to do: a store step, or a rejection (render-time value). */
  canUndo: boolean;
  /** Whether redo has anything to do (render-time value). */
  canRedo: boolean;
  /** Whether undo has anything to do now: a store step, or a rejection (for the handle: read when called). */
  undoable(): boolean;
  /** Whether redo has anything to do now (read when called). */
  redoable(): boolean;
  undo(): void;
  redo(): void;
}

/**
 * The edit commands of an audio annotator (see {@link SegmentEdits}); every edit goes through the
 * store (`core.ann`), so it is one undo step and one `onChange`, and is announced in the live region.
 */
export function useSegmentEdits(core: AudioCore, view: ViewportControl): SegmentEdits {
  const { props, schema, ann, selection, announce, readOnly, minLength, duration, channelCount, laneBy, live, activeLabel, setActiveLabel, review, pending, selectedId, selectedSeg, selectedIsSuggestion, setTime } = core;
  const { viewport: viewportRef, playhead: playheadRef, ws: wsRef } = core.refs;
  const { setViewport } = view;

  const labelName = (id: string) => schema.byId.get(id)?.name ?? id;
  /** `left channel`, `right channel` (stereo) or `channel 3`. */
  const channelPhrase = (c: number) => channelPhraseOf(c, channelCount);
  const describe = (s: SegmentAnnotation) => `${labelName(s.label)}${laneBy !== 'label' && s.attributes?.[laneBy.attribute] !== undefined ? ` (${String(s.attributes[laneBy.attribute])})` : ''}, ${formatTime(s.start)} to ${formatTime(s.end)}${s.channel !== undefined ? `, ${channelPhrase(s.channel)}` : ''}`;

  const selectAndReveal = (s: SegmentAnnotation | undefined, what: string) => {
    if (!s) return false;
    selection.select([s.id]);
    setViewport(revealSpan(viewportRef.current, s.start, s.end));
    playheadRef.current = s.start;
    wsRef.current?.setTime(s.start);
    setTime(s.start);
    announce(`${what}: ${describe(s)}${review.isPending(s.id) ? ', suggestion' : ''}${s.text ? `. ${s.text}` : ''}`);
    return true;
  };

  const makeSegment = (start: number, end: number, laneIndex: number): SegmentAnnotation | null => {
    const lane = live.current.model.lanes[laneIndex];
    const fields = lane ? laneFields(lane, live.current.laneBy) : {};
    const labelId = fields.label ?? activeLabel;
    const label = schema.byId.get(labelId);
    if (!label) return null;
    const attributes: Record<string, AttributeValue> = { ...defaultAttributes(label) };
    for (const [k, v] of Object.entries(fields.attributes ?? {})) {
      if (v === undefined) delete attributes[k];
      else attributes[k] = v;
    }
    return { id: createId('seg-'), kind: 'segment', label: labelId, start, end, source: 'human', ...(Object.keys(attributes).length ? { attributes } : {}) };
  };

  const createSegment = (start: number, end: number, laneIndex: number) => {
    const seg = makeSegment(start, end, laneIndex);
    if (!seg) {
      announce('No label to give the segment');
      return;
    }
    ann.apply({ added: [seg] });
    selection.select([seg.id]);
    announce(`Segment created: ${describe(seg)}`);
  };

  const updateSegment = (id: string, patch: Partial<SegmentAnnotation>, laneIndex?: number) => {
    const cur = ann.store.get(id);
    if (!cur || cur.kind !== 'segment') return null;
    let next: SegmentAnnotation = { ...cur, ...patch };
    const it = live.current.model.byId.get(id);
    if (laneIndex !== undefined && it && laneIndex !== it.lane) {
      const lane = live.current.model.lanes[laneIndex];
      if (lane) {
        const f = laneFields(lane, live.current.laneBy);
        if (f.label) next = { ...next, label: f.label };
        if (f.attributes) {
          const attrs: Record<string, AttributeValue> = { ...(next.attributes ?? {}) };
          for (const [k, v] of Object.entries(f.attributes)) {
            if (v === undefined) delete attrs[k];
            else attrs[k] = v;
          }
          next = { ...next, attributes: attrs };
        }
      }
    }
    if ('channel' in patch && patch.channel === undefined) {
      // Back to all channels: drop the field rather than keep `channel: undefined`.
      const { channel: _dropped, ...rest } = next;
      next = rest;
    }
    if (next.start === cur.start && next.end === cur.end && next.label === cur.label && next.attributes === cur.attributes && next.text === cur.text && next.channel === cur.channel) return cur;
    ann.apply({ updated: [next] });
    return next;
  };

  const nudge = (id: string | undefined, dStart: number, dEnd: number, what: string) => {
    if (readOnly || !id || review.isPending(id)) return false;
    const cur = ann.store.get(id);
    if (!cur || cur.kind !== 'segment') return false;
    let start = Math.max(0, cur.start + dStart);
    let end = Math.min(duration, cur.end + dEnd);
    if (dStart === dEnd) {
      // A move keeps the length.
      const len = cur.end - cur.start;
      start = Math.min(Math.max(0, cur.start + dStart), duration - len);
      end = start + len;
    }
    if (end - start < minLength) return true;
    const next = updateSegment(id, { start, end });
    if (next) announce(`${what}: ${describe(next)}`);
    return true;
  };

  const nudgeStep = () => Math.max(0.001, Math.min(0.1, 10 / viewportRef.current.pxPerUnit));

  /** Tells the host of each decision the review made or took back. */
  const report = (events: readonly ReviewEvent[]) => {
    for (const e of events) props.onSuggestionDecision?.({ id: e.id, decision: e.decision });
  };
  const suggestionAt = (id: string | null | undefined): SegmentAnnotation | undefined => {
    const s = id ? review.get(id) : undefined;
    return s?.kind === 'segment' ? s : undefined;
  };

  const acceptSuggestion = (id: string | undefined) => {
    const s = suggestionAt(id);
    if (!s || readOnly || !review.isPending(s.id)) return false;
    const { events, annotations } = review.accept([s.id]);
    report(events);
    const accepted = annotations[0];
    if (accepted) selection.select([accepted.id]);
    announce(`Suggestion accepted: ${describe(s)}`);
    return true;
  };
  const rejectSuggestion = (id: string | undefined) => {
    const s = suggestionAt(id);
    if (!s || readOnly || !review.isPending(s.id)) return false;
    report(review.reject([s.id]));
    const next = suggestionAt(review.step(s.id, 1));
    if (next) selection.select([next.id]);
    else selection.clear();
    announce(`Suggestion rejected: ${describe(s)}${next ? '' : '. No suggestions left'}`);
    return true;
  };
  const stepSuggestion = (dir: 1 | -1) => {
    if (!pending.length) {
      announce('No suggestions left');
      return true;
    }
    const current = selectedId && review.isPending(selectedId) ? selectedId : null;
    // From the playhead when no suggestion is selected: the review's queue is in time order too.
    const s = suggestionAt(current ? review.step(current, dir) : (adjacentSegment(pending, undefined, dir, playheadRef.current)?.id ?? review.step(null, dir)));
    if (!s) {
      announce('No other suggestions');
      return true;
    }
    return selectAndReveal(s, 'Suggestion');
  };

  const deleteSelected = () => {
    if (readOnly || !selection.selectedIds.length) return false;
    const ids = selection.selectedIds.filter((id) => ann.store.get(id));
    if (!ids.length) return rejectSuggestion(selectedId);
    ann.apply({ removed: ids });
    selection.clear();
    announce(ids.length === 1 ? 'Segment deleted' : `${ids.length} segments deleted`);
    return true;
  };

  const relabel = (labelId: string) => {
    setActiveLabel(labelId);
    if (!readOnly && selectedSeg && !selectedIsSuggestion) {
      updateSegment(selectedSeg.id, { label: labelId });
      announce(`Relabelled: ${labelName(labelId)}`);
    } else announce(`Label for new segments: ${labelName(labelId)}`);
  };

  const acceptAllSuggestions = () => acceptSuggestionsAtOrAbove(undefined);
  const acceptSuggestionsAtOrAbove = (minScore: number | undefined) => {
    if (readOnly || !pending.length) return false;
    const { events, annotations } = review.acceptAll(minScore === undefined ? {} : { minScore });
    report(events);
    announce(minScore === undefined ? `${events.length} suggestions accepted` : `${events.length} suggestions scored ${minScore} or more accepted`);
    return annotations.length > 0;
  };
  const rejectAllSuggestions = () => {
    if (readOnly || !pending.length) return false;
    const events = review.rejectAll();
    report(events);
    announce(`${events.length} suggestions rejected`);
  };

  const setChannel = (id: string, c: number | undefined) => {
    const next = updateSegment(id, { channel: c });
    if (next) announce(`Channel: ${c === undefined ? 'all channels' : channelPhrase(c)}`);
  };

  /**
   * Undo or redo, always through the review: the store's steps and the review's rejections, in the
   * order they happened; the host hears each decision taken back or made again. What it brought back
   * or changed becomes the selection, so the next key acts on it.
   */
  const history = (which: 'undo' | 'redo') => {
    if (readOnly) return;
    const verb = which === 'undo' ? 'Undone' : 'Redone';
    const step = which === 'undo' ? review.undo() : review.redo();
    if (step.kind === 'none') return;
    report(step.events);
    const change = step.change;
    const touched = change ? [...change.added, ...change.updated.map(([, after]) => after)].filter((a): a is SegmentAnnotation => a.kind === 'segment') : [];
    const focused = selectedId && review.get(selectedId) ? selectedId : null;
    const focus = focusAfterStep(review, step, focused);
    if (touched.length) selection.select(touched.map((s) => s.id));
    else if (focus !== focused) {
      if (focus) selection.select([focus]);
      else selection.clear();
    }
    const said = reviewStepMessage(verb, step, (id) => {
      const s = suggestionAt(id);
      return s ? describe(s) : undefined;
    });
    announce(said || (touched.length === 1 ? `${verb}: ${describe(touched[0]!)}` : verb));
  };
  /** Whether undo, or redo, has anything to do now (the store's steps or the review's rejections). */
  const undoable = () => review.canUndo();
  const redoable = () => review.canRedo();
  const canUndo = undoable();
  const canRedo = redoable();
  const undo = () => history('undo');
  const redo = () => history('redo');

  return {
    labelName,
    channelPhrase,
    describe,
    selectAndReveal,
    createSegment,
    updateSegment,
    nudge,
    nudgeStep,
    acceptSuggestion,
    rejectSuggestion,
    stepSuggestion,
    acceptAllSuggestions,
    acceptSuggestionsAtOrAbove,
    rejectAllSuggestions,
    deleteSelected,
    relabel,
    setChannel,
    undo,
    redo,
    canUndo,
    canRedo,
    undoable,
    redoable,
  };
}
