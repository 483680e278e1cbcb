/**
 * The annotator's keys: the handler of each action of its keymap (AUDIO_KEYMAP merged with the
 * host's) — playback, marks, seeking, nudging, zoom, toggles, undo, selection, Tab through segments,
 * suggestion review — bound to its root element, with label hotkeys relabelling.
 */
import { useRef, type Dispatch, type SetStateAction } from 'react';
import type { SegmentAnnotation } from '@labelkit/core';
import { useAnnotatorHotkeys } from '@labelkit/react';
import type { AudioCore } from './audio-core.js';
import { RATES } from './audio-styles.js';
import { adjacentSegment, segmentsInOrder } from './segment-order.js';
import { segmentFromMarks } from './segment-tool.js';
import { formatTime } from './time-format.js';
import type { Playback } from './use-playback.js';
import type { SegmentEdits } from './use-segment-edits.js';
import type { SegmentPointer } from './use-segment-pointer.js';
import type { ViewportControl } from './use-viewport.js';

/** What {@link useAudioKeyboard} uses of the annotator's other parts. */
export interface AudioKeyboardParts {
  view: ViewportControl;
  playback: Playback;
  edits: SegmentEdits;
  pointer: SegmentPointer;
}

/**
 * Binds the keymap's actions to the annotator's root element (through `useAnnotatorHotkeys`): each
 * handler runs with this render's state, returns `false` when it does not apply (so the key keeps its
 * usual meaning), and announces what it did.
 */
