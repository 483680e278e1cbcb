/**
 * labelkit's TextGrid read by Praat itself (Debian's `praat`): a `praat --run` script opens the file
 * and prints every interval of every interval tier.
 */
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '@labelkit/core';
import { textGrid } from './index.js';
import { datasetOf } from '../text-shared/test-utils/arbitraries.js';
import { OUTSIDE_TOOL_TIMEOUT, requireExecutable, tempFiles } from '../text-shared/test-utils/outside-tools.js';

const PRINT_INTERVALS = `form Read a TextGrid
  sentence Path
endform
Read from file: path$
tiers = Get number of tiers
for t to tiers
  name$ = Get tier name: t
  interval = Is interval tier: t
  if interval
    n = Get number of intervals: t
    for i to n
      start = Get start time of interval: t, i
      end = Get end time of interval: t, i
      label$ = Get label of interval: t, i
      appendInfoLine: name$, tab$, fixed$(start, 6), tab$, fixed$(end, 6), tab$, label$
    endfor
  endif
endfor
`;

/** `[tier, start, end, text]` for every interval, as Praat reads the file. */
function readWithPraat(textGridFile: string): [string, number, number, string][] {
  const praat = requireExecutable('/usr/bin/praat', 'praat');
  const dir = tempFiles({ 'print.praat': PRINT_INTERVALS, 'out.TextGrid': textGridFile });
  const out = execFileSync(praat, ['--run', join(dir, 'print.praat'), join(dir, 'out.TextGrid')], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map((line) => {
    const [tier, start, end, text] = line.split('\t');
    return [tier!, Number(start), Number(end), text!];
  });
}

const seg = (id: string, label: string, start: number, end: number, text: string): Annotation => ({ id, kind: 'segment', label, start, end, text });

describe('textGrid read by Praat', { timeout: OUTSIDE_TOOL_TIMEOUT }, () => {
  it('gives every tier its intervals in time order, gaps filled, in the long and the short form', () => {
    const annotations = [
      seg('a', '<unk>', 5, 6.5, 'said "hi" & left'),
      seg('b', 'A>B', 0.25, 1, 'Zürich 😀'),
      seg('c', '<unk>', 1, 2.125, 'R&D <3'),
      seg('d', 'R&D', 0, 10, 'whole'),
    ];
    const d = datasetOf([{ media: { id: 'document', duration: 10 }, annotations }]);
    const expected = [
      ['<unk>', 0, 1, ''],
      ['<unk>', 1, 2.125, 'R&D <3'],
      ['<unk>', 2.125, 5, ''],
      ['<unk>', 5, 6.5, 'said "hi" & left'],
      ['<unk>', 6.5, 10, ''],
      ['A>B', 0, 0.25, ''],
      ['A>B', 0.25, 1, 'Zürich 😀'],
      ['A>B', 1, 10, ''],
      ['R&D', 0, 10, 'whole'],
    ];
    for (const form of ['long', 'short'] as const) {
      const { output, losses } = textGrid.serialize(d, { form });
      expect(losses).toEqual([]);
      expect(readWithPraat(output)).toEqual(expected);
    }
  });
});
