/**
 * The audio annotator's toolbar: play/pause, play segment, loop, playback rate, zoom (out, in, fit,
 * and the zoom badge), snapping and spectrogram toggles, undo/redo, and the playhead's time.
 */
import { RATES } from './audio-styles.js';
import { formatTime } from './time-format.js';

/** Props of {@link AudioToolbar}. */
export interface AudioToolbarProps {
  playing: boolean;
  /** Whether there is an audio `src` to play. */
  canPlay: boolean;
  /** Whether a segment is selected to play. */
  canPlaySegment: boolean;
  loop: boolean;
  rate: number;
  /** The zoom badge's text. */
  zoomLabel: string;
  snap: boolean;
  /** Whether the spectrogram shows. */
  spectrogram: boolean;
  /** Whether the samples can be had (snapping and the spectrogram need them): decoded audio, or a long WAV read in windows. */
  samplesAvailable: boolean;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** The playhead and the duration, seconds. */
  time: number;
  duration: number;
  onPlayPause(): void;
  onPlaySegment(): void;
  onToggleLoop(): void;
  onRate(rate: number): void;
  onZoomOut(): void;
  onZoomIn(): void;
  onFit(): void;
  onToggleSnap(): void;
  onToggleSpectrogram(): void;
  onUndo(): void;
  onRedo(): void;
}

/** The toolbar over the track ("Playback and view"). Its buttons act through the callbacks it is given. */
export function AudioToolbar(props: AudioToolbarProps): React.JSX.Element {
  const { playing, loop, rate, zoomLabel, snap, spectrogram, samplesAvailable, readOnly, time, duration } = props;
  return (
    <div className="lk-toolbar" role="toolbar" aria-label="Playback and view">
      <button type="button" className="lk-button lk-button--primary" onClick={props.onPlayPause} disabled={!props.canPlay}>
        {playing ? 'Pause' : 'Play'} <kbd className="lk-kbd">Space</kbd>
      </button>
      <button type="button" className="lk-button" onClick={props.onPlaySegment} disabled={!props.canPlaySegment || !props.canPlay}>
        Play segment
      </button>
      <button type="button" className="lk-button" aria-pressed={loop} onClick={props.onToggleLoop}>
        Loop
      </button>
      <label className="lk-audio__rate">
        <span className="lk-sr-only">Playback rate</span>
        <select className="lk-input" value={rate} onChange={(e) => props.onRate(Number(e.target.value))}>
          {RATES.map((r) => (
            <option key={r} value={r}>
              {r}×
            </option>
          ))}
        </select>
      </label>
      <span className="lk-toolbar-separator" />
      <button type="button" className="lk-button" onClick={props.onZoomOut} aria-label="Zoom out">
        −
      </button>
      <button type="button" className="lk-button" onClick={props.onZoomIn} aria-label="Zoom in">
        +
      </button>
      <button type="button" className="lk-button" onClick={props.onFit}>
        Fit
      </button>
      <span className="lk-badge" aria-label="Zoom level">{zoomLabel}</span>
      <span className="lk-toolbar-separator" />
      <button type="button" className="lk-button" aria-pressed={snap} disabled={!samplesAvailable} onClick={props.onToggleSnap}>
        Snap to zero
      </button>
      <button type="button" className="lk-button" aria-pressed={spectrogram} disabled={!samplesAvailable} onClick={props.onToggleSpectrogram}>
        Spectrogram
      </button>
      <span className="lk-toolbar-separator" />
      <button type="button" className="lk-button" onClick={props.onUndo} disabled={readOnly || !props.canUndo}>
        Undo
      </button>
      <button type="button" className="lk-button" onClick={props.onRedo} disabled={readOnly || !props.canRedo}>
        Redo
      </button>
      <span className="lk-audio__time" aria-label="Playhead">
        {formatTime(time)} / {formatTime(duration)}
      </span>
    </div>
  );
}
