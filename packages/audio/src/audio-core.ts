/**
 * The state every part of the audio annotator shares (drawing, view, wavesurfer, playback, edits,
 * pointer and keyboard input, details panel): the annotations, suggestions and selection, the UI
 * state, the derived track model and layout, the refs the canvas and the event handlers read, and
 * `live`, the latest of those values for code that runs outside React's render.
 */
import { useMemo, useRef, useState, type Dispatch, type ReactElement, type RefObject, type SetStateAction } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import { labelsForKind, fitTimeline, type Annotation, type Keymap, type Label, type LabelSchema, type SegmentAnnotation, type SuggestionReview, type TimelineViewport } from '@labelkit/core';
import { useAnnotations, useAnnouncer, useControllableState, useMergedKeymap, useSelection, useSuggestionReview, type UseAnnotationsResult, type UseSelectionResult } from '@labelkit/react';
import type { AudioSegmentAnnotatorProps } from './annotator-props.js';
import { SPECTROGRAM_HEIGHT } from './audio-styles.js';
import { useAudioSource, type AudioSource } from './audio-source.js';
import { AUDIO_KEYMAP } from './keymap.js';
import type { LaneBy } from './lanes.js';
import { trackLayout, type TrackLayout } from './layout.js';
import { createSegmentModelCache, type SegmentModel } from './segment-model.js';
import { segmentTimeOrder } from './segment-order.js';
import type { SegmentPlayback } from './segment-playback.js';
import { IDLE, type ToolState } from './segment-tool.js';
import type { WaveformSource } from './waveform.js';
import { useSampleWindow, type SampleWindowResult } from './use-sample-window.js';

const EMPTY_SUGGESTIONS: Annotation[] = [];
const isSegment = (a: Annotation): a is SegmentAnnotation => a.kind === 'segment';

/** A segment being drawn (the tool's preview), or dragged (its draft extent), in seconds and lane. */
export interface SegmentExtent {
  start: number;
  end: number;
  lane: number;
}

/** Refs shared by the annotator's parts: read by the canvas and the event handlers, never a reason to render. */
export interface AudioRefs {
  /** The focusable root element (keyboard input). */
  root: RefObject<HTMLDivElement | null>;
  /** The track: the canvas, wavesurfer's view and the drag overlay. */
  track: RefObject<HTMLDivElement | null>;
  /** wavesurfer's container (shown only with the spectrogram). */
  wave: RefObject<HTMLDivElement | null>;
  /** The track canvas: waveform, lanes and segments. */
  canvas: RefObject<HTMLCanvasElement | null>;
  overview: RefObject<HTMLCanvasElement | null>;
  /** The details panel's transcript field. */
  transcript: RefObject<HTMLInputElement | null>;
  /** The drag overlay. */
  drag: RefObject<HTMLDivElement | null>;
  ws: RefObject<WaveSurfer | null>;
  /** The media element wavesurfer plays through. */
  media: RefObject<HTMLAudioElement | null>;
  /** The segment playing, if any. */
  segPlay: RefObject<SegmentPlayback | null>;
  /** The segment tool's state. */
  tool: RefObject<ToolState>;
  /** The segment being drawn, shown on the canvas. */
  preview: RefObject<SegmentExtent | null>;
  /** The segment being moved or resized, at its draft extent: shown by the drag overlay, not yet in the store (committed at pointerup). */
  draft: RefObject<(SegmentExtent & { id: string }) | null>;
  /** The playhead, seconds. */
  playhead: RefObject<number>;
  viewport: RefObject<TimelineViewport>;
}

/** The latest values of a render, for event handlers and the draw loop, which live outside React's render. */
export interface LiveValues {
  model: SegmentModel;
  layout: TrackLayout;
  selectedSet: Set<string>;
  activeLane: number;
  markStart: number | null;
  source: AudioSource;
  waveform: WaveformSource | null;
  spectroOn: boolean;
  /** Whether wavesurfer's view shows (its spectrogram, decoded audio). */
  wsSpectroOn: boolean;
  readOnly: boolean;
  minLength: number;
  snap: boolean;
  segments: SegmentAnnotation[];
  laneBy: LaneBy;
}

