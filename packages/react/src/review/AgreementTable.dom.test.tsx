import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { cohenKappa, compare, matchCounts } from '@labelkit/core';
import { AgreementTable } from './AgreementTable.js';
import { ALICE, BOB, LABEL_NAMES } from './review-test-sets.js';

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);

describe('AgreementTable', () => {
  it('shows compare() counts, precision, recall and F1 per label, with a total row', () => {
    const { perLabel, perKind } = compare(ALICE, BOB);
    const bbox = perKind.bbox!;
    render(<AgreementTable perLabel={perLabel} total={matchCounts(bbox.tp, bbox.fp, bbox.fn)} labelName={(id) => LABEL_NAMES[id] ?? id} />);
    const table = screen.getByRole('table', { name: 'Agreement per label' });
    const [head, ...rows] = within(table).getAllByRole('row');
    expect(within(head!).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Label', 'TP', 'FP', 'FN', 'Precision', 'Recall', 'F1']);
    expect(rows.map(cells)).toEqual([
      ['Bus', '1', '0', '0', '100.0%', '100.0%', '100.0%'],
      // Alice's "car" on the truck is a false positive for car: 1 of her 2 cars matched.
      ['Car', '1', '1', '0', '50.0%', '100.0%', '66.7%'],
      ['Cyclist', '0', '1', '1', '0.0%', '0.0%', '0.0%'],
      // Labels one side never used: 0/0 is undefined, not 0.
      ['Pedestrian', '0', '0', '1', 'n/a', '0.0%', '0.0%'],
      ['Traffic light', '0', '1', '0', '0.0%', 'n/a', '0.0%'],
      ['Truck', '0', '0', '1', 'n/a', '0.0%', '0.0%'],
      ['All', '2', '3', '3', '40.0%', '40.0%', '40.0%'],
    ]);
  });

  it('shows kappa per label, NaN as n/a, and only the columns asked for', () => {
    // Weather tags of ten photos by two labellers; "fog" was used by one labeller only on one photo.
    const alice = ['sunny', 'sunny', 'rain', 'rain', 'sunny', 'fog', 'rain', 'sunny', 'sunny', 'rain'];
    const bob = ['sunny', 'rain', 'rain', 'rain', 'sunny', 'rain', 'rain', 'sunny', 'sunny', 'sunny'];
    const binary = (xs: string[], tag: string) => xs.map((x) => (x === tag ? 'yes' : 'no'));
    const kappa = Object.fromEntries(['sunny', 'rain', 'fog'].map((t) => [t, cohenKappa(binary(alice, t), binary(bob, t))]));
    kappa.all = cohenKappa(alice, bob);
    kappa.none = cohenKappa([], []);
    render(<AgreementTable kappa={kappa} caption="Weather tags" />);
    const rows = within(screen.getByRole('table', { name: 'Weather tags' })).getAllByRole('row');
    expect(rows.map(cells)).toEqual([
      ['Label', 'κ'],
      ['sunny', kappa.sunny!.toFixed(3)],
      ['rain', kappa.rain!.toFixed(3)],
      ['fog', '0.000'],
      ['all', kappa.all!.toFixed(3)],
      ['none', 'n/a'],
    ]);
    expect(within(rows[0]!).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Label', 'κ']);
    // sunny: 5 vs 5 yes, agreeing on 4 of 10 yes and 4 of 10 no: po 0.8, pe 0.5, κ 0.6.
    expect(kappa.sunny).toBeCloseTo(0.6, 12);
  });

  it('renders label names as text and says when there is nothing to compare', () => {
    const { container, rerender } = render(<AgreementTable perLabel={compare(ALICE, BOB).perLabel} labelName={(id) => `<i>${id}</i>`} columns={['f1']} />);
    expect(container.querySelector('i')).toBeNull();
    expect(screen.getByRole('rowheader', { name: '<i>bus</i>' })).toBeTruthy();
    rerender(<AgreementTable perLabel={{}} />);
    expect(screen.getByText('Nothing to compare')).toBeTruthy();
  });
});
