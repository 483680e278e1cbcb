import { afterEach, describe, expect, it } from 'vitest';
import { openVideo, type FramePath, type VideoFrames } from './open-video.js';
import { readStamp } from '../test-utils/read-stamp.js';

// The index-stamped test videos of test-media/make.sh: each frame's pixels carry its own index.
const media = {
  h264: { url: new URL('../../test-media/h264-bframes-29.97fps-start1.5s.mp4', import.meta.url).href, frames: 90, start: 1.5, fps: 30000 / 1001 },
  vp9: { url: new URL('../../test-media/vp9-25fps.webm', import.meta.url).href, frames: 60, start: 0, fps: 25 },
  vfr: { url: new URL('../../test-media/vfr-30-10-60fps.mp4', import.meta.url).href, frames: 60, start: 0, fps: 59 / (20 / 30 + 2 + 19 / 60) },
};

/** A scripted walk: forward one by one, back one by one, steps of ten, the ends, and seeded random jumps. */
function walk(frameCount: number, seed: number): number[] {
  const steps: number[] = [];
  for (let n = 0; n < Math.min(frameCount, 40); n++) steps.push(n);
  for (let n = Math.min(frameCount, 40) - 2; n >= 20; n--) steps.push(n);
  for (let n = 0; n < frameCount; n += 10) steps.push(n);
  steps.push(frameCount - 1, frameCount - 2, 0, frameCount - 1);
  for (let n = frameCount - 1; n >= frameCount - 12; n--) steps.push(n);
  let state = seed;
  for (let i = 0; i < 25; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    steps.push(state % frameCount);
  }
  return steps;
}

const opened: VideoFrames[] = [];
afterEach(() => {
  for (const video of opened.splice(0)) video.close();
});

async function open(url: string, path: FramePath) {
  const video = await openVideo(url, { path });
  opened.push(video);
  return video;
}

/** Each step's requested frame and the frame its bitmap shows. */
async function walkAndRead(video: VideoFrames, steps: number[]) {
  const shown: number[] = [];
  for (const n of steps) {
    const bitmap = await video.getFrame(n);
    expect([bitmap.width, bitmap.height]).toEqual([320, 240]);
    shown.push(readStamp(bitmap));
    bitmap.close();
  }
  return shown;
}

describe.each(['webcodecs', 'element'] as const)('openVideo on the %s path', (path) => {
  it.each(Object.entries(media))('%s: the index comes from the file, and every frame of a walk forward, back and at random is the frame asked for', async (_name, file) => {
    const video = await open(file.url, path);
    expect(video.path).toBe(path);
    expect(video.frameCount).toBe(file.frames);
    expect(video.timestamps[0]).toBeCloseTo(file.start, 4);
    expect(video.fps).toBeCloseTo(file.fps, 4);
    expect([video.width, video.height]).toEqual([320, 240]);
    const steps = walk(file.frames, file.frames * 7 + 1);
    expect(await walkAndRead(video, steps)).toEqual(steps);
  });
});

describe('openVideo', () => {
  it('shows the requested frame on every step of the 61-step walk of the issue (H.264, B-frames, 29.97 fps, first frame at 1.5 s), on both paths', async () => {
    // Forward 0..30 and back 30..1: where seeking a <video> to n / fps was measured right 7 times of 61.
    const steps = [...Array.from({ length: 31 }, (_, n) => n), ...Array.from({ length: 30 }, (_, i) => 30 - i)];
    expect(steps).toHaveLength(61);
    for (const path of ['webcodecs', 'element'] as const) {
      const video = await open(media.h264.url, path);
      const shown = await walkAndRead(video, steps);
      expect(shown.filter((frame, i) => frame === steps[i]).length, `${path} path`).toBe(61);
    }
  });

  it('reads a Blob as well as a URL, on both paths', async () => {
    const blob = await (await fetch(media.vp9.url)).blob();
    for (const path of ['webcodecs', 'element'] as const) {
      const video = await openVideo(blob, { path });
      opened.push(video);
      expect(video.frameCount).toBe(60);
      expect(await walkAndRead(video, [59, 0, 33, 34, 32])).toEqual([59, 0, 33, 34, 32]);
    }
  });

  it('stays right with a cache bound of two frames', async () => {
    const video = await openVideo(media.h264.url, { path: 'webcodecs', cacheBytes: 320 * 240 * 4 * 2 });
    opened.push(video);
    const steps = [10, 11, 12, 11, 10, 9, 31, 29, 30, 89, 0];
    expect(await walkAndRead(video, steps)).toEqual(steps);
  });

  it('drops a request made stale by a newer one far away, and answers the newer one', async () => {
    const video = await open(media.h264.url, 'webcodecs');
    const stale = video.getFrame(5);
    const fresh = video.getFrame(85);
    await expect(stale).rejects.toMatchObject({ name: 'AbortError' });
    const bitmap = await fresh;
    expect(readStamp(bitmap)).toBe(85);
    bitmap.close();
  });

  it('refuses frames outside the video', async () => {
    const video = await open(media.vfr.url, 'webcodecs');
    await expect(video.getFrame(60)).rejects.toThrow(RangeError);
    await expect(video.getFrame(-1)).rejects.toThrow(RangeError);
    await expect(video.getFrame(1.5)).rejects.toThrow(RangeError);
  });
});
