/**
 * labelkit's WebVTT read by Chromium's own WebVTT parser: the file is loaded into a `<track>`, and the
 * cues, their text and their voices (`getCueAsHTML()` turns `<v Name>` into `<span title="Name">`)
 * are compared with what labelkit wrote.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '@labelkit/core';
import { datasetOf } from '../text-shared/test-utils/arbitraries.js';
import { webvtt } from './index.js';

interface ReadCue {
  start: number;
  end: number;
  voice: string | null;
  text: string;
}

/** Loads `vtt` into a hidden `<track>` of a `<video>` and reads its cues as Chromium parsed them. */
async function readWithChromium(vtt: string): Promise<ReadCue[]> {
  const video = document.createElement('video');
  const track = document.createElement('track');
  track.kind = 'subtitles';
  track.src = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }));
  track.default = true;
  video.append(track);
  document.body.append(video);
  try {
    const loaded = new Promise<void>((resolve, reject) => {
      track.addEventListener('load', () => resolve(), { once: true });
      track.addEventListener('error', () => reject(new Error('Chromium could not load the WebVTT file')), { once: true });
    });
    track.track.mode = 'hidden';
    await loaded;
    return Array.from(track.track.cues ?? [], (c) => {
      const cue = c as VTTCue;
      const html = cue.getCueAsHTML();
      const voices = Array.from(html.querySelectorAll('span[title]'), (s) => s.getAttribute('title'));
      expect(voices.length).toBeLessThanOrEqual(1);
      return { start: cue.startTime, end: cue.endTime, voice: voices[0] ?? null, text: html.textContent ?? '' };
    });
  } finally {
    URL.revokeObjectURL(track.src);
    video.remove();
  }
}

const seg = (id: string, label: string, start: number, end: number, text: string): Annotation => ({ id, kind: 'segment', label, start, end, text });

describe("webvtt read by Chromium's <track> parser", () => {
  it('reads the voices <unk>, A>B and R&D, the text and the time order as labelkit wrote them', async () => {
    const annotations = [
      seg('a', '<unk>', 20, 21.5, 'uh <3 & more'),
      seg('b', 'A>B', 5, 6.25, 'first\nsecond line'),
      seg('c', 'R&D', 5, 5.5, 'budget: R&D > sales'),
      seg('d', 'cue', 61, 62, 'no voice --> plain'),
      seg('e', 'Dr. Who', 1, 2, '&amp; stays literal'),
    ];
    const { output, losses } = webvtt.serialize(datasetOf([{ media: { id: 'document' }, annotations }]));
    expect(losses).toEqual([]);
    expect(await readWithChromium(output)).toEqual([
      { start: 1, end: 2, voice: 'Dr. Who', text: '&amp; stays literal' },
      { start: 5, end: 6.25, voice: 'A>B', text: 'first\nsecond line' },
      { start: 5, end: 5.5, voice: 'R&D', text: 'budget: R&D > sales' },
      { start: 20, end: 21.5, voice: '<unk>', text: 'uh <3 & more' },
      { start: 61, end: 62, voice: null, text: 'no voice --> plain' },
    ]);
  });

  it('agrees with labelkit on voices that carry character references', async () => {
    // (Chromium keeps whitespace inside a voice that the spec collapses: "<v  a  b >" is " a  b " there, "a b" in labelkit.)
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v R&amp;D>x\n\n00:02.000 --> 00:03.000\n<v.loud &lt;unk&gt; y>z\n\n00:03.000 --> 00:04.000\n<v A&#x3e;B &#38; C>w\n';
    const chromium = await readWithChromium(vtt);
    const labelkit = webvtt.parse(vtt).dataset.items[0]!.annotations.map((a) => a.label);
    expect(chromium.map((c) => c.voice)).toEqual(labelkit);
  });
});
