import { describe, expect, it } from 'vitest';
import type { Skeleton } from '@labelkit/core';
import { ev, type ToolEvent } from '../events.js';
import { cycleVisibility, KEYPOINT_IDLE, KEYPOINT_KEYS, keypointTool, nextJointName, skeletonEdgeIndices, swapMirror, type KeypointToolState } from './keypoint-tool.js';

const skeleton: Skeleton = {
  keypoints: ['nose', 'left_eye', 'right_eye', 'left_hip'],
  edges: [['nose', 'left_eye'], ['nose', 'right_eye'], ['nose', 'ghost']],
  mirror: [['left_eye', 'right_eye']],
};
const ctx = { skeleton, image: { width: 100, height: 100 }, bounds: 'clamp' as const };
function run(events: ToolEvent[]) {
  let state: KeypointToolState = KEYPOINT_IDLE;
  const names: (string | null)[] = [];
  let created = undefined as ReturnType<typeof keypointTool>['created'];
  for (const e of events) {
    const r = keypointTool(state, e, ctx);
    state = r.state;
    names.push(nextJointName(state, skeleton));
    if (r.created) created = r.created;
  }
  return { state, names, created };
}

describe('keypoint tool', () => {
  it('places joints in skeleton order, with occluded and skipped joints', () => {
    const r = run([ev.down([10, 10]), ev.key(KEYPOINT_KEYS.occluded), ev.down([20, 10]), ev.key(KEYPOINT_KEYS.skip), ev.down([30, 150])]);
    expect(r.names).toEqual(['left_eye', 'left_eye', 'right_eye', 'left_hip', null]);
    expect(r.created).toEqual([
      { x: 10, y: 10, visibility: 2 },
      { x: 20, y: 10, visibility: 1 },
      { x: 0, y: 0, visibility: 0 },
      { x: 30, y: 100, visibility: 2 },
    ]);
  });
  it('Backspace steps back, Enter finishes early, Escape cancels', () => {
    const r = run([ev.down([10, 10]), ev.down([20, 20]), ev.key('Backspace'), ev.down([25, 25]), ev.key('Enter')]);
    expect(r.created?.map((p) => p.visibility)).toEqual([2, 2, 0, 0]);
    expect(r.created?.[1]).toEqual({ x: 25, y: 25, visibility: 2 });
    expect(run([ev.down([10, 10]), ev.key('Escape')]).created).toBeUndefined();
  });
  it('swaps mirror pairs and cycles visibility', () => {
    const pts = [{ x: 0, y: 0, visibility: 2 as const }, { x: 1, y: 1, visibility: 2 as const }, { x: 2, y: 2, visibility: 1 as const }, { x: 3, y: 3, visibility: 0 as const }];
    const s = swapMirror(pts, skeleton);
    expect(s[1]).toEqual({ x: 2, y: 2, visibility: 1 });
    expect(s[2]).toEqual({ x: 1, y: 1, visibility: 2 });
    expect(s[0]).toEqual(pts[0]);
    expect([cycleVisibility(2), cycleVisibility(1), cycleVisibility(0)]).toEqual([1, 0, 2]);
    expect(skeletonEdgeIndices(skeleton)).toEqual([[0, 1], [0, 2]]);
  });
});
