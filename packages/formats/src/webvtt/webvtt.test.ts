import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Annotation } from '@labelkit/core';
import { type FormatError } from '../dataset.js';
import { webvtt } from './index.js';
import { formatTimestamp } from './serialize.js';
import { datasetOf, labelArb, wordArb } from '../text-shared/test-utils/arbitraries.js';
import { comparable, difference } from '../text-shared/test-utils/compare.js';
import { fixtureText } from '../text-shared/test-utils/fixtures.js';

const FIXTURES = ['cycle-collector-talk.voices.vtt', 'spec-example.voices.vtt', 'voice-with-classes.vtt'];

describe('webvtt.parse', () => {
  it('reads voices as labels, cue settings into extra, inline tags stripped from text', () => {
    const { dataset } = webvtt.parse(fixtureText('audio/webvtt/spec-example.voices.vtt'));
    const anns = dataset.items[0]!.annotations;
    expect(anns).toHaveLength(13);
    expect(anns[0]).toEqual({ id: 'document-0', kind: 'segment', label: 'Roger Bingham', start: 11, end: 13, text: 'We are in New York City' });
    expect(anns[11]).toEqual({
      id: 'document-11',
      kind: 'segment',
      label: 'Neil deGrasse Tyson',
      start: 32.5,
      end: 33.5,
      text: 'Laughs',
      extra: { settings: 'align:start size:50%', cueText: '<v Neil deGrasse Tyson><i>Laughs</i>' },
    });
    expect(dataset.schema.labels.map((l) => l.id)).toEqual(['Roger Bingham', 'Neil deGrasse Tyson']);
  });

  it('keeps voice classes, and warns about a cue with two voices', () => {
    expect(webvtt.parse(fixtureText('audio/webvtt/voice-with-classes.vtt')).dataset.items[0]!.annotations[0]).toMatchObject({ label: 'Joe', text: "That's awesome!", extra: { voiceClasses: ['first', 'loud'] } });
    const { dataset, warnings } = webvtt.parse(fixtureText('audio/webvtt/cycle-collector-talk.voices.vtt'));
    expect(warnings).toEqual([{ path: 'line 6', message: expect.stringContaining('2 voices') as string }]);
    expect(dataset.items[0]!.annotations[1]).toMatchObject({ label: 'Chris Pearce', text: "Okay, we're good now.\nOh, now we're good?\nLaughter" });
  });

  it('gives cues without a voice the default label, decodes character references, keeps NOTE blocks and cue ids', () => {
    const { dataset } = webvtt.parse('WEBVTT - demo\n\nNOTE a note\n\nc1\n01:00:00.000 --> 01:00:01.500\nFish &amp; chips &lt;3\n');
    const item = dataset.items[0]!;
    expect(item.annotations[0]).toMatchObject({ label: 'cue', start: 3600, end: 3601.5, text: 'Fish & chips <3', extra: { cueId: 'c1' } });
    expect(item.media.extra).toEqual({ header: '- demo', blocks: [{ before: 0, text: 'NOTE a note' }] });
  });

  it('decodes character references in voices and collapses their whitespace, as the WebVTT parser does', () => {
    const { dataset } = webvtt.parse('WEBVTT\n\n00:01.000 --> 00:02.000\n<v R&amp;D>plans\n\n00:02.000 --> 00:03.000\n<v.loud  &lt;unk&gt;   x >?\n');
    expect(dataset.items[0]!.annotations.map((a) => a.label)).toEqual(['R&D', '<unk> x']);
    expect(dataset.schema.labels.map((l) => l.id)).toEqual(['R&D', '<unk> x']);
  });

  it('reports every problem with its line', () => {
    let error: FormatError | undefined;
    try {
      webvtt.parse('WEBVTX\n\n00:01.000 --> 00:00.500\nx\n\n00:01.000 -> 00:02.000\ny\n\n00:61.000 --> 00:62.000\nz\n');
    } catch (e) {
      error = e as FormatError;
    }
    expect(error!.issues.map((i) => i.path)).toEqual(['line 1', 'line 3', 'line 6', 'line 9']);
  });
});