/** The state of an audio annotator that its parts share; rebuilt each render. */
export interface AudioCore {
  props: AudioSegmentAnnotatorProps;
  schema: LabelSchema;
  readOnly: boolean;
  minLength: number;
  waveHeight: number;
  laneBy: LaneBy;
  source: AudioSource;
  /** Duration of the audio, seconds (0 until it is known). */
  duration: number;
  channelCount: number;
  ann: UseAnnotationsResult;
  selection: UseSelectionResult;
  segmentLabels: Label[];
  activeLabel: string;
  setActiveLabel(next: string): void;
  keymap: Keymap;
  announce(message: string): void;
  liveRegion: ReactElement;
  /**
   * Core's suggestion review of the segment suggestions, in time order: accept, reject, stepping, and
   * undo/redo of edits and decisions together (every undo and redo goes through it).
   */
  review: SuggestionReview;
  /** The suggestions not yet accepted or rejected, in time order. */
  pending: SegmentAnnotation[];
  segments: SegmentAnnotation[];
  playing: boolean;
  setPlaying: Dispatch<SetStateAction<boolean>>;
  loop: boolean;
  setLoop: Dispatch<SetStateAction<boolean>>;
  rate: number;
  setRate: Dispatch<SetStateAction<number>>;
  snap: boolean;
  setSnap: Dispatch<SetStateAction<boolean>>;
  spectrogram: boolean;
  setSpectrogram: Dispatch<SetStateAction<boolean>>;
  /** What the track's waveform is drawn from (peaks, and samples where there are any). */
  waveform: WaveformSource | null;
  /** Sample windows of a long file given as peaks (see use-sample-window.ts). */
  sampleWindow: SampleWindowResult;
  /** Whether the samples can be had (snapping, the spectrogram): the audio is decoded, or a long WAV is read in windows. */
  samplesAvailable: boolean;
  /** Whether wavesurfer's view shows (its spectrogram plugin, for decoded audio). */
  wsSpectroOn: boolean;
  /** Whether the spectrogram shows (asked for, and the audio is decoded). */
  spectroOn: boolean;
  markStart: number | null;
  setMarkStart: Dispatch<SetStateAction<number | null>>;
  /** The playhead as shown in the toolbar. */
  time: number;
  setTime: Dispatch<SetStateAction<number>>;
  model: SegmentModel;
  layout: TrackLayout;
  activeLane: number;
  selectedId: string | undefined;
  selectedSeg: SegmentAnnotation | undefined;
  selectedIsSuggestion: boolean;
  selectedSet: Set<string>;
  refs: AudioRefs;
  live: RefObject<LiveValues>;
}

/**
 * Builds the {@link AudioCore} of an audio annotator from its props: loads the audio, holds the
 * annotations, the suggestion review, selection and UI state, derives the lanes, rows and interval
 * index (a one-segment edit patches the previous model) and the track's layout, creates the shared
 * refs and refreshes `live` with this render's values.
 */
