import type { Skeleton } from '@labelkit/core';
import type { BoxToolState } from './tools/box-tool.js';
import { nextJointName, type KeypointToolState } from './tools/keypoint-tool.js';
import type { PolygonToolState } from './tools/polygon-tool.js';
import type { ActiveTool } from './tool-names.js';

/** What the status line's hint depends on. */
export interface HintInput {
  readOnly: boolean;
  tool: ActiveTool;
  box: BoxToolState['name'];
  polygon: PolygonToolState['name'];
  keypoints: KeypointToolState;
  /** The skeleton of the label new keypoints get. */
  skeleton: Skeleton | undefined;
  /** The shortcut of a keymap action, as shown to the user ("C"). */
  kb(action: string): string;
}

/** The status line's hint: what the active tool does next, and the keys that matter now. */
export function statusHint(h: HintInput): string {
  if (h.readOnly) return 'Read-only: click or Tab to inspect shapes.';
  if (h.tool === 'bbox') {
    if (h.box === 'crosshair') return 'Arrows move the crosshair (Shift: 10 px) · Enter sets a corner · Esc cancels';
    if (h.box === 'secondCorner') return 'Click the opposite corner · Esc cancels';
    return `Drag or click two corners to draw a box · click a shape to select it, drag the selected one to move it · ${h.kb('crosshair')} draws with the keyboard`;
  }
  if (h.tool === 'polygon') {
    return h.polygon === 'drawing'
      ? 'Click to add points · click the first point, Enter or double-click to close · Backspace removes the last · Esc cancels'
      : 'Click to start a polygon · click a shape to select it, drag the selected one to move it · draw inside a selected polygon to cut a hole';
  }
  if (h.tool === 'keypoints') {
    const ks = h.keypoints;
    const name = h.skeleton ? nextJointName(ks.name === 'placing' ? ks : { name: 'placing', points: [], index: 0, occluded: false }, h.skeleton) : null;
    return `Next joint: ${name ?? '—'}${ks.name === 'placing' && ks.occluded ? ' (occluded)' : ''} · click to place${ks.name === 'idle' ? ' · drag the selected shape to move it' : ''} · ${h.kb('markOccluded')} occluded · ${h.kb('skipJoint')} skip · Enter finish`;
  }
  return 'Click to select · Shift-click adds · drag to move · drag on empty space to select an area';
}
