import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defineSchema } from '@labelkit/core';
import { LabelPicker } from './LabelPicker.js';

const schema = defineSchema({
  labels: [
    { id: 'vehicle', name: 'Vehicle', selectable: false, kinds: ['bbox', 'track'] },
    { id: 'car', name: 'Car', parent: 'vehicle', hotkey: '1', description: 'Passenger car or SUV' },
    { id: 'truck', name: 'Truck', parent: 'vehicle', hotkey: '2' },
    { id: 'bus', name: 'Bus', parent: 'vehicle', hotkey: 'Shift+B' },
    { id: 'person', name: 'Person', kinds: ['bbox', 'keypoints'], skeleton: { keypoints: ['nose'] } },
    { id: 'pedestrian', name: 'Pedestrian', parent: 'person', kinds: ['bbox'], hotkey: '3' },
    { id: 'cyclist', name: 'Cyclist', parent: 'person', kinds: ['bbox'] },
    { id: 'sentiment', name: 'Sentiment', kinds: ['tag'], exclusive: true, selectable: false },
    { id: 'positive', name: 'Positive', parent: 'sentiment' },
  ],
});

const combobox = () => screen.getByRole('combobox');
const activeOption = () => {
  const id = combobox().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};
const activeName = () => activeOption()?.querySelector('.lk-picker-name')?.textContent;

