import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineSchema, type Annotation, type BBoxAnnotation, type PolygonAnnotation } from '@labelkit/core';
import { cleanup, click, drag, lastValue, mount } from './test-utils/annotator-harness.js';

afterEach(cleanup);

/** Boxes, polygons and a two-joint skeleton, so every drawing tool has a label. */
const schema = defineSchema({
  labels: [
    { id: 'car', name: 'Car', color: '#e6194b', hotkey: '1', kinds: ['bbox', 'polygon'] },
    { id: 'pose', name: 'Pose', color: '#3cb44b', hotkey: '2', kinds: ['keypoints'], skeleton: { keypoints: ['head', 'foot'], edges: [['head', 'foot']] } },
  ],
});

const box: BBoxAnnotation = { id: 'b1', kind: 'bbox', label: 'car', x: 100, y: 100, width: 80, height: 60 };
const byId = (value: Annotation[], id: string) => value.find((a) => a.id === id);

describe('a drag of the selected shape with a drawing tool moves it', () => {
  it('box tool: a click selects the box, a drag inside it then moves it (one undo step), a drag elsewhere draws; the hint says so', async () => {
    const onChange = vi.fn();
    const { canvas, annotator } = await mount({ schema, onChange, defaultValue: [box], defaultTool: 'bbox' });
    expect(annotator.querySelector('.lk-image-status')?.textContent).toMatch(/drag the selected one to move it/);
    await click(canvas, [140, 130]);
    await drag(canvas, [140, 130], [190, 150]);
    expect(lastValue(onChange)).toHaveLength(1);
    expect(byId(lastValue(onChange), 'b1')).toMatchObject({ x: 150, y: 120, width: 80, height: 60 });
    expect(onChange.mock.calls.at(-1)?.[1].updated).toHaveLength(1);
    await drag(canvas, [400, 300], [450, 340]);
    expect(lastValue(onChange)).toHaveLength(2);
    expect(lastValue(onChange).at(-1)).toMatchObject({ kind: 'bbox', x: 400, y: 300, width: 50, height: 40 });
  });

  it('polygon tool: the selected polygon is dragged, not drawn over', async () => {
    const onChange = vi.fn();
    const poly: PolygonAnnotation = { id: 'p1', kind: 'polygon', label: 'car', points: [[100, 100], [300, 100], [300, 300], [100, 300]] };
    const { canvas } = await mount({ schema, onChange, defaultValue: [poly], defaultTool: 'polygon', selectedIds: ['p1'] });
    await drag(canvas, [200, 200], [230, 210]);
    expect(lastValue(onChange)).toHaveLength(1);
    expect((byId(lastValue(onChange), 'p1') as PolygonAnnotation).points[0]).toEqual([130, 110]);
  });

  it('keypoint tool: the selected box is dragged, not a joint placed; a click on a box that is not selected places a joint', async () => {
    const onChange = vi.fn();
    const other: BBoxAnnotation = { ...box, id: 'b2', x: 300, y: 300 };
    const { canvas } = await mount({ schema, onChange, defaultValue: [box, other], defaultTool: 'keypoints', selectedIds: ['b1'] });
    await drag(canvas, [140, 130], [160, 160]);
    expect(lastValue(onChange)).toHaveLength(2);
    expect(byId(lastValue(onChange), 'b1')).toMatchObject({ x: 120, y: 130 });
    await click(canvas, [340, 330]);
    await click(canvas, [350, 350]);
    expect(lastValue(onChange)).toHaveLength(3);
    expect(lastValue(onChange).at(-1)).toMatchObject({ kind: 'keypoints', points: [{ x: 340, y: 330, visibility: 2 }, { x: 350, y: 350, visibility: 2 }] });
  });
});
