import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { byScoreDescending, createAnnotationStore, type Annotation } from '@labelkit/core';
import { SuggestionBar, useSuggestionReview } from '@labelkit/react';
import { drivingSchema } from './schemas.js';

const meta = {
  title: 'React/SuggestionBar',
  component: SuggestionBar,
  args: {
    pending: 7,
    total: 12,
    current: { label: 'Car', score: 0.91, position: 1 },
    hotkeys: { accept: 'A', reject: 'R', next: 'N', previous: 'Shift+N' },
    onAccept: fn(),
    onReject: fn(),
    onAcceptAll: fn(),
    onRejectAll: fn(),
    onAcceptAtOrAbove: fn(),
    onNext: fn(),
    onPrevious: fn(),
    onThresholdChange: fn(),
  },
} satisfies Meta<typeof SuggestionBar>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Buttons by keyboard; "Accept ≥" with a typed threshold and Enter. */
export const Default: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('7 of 12 pending');
    await userEvent.tab(); // Previous
    await userEvent.tab(); // Next
    await userEvent.keyboard('{Enter}');
    await expect(args.onNext).toHaveBeenCalledOnce();
    await userEvent.tab(); // Accept
    await expect(canvas.getByRole('button', { name: 'Accept' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(args.onAccept).toHaveBeenCalledOnce();
    const threshold = canvas.getByLabelText('Min. score');
    await userEvent.tripleClick(threshold);
    await userEvent.keyboard('0.9{Enter}');
    await expect(args.onThresholdChange).toHaveBeenLastCalledWith(0.9);
    await expect(args.onAcceptAtOrAbove).toHaveBeenCalledOnce();
    await expect(args.onAcceptAtOrAbove).toHaveBeenCalledWith(0.9);
  },
};

/** Nothing left to review: every action is disabled. */
export const NothingPending: Story = {
  args: { pending: 0, total: 12, current: undefined },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('0 of 12 pending');
    for (const b of canvas.getAllByRole('button')) await expect(b).toBeDisabled();
  },
};

const box = (id: string, label: string, score: number): Annotation => ({ id, kind: 'bbox', label, x: 0, y: 0, width: 10, height: 10, source: 'model', score });
const SUGGESTIONS = [box('s1', 'car', 0.97), box('s2', 'pedestrian', 0.62), box('s3', 'truck', 0.88), box('s4', 'cyclist', 0.45), box('s5', 'bus', 0.93)];

/** How an annotator wires the bar: core's suggestion review beside a store, through `useSuggestionReview`. */
function ReviewDemo() {
  const [store] = useState(() => createAnnotationStore());
  const { review, state } = useSuggestionReview(store, { suggestions: SUGGESTIONS, order: byScoreDescending });
  const [currentId, setCurrentId] = useState<string | null>(() => review.step(null, 1));
  const current = state.pending.find((s) => s.id === currentId);
  const decide = (ids: string[], d: 'accepted' | 'rejected') => {
    if (d === 'accepted') review.accept(ids);
    else review.reject(ids);
    setCurrentId(review.step(currentId, 1));
  };
  const accepted = [...state.decisions.values()].filter((d) => d === 'accepted').length;
  const atOrAbove = (t: number) => state.pending.filter((s) => s.score !== undefined && s.score >= t).length;
  return (
    <div>
      <SuggestionBar
        pending={state.pending.length}
        total={state.ordered.length}
        current={
          current && {
            label: drivingSchema.byId.get(current.label)?.name ?? current.label,
            ...(current.score === undefined ? {} : { score: current.score }),
            position: state.pending.indexOf(current) + 1,
          }
        }
        onAccept={() => current && decide([current.id], 'accepted')}
        onReject={() => current && decide([current.id], 'rejected')}
        onAcceptAll={() => review.acceptAll()}
        onRejectAll={() => review.rejectAll()}
        onAcceptAtOrAbove={(t) => review.acceptAll({ minScore: t })}
        countAtOrAbove={atOrAbove}
        onNext={() => setCurrentId(review.step(currentId, 1))}
        onPrevious={() => setCurrentId(review.step(currentId, -1))}
      />
      <p data-testid="decisions">{`accepted ${accepted}, rejected ${state.decisions.size - accepted}, in the store ${store.getSnapshot().length}`}</p>
    </div>
  );
}

/** A working review of five suggestions, in score order. */
export const Review: Story = {
  render: () => <ReviewDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('#1 · Car · score 0.97')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Accept' }));
    await expect(canvas.getByText('#1 · Bus · score 0.93')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Reject' }));
    await expect(canvas.getByText('#1 · Truck · score 0.88')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
    await expect(canvas.getByText('#2 · Pedestrian · score 0.62')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Accept ≥ 0.80 (1)' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('2 of 5 pending');
    await expect(canvas.getByTestId('decisions')).toHaveTextContent('accepted 2, rejected 1, in the store 2');
    await userEvent.click(canvas.getByRole('button', { name: 'Reject all' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('0 of 5 pending');
    await expect(canvas.getByTestId('decisions')).toHaveTextContent('accepted 2, rejected 3, in the store 2');
  },
};
