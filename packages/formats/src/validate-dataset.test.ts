import { describe, expect, it } from 'vitest';
import { defineSchema } from '@labelkit/core';
import { validateDataset } from './validate-dataset.js';

describe('validateDataset', () => {
  const schema = defineSchema({ labels: [{ id: 'PER', kinds: ['span'] }, { id: 'speech', kinds: ['segment'] }] });

  it('names the item and annotation of each problem', () => {
    const issues = validateDataset({
      schema,
      items: [
        { media: { id: 'a', text: '🇯🇵 Tokyo' }, annotations: [{ id: '1', kind: 'span', label: 'PER', start: 3, end: 8, text: 'Tokyo' }] },
        { media: { id: 'b', text: 'Berlin' }, annotations: [{ id: '1', kind: 'span', label: 'PER', start: 0, end: 9, text: 'Berlin' }] },
        { media: { id: 'c', duration: 2 }, annotations: [{ id: '1', kind: 'segment', label: 'speech', start: 1, end: 3 }] },
      ],
    });
    expect(issues).toEqual([
      { path: 'items[1].annotations[0].end', message: expect.stringContaining('past the end of the text') },
      { path: 'items[2].annotations[0].end', message: expect.stringContaining("past the media's duration") },
    ]);
  });
});