export function useAudioKeyboard(core: AudioCore, parts: AudioKeyboardParts): void {
  const { schema, keymap, duration, minLength, readOnly, selection, segments, pending, selectedId, selectedSeg, activeLane, announce } = core;
  const { playing, loop, setLoop, rate, setRate, snap, setSnap, spectrogram, setSpectrogram, markStart, setMarkStart } = core;
  const { root: rootRef, transcript: transcriptRef, tool: toolRef, playhead: playheadRef, viewport: viewportRef } = core.refs;
  const { zoomBy, zoomFit } = parts.view;
  const { play, pause, playSegment, seek } = parts.playback;
  const { createSegment, nudge, nudgeStep, acceptSuggestion, rejectSuggestion, stepSuggestion, acceptAllSuggestions, rejectAllSuggestions, deleteSelected, selectAndReveal, relabel, undo, redo } = parts.edits;
  const { step, snapFn } = parts.pointer;

  // Sorted on first use (Tab / next segment), not on every edit.
  const orderedCache = useRef<{ segments: readonly SegmentAnnotation[]; pending: readonly SegmentAnnotation[]; list: SegmentAnnotation[] } | null>(null);
  const ordered = (): SegmentAnnotation[] => {
    const c = orderedCache.current;
    if (c && c.segments === segments && c.pending === pending) return c.list;
    const list = segmentsInOrder([...segments, ...pending]);
    orderedCache.current = { segments, pending, list };
    return list;
  };

  /** Toggles an option that needs the samples (the spectrogram, snapping), or says what it needs. */
  const toggleSamplesOption = (set: Dispatch<SetStateAction<boolean>>, isOn: boolean, needsSamples: string, turnedOff: string, turnedOn: string) => {
    if (!core.samplesAvailable) {
      announce(needsSamples);
      return;
    }
    set((s) => !s);
    announce(isOn ? turnedOff : turnedOn);
  };

  const handlers: Record<string, () => boolean | void> = {
    playPause: () => (playing ? pause() : play()),
    playSegment: () => void playSegment(),
    toggleLoop: () => {
      setLoop((l) => !l);
      announce(loop ? 'Loop off' : 'Loop on');
    },
    markStart: () => {
      if (readOnly) return false;
      setMarkStart(playheadRef.current);
      announce(`Start marked at ${formatTime(playheadRef.current)}. Press ] at the end.`);
    },
    markEnd: () => {
      if (readOnly) return false;
      if (markStart === null) {
        announce('Mark a start first with [');
        return;
      }
      const snap = snapFn();
      const r = segmentFromMarks(markStart, playheadRef.current, { duration, minLength, ...(snap ? { snap } : {}) });
      setMarkStart(null);
      if (r) createSegment(r.start, r.end, activeLane);
    },
    seekBackward: () => seek(playheadRef.current - Math.max(0.01, 50 / viewportRef.current.pxPerUnit)),
    seekForward: () => seek(playheadRef.current + Math.max(0.01, 50 / viewportRef.current.pxPerUnit)),
    seekBackwardFar: () => seek(playheadRef.current - Math.max(0.1, viewportRef.current.width / 2 / viewportRef.current.pxPerUnit)),
    seekForwardFar: () => seek(playheadRef.current + Math.max(0.1, viewportRef.current.width / 2 / viewportRef.current.pxPerUnit)),
    seekStart: () => seek(0),
    seekEnd: () => seek(duration),
    moveSegmentLeft: () => nudge(selectedId, -nudgeStep(), -nudgeStep(), 'Moved'),
    moveSegmentRight: () => nudge(selectedId, nudgeStep(), nudgeStep(), 'Moved'),
    endEarlier: () => nudge(selectedId, 0, -nudgeStep(), 'End moved'),
    endLater: () => nudge(selectedId, 0, nudgeStep(), 'End moved'),
    startEarlier: () => nudge(selectedId, -nudgeStep(), 0, 'Start moved'),
    startLater: () => nudge(selectedId, nudgeStep(), 0, 'Start moved'),
    slower: () => {
      const r = RATES[Math.max(0, RATES.indexOf(rate) - 1)] ?? rate;
      setRate(r);
      announce(`Playback rate ${r}×`);
    },
    faster: () => {
      const r = RATES[Math.min(RATES.length - 1, RATES.indexOf(rate) + 1)] ?? rate;
      setRate(r);
      announce(`Playback rate ${r}×`);
    },
    zoomIn: () => zoomBy(2),
    zoomOut: () => zoomBy(0.5),
    zoomFit,
    toggleSpectrogram: () => toggleSamplesOption(setSpectrogram, spectrogram, 'The spectrogram needs the samples: decoded audio, or a WAV file read in windows', 'Spectrogram hidden', 'Spectrogram shown'),
    toggleSnap: () => toggleSamplesOption(setSnap, snap, 'Snapping needs the samples: decoded audio, or a WAV file read in windows', 'Snap to zero crossings off', 'Snap to zero crossings on'),
    editTranscript: () => {
      if (!selectedSeg || readOnly) return false;
      transcriptRef.current?.focus();
    },
    undo,
    redo,
    delete: deleteSelected,
    deselect: () => {
      if (toolRef.current.type !== 'idle') {
        step({ type: 'cancel' });
        return;
      }
      if (markStart !== null) {
        setMarkStart(null);
        announce('Mark cleared');
        return;
      }
      if (!selection.selectedIds.length) return false;
      selection.clear();
      announce('Selection cleared');
    },
    selectAll: () => {
      selection.select(segments.map((s) => s.id));
      announce(`${segments.length} segments selected`);
    },
    nextAnnotation: () => selectAndReveal(adjacentSegment(ordered(), selectedId, 1, playheadRef.current), 'Segment'),
    prevAnnotation: () => selectAndReveal(adjacentSegment(ordered(), selectedId, -1, playheadRef.current), 'Segment'),
    acceptSuggestion: () => acceptSuggestion(selectedId),
    rejectSuggestion: () => rejectSuggestion(selectedId),
    nextSuggestion: () => stepSuggestion(1),
    prevSuggestion: () => stepSuggestion(-1),
    acceptAllSuggestions,
    rejectAllSuggestions,
  };

  useAnnotatorHotkeys(rootRef, keymap, handlers, { schema, kinds: ['segment'], onLabelHotkey: relabel });
}