export function useAudioCore(props: AudioSegmentAnnotatorProps): AudioCore {
  const { schema, readOnly = false, minLength = 0.05, waveHeight = 120 } = props;
  // Stable across renders when the host passes a new `{ attribute }` object each time.
  const laneByAttribute = props.laneBy && props.laneBy !== 'label' ? props.laneBy.attribute : null;
  const laneBy: LaneBy = useMemo(() => (laneByAttribute === null ? 'label' : { attribute: laneByAttribute }), [laneByAttribute]);
  const suggestions = props.suggestions ?? EMPTY_SUGGESTIONS;
  const source = useAudioSource(props.src, props.peaks, props.duration);
  const ann = useAnnotations({ value: props.value, defaultValue: props.defaultValue, onChange: props.onChange, onDragMove: props.onDragMove });
  const segmentLabels = useMemo(() => labelsForKind(schema, 'segment'), [schema]);
  const [activeLabel, setActiveLabel] = useControllableState<string>({ value: props.activeLabel, defaultValue: segmentLabels[0]?.id ?? '', onChange: props.onActiveLabelChange, name: 'activeLabel' });
  const keymap = useMergedKeymap(AUDIO_KEYMAP, props.keymap);
  const { announce, liveRegion } = useAnnouncer();

  const segmentSuggestions = useMemo(() => suggestions.filter(isSegment), [suggestions]);
  const { review, state: reviewState } = useSuggestionReview(ann.store, { suggestions: segmentSuggestions, order: segmentTimeOrder });
  const pending = useMemo(() => reviewState.pending.filter(isSegment), [reviewState.pending]);
  // Pending suggestions are selectable too, so they count as existing for the selection.
  const selectable = useMemo(() => (pending.length ? [...ann.annotations, ...pending] : ann.annotations), [ann.annotations, pending]);
  const selection = useSelection({ selectedIds: props.selectedIds, onSelectionChange: props.onSelectionChange, annotations: selectable });
  const [playing, setPlaying] = useState(false);
  const [loop, setLoop] = useState(false);
  const [rate, setRate] = useState(1);
  const [snap, setSnap] = useState(props.defaultSnapToZeroCrossings ?? false);
  const [spectrogram, setSpectrogram] = useState(props.defaultShowSpectrogram ?? false);
  const [markStart, setMarkStart] = useState<number | null>(null);
  const [time, setTime] = useState(0);

  const refs: AudioRefs = {
    root: useRef<HTMLDivElement>(null),
    track: useRef<HTMLDivElement>(null),
    wave: useRef<HTMLDivElement>(null),
    canvas: useRef<HTMLCanvasElement>(null),
    overview: useRef<HTMLCanvasElement>(null),
    transcript: useRef<HTMLInputElement>(null),
    drag: useRef<HTMLDivElement>(null),
    ws: useRef<WaveSurfer | null>(null),
    media: useRef<HTMLAudioElement | null>(null),
    segPlay: useRef<SegmentPlayback | null>(null),
    tool: useRef<ToolState>(IDLE),
    preview: useRef<SegmentExtent | null>(null),
    draft: useRef<(SegmentExtent & { id: string }) | null>(null),
    playhead: useRef(0),
    viewport: useRef<TimelineViewport>(fitTimeline(1, 800)),
  };

  const duration = source.duration;
  const segments = useMemo(() => ann.annotations.filter((a): a is SegmentAnnotation => a.kind === 'segment'), [ann.annotations]);

  // Lanes, rows, draw items and the interval index; a one-segment edit (a drag's commit) patches the previous model.
  const [modelCache] = useState(createSegmentModelCache);
  const model = useMemo(() => modelCache.get({ schema, segments, pending, laneBy }), [modelCache, segments, pending, schema, laneBy]);

  const channelCount = Math.max(1, source.channelCount);
  // Decoded audio has wavesurfer's spectrogram plugin; a long WAV read in windows gets the annotator's own
  // (drawn on the track canvas from the window; see spectrogram.ts).
  const sampleWindow = useSampleWindow(props.src, source.status === 'ready' && !source.buffer && !!props.src, source.pyramid?.levels[0]?.rate ?? 0);
  const windowState = sampleWindow.status.state;
  const samplesAvailable = !!source.buffer || windowState === 'idle' || windowState === 'loading' || windowState === 'ready';
  const spectroOn = spectrogram && samplesAvailable;
  const wsSpectroOn = spectroOn && !!source.buffer;
  const layout = useMemo(() => trackLayout(model.rows, waveHeight, spectroOn ? SPECTROGRAM_HEIGHT : 0, channelCount), [model.rows, waveHeight, spectroOn, channelCount]);
  // What the track's waveform is drawn from: the peaks pyramid, and the samples of decoded audio (sample-level zoom).
  // A long file given as peaks: windows of its samples read on demand when zoomed in past the peaks.
  const win = sampleWindow.window;
  const waveform = useMemo((): WaveformSource | null => {
    if (!source.pyramid) return null;
    const b = source.buffer;
    if (b) return { pyramid: source.pyramid, samples: { channels: Array.from({ length: b.numberOfChannels }, (_, i) => b.getChannelData(i)), sampleRate: b.sampleRate } };
    return { pyramid: source.pyramid, samples: win ? { channels: win.channels, sampleRate: win.sampleRate, start: win.start } : null };
  }, [source.pyramid, source.buffer, win]);
  const activeLane = useMemo(() => {
    if (laneBy === 'label') return Math.max(0, model.lanes.findIndex((l) => l.label === activeLabel));
    return 0;
  }, [model.lanes, laneBy, activeLabel]);

  const selectedId = selection.selectedIds.length === 1 ? selection.selectedIds[0] : undefined;
  const selectedSeg: SegmentAnnotation | undefined = selectedId ? (segments.find((s) => s.id === selectedId) ?? pending.find((s) => s.id === selectedId)) : undefined;
  const selectedIsSuggestion = !!selectedSeg && review.isPending(selectedSeg.id);
  const selectedSet = useMemo(() => new Set(selection.selectedIds), [selection.selectedIds]);

  // Latest values for event handlers and the draw loop, which live outside React's render.
  const live = useRef<LiveValues>({ model, layout, selectedSet, activeLane, markStart, source, waveform, spectroOn, wsSpectroOn, readOnly, minLength, snap, segments, laneBy });
  live.current = { model, layout, selectedSet, activeLane, markStart, source, waveform, spectroOn, wsSpectroOn, readOnly, minLength, snap, segments, laneBy };

  return {
    props,
    schema,
    readOnly,
    minLength,
    waveHeight,
    laneBy,
    source,
    duration,
    channelCount,
    ann,
    selection,
    segmentLabels,
    activeLabel,
    setActiveLabel,
    keymap,
    announce,
    liveRegion,
    review,
    pending,
    segments,
    playing,
    setPlaying,
    loop,
    setLoop,
    rate,
    setRate,
    snap,
    setSnap,
    spectrogram,
    setSpectrogram,
    waveform,
    sampleWindow,
    samplesAvailable,
    wsSpectroOn,
    spectroOn,
    markStart,
    setMarkStart,
    time,
    setTime,
    model,
    layout,
    activeLane,
    selectedId,
    selectedSeg,
    selectedIsSuggestion,
    selectedSet,
    refs,
    live,
  };
}
