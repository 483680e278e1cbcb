import type { Keypoint, KeypointVisibility, Point2, Skeleton } from '@labelkit/core';
import type { ImageSize, ToolEvent } from '../events.js';

/** Tool-level key names for guided placement (the component maps shortcuts onto them). */
export const KEYPOINT_KEYS = { occluded: 'markOccluded', skip: 'skipJoint' } as const;

/**
 * States of the guided keypoint tool: `idle`, or `placing` joint `index` of the skeleton, with the
 * joints placed so far. `occluded` is set by the occluded key: the next click places the joint
 * with visibility 1.
 */
export type KeypointToolState =
  | { name: 'idle' }
  | { name: 'placing'; points: Keypoint[]; index: number; occluded: boolean };

/** What the keypoint tool needs to know. */
export interface KeypointToolContext {
  skeleton: Skeleton;
  image: ImageSize;
  bounds: 'clamp' | 'allow';
}

/** Result of one event. */
export interface KeypointToolResult {
  state: KeypointToolState;
  /** Finished points, one per skeleton keypoint, in skeleton order. */
  created?: Keypoint[];
  handled: boolean;
}

/** The keypoint tool's starting state. */
export const KEYPOINT_IDLE: KeypointToolState = { name: 'idle' };

const UNLABELLED: Keypoint = Object.freeze({ x: 0, y: 0, visibility: 0 });

function advance(points: Keypoint[], ctx: KeypointToolContext): KeypointToolResult {
  if (points.length >= ctx.skeleton.keypoints.length) {
    // A skeleton with no labelled joint is not worth keeping.
    if (points.every((p) => p.visibility === 0)) return { state: KEYPOINT_IDLE, handled: true };
    return { state: KEYPOINT_IDLE, created: points, handled: true };
  }
  return { state: { name: 'placing', points, index: points.length, occluded: false }, handled: true };
}

/**
 * Guided placement in skeleton order: each click places the next joint (visible, or occluded after
 * the occluded key or with Shift held); the skip key leaves it unlabelled (visibility 0); Backspace
 * goes back one joint; Enter finishes early (the rest unlabelled); Escape cancels. The last joint
 * finishes the skeleton. The `start` key begins placement without a click.
 */
export function keypointTool(state: KeypointToolState, event: ToolEvent, ctx: KeypointToolContext): KeypointToolResult {
  if (event.type === 'cancel') return { state: KEYPOINT_IDLE, handled: state.name !== 'idle' };
  const n = ctx.skeleton.keypoints.length;
  if (n === 0) return { state: KEYPOINT_IDLE, handled: false };
  const s: Extract<KeypointToolState, { name: 'placing' }> = state.name === 'placing' ? state : { name: 'placing', points: [], index: 0, occluded: false };
  if (event.type === 'pointerdown') {
    let [x, y] = event.point;
    if (ctx.bounds === 'clamp') {
      x = Math.min(ctx.image.width, Math.max(0, x));
      y = Math.min(ctx.image.height, Math.max(0, y));
    }
    const visibility: KeypointVisibility = s.occluded || event.modifiers.shift ? 1 : 2;
    return advance([...s.points, { x, y, visibility }], ctx);
  }
  if (event.type !== 'key') return { state, handled: event.type === 'pointerup' && state.name === 'placing' };
  switch (event.key) {
    case KEYPOINT_KEYS.occluded:
      return { state: { ...s, occluded: !s.occluded }, handled: true };
    case KEYPOINT_KEYS.skip:
      return advance([...s.points, { ...UNLABELLED }], ctx);
    case 'Backspace':
      if (state.name === 'idle') return { state, handled: false };
      if (s.points.length === 0) return { state: KEYPOINT_IDLE, handled: true };
      return { state: { name: 'placing', points: s.points.slice(0, -1), index: s.points.length - 1, occluded: false }, handled: true };
    case 'Enter': {
      if (state.name === 'idle') return { state, handled: false };
      const rest = Array.from({ length: n - s.points.length }, () => ({ ...UNLABELLED }));
      return advance([...s.points, ...rest], ctx);
    }
    case 'Escape':
      return { state: KEYPOINT_IDLE, handled: state.name !== 'idle' };
    default:
      return { state, handled: false };
  }
}

/** The name of the joint to place next, or `null` when not placing. */
export function nextJointName(state: KeypointToolState, skeleton: Skeleton): string | null {
  return state.name === 'placing' ? (skeleton.keypoints[state.index] ?? null) : null;
}

/**
 * Swaps left and right: each mirror pair's points trade places (positions and visibility), so a
 * skeleton labelled facing the wrong way is fixed in one step.
 */
export function swapMirror(points: readonly Keypoint[], skeleton: Skeleton): Keypoint[] {
  const out = points.map((p) => ({ ...p }));
  const idx = (name: string) => skeleton.keypoints.indexOf(name);
  for (const [a, b] of skeleton.mirror ?? []) {
    const i = idx(a);
    const j = idx(b);
    const pi = points[i];
    const pj = points[j];
    if (i < 0 || j < 0 || !pi || !pj) continue;
    out[i] = { ...pj };
    out[j] = { ...pi };
  }
  return out;
}

/** Next visibility in the cycle visible (2) → occluded (1) → unlabelled (0) → visible. */
export function cycleVisibility(v: KeypointVisibility): KeypointVisibility {
  return v === 2 ? 1 : v === 1 ? 0 : 2;
}

/** Skeleton edges as index pairs (unknown joint names are dropped). */
export function skeletonEdgeIndices(skeleton: Skeleton): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of skeleton.edges ?? []) {
    const i = skeleton.keypoints.indexOf(a);
    const j = skeleton.keypoints.indexOf(b);
    if (i >= 0 && j >= 0) out.push([i, j]);
  }
  return out;
}

/** Moves joint `index` to `point`; an unlabelled joint becomes visible. */
export function moveJoint(points: readonly Keypoint[], index: number, point: Point2): Keypoint[] {
  return points.map((p, i) => (i === index ? { x: point[0], y: point[1], visibility: p.visibility === 0 ? 2 : p.visibility } : p));
}
