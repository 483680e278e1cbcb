import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defineSchema, type AttributeValue } from '@labelkit/core';
import { AttributeEditor, type AttributeValidation } from './AttributeEditor.js';

const schema = defineSchema({
  labels: [
    {
      id: 'car',
      name: 'Car',
      attributes: [
        { id: 'state', name: 'State', type: 'select', options: ['parked', 'moving', 'stopped'], required: true, description: 'What the car is doing' },
        { id: 'color', name: 'Colour', type: 'select', options: ['red', 'blue', 'green', 'white', 'black', 'silver'] },
        { id: 'damage', name: 'Damage', type: 'multiselect', options: ['dent', 'scratch', 'glass'] },
        { id: 'occluded', name: 'Occluded', type: 'boolean', default: false },
        { id: 'doors', name: 'Doors', type: 'number', min: 2, max: 5, integer: true },
        { id: 'plate', name: 'Plate', type: 'text', maxLength: 8, pattern: '[A-Z0-9-]+' },
      ],
    },
    { id: 'plain', name: 'Plain' },
  ],
});
const car = schema.byId.get('car')!;

const describedText = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)
    .join(' | ');

describe('AttributeEditor', () => {
  it('generates one labelled control per attribute type', () => {
    render(<AttributeEditor label={car} />);
    const form = screen.getByRole('group', { name: 'Car attributes' });
    // ≤ 4 options: radio group; more: a select
    const state = within(form).getByRole('radiogroup', { name: /State/ });
    expect(within(state).getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual(['parked', 'moving', 'stopped']);
    expect(screen.getByLabelText('Colour').tagName).toBe('SELECT');
    const damage = screen.getByRole('group', { name: 'Damage' });
    expect(within(damage).getAllByRole('checkbox')).toHaveLength(3);
    expect(screen.getByLabelText('Occluded')).toHaveProperty('type', 'checkbox');
    const doors = screen.getByLabelText('Doors') as HTMLInputElement;
    expect([doors.type, doors.min, doors.max, doors.step]).toEqual(['number', '2', '5', '1']);
    expect(describedText(doors)).toBe('From 2 to 5, whole numbers.');
    expect(screen.getByLabelText('Plate')).toHaveProperty('type', 'text');
  });

  it('marks required fields and shows their message while empty', () => {
    render(<AttributeEditor label={car} />);
    const state = screen.getByRole('radiogroup', { name: 'State' });
    expect(state.getAttribute('aria-required')).toBe('true');
    expect(state.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Doors').getAttribute('aria-required')).toBeNull();
    expect(describedText(state)).toBe('What the car is doing | Required attribute "State" is missing');
    // optional, empty fields are fine
    expect(screen.getByLabelText('Doors').getAttribute('aria-invalid')).toBeNull();
  });

  it('starts from the definitions\' defaults when uncontrolled', () => {
    render(<AttributeEditor label={car} />);
    expect((screen.getByLabelText('Occluded') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('radiogroup').getAttribute('aria-invalid')).toBe('true');
  });

  it('reports every edit with its validation, by keyboard alone', async () => {
    const user = userEvent.setup();
    const calls: [Record<string, AttributeValue>, AttributeValidation][] = [];
    render(<AttributeEditor label={car} defaultValue={{}} onChange={(v, r) => calls.push([v, r])} />);
    await user.tab(); // first radio of State
    await user.keyboard(' ');
    expect(calls.at(-1)?.[0]).toEqual({ state: 'parked' });
    expect(calls.at(-1)?.[1]).toEqual({ valid: true, issues: [] });
    expect(screen.getByRole('radiogroup').getAttribute('aria-invalid')).toBeNull();

    await user.selectOptions(screen.getByLabelText('Colour'), 'blue');
    await user.click(screen.getByLabelText('dent'));
    await user.click(screen.getByLabelText('glass'));
    expect(calls.at(-1)?.[0]).toMatchObject({ color: 'blue', damage: ['dent', 'glass'] });
    await user.click(screen.getByLabelText('dent'));
    expect(calls.at(-1)?.[0]).toMatchObject({ damage: ['glass'] });

    await user.type(screen.getByLabelText('Doors'), '7');
    const [values, result] = calls.at(-1)!;
    expect(values.doors).toBe(7);
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual([{ path: 'attributes.doors', message: '7 is above the maximum 5' }]);
    const doors = screen.getByLabelText('Doors');
    expect(doors.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(doors)).toContain('7 is above the maximum 5');

    await user.clear(doors);
    expect('doors' in calls.at(-1)![0]).toBe(false); // an emptied field removes the key

    await user.type(screen.getByLabelText('Plate'), 'ab');
    expect(describedText(screen.getByLabelText('Plate'))).toMatch(/does not match the pattern/);

    await user.click(screen.getByLabelText('Occluded'));
    expect(calls.at(-1)?.[0].occluded).toBe(true);
  });

  it('works controlled and keeps unknown stored values visible', async () => {
    const user = userEvent.setup();
    function Host() {
      const [v, setV] = useState<Record<string, AttributeValue>>({ state: 'moving', color: 'purple' });
      return <AttributeEditor label={car} value={v} onChange={setV} />;
    }
    render(<Host />);
    expect((screen.getByRole('radio', { name: 'moving' }) as HTMLInputElement).checked).toBe(true);
    const colour = screen.getByLabelText('Colour') as HTMLSelectElement;
    expect(colour.value).toBe('purple');
    expect(screen.getByRole('option', { name: 'purple (not an option)' })).toBeTruthy();
    expect(colour.getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('radio', { name: 'stopped' }));
    expect((screen.getByRole('radio', { name: 'stopped' }) as HTMLInputElement).checked).toBe(true);
  });

  it('offers "None" for optional selects shown as radios, and is inert when read-only', async () => {
    const label = defineSchema({ labels: [{ id: 'x', attributes: [{ id: 'side', type: 'select', options: ['left', 'right'] }] }] }).byId.get('x')!;
    const onChange = vi.fn();
    const { unmount } = render(<AttributeEditor label={label} defaultValue={{ side: 'left' }} onChange={onChange} />);
    await userEvent.click(screen.getByRole('radio', { name: 'None' }));
    expect(onChange).toHaveBeenLastCalledWith({}, { valid: true, issues: [] });
    unmount();
    render(<AttributeEditor label={car} readOnly defaultValue={{ state: 'parked', plate: 'AB' }} onChange={onChange} />);
    onChange.mockClear();
    for (const radio of screen.getAllByRole('radio')) expect(radio.matches(':disabled')).toBe(true);
    await userEvent.type(screen.getByLabelText('Plate'), 'C');
    expect((screen.getByLabelText('Plate') as HTMLInputElement).value).toBe('AB');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('says when a label has no attributes, and renders untrusted names as text', () => {
    render(<AttributeEditor label={schema.byId.get('plain')!} />);
    expect(screen.getByText('Plain has no attributes.')).toBeTruthy();
    const evil = defineSchema({ labels: [{ id: 'e', attributes: [{ id: 'a', name: '<img src=x>', type: 'boolean' }] }] }).byId.get('e')!;
    const { container } = render(<AttributeEditor label={evil} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByLabelText('<img src=x>')).toBeTruthy();
  });
});
