import { DEFAULT_KEYMAP, type Keymap } from '@labelkit/core';

/**
 * Shortcuts of the image annotator: the shared {@link DEFAULT_KEYMAP} plus image actions.
 *
 * Decisions worth knowing:
 * - Digits `1`–`9` are left for label hotkeys, so **actual size (1:1) is `0`**, not `1`;
 *   fit is `F`. Zoom in/out are `+`/`=` and `-` (from the defaults).
 * - Tools: `B` box, `P` polygon, `K` keypoints, `V` select.
 * - `C` starts keyboard box drawing (a crosshair moved by the arrows, Enter at each corner).
 * - Alt+arrows move the active edge of a box (`E` cycles which edge is active, starting on the right).
 * - `[`/`]` rotate by 1° (Shift: 15°).
 * - Keypoints: `O` marks the next joint occluded, `S` skips it, `M` swaps left/right, `X` cycles
 *   visibility of the selected joint.
 * - `Mod+]`/`Mod+[` bring to front / send to back; `Shift+H` shows every hidden shape again.
 * - `A` moves focus to the first attribute field of the selected shape (side panel); Escape there
 *   returns to the canvas.
 */
export const IMAGE_KEYMAP = {
  ...DEFAULT_KEYMAP,
  showAllHidden: 'Shift+H',
  fit: 'F',
  actualSize: '0',
  toolSelect: 'V',
  toolBox: 'B',
  toolPolygon: 'P',
  toolKeypoints: 'K',
  crosshair: 'C',
  cycleEdge: 'E',
  growLeft: 'Alt+ArrowLeft',
  growRight: 'Alt+ArrowRight',
  growUp: 'Alt+ArrowUp',
  growDown: 'Alt+ArrowDown',
  // The Shift variants come first: a punctuation shortcut without Shift also matches with Shift held.
  rotateLeftFar: 'Shift+[',
  rotateRightFar: 'Shift+]',
  rotateLeft: '[',
  rotateRight: ']',
  bringToFront: 'Mod+]',
  sendToBack: 'Mod+[',
  markOccluded: 'O',
  skipJoint: 'S',
  swapMirror: 'M',
  cycleVisibility: 'X',
  editAttributes: 'A',
  finish: 'Enter',
  cancel: 'Escape',
} as const satisfies Keymap;

/** An action id of {@link IMAGE_KEYMAP}. */
export type ImageAction = keyof typeof IMAGE_KEYMAP;
