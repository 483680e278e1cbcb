import { describe, expect, it } from 'vitest';
import { demuxVideo } from './demux.js';
import { WebCodecsFrames } from './webcodecs-frames.js';
import { readStamp } from '../test-utils/read-stamp.js';

// The worker's frame server, run on the page (VideoDecoder exists here too) to look at its cache.
const url = new URL('../../test-media/h264-bframes-29.97fps-start1.5s.mp4', import.meta.url).href;

async function server(capacity: number, windowFrames: number) {
  const video = await demuxVideo(await (await fetch(url)).blob());
  const config = await video.track.getDecoderConfig();
  if (!config) throw new Error('no decoder config');
  const answers = new Map<number, { resolve(frame: number): void; reject(error: unknown): void }>();
  const frames = new WebCodecsFrames(video, config, capacity, windowFrames, {
    frame: (id, bitmap) => {
      answers.get(id)?.resolve(readStamp(bitmap));
      bitmap.close();
    },
    error: (id, error) => answers.get(id)?.reject(Object.assign(new Error(error.message), { name: error.name })),
  });
  let nextId = 1;
  const get = (frame: number) =>
    new Promise<number>((resolve, reject) => {
      const id = nextId++;
      answers.set(id, { resolve, reject });
      frames.request(id, frame);
    });
  return { frames, get };
}

describe('WebCodecs frame server', () => {
  it('prefetches the window around a request, so the next steps are cache hits', async () => {
    const { frames, get } = await server(100, 12);
    expect(await get(40)).toBe(40);
    await frames.settled();
    expect(frames.cachedFrames).toBe(12);
    // Steps forward and back inside the window are answered from the cache, with no decode started.
    const runs = frames.decodeRuns;
    for (const n of [41, 42, 43, 42, 41, 40, 39]) {
      expect(await get(n)).toBe(n);
    }
    expect(frames.decodeRuns).toBe(runs);
    // A jump out of the window decodes again.
    expect(await get(80)).toBe(80);
    expect(frames.decodeRuns).toBe(runs + 1);
    frames.close();
  });

  it('never holds more frames than its capacity on a walk through the whole video', async () => {
    const { frames, get } = await server(5, 48);
    let most = 0;
    for (let n = 0; n < 90; n += 3) {
      expect(await get(n)).toBe(n);
      most = Math.max(most, frames.cachedFrames);
    }
    await frames.settled();
    expect(most).toBeLessThanOrEqual(5);
    expect(frames.cachedFrames).toBeLessThanOrEqual(5);
    frames.close();
    expect(frames.cachedFrames).toBe(0);
  });
});
