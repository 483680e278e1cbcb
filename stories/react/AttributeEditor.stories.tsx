import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { defineSchema } from '@labelkit/core';
import { AttributeEditor } from '@labelkit/react';

const schema = defineSchema({
  labels: [
    {
      id: 'car',
      name: 'Car',
      kinds: ['bbox'],
      attributes: [
        { id: 'state', name: 'State', type: 'select', options: ['parked', 'moving', 'stopped'], required: true, description: 'What the car is doing in this frame.' },
        { id: 'color', name: 'Colour', type: 'select', options: ['red', 'blue', 'green', 'white', 'black', 'silver'] },
        { id: 'damage', name: 'Visible damage', type: 'multiselect', options: ['dent', 'scratch', 'broken glass'] },
        { id: 'occluded', name: 'Occluded', type: 'boolean', default: false, description: 'More than half of the car is hidden.' },
        { id: 'doors', name: 'Doors', type: 'number', min: 2, max: 5, integer: true },
        { id: 'plate', name: 'Number plate', type: 'text', maxLength: 10, pattern: '[A-Z0-9-]+', description: 'Capitals, digits and dashes.' },
      ],
    },
    {
      id: 'sign',
      name: 'Traffic sign',
      kinds: ['bbox'],
      attributes: [
        { id: 'text', name: 'Sign text', type: 'text', required: true, description: 'Exactly as written on the sign.' },
        { id: 'speed', name: 'Speed limit', type: 'number', min: 5, max: 130, step: 5 },
      ],
    },
  ],
});

const meta = {
  title: 'React/AttributeEditor',
  component: AttributeEditor,
  args: { label: schema.byId.get('car')!, onChange: fn() },
  argTypes: { label: { control: false } },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 420 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof AttributeEditor>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Every attribute type, filled in by keyboard alone. */
export const EveryType: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const state = canvas.getByRole('radiogroup', { name: 'State' });
    await expect(state).toHaveAttribute('aria-required', 'true');
    await expect(state).toHaveAttribute('aria-invalid', 'true');
    await userEvent.tab(); // into the State radios
    await userEvent.keyboard(' ');
    await expect(canvas.getByRole('radio', { name: 'parked' })).toBeChecked();
    await userEvent.keyboard('{ArrowRight}'); // native radio group: arrows move the choice
    await expect(canvas.getByRole('radio', { name: 'moving' })).toBeChecked();
    await expect(state).not.toHaveAttribute('aria-invalid');
    await userEvent.tab();
    await expect(canvas.getByLabelText('Colour')).toHaveFocus();
    await userEvent.selectOptions(canvas.getByLabelText('Colour'), 'silver');
    await userEvent.tab(); // first damage checkbox
    await userEvent.keyboard(' ');
    await userEvent.tab(); // Occluded (after scratch and broken glass)
    await userEvent.tab();
    await userEvent.tab();
    await expect(canvas.getByLabelText('Occluded')).toHaveFocus();
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.keyboard('4');
    await userEvent.tab();
    await userEvent.keyboard('AB-123');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { state: 'moving', color: 'silver', damage: ['dent'], occluded: true, doors: 4, plate: 'AB-123' },
      { valid: true, issues: [] },
    );
  },
};

/** A required field left empty shows its message, linked to the field. */
export const RequiredLeftEmpty: Story = {
  args: { label: schema.byId.get('sign')!, defaultValue: { speed: 50 } },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const text = canvas.getByRole('textbox', { name: 'Sign text' });
    await expect(text).toBeRequired();
    await expect(text).toHaveAttribute('aria-invalid', 'true');
    await expect(text).toHaveAccessibleDescription('Exactly as written on the sign. Required attribute "Sign text" is missing');
    await userEvent.click(text);
    await userEvent.keyboard('STOP');
    await expect(text).not.toHaveAttribute('aria-invalid');
    await userEvent.clear(text);
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { speed: 50 },
      { valid: false, issues: [{ path: 'attributes.text', message: 'required attribute "Sign text" is missing' }] },
    );
    await expect(canvas.getByText('Required attribute "Sign text" is missing')).toBeVisible();
  },
};

/** Out-of-range numbers are reported as you type; dark theme. */
export const InvalidNumberDark: Story = {
  args: { label: schema.byId.get('sign')!, defaultValue: { text: 'SLOW' } },
  globals: { theme: 'dark' },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const speed = canvas.getByLabelText('Speed limit');
    await userEvent.click(speed);
    await userEvent.keyboard('200');
    await expect(speed).toHaveAttribute('aria-invalid', 'true');
    await expect(speed).toHaveAccessibleDescription('From 5 to 130. 200 is above the maximum 130');
    await userEvent.keyboard('{Backspace}{Backspace}');
    await expect(args.onChange).toHaveBeenLastCalledWith({ text: 'SLOW', speed: 2 }, expect.objectContaining({ valid: false }));
    await userEvent.keyboard('0');
    await expect(speed).not.toHaveAttribute('aria-invalid');
  },
};

/** Read-only: values shown, nothing editable. */
export const ReadOnly: Story = {
  args: { readOnly: true, defaultValue: { state: 'parked', color: 'red', damage: ['scratch'], occluded: false, doors: 4, plate: 'XY-9' } },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radio', { name: 'parked' })).toBeChecked();
    await expect(canvas.getByRole('radio', { name: 'moving' })).toBeDisabled();
    const plate = canvas.getByLabelText('Number plate');
    await userEvent.click(plate);
    await userEvent.keyboard('Z');
    await expect(plate).toHaveValue('XY-9');
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};
