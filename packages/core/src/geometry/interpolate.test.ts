import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { TrackKeyframe } from '../annotation.js';
import { interpolateTrack, trackAttributesAt } from './interpolate.js';

const kf = (frame: number, x: number, extra: Partial<TrackKeyframe> = {}): TrackKeyframe => ({
  frame,
  x,
  y: 2 * x,
  width: 10 + x,
  height: 20,
  ...extra,
});

describe('interpolateTrack', () => {
  const track = [kf(10, 0), kf(20, 10, { occluded: true }), kf(30, 20, { outside: true }), kf(40, 0)];

  it('is absent before the first keyframe', () => {
    expect(interpolateTrack(track, 9)).toBeNull();
    expect(interpolateTrack([], 0)).toBeNull();
  });

  it('returns keyframes as written and interpolates linearly between them', () => {
    expect(interpolateTrack(track, 10)).toEqual({
      frame: 10, x: 0, y: 0, width: 10, height: 20, rotation: 0, occluded: false, outside: false, keyframe: true,
    });
    expect(interpolateTrack(track, 15)).toMatchObject({ x: 5, y: 10, width: 15, keyframe: false, occluded: false });
    expect(interpolateTrack(track, 20)).toMatchObject({ x: 10, occluded: true, keyframe: true });
  });

  it('ends presence at an outside keyframe until the next keyframe', () => {
    expect(interpolateTrack(track, 25)).toMatchObject({ x: 15, occluded: true });
    expect(interpolateTrack(track, 30)).toBeNull();
    expect(interpolateTrack(track, 35)).toBeNull();
    expect(interpolateTrack(track, 40)).toMatchObject({ x: 0, keyframe: true });
  });

  it('keeps the last keyframe after the end unless it is outside', () => {
    expect(interpolateTrack(track, 1000)).toMatchObject({ x: 0, keyframe: false, frame: 1000 });
    expect(interpolateTrack([kf(0, 0), kf(5, 5, { outside: true })], 6)).toBeNull();
  });

  it('turns the short way round', () => {
    const turn = [kf(0, 0, { rotation: 350 }), kf(10, 0, { rotation: 10 })];
    expect(interpolateTrack(turn, 5)?.rotation).toBeCloseTo(0);
    expect(interpolateTrack(turn, 2)?.rotation).toBeCloseTo(354);
    expect(interpolateTrack(turn, 8)?.rotation).toBeCloseTo(6);
    const back = [kf(0, 0, { rotation: 10 }), kf(10, 0, { rotation: -30 })];
    expect(interpolateTrack(back, 5)?.rotation).toBeCloseTo(350);
  });

  it('stays between neighbouring keyframes for any present frame', () => {
    const arbTrack = fc
      .uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 8 })
      .chain((frames) =>
        fc.tuple(
          ...frames
            .sort((a, b) => a - b)
            .map((frame) =>
              fc.record({
                frame: fc.constant(frame),
                x: fc.double({ min: -100, max: 100, noNaN: true }),
                y: fc.constant(0),
                width: fc.double({ min: 1, max: 50, noNaN: true }),
                height: fc.constant(5),
                outside: fc.boolean(),
              }),
            ),
        ),
      );
    fc.assert(
      fc.property(arbTrack, fc.integer({ min: -5, max: 210 }), (keyframes, frame) => {
        const out = interpolateTrack(keyframes, frame);
        const before = keyframes.filter((k) => k.frame <= frame).at(-1);
        const after = keyframes.find((k) => k.frame >= frame);
        if (before === undefined || before.outside) {
          expect(out).toBeNull();
          return;
        }
        expect(out).not.toBeNull();
        const lo = Math.min(before.x, (after ?? before).x);
        const hi = Math.max(before.x, (after ?? before).x);
        expect(out?.x).toBeGreaterThanOrEqual(lo - 1e-9);
        expect(out?.x).toBeLessThanOrEqual(hi + 1e-9);
        expect(out?.keyframe).toBe(before.frame === frame);
      }),
    );
  });
});

describe('trackAttributesAt', () => {
  const track = {
    attributes: { parked: false, colour: 'red' },
    keyframes: [kf(10, 0, { attributes: { parked: true } }), kf(20, 10), kf(30, 20, { attributes: { colour: 'blue' } }), kf(40, 0, { attributes: { parked: false } })],
  };
  it("gives the track's values overridden by each keyframe's, holding until a later keyframe sets them again", () => {
    expect(trackAttributesAt(track, 5)).toEqual({ parked: false, colour: 'red' });
    expect(trackAttributesAt(track, 10)).toEqual({ parked: true, colour: 'red' });
    expect(trackAttributesAt(track, 25)).toEqual({ parked: true, colour: 'red' });
    expect(trackAttributesAt(track, 30)).toEqual({ parked: true, colour: 'blue' });
    expect(trackAttributesAt(track, 1000)).toEqual({ parked: false, colour: 'blue' });
  });
  it('is the track attributes alone when no keyframe has any', () => {
    expect(trackAttributesAt({ keyframes: [kf(0, 0)] }, 3)).toEqual({});
    expect(trackAttributesAt({ attributes: { parked: true }, keyframes: [kf(0, 0), kf(10, 5)] }, 3)).toEqual({ parked: true });
    expect(trackAttributesAt({ attributes: { parked: true }, keyframes: [kf(0, 0)] }, -1)).toEqual({ parked: true });
  });
});
