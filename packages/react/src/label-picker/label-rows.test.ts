import { describe, expect, it } from 'vitest';
import { defineSchema } from '@labelkit/core';
import { buildLabelRows, filterLabelRows } from './label-rows.js';

const schema = defineSchema({
  labels: [
    { id: 'vehicle', name: 'Vehicle', selectable: false, kinds: ['bbox', 'track'] },
    { id: 'car', name: 'Car', parent: 'vehicle', hotkey: '1', description: 'Passenger car or SUV' },
    { id: 'truck', name: 'Truck', parent: 'vehicle', hotkey: '2' },
    { id: 'bus', name: 'Bus', parent: 'vehicle', hotkey: 'Shift+B' },
    { id: 'person', name: 'Person', kinds: ['bbox', 'keypoints'], skeleton: { keypoints: ['nose'] } },
    { id: 'pedestrian', name: 'Pedestrian', parent: 'person', kinds: ['bbox'] },
    { id: 'cyclist', name: 'Cyclist', parent: 'person', kinds: ['bbox'] },
    { id: 'sentiment', name: 'Sentiment', kinds: ['tag'], exclusive: true, selectable: false },
    { id: 'positive', name: 'Positive', parent: 'sentiment' },
    { id: 'negative', name: 'Negative', parent: 'sentiment', hotkey: 'not a ++ key' },
  ],
});

const ids = (rows: ReturnType<typeof buildLabelRows>, idx: number[]) => idx.map((i) => rows.rows[i]!.label.id);

describe('buildLabelRows', () => {
  it('lays labels out in tree order with depth, headers and paths', () => {
    const r = buildLabelRows(schema);
    expect(r.rows.map((x) => `${'  '.repeat(x.depth)}${x.label.id}${x.pickable ? '' : ' (header)'}`)).toEqual([
      'vehicle (header)',
      '  car',
      '  truck',
      '  bus',
      'person',
      '  pedestrian',
      '  cyclist',
      'sentiment (header)',
      '  positive',
      '  negative',
    ]);
    const pos = r.rows[r.indexById.get('positive')!]!;
    expect(pos.path).toEqual(['Sentiment']);
    expect(pos.inExclusiveGroup).toBe(true);
    expect(r.rows[r.indexById.get('car')!]!.inExclusiveGroup).toBe(false);
    expect(pos.parentRow).toBe(r.indexById.get('sentiment'));
  });

  it('keeps only branches with labels allowed for the kind', () => {
    const tags = buildLabelRows(schema, 'tag');
    expect(tags.rows.map((x) => x.label.id)).toEqual(['sentiment', 'positive', 'negative']);
    // person allows keypoints itself; its children (bbox only) drop out
    const kp = buildLabelRows(schema, 'keypoints');
    expect(kp.rows.map((x) => [x.label.id, x.pickable])).toEqual([['person', true]]);
  });

  it('turns a parent that does not allow the kind into a header over children that do', () => {
    const s = defineSchema({
      labels: [
        { id: 'animal', kinds: ['polygon'] },
        { id: 'dog', parent: 'animal', kinds: ['bbox'] },
      ],
    });
    expect(buildLabelRows(s, 'bbox').rows.map((x) => [x.label.id, x.pickable])).toEqual([
      ['animal', false],
      ['dog', true],
    ]);
  });

  it('parses hotkeys, leaving unparseable ones unmatched', () => {
    const r = buildLabelRows(schema);
    expect(r.rows[r.indexById.get('bus')!]!.shortcut).toMatchObject({ key: 'b', shift: true });
    expect(r.rows[r.indexById.get('negative')!]!.shortcut).toBeUndefined();
  });
});

describe('filterLabelRows', () => {
  const r = buildLabelRows(schema);

  it('shows everything for an empty query, first pickable row best', () => {
    const f = filterLabelRows(r, '  ');
    expect(f.visible).toHaveLength(r.rows.length);
    expect(ids(r, [f.best])).toEqual(['car']);
  });

  it('matches names case-insensitively and keeps ancestors as context', () => {
    const f = filterLabelRows(r, 'PED');
    expect(ids(r, f.visible)).toEqual(['person', 'pedestrian']);
    expect(ids(r, f.matches)).toEqual(['pedestrian']);
    expect(ids(r, [f.best])).toEqual(['pedestrian']);
    expect(f.isMatch[r.indexById.get('person')!]).toBe(0); // shown as context only
    expect(f.isMatch[r.indexById.get('pedestrian')!]).toBe(1);
  });

  it('matches ancestor names, ids and descriptions; every word must match', () => {
    expect(ids(r, filterLabelRows(r, 'vehicle').matches)).toEqual(['car', 'truck', 'bus']);
    expect(ids(r, filterLabelRows(r, 'suv').matches)).toEqual(['car']);
    expect(ids(r, filterLabelRows(r, 'vehicle tr').matches)).toEqual(['truck']);
    expect(filterLabelRows(r, 'vehicle zebra').visible).toEqual([]);
  });

  it('prefers a label whose name starts with the query', () => {
    // "us" occurs in "Bus" and in the description of nothing else; "c" starts Car and Cyclist, Car first
    const f = filterLabelRows(r, 'cy');
    expect(ids(r, [f.best])).toEqual(['cyclist']);
    const g = filterLabelRows(r, 'us');
    expect(ids(r, [g.best])).toEqual(['bus']);
    const h = filterLabelRows(r, 'ive'); // in Positive and Negative, a prefix of neither
    expect(ids(r, [h.best])).toEqual(['positive']);
  });

  it('never matches a header itself, only what it holds', () => {
    const f = filterLabelRows(r, 'sentiment');
    expect(ids(r, f.matches)).toEqual(['positive', 'negative']);
    expect(f.best).toBe(r.indexById.get('positive'));
  });

  it('finds nothing with best -1', () => {
    const f = filterLabelRows(r, 'qqq');
    expect(f).toMatchObject({ visible: [], matches: [], best: -1 });
    expect([...f.isMatch].every((x) => x === 0)).toBe(true);
  });

  it('handles 1,000 labels in a deep hierarchy', () => {
    const labels = [];
    for (let g = 0; g < 50; g++) {
      labels.push({ id: `g${g}`, name: `Group ${g}`, selectable: false });
      for (let c = 0; c < 19; c++) labels.push({ id: `g${g}-l${c}`, name: `Label ${g}.${c}`, parent: `g${g}` });
    }
    const big = buildLabelRows(defineSchema({ labels }));
    expect(big.rows).toHaveLength(1000);
    const f = filterLabelRows(big, 'label 42.1');
    // 42.1 and 42.10–42.18 under Group 42
    expect(ids(big, f.matches)).toEqual(['g42-l1', ...Array.from({ length: 9 }, (_, i) => `g42-l1${i}`)]);
    expect(ids(big, f.visible)).toEqual(['g42', ...ids(big, f.matches)]);
    // substring search: "7.1" also finds 17.1x, 27.1x, ...
    expect(filterLabelRows(big, '7.1').matches).toHaveLength(50);
  });
});
