import { describe, expect, it } from 'vitest';
import { statusHint, type HintInput } from './status-hint.js';

const base: HintInput = { readOnly: false, tool: 'select', box: 'idle', polygon: 'idle', keypoints: { name: 'idle' }, skeleton: { keypoints: ['nose', 'neck'], edges: [] }, kb: (a) => ({ crosshair: 'C', markOccluded: 'O', skipJoint: 'S' })[a] ?? '' };

describe('statusHint', () => {
  it('says read-only above all', () => {
    expect(statusHint({ ...base, readOnly: true, tool: 'bbox' })).toBe('Read-only: click or Tab to inspect shapes.');
  });

  it('follows the box tool through its states, with the crosshair key', () => {
    expect(statusHint({ ...base, tool: 'bbox' })).toMatch(/^Drag or click two corners .* C draws with the keyboard$/);
    expect(statusHint({ ...base, tool: 'bbox' })).toMatch(/ drag the selected one to move it /);
    expect(statusHint({ ...base, tool: 'bbox', box: 'secondCorner' })).toBe('Click the opposite corner · Esc cancels');
    expect(statusHint({ ...base, tool: 'bbox', box: 'crosshair' })).toMatch(/^Arrows move the crosshair/);
  });

  it('tells how to close a polygon while one is drawn', () => {
    expect(statusHint({ ...base, tool: 'polygon' })).toMatch(/^Click to start a polygon/);
    expect(statusHint({ ...base, tool: 'polygon' })).toMatch(/ drag the selected one to move it /);
    expect(statusHint({ ...base, tool: 'polygon', polygon: 'drawing' })).toMatch(/^Click to add points/);
  });

  it('names the next joint, occluded or not', () => {
    expect(statusHint({ ...base, tool: 'keypoints' })).toBe('Next joint: nose · click to place · drag the selected shape to move it · O occluded · S skip · Enter finish');
    expect(statusHint({ ...base, tool: 'keypoints', keypoints: { name: 'placing', points: [], index: 1, occluded: true } })).toMatch(/^Next joint: neck \(occluded\) · click to place · O occluded/);
    expect(statusHint({ ...base, tool: 'keypoints', skeleton: undefined })).toMatch(/^Next joint: —/);
  });

  it('explains selecting with the select tool', () => {
    expect(statusHint(base)).toMatch(/^Click to select/);
  });
});
