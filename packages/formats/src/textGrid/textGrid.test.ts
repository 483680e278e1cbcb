import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Annotation } from '@labelkit/core';
import { type FormatError } from '../dataset.js';
import { textGrid } from './index.js';
import { decodeText } from './decode.js';
import { datasetOf, intervalsArb, LABELS, wordArb } from '../text-shared/test-utils/arbitraries.js';
import { comparable, difference } from '../text-shared/test-utils/compare.js';
import { fixtureBytes, fixtureText } from '../text-shared/test-utils/fixtures.js';

const utf16 = (s: string, le: boolean, bom: boolean) => {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const units = [...(bom ? [0xfeff] : []), ...Array.from(s, (_, i) => s.charCodeAt(i))];
  units.forEach((u, i) => {
    out[2 * i + (le ? 0 : 1)] = u & 0xff;
    out[2 * i + (le ? 1 : 0)] = u >> 8;
  });
  return out;
};

describe('textGrid.parse', () => {
  it('reads the long form: tiers as labels, non-empty intervals as segments, gaps dropped', () => {
    const { dataset } = textGrid.parse(fixtureText('audio/textgrid/bobby_words.ascii.TextGrid'));
    const item = dataset.items[0]!;
    expect(item.media.duration).toBe(1.194625);
    expect(item.annotations.map((a) => a.kind === 'segment' && `${a.label}:${a.text}`)).toEqual(['word:BOBBY', 'word:RIPPED', 'word:THE', 'word:LEDGER', 'phrase:BOBBY RIPPED THE LEDGER']);
    expect(item.annotations[0]).toEqual({ id: 'document-0', kind: 'segment', label: 'word', start: 0.06469123242311078, end: 0.41156462585, text: 'BOBBY' });
  });

  it('reads UTF-16 BE with BOM (long form) and UTF-8 CRLF (short form) to the same dataset, point tiers kept', () => {
    const long = textGrid.parse(fixtureBytes('audio/textgrid/mary_longfile.utf16be.TextGrid')).dataset;
    const short = textGrid.parse(fixtureBytes('audio/textgrid/mary_shortfile.utf8-crlf.TextGrid')).dataset;
    expect(short).toEqual(long);
    expect(long.items[0]!.annotations.map((a) => a.kind === 'segment' && a.text).slice(0, 3)).toEqual(['m', 'ə', 'r']);
    const tiers = (long.items[0]!.media.extra!.textGrid as { tiers: { name: string; points?: unknown[] }[] }).tiers;
    expect(tiers.map((t) => [t.name, t.points?.length])).toEqual([['phone', undefined], ['word', undefined], ['pitch', 4]]);
  });

  it('decodes UTF-16 LE/BE without BOM and UTF-8 with BOM', () => {
    const s = 'File type = "ooTextFile"\nə';
    expect(decodeText(utf16(s, true, false))).toBe(s);
    expect(decodeText(utf16(s, false, false))).toBe(s);
    expect(decodeText(utf16(s, true, true))).toBe(s);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]))).toBe(s);
  });

  it('reports problems with their line', () => {
    const bad = 'File type = "ooTextFile"\nObject class = "TextGrid"\n0\n2\n<exists>\n1\n"IntervalTier"\n"w"\n0\n2\n3\n0\n1\n"a"\n0.5\n0.4\n"b"\n0.5\n2\n"c"\n';
    let error: FormatError | undefined;
    try {
      textGrid.parse(bad);
    } catch (e) {
      error = e as FormatError;
    }
    expect(error!.issues.map((i) => i.path)).toEqual(['line 16', 'line 18']);
    expect(() => textGrid.parse('File type = "ooTextFile"\nObject class = "TextGrid"\n0\n')).toThrow(/line 3: expected the grid xmax, got the end of the file/);
  });
});

describe('textGrid.serialize', () => {
  it('gives back each fixture, in the long and the short form', () => {
    for (const f of ['bobby_words.ascii.TextGrid', 'mary_longfile.utf16be.TextGrid']) {
      const raw = decodeText(fixtureBytes(`audio/textgrid/${f}`));
      const { output, losses } = textGrid.serialize(textGrid.parse(raw).dataset);
      expect(losses).toEqual([]);
      expect(output.replace(/\s+$/gm, '')).toBe(raw.replace(/\s+$/gm, '').replace(/= (\d+)\.0+(?=\n)/g, '= $1').replace(/\.(\d*?)0+(?=\n)/g, '.$1'));
    }
    const short = fixtureText('audio/textgrid/mary_shortfile.utf8-crlf.TextGrid');
    expect(textGrid.serialize(textGrid.parse(short).dataset, { form: 'short' }).output).toBe(short.replace(/\r\n/g, '\n'));
  });

  it('fills gaps with empty intervals and reports what it cannot carry', () => {
    const d = datasetOf([
      {
        media: { id: 'a', duration: 3 },
        annotations: [
          { id: '1', kind: 'segment', label: 'w', start: 1, end: 2, text: 'hi "x"' },
          { id: '2', kind: 'segment', label: 'w', start: 1.5, end: 2.5, text: 'overlap' },
          { id: '3', kind: 'segment', label: 'w', start: 2.5, end: 3, channel: 0 },
        ],
      },
    ]);
    const { output, losses } = textGrid.serialize(d, { form: 'short' });
    expect(output).toContain('"w"\n0\n3\n4\n0\n1\n""\n1\n2\n"hi ""x"""\n2\n2.5\n""\n2.5\n3\n""\n');
    expect(losses.map((l) => l.path)).toEqual(['items[0].annotations[2].channel', 'items[0].annotations[2].text', 'items[0].annotations[1]']);
  });

  it('parse(serialize(d)) gives d back, with no losses (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 100, noNaN: true }), fc.uniqueArray(fc.constantFrom(...LABELS), { maxLength: 3 }), fc.constantFrom('long', 'short' as const), (duration, labels, form) =>
        fc.assert(
          fc.property(fc.tuple(...labels.map(() => fc.tuple(intervalsArb(duration, undefined), fc.array(wordArb, { minLength: 6, maxLength: 6 })))), (perLabel) => {
            const annotations: Annotation[] = [];
            perLabel.forEach(([intervals, words], t) =>
              intervals.forEach(([start, end], k) => annotations.push({ id: `document-${annotations.length}`, kind: 'segment', label: labels[t]!, start, end, text: words[k % words.length]! })),
            );
            const d = datasetOf([{ media: { id: 'document', duration }, annotations }]);
            const { output, losses } = textGrid.serialize(d, { form });
            expect(losses).toEqual([]);
            expect(difference(comparable(textGrid.parse(output).dataset), comparable(d))).toBeUndefined();
          }),
          { numRuns: 3 },
        ),
      ),
      { numRuns: 30 },
    );
  });
});
