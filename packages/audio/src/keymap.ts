/**
 * The shortcuts of {@link AudioSegmentAnnotator}: the shared defaults plus audio's own actions. Every
 * one can be remapped with the `keymap` prop.
 */
import { DEFAULT_KEYMAP, type Keymap } from '@labelkit/core';

/**
 * Audio shortcuts. Arrow keys seek (Shift: farther) because the playhead is what a transcriber moves
 * most; Alt+arrows move the selected segment, Mod+arrows its end edge, Mod+Shift+arrows its start
 * edge. `[` and `]` mark a new segment's start and end at the playhead. Digits stay free for label
 * hotkeys.
 */
export const AUDIO_KEYMAP = {
  ...DEFAULT_KEYMAP,
  playPause: 'Space',
  playSegment: 'Shift+Space',
  toggleLoop: 'Shift+L',
  markStart: '[',
  markEnd: ']',
  seekBackward: 'ArrowLeft',
  seekForward: 'ArrowRight',
  seekBackwardFar: 'Shift+ArrowLeft',
  seekForwardFar: 'Shift+ArrowRight',
  seekStart: 'Home',
  seekEnd: 'End',
  moveSegmentLeft: 'Alt+ArrowLeft',
  moveSegmentRight: 'Alt+ArrowRight',
  endEarlier: 'Mod+ArrowLeft',
  endLater: 'Mod+ArrowRight',
  startEarlier: 'Mod+Shift+ArrowLeft',
  startLater: 'Mod+Shift+ArrowRight',
  slower: ',',
  faster: '.',
  zoomFit: 'Mod+0',
  toggleSpectrogram: 'S',
  toggleSnap: 'Shift+S',
  editTranscript: 'T',
  // The shared nudge actions would shadow seeking; audio has no vertical nudge.
  nudgeLeft: [],
  nudgeRight: [],
  nudgeUp: [],
  nudgeDown: [],
  nudgeLeftFar: [],
  nudgeRightFar: [],
  nudgeUpFar: [],
  nudgeDownFar: [],
} as const satisfies Keymap;

/** An action id of {@link AUDIO_KEYMAP}. */
export type AudioAction = keyof typeof AUDIO_KEYMAP;
