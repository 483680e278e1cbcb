import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { Annotation, PolygonAnnotation } from '@labelkit/core';
import { PolygonAnnotator } from '@labelkit/image';
import { PHOTOS, streetSchema } from './schemas.js';
import { SKIER_POLYGON } from './coco-skier.js';
import { click, ready } from './play-helpers.js';

const meta = {
  title: 'Image/PolygonAnnotator',
  component: PolygonAnnotator,
  args: {
    schema: streetSchema,
    src: PHOTOS.skier,
    defaultValue: [{ id: 'skier', kind: 'polygon', label: 'person', points: SKIER_POLYGON, source: 'import' }] satisfies Annotation[],
    onChange: fn(),
    'aria-label': 'Polygons on a photo of a skier',
    initialView: { zoom: 1, x: 0, y: 0 },
  },
  decorators: [(Story) => <div style={{ height: 560 }}><Story /></div>],
} satisfies Meta<typeof PolygonAnnotator>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Click to add vertices, Backspace removes the last, Enter closes; the COCO skier outline is pre-loaded. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const { root, canvas, live } = await ready(canvasElement);
    await click(canvas, [40, 300]);
    await click(canvas, [160, 300]);
    await click(canvas, [200, 330]);
    await userEvent.keyboard('{Backspace}');
    await click(canvas, [150, 390]);
    await click(canvas, [40, 390]);
    root.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(args.onChange).toHaveBeenCalled());
    const next = (args.onChange as ReturnType<typeof fn>).mock.calls.at(-1)?.[0] as PolygonAnnotation[];
    await expect(next.at(-1)?.points).toEqual([[40, 300], [160, 300], [150, 390], [40, 390]]);
    await expect(live()).toMatch(/Created Person polygon with 4 points/);
    // Escape cancels a polygon in progress.
    await click(canvas, [20, 20]);
    await click(canvas, [60, 20]);
    await userEvent.keyboard('{Escape}');
    await expect((args.onChange as ReturnType<typeof fn>).mock.calls).toHaveLength(1);
  },
};
