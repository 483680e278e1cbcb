import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import type { Annotation, KeypointsAnnotation } from '@labelkit/core';
import { KeypointAnnotator } from '@labelkit/image';
import { PHOTOS, poseSchema } from './schemas.js';
import { SKIER_KEYPOINTS } from './coco-skier.js';
import { click, ready } from './play-helpers.js';

const meta = {
  title: 'Image/KeypointAnnotator',
  component: KeypointAnnotator,
  args: {
    schema: poseSchema,
    src: PHOTOS.skier,
    onChange: fn(),
    'aria-label': 'Pose keypoints on a photo of a skier',
    initialView: { zoom: 1, x: 0, y: 0 },
  },
  decorators: [(Story) => <div style={{ height: 560 }}><Story /></div>],
} satisfies Meta<typeof KeypointAnnotator>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Guided placement in COCO order: the next joint's name follows the pointer; O marks occluded, S skips, Enter finishes. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const { root, canvas, live } = await ready(canvasElement);
    await expect(root.textContent).toMatch(/Next joint: nose/);
    await click(canvas, [367, 81]);
    await expect(live()).toMatch(/Next joint: left_eye, 2 of 17/);
    root.focus();
    await userEvent.keyboard('o');
    await click(canvas, [374, 73]);
    await userEvent.keyboard('s');
    await expect(live()).toMatch(/Next joint: left_ear/);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(args.onChange).toHaveBeenCalled());
    const next = (args.onChange as ReturnType<typeof fn>).mock.calls.at(-1)?.[0] as KeypointsAnnotation[];
    const pts = next.at(-1)?.points ?? [];
    await expect(pts).toHaveLength(17);
    await expect(pts.slice(0, 3)).toEqual([{ x: 367, y: 81, visibility: 2 }, { x: 374, y: 73, visibility: 1 }, { x: 0, y: 0, visibility: 0 }]);
    // M swaps left and right through the skeleton's mirror pairs.
    await userEvent.keyboard('m');
    const swapped = (args.onChange as ReturnType<typeof fn>).mock.calls.at(-1)?.[0] as KeypointsAnnotation[];
    await expect(swapped.at(-1)?.points[2]).toEqual({ x: 374, y: 73, visibility: 1 });
  },
};

const suggestion = (id: string, dx: number, score: number): Annotation => ({
  id, kind: 'keypoints', label: 'person', source: 'model', score,
  points: SKIER_KEYPOINTS.map((p) => ({ ...p, x: p.x + dx })),
});

/** Model pre-labels drawn dashed with their score: Enter accepts the current one, Shift+Delete rejects, N moves on; Ctrl+Z takes a decision back. */
export const SuggestionsReview: Story = {
  args: {
    suggestions: [suggestion('pose-a', 0, 0.93), suggestion('pose-b', -150, 0.41), suggestion('pose-c', 120, 0.22)],
    onSuggestionDecision: fn(),
    defaultTool: 'select',
  },
  play: async ({ canvasElement, args }) => {
    const { root, live } = await ready(canvasElement);
    root.focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onSuggestionDecision).toHaveBeenCalledWith({ id: 'pose-a', decision: 'accepted' });
    const next = (args.onChange as ReturnType<typeof fn>).mock.calls.at(-1)?.[0] as KeypointsAnnotation[];
    await expect(next[0]).toMatchObject({ id: 'pose-a', source: 'model', score: 0.93 });
    await expect(live()).toMatch(/accepted. 2 left/);
    await userEvent.keyboard('{Shift>}{Delete}{/Shift}');
    await expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'pose-b', decision: 'rejected' });
    const pending = () => root.querySelector('.lk-suggestion-count')?.textContent;
    await expect(pending()).toBe('1 of 3 pending');
    // A rejection undoes like an edit: Ctrl+Z brings the suggestion back in review, Ctrl+Shift+Z rejects it again.
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'pose-b', decision: 'undone' });
    await expect(pending()).toBe('2 of 3 pending');
    await expect(live()).toMatch(/Undone: rejection of suggestion Person/);
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'pose-b', decision: 'rejected' });
    await expect(pending()).toBe('1 of 3 pending');
    await userEvent.keyboard('{Alt>}{Shift>}{Backspace}{/Shift}{/Alt}');
    await expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'pose-c', decision: 'rejected' });
    await expect(args.onSuggestionDecision).toHaveBeenCalledTimes(5);
    await expect((args.onChange as ReturnType<typeof fn>).mock.calls.at(-1)?.[0]).toHaveLength(1);
  },
};
