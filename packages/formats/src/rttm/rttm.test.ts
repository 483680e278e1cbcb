import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Annotation } from '@labelkit/core';
import { type FormatError, type DatasetItem } from '../dataset.js';
import { rttm } from './index.js';
import { datasetOf, labelArb } from '../text-shared/test-utils/arbitraries.js';
import { comparable, difference } from '../text-shared/test-utils/compare.js';
import { fixtureText } from '../text-shared/test-utils/fixtures.js';

describe('rttm.parse', () => {
  it('reads several files (uri) as several items, speakers as labels, <NA> as absent', () => {
    const { dataset, warnings } = rttm.parse(fixtureText('audio/rttm/debug.development.rttm'));
    expect(warnings).toEqual([]);
    expect(dataset.items.map((i) => [i.media.id, i.annotations.length])).toEqual([['dev00', 9], ['dev01', 8]]);
    expect(dataset.items[0]!.annotations[0]).toEqual({ id: 'dev00-0', kind: 'segment', label: 'MEE009', start: 1.44, end: 13.312 });
    expect(dataset.schema.labels.map((l) => [l.id, l.kinds])).toEqual([['MEE009', ['segment']], ['MEE012', ['segment']]]);
  });

  it('keeps channels when a file uses more than one, and other line types verbatim', () => {
    const { dataset, warnings } = rttm.parse('SPEAKER f 1 0 1 <NA> <NA> a 0.5 <NA>\nSPEAKER f 2 1 1 <NA> <NA> b <NA> <NA>\nSPKR-INFO f 1 <NA> <NA> <NA> unknown a <NA> <NA>\n');
    expect(dataset.items[0]!.annotations.map((a) => a.kind === 'segment' && [a.channel, a.score])).toEqual([[0, 0.5], [1, undefined]]);
    expect(dataset.items[0]!.media.extra).toEqual({ rttmLines: ['SPKR-INFO f 1 <NA> <NA> <NA> unknown a <NA> <NA>'] });
    expect(warnings).toHaveLength(1);
  });

  it('reports every problem with its line and field', () => {
    let error: FormatError | undefined;
    try {
      rttm.parse('SPEAKER f 1 x 1 <NA> <NA> a <NA> <NA>\nSPEAKER f\nSPEAKER f 0 1 -2 <NA> <NA> a 7 <NA>\n');
    } catch (e) {
      error = e as FormatError;
    }
    expect(error!.issues.map((i) => i.path)).toEqual(['line 1, field 4', 'line 2', 'line 3, field 3', 'line 3, field 5', 'line 3, field 9']);
  });

  it('rejects a duration too small to make a segment at its onset (it would be empty)', () => {
    expect(() => rttm.parse('SPEAKER f 1 100000 1e-12 <NA> <NA> a <NA> <NA>\n')).toThrow(/too small to move the end past the onset/);
  });
});

describe('rttm.serialize', () => {
  it('gives back the fixture', () => {
    const text = fixtureText('audio/rttm/debug.development.rttm');
    const { output, losses } = rttm.serialize(rttm.parse(text).dataset);
    expect(losses).toEqual([]);
    expect(output).toBe(text);
  });

  it('reports what RTTM cannot carry', () => {
    const d = datasetOf([{ media: { id: 'my file', duration: 3 }, annotations: [{ id: 'x', kind: 'segment', label: 'Ann Lee', start: 0, end: 1, text: 'two words', attributes: { a: 'b' } }] }]);
    const { output, losses } = rttm.serialize(d);
    expect(output).toBe('SPEAKER my_file 1 0.000 1.000 <NA> <NA> Ann_Lee <NA> <NA>\n');
    expect(losses.map((l) => l.path)).toEqual(['items[0].media.duration', 'items[0].media.id', 'items[0].annotations[0].attributes', 'items[0].annotations[0].label', 'items[0].annotations[0].text']);
  });

  it('parse(serialize(d)) gives d back within 1e-6 s, with no losses (property)', () => {
    const segArb = fc.tuple(labelArb, fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0.001, max: 50, noNaN: true }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }));
    const itemArb = (i: number) =>
      fc.tuple(fc.array(segArb, { maxLength: 6 }), fc.boolean()).map(([segs, stereo]): DatasetItem => ({
        media: { id: `file${i}` },
        annotations: segs.map(([label, start, dur, score], k): Annotation => {
          const a: Annotation = { id: `file${i}-${k}`, kind: 'segment', label, start, end: start + dur };
          if (score !== undefined) a.score = score;
          if (stereo) a.channel = k % 2;
          return a;
        }),
      }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => itemArb(i)))), (items) => {
        // A file whose segments all sit on channel 0 cannot be told from a mono file.
        for (const it of items) if (it.annotations.every((a) => a.kind === 'segment' && !a.channel)) for (const a of it.annotations) if (a.kind === 'segment') delete a.channel;
        const d = datasetOf(items.filter((it) => it.annotations.length));
        const { output, losses } = rttm.serialize(d);
        expect(losses).toEqual([]);
        expect(difference(comparable(rttm.parse(output).dataset), comparable(d))).toBeUndefined();
      }),
    );
  });
});
