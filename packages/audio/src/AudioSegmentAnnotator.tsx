import { forwardRef, useImperativeHandle, useLayoutEffect, useMemo } from 'react';
import { createId, shortcutsOf } from '@labelkit/core';
import { LabelkitStyles, SuggestionBar, useStyleSheet } from '@labelkit/react';
import type { AudioSegmentAnnotatorHandle, AudioSegmentAnnotatorProps } from './annotator-props.js';
import { useAudioCore } from './audio-core.js';
import { AUDIO_CSS, OVERVIEW_HEIGHT } from './audio-styles.js';
import { AudioToolbar } from './audio-toolbar.js';
import { SegmentDetails } from './segment-details.js';
import { formatTime } from './time-format.js';
import { useAudioKeyboard } from './use-audio-keyboard.js';
import { useDetailsPanel } from './use-details-panel.js';
import { usePlayback } from './use-playback.js';
import { useSegmentEdits } from './use-segment-edits.js';
import { useSegmentPointer } from './use-segment-pointer.js';
import { useTrackDrawing } from './use-track-drawing.js';
import { useViewport } from './use-viewport.js';
import { useWaveSurfer } from './use-wavesurfer.js';

export type { AudioSegmentAnnotatorHandle, AudioSegmentAnnotatorProps } from './annotator-props.js';

/**
 * Audio segment annotator: draw, move and resize segments (seconds, half-open) in lanes per label or
 * per attribute value, transcribe them inline, play them exactly, review model suggestions — all by
 * mouse or keyboard alone. wavesurfer.js holds and plays the audio (and draws the spectrogram); the
 * waveform — from the peaks pyramid, or from the samples themselves when zoomed in that far — and the
 * segments are drawn on one canvas through an interval index, so thousands of them cost only what is
 * visible. The canvas redraws only the rectangles that change (see `dirty-regions.ts`): a selection, a
 * drag's start and drop, a one-segment edit or the playhead repaint a few small areas.
 *
 * Dragging (move or resize) works on a draft: while the pointer is down, the segment's new extent
 * lives only in the tool state and a ref. The canvas is redrawn once without the segment, and a small
 * DOM overlay shows it at its draft place; each pointer move then only sets that overlay's transform
 * (and width when resizing) — no store update, no React render, no canvas redraw, no rebuilding of
 * lanes, rows or the interval index — so a move costs the same with 50 segments or 50,000. At
 * pointerup the draft is committed to the store once: one undo step and one `onChange` per drag
 * (Escape or pointercancel drops the draft, and nothing reaches `onChange`). The store and `onChange`
 * therefore see a drag's result, not its intermediate positions (the details panel too shows the
 * committed extent until the drag ends); a host that wants the live extent gets it from `onDragMove`,
 * called per move with no render of its own. The commit patches the derived model for the one segment
 * (see `nextSegmentModel`) instead of re-deriving it for all of them, and the canvas is redrawn in the
 * same frame as the DOM that render commits.
 *
 * Multichannel files: the waveform shows one band per channel; a segment with a `channel` (0-based)
 * is shaded over that channel's band only and carries a channel badge (`L`/`R` in stereo, else the
 * 1-based number); its channel is edited in the details panel (absent = all channels).
 *
 * This component wires its parts together and renders them: the shared state and refs
 * (`audio-core.ts`), drawing (`use-track-drawing.ts`), the viewport (`use-viewport.ts`), wavesurfer
 * (`use-wavesurfer.ts`), playback (`use-playback.ts`), edit commands (`use-segment-edits.ts`), pointer
 * input (`use-segment-pointer.ts`), keys (`use-audio-keyboard.ts`), the details panel's actions
 * (`use-details-panel.ts`) and the toolbar (`audio-toolbar.tsx`).
 */
