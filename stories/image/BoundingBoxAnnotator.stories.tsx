import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Annotation, BBoxAnnotation } from '@labelkit/core';
import { BoundingBoxAnnotator } from '@labelkit/image';
import { PHOTOS, roadUserSchema, streetSchema } from './schemas.js';
import { click, drag, ready } from './play-helpers.js';

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
    await expect(within(root).getByRole('button', { name: 'Box' })).toBeDisabled();
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

const rider: BBoxAnnotation = { id: 'rider', kind: 'bbox', label: 'person', x: 372, y: 338, width: 232, height: 470, attributes: { occluded: true, pose: 'riding' } };
const bike: BBoxAnnotation = { id: 'bike', kind: 'bbox', label: 'bicycle', x: 352, y: 540, width: 252, height: 313, attributes: { occluded: false, parked: false } };

/**
 * Labels and attributes from the keyboard: a label's hotkey or the label picker (`/`, type, Enter)
 * changes the selected box's label — attributes the new label also has are kept — and `A` jumps to
 * the attribute form of the selected box (Escape goes back to the photo). Every attribute type:
 * checkbox, radio buttons, number, text, multiselect. Typing in one field is one undo step.
 */
export const AttributesAndLabels: Story = {
  args: { schema: roadUserSchema, defaultValue: [rider, bike], defaultTool: 'select' },
  play: async ({ canvasElement, args }) => {
    const { root, live } = await ready(canvasElement);
    const onChange = args.onChange as ReturnType<typeof fn>;
    const current = () => ((onChange.mock.calls.at(-1)?.[0] ?? []) as BBoxAnnotation[]).find((a) => a.id === 'rider');
    root.focus();
    await userEvent.keyboard('{Tab}');
    await expect(live()).toMatch(/Person box .*1 of 2/);

    // Hotkey 2: a bicycle now. "Occluded" carries over; "pose" has no place on a bicycle.
    await userEvent.keyboard('2');
    await expect(current()).toMatchObject({ label: 'bicycle', attributes: { occluded: true, parked: false } });
    await expect(current()?.attributes).not.toHaveProperty('pose');

    // The label picker: search, Enter; focus comes back to the photo.
    await userEvent.keyboard('/');
    await waitFor(() => expect(within(root).getByRole('combobox', { name: 'Label' })).toHaveFocus());
    await userEvent.keyboard('pers{Enter}');
    await expect(current()).toMatchObject({ label: 'person', attributes: { occluded: true } });
    await expect(root).toHaveFocus();
    await expect(live()).toMatch(/Changed 1 shape to Person/);

    // A: the attribute form of the selected box.
    await userEvent.keyboard('a');
    const form = within(root).getByRole('group', { name: 'Person attributes' });
    await expect(within(form).getByRole('checkbox', { name: 'Occluded' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(current()?.attributes).toMatchObject({ occluded: false });
    await userEvent.keyboard('{Tab}');
    await expect(within(form).getByRole('radio', { name: 'None' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(current()?.attributes).toMatchObject({ pose: 'riding' });
    await userEvent.keyboard('{Tab}');
    await expect(within(form).getByRole('spinbutton', { name: 'Visible (%)' })).toHaveFocus();
    await userEvent.keyboard('80');
    await expect(current()?.attributes).toMatchObject({ visible: 80 });
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('rear wheel hidden');
    await expect(current()?.attributes).toMatchObject({ note: 'rear wheel hidden' });
    await userEvent.keyboard('{Tab} ');
    await expect(within(form).getByRole('checkbox', { name: 'helmet' })).toHaveFocus();
    await expect(current()?.attributes).toEqual({ occluded: false, pose: 'riding', visible: 80, note: 'rear wheel hidden', gear: ['helmet'] });

    // Escape: back to the photo, the box still selected. Undo takes back the gear, then the whole note.
    await userEvent.keyboard('{Escape}');
    await expect(root).toHaveFocus();
    await expect(live()).toMatch(/Back to the canvas/);
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect(current()?.attributes).not.toHaveProperty('gear');
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect(current()?.attributes).toEqual({ occluded: false, pose: 'riding', visible: 80 });
  },
};

/**
 * Pre-labels can be fixed before they are accepted: click one to select it (its handles appear),
 * then drag it or a handle, use the arrow keys, or give it another label. The first edit accepts
 * it with the change, as one undo step; Enter accepts one as it is, Shift+Delete rejects it.
 */
export const EditASuggestion: Story = {
  args: {
    defaultValue: [],
    suggestions: riders.map((a, i) => ({ ...a, id: `pre-${a.id}`, source: 'model' as const, score: [0.94, 0.88, 0.71, 0.52][i] as number })),
    onSuggestionDecision: fn(),
    initialView: { zoom: 0.5, x: 0, y: 0 },
  },
  play: async ({ canvasElement, args }) => {
    const { root, canvas, live } = await ready(canvasElement);
    const onChange = args.onChange as ReturnType<typeof fn>;
    // rider-1 is at (372, 338) 232×470 in the photo: (186, 169) 116×235 on screen at 50%.
    await click(canvas, [244, 200]);
    await expect(live()).toMatch(/Suggestion Person score 0.94 selected/);
    await expect(onChange).not.toHaveBeenCalled();
    // Its right edge is too far right: drag the east handle 20 screen px (40 photo px) left.
    await drag(canvas, [302, 286], [282, 286]);
    await expect(onChange.mock.calls.at(-1)?.[0]).toEqual([{ ...args.suggestions![0], width: 192 }]);
    await expect(args.onSuggestionDecision).toHaveBeenCalledWith({ id: 'pre-rider-1', decision: 'accepted' });
    await expect(live()).toMatch(/Suggestion accepted with your edit/);
    // The next one (now the current suggestion) is right as it is: Enter accepts it.
    root.focus();
    await userEvent.keyboard('{Escape}{Enter}');
    await waitFor(() => expect(args.onSuggestionDecision).toHaveBeenCalledTimes(2));
    await expect((onChange.mock.calls.at(-1)?.[0] as Annotation[]).map((a) => a.id)).toEqual(['pre-rider-1', 'pre-bike-1']);
  },
};
