import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { Annotation, BBoxAnnotation } from '@labelkit/core';
import { BoundingBoxAnnotator } from '@labelkit/image';
import { PHOTOS, streetSchema } from './schemas.js';
import { drag, ready } from './play-helpers.js';

const riders: Annotation[] = [
  { id: 'rider-1', kind: 'bbox', label: 'person', x: 372, y: 338, width: 232, height: 470, attributes: { occluded: false, pose: 'riding' } },
  { id: 'bike-1', kind: 'bbox', label: 'bicycle', x: 352, y: 540, width: 252, height: 313, attributes: { parked: false } },
  { id: 'rider-2', kind: 'bbox', label: 'person', x: 668, y: 276, width: 238, height: 520, attributes: { occluded: false, pose: 'riding' } },
  { id: 'bike-2', kind: 'bbox', label: 'bicycle', x: 660, y: 515, width: 300, height: 338, attributes: { parked: false } },
];

const meta = {
  title: 'Image/BoundingBoxAnnotator',
  component: BoundingBoxAnnotator,
  args: {
    schema: streetSchema,
    src: PHOTOS.bikes,
    onChange: fn(),
    onSelectionChange: fn(),
    onImageLoad: fn(),
    'aria-label': 'Bounding boxes on a photo of bike riders',
  },
  decorators: [(Story) => <div style={{ height: 560 }}><Story /></div>],
} satisfies Meta<typeof BoundingBoxAnnotator>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Drag on the photo to draw a box; it gets the active label and is selected. */
export const Default: Story = {
  args: { defaultValue: riders },
  play: async ({ canvasElement, args }) => {
    const { canvas, live } = await ready(canvasElement);
    await drag(canvas, [40, 40], [140, 120]);
    await waitFor(() => expect(args.onChange).toHaveBeenCalled());
    const next = (args.onChange as ReturnType<typeof fn>).mock.calls.at(-1)?.[0] as Annotation[];
    const box = next.at(-1) as BBoxAnnotation;
    await expect(next).toHaveLength(5);
    await expect(box).toMatchObject({ kind: 'bbox', label: 'person', source: 'human' });
    await expect(box.width).toBeGreaterThan(50);
    await expect(live()).toMatch(/Created Person box/);
  },
};

/** Everything by keyboard: C starts a crosshair, arrows move it, Enter sets each corner; Tab walks shapes; digits relabel. */
export const KeyboardOnly: Story = {
  args: { defaultValue: riders, initialView: { zoom: 0.5, x: 0, y: 0 } },
  play: async ({ canvasElement, args }) => {
    const { root, live } = await ready(canvasElement);
    root.focus();
    await userEvent.keyboard('{Tab}');
    await expect(live()).toMatch(/Person box .*1 of 4/);
    await expect(args.onSelectionChange).toHaveBeenLastCalledWith(['rider-2']);
    await userEvent.keyboard('{ArrowRight}{Shift>}{ArrowDown}{/Shift}');
    const moved = (args.onChange as ReturnType<typeof fn>).mock.calls.at(-1)?.[0] as BBoxAnnotation[];
    await expect(moved[2]).toMatchObject({ x: 669, y: 286 });
    await userEvent.keyboard('2');
    await expect(live()).toMatch(/Changed 1 shape to Bicycle/);
    await userEvent.keyboard('{Escape}c{Enter}{Shift>}{ArrowRight}{ArrowRight}{ArrowDown}{/Shift}{Enter}');
    const next = (args.onChange as ReturnType<typeof fn>).mock.calls.at(-1)?.[0] as BBoxAnnotation[];
    await expect(next.at(-1)).toMatchObject({ kind: 'bbox', x: 640, y: 427, width: 20, height: 10 });
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect(live()).toMatch(/^Undone/);
  },
};

/** `readOnly`: shapes can be selected and inspected, not changed; the drawing tools are disabled. */
export const ReadOnly: Story = {
  args: { defaultValue: riders, readOnly: true },
  play: async ({ canvasElement, args }) => {
    const { root, canvas } = await ready(canvasElement);
    root.focus();
    await userEvent.keyboard('{Tab}{Delete}{ArrowRight}');
    await drag(canvas, [200, 200], [260, 260]);
    await expect(args.onChange).not.toHaveBeenCalled();
    await expect(args.onSelectionChange).toHaveBeenCalled();
    const box = root.querySelector('button[aria-pressed][disabled]');
    await expect(box?.textContent).toMatch(/Box/);
  },
};

function manyBoxes(n: number, w: number, h: number): Annotation[] {
  const labels = ['person', 'bicycle', 'car', 'ball'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: n }, (_, i) => {
    const bw = 8 + rnd() * 40;
    const bh = 8 + rnd() * 40;
    return { id: `b${i}`, kind: 'bbox', label: labels[i % 4] as string, x: rnd() * (w - bw), y: rnd() * (h - bh), width: bw, height: bh };
  });
}

/** 10,000 boxes: drawn in one batched canvas pass, hit-tested through a spatial grid. */
export const TenThousandBoxes: Story = {
  args: { defaultValue: manyBoxes(10_000, 1280, 853), defaultTool: 'select', sidePanel: false },
  play: async ({ canvasElement, args }) => {
    const { root, canvas } = await ready(canvasElement);
    root.focus();
    await userEvent.keyboard('{Tab}');
    await waitFor(() => expect(args.onSelectionChange).toHaveBeenCalledTimes(1));
    const t0 = performance.now();
    await userEvent.keyboard('{Control>}a{/Control}');
    await expect(root.querySelector('[data-labelkit-live-region]')?.textContent).toMatch(/10000 shapes selected/);
    await userEvent.keyboard('{Escape}');
    // Drag whatever box is under the centre of the canvas: exactly one annotation changes per move.
    const r = canvas.getBoundingClientRect();
    await drag(canvas, [r.width / 2, r.height / 2], [r.width / 2 + 40, r.height / 2 + 30]);
    await expect(performance.now() - t0).toBeLessThan(10_000);
    const calls = (args.onChange as ReturnType<typeof fn>).mock.calls;
    await expect(calls.length).toBeGreaterThan(0);
    const change = calls.at(-1)?.[1] as { updated: [BBoxAnnotation, BBoxAnnotation][] };
    await expect(change.updated).toHaveLength(1);
    const after = (change.updated[0] as [BBoxAnnotation, BBoxAnnotation])[1];
    const before = (calls[0]?.[1] as { updated: [BBoxAnnotation, BBoxAnnotation][] }).updated[0]?.[0] as BBoxAnnotation;
    await expect(before.id).toBe(after.id);
    await expect(after.x - before.x).toBeGreaterThan(10);
    await expect((calls.at(-1)?.[0] as Annotation[]).length).toBe(10_000);
    await userEvent.keyboard('{Control>}z{/Control}');
    const undone = (args.onChange as ReturnType<typeof fn>).mock.calls.at(-1)?.[0] as BBoxAnnotation[];
    const original = undone.find((a) => a.id === after.id);
    // One drag is one undo step: the box is back where the drag started.
    await expect(original?.x).toBe(before.x);
  },
};