export const AudioSegmentAnnotator = forwardRef<AudioSegmentAnnotatorHandle, AudioSegmentAnnotatorProps>(function AudioSegmentAnnotator(props, ref): React.JSX.Element {
  useStyleSheet('labelkit-audio', AUDIO_CSS);
  const core = useAudioCore(props);
  const { schema, readOnly, minLength, source, duration, channelCount, ann, playing, model, layout, selectedSet, markStart, activeLane, pending, selectedSeg, selectedIsSuggestion, segmentLabels, spectroOn, refs, liveRegion } = core;
  const drawing = useTrackDrawing(core);
  const { drawNow } = drawing;
  const view = useViewport(core, drawing);
  useWaveSurfer(core, view, drawing);

  // Drawn in the same frame as the DOM this render commits (the details panel): a drop, a selection or
  // an edit shows on the canvas and in the panel at once, with no frame left waiting for the canvas.
  useLayoutEffect(drawNow, [model, layout, selectedSet, markStart, activeLane, core.waveform, drawNow]);

  const playback = usePlayback(core, view, drawing);
  const edits = useSegmentEdits(core, view);
  const pointer = useSegmentPointer(core, { drawing, view, playback, edits });
  useAudioKeyboard(core, { view, playback, edits, pointer });
  const { play, pause, playSegment, seek } = playback;

  useImperativeHandle(
    ref,
    (): AudioSegmentAnnotatorHandle => ({
      // As the keys do: rejected suggestions come back too.
      undo: () => edits.undo(),
      redo: () => edits.redo(),
      canUndo: () => edits.undoable(),
      canRedo: () => edits.redoable(),
      select: (ids) => core.selection.select(ids),
      focus: () => refs.root.current?.focus(),
      getAnnotations: () => [...ann.store.getSnapshot()],
      play,
      pause,
      playSegment,
      seek,
      getCurrentTime: () => refs.playhead.current,
      isPlaying: () => playing,
      getViewport: () => refs.viewport.current,
      zoomTo: view.zoomTo,
      scrollTo: view.scrollTo,
    }),
  );

  const details = useDetailsPanel(core, edits);

  const selectedLabel = selectedSeg ? schema.byId.get(selectedSeg.label) : undefined;
  const reviewed = core.review.getState().ordered;
  const current = selectedIsSuggestion ? selectedSeg : undefined;
  const shortcut = (action: string) => shortcutsOf(core.keymap[action])[0];
  const helpId = useMemo(() => createId('lk-audio-help-'), []);

  return (
    <div
      ref={refs.root}
      className={`lk-root lk-audio${props.className ? ` ${props.className}` : ''}`}
      tabIndex={0}
      role="application"
      aria-label={props['aria-label'] ?? 'Audio segment annotator'}
      aria-describedby={helpId}
      data-playing={playing ? '' : undefined}
    >
      <LabelkitStyles />
      {/* The root's focus ring (see AUDIO_CSS): first, so it paints below the composited canvases. */}
      <span className="lk-audio__ring" aria-hidden="true" />
      <AudioToolbar
        playing={playing}
        canPlay={!!props.src}
        canPlaySegment={!!selectedSeg}
        loop={core.loop}
        rate={core.rate}
        zoomLabel={view.zoomLabel}
        snap={core.snap}
        spectrogram={spectroOn}
        samplesAvailable={core.samplesAvailable}
        readOnly={readOnly}
        canUndo={edits.canUndo}
        canRedo={edits.canRedo}
        time={core.time}
        duration={duration}
        onPlayPause={() => (playing ? pause() : play())}
        onPlaySegment={() => void playSegment()}
        onToggleLoop={() => core.setLoop((l) => !l)}
        onRate={core.setRate}
        onZoomOut={() => view.zoomBy(0.5)}
        onZoomIn={() => view.zoomBy(2)}
        onFit={() => view.zoomFit()}
        onToggleSnap={() => core.setSnap((s) => !s)}
        onToggleSpectrogram={() => core.setSpectrogram((s) => !s)}
        onUndo={() => edits.undo()}
        onRedo={() => edits.redo()}
      />
      {reviewed.length ? (
        <SuggestionBar
          pending={pending.length}
          total={reviewed.length}
          {...(current ? { current: { label: schema.byId.get(current.label)?.name ?? current.label, ...(current.score !== undefined ? { score: current.score } : {}), position: pending.indexOf(current) + 1 } } : {})}
          onAccept={() => void edits.acceptSuggestion(current?.id)}
          onReject={() => void edits.rejectSuggestion(current?.id)}
          onAcceptAll={() => void edits.acceptAllSuggestions()}
          onRejectAll={() => void edits.rejectAllSuggestions()}
          onAcceptAtOrAbove={(t) => void edits.acceptSuggestionsAtOrAbove(t)}
          countAtOrAbove={(t) => pending.filter((s) => s.score !== undefined && s.score >= t).length}
          onNext={() => void edits.stepSuggestion(1)}
          onPrevious={() => void edits.stepSuggestion(-1)}
          hotkeys={{ accept: shortcut('acceptSuggestion'), reject: shortcut('rejectSuggestion'), next: shortcut('nextSuggestion'), previous: shortcut('prevSuggestion') }}
          disabled={readOnly}
        />
      ) : null}
      {source.status === 'error' ? (
        <p role="alert">Could not load the audio: {source.error?.replace(/\.$/, '')}. Segments cannot be made until it loads.</p>
      ) : null}
      <canvas ref={refs.overview} className="lk-audio__overview" style={{ height: OVERVIEW_HEIGHT }} aria-hidden="true" onPointerDown={pointer.onOverviewPointer} onPointerMove={pointer.onOverviewPointer} />
      <div ref={refs.track} className="lk-audio__track" style={{ height: layout.height }} aria-hidden="true" data-sample-window={core.sampleWindow.status.state}>
        <div ref={refs.wave} className="lk-audio__wave" style={{ top: layout.waveTop, display: core.wsSpectroOn ? 'block' : 'none' }} />
        <canvas ref={refs.canvas} className="lk-audio__canvas" onPointerDown={pointer.onPointerDown} onPointerMove={pointer.onPointerMove} onPointerUp={pointer.onPointerUp} onPointerCancel={pointer.onPointerCancel} onLostPointerCapture={pointer.onPointerUp} data-testid="lk-audio-canvas" />
        {/* The dragged segment during a drag: moved by transform, so a pointer move redraws nothing. */}
        <div ref={refs.drag} className="lk-audio__drag">
          <div className="lk-audio__drag-shade" />
          <div className="lk-audio__drag-box">
            <span className="lk-audio__drag-fill" />
            <span className="lk-audio__drag-edge" style={{ left: -1 }} />
            <span className="lk-audio__drag-edge" style={{ right: -1 }} />
            <span className="lk-audio__drag-badge" />
            <span className="lk-audio__drag-caption" />
          </div>
        </div>
        {source.status === 'loading' ? <p style={{ position: 'absolute', top: layout.waveTop + 8, left: 8, margin: 0 }}>Loading audio…</p> : null}
      </div>
      <SegmentDetails
        segment={selectedSeg}
        isSuggestion={selectedIsSuggestion}
        labels={segmentLabels}
        label={selectedLabel}
        readOnly={readOnly}
        minLength={minLength}
        duration={duration}
        channelCount={channelCount}
        draftText={details.draftText}
        transcriptRef={refs.transcript}
        actions={details.actions}
      />
      <p id={helpId} className="lk-audio__help">
        Space play/pause · Shift+Space play segment · ←/→ seek · [ and ] mark a segment · Tab next segment · +/− zoom · Alt+←/→ move · T transcript{pending.length ? ` · N next suggestion, Enter accept, Shift+Delete reject (${pending.length} pending)` : ''}
        {markStart !== null ? ` · start marked at ${formatTime(markStart)}` : ''}
      </p>
      {liveRegion}
    </div>
  );
});
