/**
 * @labelkit/audio — `AudioSegmentAnnotator` (segments in seconds on wavesurfer.js, lanes, transcripts,
 * exact segment playback, suggestions) and the pure helpers behind it.
 */
export { AudioSegmentAnnotator, type AudioSegmentAnnotatorProps, type AudioSegmentAnnotatorHandle} from './AudioSegmentAnnotator.js';
export { AUDIO_KEYMAP, type AudioAction } from './keymap.js';
export { assignLanes, stackRows, laneFields, laneKey, type Lane, type LaneBy, type LaneLayout } from './lanes.js';
export { computePeaks, peaksFromArrays, peaksFromChannels, buildPeaksPyramid, peaksForRange, type ChannelPeaks, type Peaks, type PeaksLevel, type PeaksPyramid } from './peaks.js';
export { samplesForRange, waveformColumns, drawWaveform, type WaveformSource } from './waveform.js';
export { PX_PER_SAMPLE, MAX_ELEMENT_WIDTH } from './audio-zoom.js';
export { snapToZeroCrossing } from './zero-crossing.js';
export { trackLayout, laneAtY, channelBand, channelName, channelOptions, RULER_HEIGHT, ROW_HEIGHT, LANE_PADDING, LANE_HEADER, type TrackLayout } from './layout.js';
export { segmentTool, normaliseRange, segmentFromMarks, hitTest, IDLE, type ToolContext, type ToolEffect, type ToolEvent, type ToolHit, type ToolModifiers, type ToolSegment, type ToolState, type ToolStep } from './segment-tool.js';
export { playBufferSegment, playMediaSegment, mediaStopTime, mediaGate, type SegmentPlayback, type SegmentPlaybackOptions, type MediaGate } from './segment-playback.js';
export { formatTime, tickStep } from './time-format.js';
export { segmentsInOrder, adjacentSegment } from './segment-order.js';
