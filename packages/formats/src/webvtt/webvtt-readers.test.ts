/**
 * labelkit's WebVTT read by another program: Debian's `python3-webvtt` (webvtt-py). It strips tags
 * but leaves character references as they are, so its text is unescaped here with Python's `html`.
 * Voices are checked by Chromium's own parser in `webvtt-track.browser.test.ts`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '@labelkit/core';
import { webvtt } from './index.js';
import { datasetOf } from '../text-shared/test-utils/arbitraries.js';
import { OUTSIDE_TOOL_TIMEOUT, runDebianPython, tempFiles } from '../text-shared/test-utils/outside-tools.js';

const READ_WITH_WEBVTT_PY = `
import html, json, sys, webvtt
print(json.dumps([{'id': c.identifier, 'start': c.start_in_seconds, 'end': c.end_in_seconds, 'text': html.unescape(c.text)} for c in webvtt.read(sys.argv[1])]))
`;

describe('webvtt read by python3-webvtt', { timeout: OUTSIDE_TOOL_TIMEOUT }, () => {
  it('gives the cues in time order with their ids, times and text, voices that need escaping included', () => {
    const seg = (id: string, label: string, start: number, end: number, text: string, cueId?: string): Annotation => ({ id, kind: 'segment', label, start, end, text, ...(cueId ? { extra: { cueId } } : {}) });
    const annotations = [
      seg('a', '<unk>', 20, 21.5, 'uh <3 & more'),
      seg('b', 'A>B', 5, 6.25, 'first\nsecond line', 'intro'),
      seg('c', 'R&D', 5, 5.5, 'budget: R&D > sales'),
      seg('d', 'cue', 61, 3723.456, 'no voice -> plain'),
    ];
    const { output, losses } = webvtt.serialize(datasetOf([{ media: { id: 'document' }, annotations }]));
    expect(losses).toEqual([]);
    const dir = tempFiles({ 'out.vtt': output });
    const cues = JSON.parse(runDebianPython(READ_WITH_WEBVTT_PY, [join(dir, 'out.vtt')], { webvtt: 'python3-webvtt' })) as { id: string | null; start: number; end: number; text: string }[];
    expect(cues).toEqual([
      { id: 'intro', start: 5, end: 6.25, text: 'first\nsecond line' },
      { id: null, start: 5, end: 5.5, text: 'budget: R&D > sales' },
      { id: null, start: 20, end: 21.5, text: 'uh <3 & more' },
      { id: null, start: 61, end: 3723.456, text: 'no voice -> plain' },
    ]);
  });
});