describe('webvtt.serialize', () => {
  it('gives back each fixture (timestamps written with hours)', () => {
    for (const f of FIXTURES) {
      const text = fixtureText(`audio/webvtt/${f}`);
      const { output, losses } = webvtt.serialize(webvtt.parse(text).dataset);
      expect(losses).toEqual([]);
      const norm = (s: string) => s.replace(/(^|\s)(\d\d:\d\d\.\d{3})/gm, '$100:$2').trim();
      expect(output.trim()).toBe(norm(text));
    }
  });

  it('rebuilds a cue whose text or label changed, and reports the dropped inline tags', () => {
    const { dataset } = webvtt.parse(fixtureText('audio/webvtt/voice-with-classes.vtt'));
    const a = dataset.items[0]!.annotations[0]!;
    if (a.kind === 'segment') a.text = 'Great!';
    const { output, losses } = webvtt.serialize(dataset);
    expect(output).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v.first.loud Joe>Great!\n');
    expect(losses.map((l) => l.path)).toEqual(['items[0].annotations[0].extra.cueText']);
  });

  it('reports times off the millisecond grid, channels, more than one item', () => {
    const d = datasetOf([
      { media: { id: 'a' }, annotations: [{ id: 'x', kind: 'segment', label: 'cue', start: 0.0004, end: 1, channel: 1 }] },
      { media: { id: 'b' }, annotations: [] },
    ]);
    expect(webvtt.serialize(d).losses.map((l) => l.path)).toEqual(['items[1]', 'items[0].annotations[0].channel', 'items[0].annotations[0].start']);
  });

  it('writes cues in time order (by start; of equal starts the later end first, as HTML orders cues), whatever the order of the annotations', () => {
    const seg = (id: string, start: number, end: number): Annotation => ({ id, kind: 'segment', label: 'cue', start, end, text: id });
    const { output, losses } = webvtt.serialize(datasetOf([{ media: { id: 'document' }, annotations: [seg('late', 20, 21), seg('long', 5, 9), seg('short', 5, 6)] }]));
    expect(losses).toEqual([]);
    expect(output).toBe('WEBVTT\n\n00:00:05.000 --> 00:00:09.000\nlong\n\n00:00:05.000 --> 00:00:06.000\nshort\n\n00:00:20.000 --> 00:00:21.000\nlate\n');
  });

  it('escapes &, < and > in voices and text, so that <unk>, A>B and R&D read back as written', () => {
    const annotations: Annotation[] = ['<unk>', 'A>B', 'R&D'].map((label, k) => ({ id: `document-${k}`, kind: 'segment', label, start: k, end: k + 1, text: `${label} said <b> & left` }));
    const d = datasetOf([{ media: { id: 'document' }, annotations }]);
    const { output, losses } = webvtt.serialize(d);
    expect(losses).toEqual([]);
    expect(output).toContain('<v &lt;unk&gt;>&lt;unk&gt; said &lt;b&gt; &amp; left');
    expect(output).toContain('<v A&gt;B>');
    expect(output).toContain('<v R&amp;D>');
    expect(difference(comparable(webvtt.parse(output).dataset), comparable(d))).toBeUndefined();
  });

  it('reports what a reader would read back different: whitespace in voices and around text lines, bad cue ids and settings', () => {
    const seg = (label: string, text: string, extra?: Record<string, unknown>): Annotation => ({ id: label, kind: 'segment', label, start: 0, end: 1, text, ...(extra ? { extra } : {}) });
    const d = datasetOf([{ media: { id: 'document' }, annotations: [seg(' Ann', 'ok'), seg('Bob  Lee', 'ok'), seg('Cy', ' indented\nline'), seg('Di', '\nfirst line blank'), seg('Ed', 'ok', { cueId: 'a --> b', settings: 'align:start\nx' })] }]);
    const { output, losses } = webvtt.serialize(d);
    expect(losses.map((l) => l.path)).toEqual([
      'items[0].annotations[0].label',
      'items[0].annotations[1].label',
      'items[0].annotations[2].text',
      'items[0].annotations[3].text',
      'items[0].annotations[4].extra.cueId',
      'items[0].annotations[4].extra.settings',
    ]);
    expect(losses[1]!.message).toContain('"Bob Lee"');
    // Whatever was lost, the file still reads: five cues.
    expect(webvtt.parse(output).dataset.items[0]!.annotations).toHaveLength(5);
  });

  it('formats timestamps', () => {
    expect(formatTimestamp(3723.4567)).toBe('01:02:03.457');
    expect(formatTimestamp(59.9996)).toBe('00:01:00.000');
  });

  it('parse(serialize(d)) gives d back, with no losses, cues in any order and voices that need escaping (property)', () => {
    const textArb = fc.array(fc.array(wordArb, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
    const voiceArb = fc.oneof(labelArb, fc.constantFrom('<unk>', 'A>B', 'R&D', 'Dr. Who', '&amp;'));
    const segArb = fc.tuple(fc.option(voiceArb, { nil: 'cue' }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), fc.option(textArb, { nil: undefined }), fc.option(fc.constantFrom('align:start', 'line:0 position:20%'), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(segArb, { maxLength: 6 }), (segs) => {
        const annotations = segs.map(([label, ms, dur, text, settings], k): Annotation => {
          const a: Annotation = { id: `document-${k}`, kind: 'segment', label, start: ms / 1000, end: (ms + dur) / 1000 };
          if (text !== undefined) a.text = text.replace(/-->/g, '->');
          if (settings) a.extra = { settings };
          return a;
        });
        const d = datasetOf([{ media: { id: 'document' }, annotations }]);
        const { output, losses } = webvtt.serialize(d);
        expect(losses).toEqual([]);
        expect(difference(comparable(webvtt.parse(output).dataset), comparable(d))).toBeUndefined();
      }),
    );
  });
});
