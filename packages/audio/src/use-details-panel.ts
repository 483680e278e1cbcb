/**
 * The details panel's side of the annotator: the transcript being typed (a draft, committed on blur,
 * Enter and Tab; Escape drops it) and the panel's actions, one stable object (the panel is memoized,
 * see `segment-details.tsx`) whose methods call this render's closures.
 */
import { useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { AudioCore } from './audio-core.js';
import type { SegmentDetailsActions } from './segment-details.js';
import { adjacentSegment, segmentsInOrder } from './segment-order.js';
import type { SegmentEdits } from './use-segment-edits.js';

/** What {@link useDetailsPanel} returns: what the panel needs beyond the selected segment. */
export interface DetailsPanel {
  /** The transcript being typed, if it belongs to the selected segment. */
  draftText: string | null;
  /** Stable across renders; each method calls the latest closures. */
  actions: SegmentDetailsActions;
}

/**
 * Holds the transcript draft and builds the details panel's stable {@link SegmentDetailsActions}
 * (created once; the closures it calls are refreshed each render in a ref), so the memoized panel
 * renders again only when what it shows changes.
 */
export function useDetailsPanel(core: AudioCore, edits: SegmentEdits): DetailsPanel {
  const { ann, readOnly, segments, selectedId, selectedSeg, announce } = core;
  const { root: rootRef, playhead: playheadRef } = core.refs;
  const { acceptSuggestion, rejectSuggestion, relabel, updateSegment, setChannel, deleteSelected, selectAndReveal } = edits;

  // ---- transcript draft: committed on blur, Enter and Tab ----
  const [draft, setDraft] = useState<{ id: string; text: string } | null>(null);
  const commitDraft = () => {
    if (!draft || readOnly) return;
    const cur = ann.store.get(draft.id);
    if (cur && cur.kind === 'segment' && (cur.text ?? '') !== draft.text) {
      updateSegment(draft.id, draft.text ? { text: draft.text } : { text: undefined });
      announce('Transcript saved');
    }
    setDraft(null);
  };
  const onTranscriptKey = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Tab') {
      commitDraft();
      const next = adjacentSegment(segmentsInOrder(segments), selectedId, e.shiftKey ? -1 : 1, playheadRef.current);
      if (next) {
        e.preventDefault();
        selectAndReveal(next, 'Segment');
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      commitDraft();
      rootRef.current?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDraft(null);
      rootRef.current?.focus();
    }
  };

  // The details panel's callbacks: one stable object (the panel is memoized) calling the latest closures.
  const detailsLive = useRef<SegmentDetailsActions | null>(null);
  detailsLive.current = {
    accept: (id) => void acceptSuggestion(id),
    reject: (id) => void rejectSuggestion(id),
    relabel,
    update: (id, patch) => void updateSegment(id, patch),
    setChannel,
    delete: () => void deleteSelected(),
    draftChange: (id, text) => setDraft({ id, text }),
    draftCommit: commitDraft,
    transcriptKey: onTranscriptKey,
  };
  const detailsActions = useMemo((): SegmentDetailsActions => {
    const call = <K extends keyof SegmentDetailsActions>(k: K) => ((...args: Parameters<SegmentDetailsActions[K]>) => (detailsLive.current![k] as (...a: Parameters<SegmentDetailsActions[K]>) => void)(...args)) as SegmentDetailsActions[K];
    return { accept: call('accept'), reject: call('reject'), relabel: call('relabel'), update: call('update'), setChannel: call('setChannel'), delete: call('delete'), draftChange: call('draftChange'), draftCommit: call('draftCommit'), transcriptKey: call('transcriptKey') };
  }, []);

  return { draftText: draft && selectedSeg && draft.id === selectedSeg.id ? draft.text : null, actions: detailsActions };
}