describe('LabelPicker', () => {
  it('is a combobox over a listbox showing the hierarchy', () => {
    render(<LabelPicker schema={schema} />);
    const input = combobox();
    const list = screen.getByRole('listbox');
    expect(input.getAttribute('aria-controls')).toBe(list.id);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.querySelector('.lk-picker-name')?.textContent)).toEqual([
      'Car', 'Truck', 'Bus', 'Person', 'Pedestrian', 'Cyclist', 'Positive',
    ]);
    // groups are visual headers; options name their group for screen readers
    expect(screen.getByText('Vehicle').closest('[aria-hidden="true"]')).not.toBeNull();
    const description = (name: string) =>
      document.getElementById(screen.getByRole('option', { name }).getAttribute('aria-describedby')!)?.textContent;
    expect(description('Positive')).toBe('In Sentiment, pick one');
    expect(screen.getByText('pick one')).toBeTruthy();
    // group, description and formatted hotkey make the option's description
    expect(description('Car')).toBe('In Vehicle. Passenger car or SUV. Shortcut 1');
    expect(description('Person')).toBeUndefined();
    const car = screen.getByRole('option', { name: 'Car' });
    expect(within(car).getByText('1').tagName).toBe('KBD');
    expect(activeName()).toBe('Car');
  });

  it('filters as you type and commits the best match with Enter', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const onCommit = vi.fn();
    render(<LabelPicker schema={schema} onChange={onChange} onCommit={onCommit} />);
    await user.click(combobox());
    await user.keyboard('ped');
    const names = screen.getAllByRole('option').map((o) => o.querySelector('.lk-picker-name')?.textContent);
    expect(names).toEqual(['Pedestrian']);
    expect(screen.getByText('Person')).toBeTruthy(); // the parent stays as context
    expect(screen.getByRole('status').textContent).toBe('1 label matches');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenCalledExactlyOnceWith('pedestrian');
    expect(onCommit).toHaveBeenCalledExactlyOnceWith('pedestrian');
    expect((combobox() as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('option', { name: 'Pedestrian' }).getAttribute('aria-selected')).toBe('true');
  });

  it('moves with arrows, Home/End and pages, skipping group headers', async () => {
    const user = userEvent.setup();
    render(<LabelPicker schema={schema} />);
    await user.click(combobox());
    expect(activeName()).toBe('Car');
    await user.keyboard('{ArrowUp}'); // already first pickable: stays
    expect(activeName()).toBe('Car');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(activeName()).toBe('Person');
    await user.keyboard('{End}');
    expect(activeName()).toBe('Positive');
    await user.keyboard('{ArrowUp}'); // skips the Sentiment header
    expect(activeName()).toBe('Cyclist');
    await user.keyboard('{Home}');
    expect(activeName()).toBe('Car');
    await user.keyboard('{PageDown}');
    expect(activeName()).toBe('Positive'); // a page is ~9 rows
    await user.keyboard('{PageUp}');
    expect(activeName()).toBe('Car');
  });

  it('Escape clears the search first, then cancels', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    render(<LabelPicker schema={schema} onCancel={onCancel} />);
    await user.click(combobox());
    await user.keyboard('tru');
    await user.keyboard('{Escape}');
    expect((combobox() as HTMLInputElement).value).toBe('');
    expect(onCancel).not.toHaveBeenCalled();
    expect(screen.getAllByRole('option')).toHaveLength(7);
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('picks a label by its hotkey while the search box is empty, and types otherwise', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn();
    render(<LabelPicker schema={schema} onCommit={onCommit} />);
    await user.click(combobox());
    await user.keyboard('2');
    expect(onCommit).toHaveBeenLastCalledWith('truck');
    expect((combobox() as HTMLInputElement).value).toBe('');
    await user.keyboard('{Shift>}B{/Shift}');
    expect(onCommit).toHaveBeenLastCalledWith('bus');
    await user.keyboard('c3'); // "c" starts a search, so "3" is typed, not a hotkey
    expect(onCommit).toHaveBeenCalledTimes(2);
    expect((combobox() as HTMLInputElement).value).toBe('c3');
  });

  it('offers only labels allowed for the kind', () => {
    render(<LabelPicker schema={schema} kind="keypoints" />);
    expect(screen.getAllByRole('option').map((o) => o.querySelector('.lk-picker-name')?.textContent)).toEqual(['Person']);
  });

  it('works controlled: reports picks, shows what the host passes', async () => {
    const user = userEvent.setup();
    const seen: string[] = [];
    function Host() {
      const [v, setV] = useState('truck');
      return (
        <>
          <LabelPicker schema={schema} value={v} onChange={(id) => { seen.push(id); setV(id); }} />
          <output>{v}</output>
        </>
      );
    }
    render(<Host />);
    expect(screen.getByRole('option', { name: 'Truck' }).getAttribute('aria-selected')).toBe('true');
    expect(activeName()).toBe('Truck'); // starts on the current value
    await user.click(screen.getByRole('option', { name: 'Cyclist' }));
    expect(seen).toEqual(['cyclist']);
    expect(screen.getByText('cyclist', { selector: 'output' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Cyclist' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('option', { name: 'Truck' }).getAttribute('aria-selected')).toBe('false');
    expect(document.activeElement).not.toBe(screen.getAllByRole('option')[0]);
  });

  it('renders untrusted names as text', () => {
    const evil = defineSchema({ labels: [{ id: 'x', name: '<img src=x onerror="window.__pwned=1">', description: '<b>bold</b>' }] });
    const { container } = render(<LabelPicker schema={evil} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('<img src=x onerror="window.__pwned=1">')).toBeTruthy();
  });

  it('windows a list of 1,000 labels and keeps the active row rendered', async () => {
    const user = userEvent.setup();
    const labels = [];
    for (let g = 0; g < 50; g++) {
      labels.push({ id: `g${g}`, name: `Group ${g}`, selectable: false });
      for (let c = 0; c < 19; c++) labels.push({ id: `g${g}-l${c}`, name: `Label ${g}.${c}`, parent: `g${g}` });
    }
    const onCommit = vi.fn();
    render(<LabelPicker schema={defineSchema({ labels })} onCommit={onCommit} />);
    const list = screen.getByRole('listbox');
    expect(list.querySelectorAll('.lk-picker-row').length).toBeLessThan(60);
    await user.click(combobox());
    await user.keyboard('{End}');
    expect(activeName()).toBe('Label 49.18');
    expect(list.scrollTop).toBeGreaterThan(30000); // scrolled to the end (1,000 rows × 32 px)
    await user.keyboard('label 33.4');
    expect(screen.getAllByRole('option').map((o) => o.querySelector('.lk-picker-name')?.textContent)).toEqual(['Label 33.4']);
    await user.keyboard('{Enter}');
    expect(onCommit).toHaveBeenCalledWith('g33-l4');
  });
});
