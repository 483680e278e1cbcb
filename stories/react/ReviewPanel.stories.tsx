import { useMemo, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { compare, type Annotation, type Conflict } from '@labelkit/core';
import { AgreementTable, ReviewPanel, type ConflictDecision } from '@labelkit/react';
import { drivingSchema } from './schemas.js';

type BoxRow = [id: string, label: string, x: number, y: number, width: number, height: number];
const boxes = (rows: BoxRow[]): Annotation[] => rows.map(([id, label, x, y, width, height]) => ({ id, kind: 'bbox', label, x, y, width, height }));

// Two labellers on one intersection photo (1920×1080). Against Dana, Emeka labelled the van a truck,
// missed a pedestrian on the crossing, drew the cyclist loosely, and added a traffic light Dana skipped.
const DANA = {
  id: 'dana',
  name: 'Dana',
  color: '#e6194b',
  annotations: boxes([
    ['d1', 'car', 220, 610, 340, 210],
    ['d2', 'car', 980, 560, 400, 260],
    ['d3', 'pedestrian', 760, 540, 70, 190],
    ['d4', 'pedestrian', 1500, 530, 64, 180],
    ['d5', 'cyclist', 600, 520, 110, 200],
  ]),
};
const EMEKA = {
  id: 'emeka',
  name: 'Emeka',
  color: '#4363d8',
  annotations: boxes([
    ['e1', 'car', 224, 606, 336, 214],
    ['e2', 'truck', 986, 556, 392, 266],
    ['e3', 'pedestrian', 762, 542, 68, 186],
    ['e5', 'cyclist', 640, 560, 130, 220],
    ['e6', 'traffic-light', 1180, 120, 40, 110],
  ]),
};
const labelName = (id: string) => drivingSchema.byId.get(id)?.name ?? id;
const labelColor = (id: string) => drivingSchema.byId.get(id)?.color;

const meta = {
  title: 'React/ReviewPanel',
  component: ReviewPanel,
  args: { a: DANA, b: EMEKA, labelName, onTakeA: fn(), onTakeB: fn(), onReject: fn(), onFocusedConflictChange: fn() },
} satisfies Meta<typeof ReviewPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Conflicts of two labellers, walked with N/P and decided with A/B/R while the list has focus. */
export const Default: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const list = canvas.getByRole('listbox', { name: 'Conflicts' });
    await expect(canvas.getAllByRole('option')).toHaveLength(4);
    await userEvent.tab();
    await expect(list).toHaveFocus();
    await expect(canvas.getByRole('option', { selected: true })).toHaveTextContent(/^Wrong labelDana: Car · Emeka: Truck/);
    await userEvent.keyboard('n');
    await expect(canvas.getByRole('option', { selected: true })).toHaveTextContent(/^Low overlap/);
    await userEvent.keyboard('p');
    await userEvent.keyboard('b');
    await expect(args.onTakeB).toHaveBeenCalledWith(expect.objectContaining({ type: 'wrongLabel', a: 'd2', b: 'e2' }), 'wrongLabel:d2:e2');
    await expect(canvas.getByRole('option', { selected: true })).toHaveTextContent(/^Low overlap/);
  },
};

/** How a host wires it: decisions build a merged set beside the agreement table. */
function ReviewDemo() {
  const comparison = useMemo(() => compare(DANA.annotations, EMEKA.annotations), []);
  const [decisions, setDecisions] = useState<Record<string, ConflictDecision>>({});
  const [picked, setPicked] = useState<Record<string, string[]>>({});
  const decide = (d: ConflictDecision) => (c: Conflict, key: string) => {
    setDecisions((prev) => ({ ...prev, [key]: d }));
    const ids = d === 'a' && 'a' in c ? [c.a] : d === 'b' && 'b' in c ? [c.b] : [];
    setPicked((prev) => ({ ...prev, [key]: ids }));
  };
  // Matches without a conflict are taken from A; each decided conflict adds what was chosen.
  const inConflict = new Set(comparison.conflicts.flatMap((c) => ('a' in c ? [c.a] : [])));
  const agreed = comparison.matches.filter((m) => !inConflict.has(m.a)).map((m) => m.a);
  const merged = [...agreed, ...Object.values(picked).flat()].sort();
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <ReviewPanel a={DANA} b={EMEKA} comparison={comparison} labelName={labelName} decisions={decisions} onTakeA={decide('a')} onTakeB={decide('b')} onReject={decide('rejected')} />
      <div>
        <AgreementTable perLabel={comparison.perLabel} total={comparison.perKind.bbox} labelName={labelName} labelColor={labelColor} />
        <p data-testid="merged">{`merged: ${merged.join(' ')}`}</p>
      </div>
    </div>
  );
}

/** A working review: every conflict resolved by keyboard, the merged set checked. */
export const Review: Story = {
  render: () => <ReviewDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('table', { name: 'Agreement per label' })).toBeInTheDocument();
    await expect(canvas.getByTestId('merged')).toHaveTextContent(/^merged: d1 d3$/);
    canvas.getByRole('listbox').focus();
    await userEvent.keyboard('b'); // wrong label: the van is Emeka's truck
    await userEvent.keyboard('a'); // low overlap: Dana's tighter cyclist
    await userEvent.keyboard('r'); // extra: Dana's second pedestrian is a reflection
    await expect(canvas.getByRole('status')).toHaveTextContent('4 of 4 · 3 resolved');
    await userEvent.keyboard('b');
    await expect(canvas.getByRole('status')).toHaveTextContent('4 of 4 · 4 resolved');
    await expect(canvas.getByTestId('merged')).toHaveTextContent(/^merged: d1 d3 d5 e2 e6$/);
    await expect(canvas.getAllByRole('option').map((o) => o.textContent)).toEqual([
      expect.stringMatching(/^Wrong label.*took B$/),
      expect.stringMatching(/^Low overlap.*took A$/),
      expect.stringMatching(/^ExtraPedestrian · only in Dana.*rejected$/),
      expect.stringMatching(/^MissingTraffic light · only in Emeka.*took B$/),
    ]);
  },
};

/** The agreement table alone, in the dark theme. */
export const Table: Story = {
  globals: { theme: 'dark' },
  render: () => {
    const c = compare(DANA.annotations, EMEKA.annotations);
    return <AgreementTable perLabel={c.perLabel} total={c.perKind.bbox} labelName={labelName} labelColor={labelColor} caption="Dana against Emeka" />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole('table', { name: 'Dana against Emeka' });
    await expect(within(table).getByRole('rowheader', { name: 'Traffic light' }).parentElement).toHaveTextContent('Traffic light001n/a0.0%0.0%');
  },
};
