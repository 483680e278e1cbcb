import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compare, type Annotation, type Conflict } from '@labelkit/core';
import { ReviewPanel, type ConflictDecision } from './ReviewPanel.js';
import { ALICE, BOB, LABEL_NAMES } from './review-test-sets.js';

const alice = { id: 'alice', name: 'Alice', annotations: ALICE, color: '#e6194b' };
const bob = { id: 'bob', name: 'Bob', annotations: BOB, color: '#4363d8' };
const labelName = (id: string) => LABEL_NAMES[id] ?? id;

const options = () => screen.getAllByRole('option');
const selected = () => screen.getAllByRole('option').filter((o) => o.getAttribute('aria-selected') === 'true');

describe('ReviewPanel', () => {
  it('shows the labellers, compare() scores and the conflicts as a listbox', () => {
    const comparison = compare(ALICE, BOB);
    render(<ReviewPanel a={alice} b={{ ...bob, gold: true }} comparison={comparison} labelName={labelName} />);
    const panel = screen.getByRole('region', { name: 'Review' });
    const labellers = within(within(panel).getByRole('list', { name: 'Labellers' })).getAllByRole('listitem');
    expect(labellers.map((l) => l.textContent)).toEqual(['AAlice5 annotations', 'BBobgold5 annotations']);
    // Two boxes agree fully (car, bus) out of five each: score = 2·(IoU car + IoU bus)/10.
    expect(comparison.score).toBeGreaterThan(0.35);
    expect(screen.getByText('Agreement').nextSibling?.textContent).toBe(`${(comparison.score * 100).toFixed(1)}%`);
    expect(screen.getByText('Matched').nextSibling?.textContent).toBe('2');
    const list = screen.getByRole('listbox', { name: 'Conflicts' });
    expect(options().map((o) => o.textContent)).toEqual([
      'Attributes differCar · occluded',
      expect.stringMatching(/^Wrong labelAlice: Car · Bob: Truck · overlap 0\.9\d$/),
      'Low overlapCyclist · overlap 0.29',
      'ExtraTraffic light · only in Alice',
      'MissingPedestrian · only in Bob',
    ]);
    expect(selected()).toEqual([options()[0]]);
    expect(list.getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    expect(screen.getByRole('status').textContent).toBe('1 of 5 · 0 resolved');
  });

  it('moves with N/P and arrows inside the list, and takes A, B or rejects the focused conflict by key', async () => {
    const user = userEvent.setup();
    const onTakeA = vi.fn();
    const onTakeB = vi.fn();
    const onReject = vi.fn();
    const onFocus = vi.fn();
    render(<ReviewPanel a={alice} b={bob} labelName={labelName} onTakeA={onTakeA} onTakeB={onTakeB} onReject={onReject} onFocusedConflictChange={onFocus} />);
    await user.tab();
    expect(screen.getByRole('listbox')).toBe(document.activeElement);
    await user.keyboard('n');
    expect(selected()[0]!.textContent).toMatch(/^Wrong label/);
    expect(onFocus).toHaveBeenLastCalledWith('wrongLabel:a-truck:b-truck', expect.objectContaining({ type: 'wrongLabel', labelA: 'car', labelB: 'truck' }));
    await user.keyboard('{ArrowDown}N');
    expect(selected()[0]!.textContent).toMatch(/^Extra/);
    await user.keyboard('p{ArrowUp}');
    expect(selected()[0]!.textContent).toMatch(/^Wrong label/);
    await user.keyboard('b'); // take Bob's "truck", and move on
    expect(onTakeB).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ type: 'wrongLabel' }), 'wrongLabel:a-truck:b-truck');
    expect(selected()[0]!.textContent).toMatch(/^Low overlap/);
    await user.keyboard('a');
    expect(onTakeA).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ type: 'lowOverlap', a: 'a-cyclist' }), 'lowOverlap:a-cyclist:b-cyclist');
    await user.keyboard('{End}r');
    expect(onReject).toHaveBeenCalledExactlyOnceWith({ type: 'missing', b: 'b-pedestrian' }, 'missing::b-pedestrian');
    expect(selected()[0]!.textContent).toMatch(/^Missing/); // the last stays focused
    await user.keyboard('{Home}');
    expect(selected()[0]!.textContent).toMatch(/^Attributes differ/);
    expect(screen.getByRole('button', { name: /^Previous/ })).toHaveProperty('disabled', true);
  });

  it('keeps its keys from the annotator beside it, and leaves other keys alone', async () => {
    const user = userEvent.setup();
    const hostKeys = vi.fn();
    render(
      <div onKeyDown={(e) => hostKeys(e.key)}>
        <ReviewPanel a={alice} b={bob} onTakeA={() => {}} />
      </div>,
    );
    await user.tab();
    await user.keyboard('nab1');
    expect(hostKeys.mock.calls).toEqual([['b'], ['1']]); // no onTakeB: "b" is not the panel's
    expect(screen.getByRole('listbox').getAttribute('aria-keyshortcuts')).toBe('N P A');
  });

  it('works controlled: the host owns the focused conflict and the decisions', async () => {
    const user = userEvent.setup();
    const merged: string[] = [];
    function Host() {
      const [focused, setFocused] = useState<string | null>('extra:a-light:');
      const [decisions, setDecisions] = useState<Record<string, ConflictDecision>>({});
      const decide = (d: ConflictDecision) => (c: Conflict, key: string) => {
        setDecisions((prev) => ({ ...prev, [key]: d }));
        if (d === 'a' && 'a' in c) merged.push(c.a);
        if (d === 'b' && 'b' in c) merged.push(c.b);
      };
      return (
        <>
          <ReviewPanel a={alice} b={bob} labelName={labelName} focusedConflict={focused} onFocusedConflictChange={setFocused} decisions={decisions} onTakeA={decide('a')} onTakeB={decide('b')} onReject={decide('rejected')} />
          <p data-testid="focused">{focused}</p>
        </>
      );
    }
    render(<Host />);
    expect(selected()[0]!.textContent).toMatch(/^Extra/);
    await user.click(screen.getByRole('button', { name: /^Take A \(Alice\)/ }));
    expect(merged).toEqual(['a-light']);
    expect(screen.getByRole('status').textContent).toBe('5 of 5 · 1 resolved');
    expect(options()[3]!.textContent).toMatch(/took A$/);
    await user.click(options()[0]!);
    expect(screen.getByRole('listbox')).toBe(document.activeElement);
    expect(screen.getByTestId('focused').textContent).toBe('attributeMismatch:a-car:b-car');
    await user.keyboard('b');
    expect(merged).toEqual(['a-light', 'b-car']);
    expect(screen.getByTestId('focused').textContent).toBe('wrongLabel:a-truck:b-truck');
  });

  it('renders host strings as text, never as HTML', () => {
    const evil: Annotation[] = [{ id: 'x', kind: 'bbox', label: '<img src=x onerror=alert(1)>', x: 0, y: 0, width: 10, height: 10 }];
    const { container } = render(<ReviewPanel a={{ id: 'a', name: '<b>Mallory</b>', annotations: evil }} b={{ id: 'b', name: 'Bob', annotations: [] }} onTakeA={() => {}} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<b>Mallory</b>')).toBeTruthy();
    expect(options()[0]!.textContent).toBe('Extra<img src=x onerror=alert(1)> · only in <b>Mallory</b>');
  });

  it('says so when two sets agree, and disables the actions', () => {
    render(<ReviewPanel a={alice} b={{ ...bob, annotations: ALICE }} onTakeA={() => {}} onReject={() => {}} />);
    expect(screen.queryAllByRole('option')).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('No conflicts');
    expect(screen.getByText('Agreement').nextSibling?.textContent).toBe('100.0%');
    for (const b of screen.getAllByRole('button')) expect(b).toHaveProperty('disabled', true);
  });
});
