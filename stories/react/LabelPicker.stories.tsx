import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LabelPicker } from '@labelkit/react';
import { drivingSchema, thousandLabelSchema } from './schemas.js';

const meta = {
  title: 'React/LabelPicker',
  component: LabelPicker,
  args: { schema: drivingSchema, onChange: fn(), onCommit: fn(), onCancel: fn() },
  argTypes: { schema: { control: false } },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 380 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof LabelPicker>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A driving-scene schema: groups as headers, hotkeys, descriptions. Typing "ped" and Enter picks Pedestrian. */
export const DrivingScene: Story = {
  args: { 'aria-label': 'Object label' },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('combobox', { name: 'Object label' });
    await userEvent.click(input);
    await userEvent.keyboard('ped');
    await expect(canvas.getAllByRole('option').map((o) => o.querySelector('.lk-picker-name')?.textContent)).toEqual(['Pedestrian']);
    await expect(canvas.getByRole('status')).toHaveTextContent('1 label matches');
    await userEvent.keyboard('{Enter}');
    await expect(args.onChange).toHaveBeenCalledWith('pedestrian');
    await expect(args.onCommit).toHaveBeenCalledWith('pedestrian');
    await expect(input).toHaveValue('');
    await expect(canvas.getByRole('option', { name: 'Pedestrian' })).toHaveAttribute('aria-selected', 'true');
  },
};

/** Keyboard only: arrows skip group headers, a hotkey picks while the search box is empty, Escape cancels. */
export const Keyboard: Story = {
  args: { kind: 'bbox', defaultValue: 'truck', autoFocus: true },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('combobox');
    await expect(input).toHaveFocus();
    const active = () => document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.querySelector('.lk-picker-name')?.textContent;
    await expect(active()).toBe('Truck'); // starts on the current value
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(active()).toBe('Pedestrian'); // Bus, then over the "Person" header
    await userEvent.keyboard('{End}');
    await expect(active()).toBe('Traffic light'); // weather tags are not offered for boxes
    await userEvent.keyboard('{Enter}');
    await expect(args.onCommit).toHaveBeenLastCalledWith('traffic-light');
    await userEvent.keyboard('5');
    await expect(args.onCommit).toHaveBeenLastCalledWith('cyclist');
    await userEvent.keyboard('{Escape}');
    await expect(args.onCancel).toHaveBeenCalledOnce();
  },
};

/** Tags of an exclusive group ("pick one"), in the dark theme. */
export const DarkTheme: Story = {
  args: { kind: 'tag', 'aria-label': 'Weather' },
  globals: { theme: 'dark' },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(getComputedStyle(canvasElement.querySelector('.lk-root')!).getPropertyValue('--lk-surface').trim()).toBe('#1b1e23');
    await expect(canvas.getByRole('option', { name: 'Fog' })).toHaveAccessibleDescription('In Weather, pick one');
    await userEvent.click(canvas.getByRole('combobox'));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await expect(args.onChange).toHaveBeenCalledWith('fog');
  },
};

/** 1,000 labels: only the rows in view are rendered; search and End stay instant. */
export const ThousandLabels: Story = {
  args: { schema: thousandLabelSchema, 'aria-label': 'Product' },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const list = canvas.getByRole('listbox');
    await expect(list.querySelectorAll('.lk-picker-row').length).toBeLessThan(60);
    await userEvent.click(canvas.getByRole('combobox'));
    await userEvent.keyboard('{End}');
    await expect(canvas.getByRole('option', { name: 'Product 49.18' })).toHaveAttribute('data-active', 'true');
    await expect(list.scrollTop).toBeGreaterThan(30000);
    await userEvent.keyboard('product 33.4{Enter}');
    await expect(args.onCommit).toHaveBeenCalledWith('dept-33-item-4');
  },
};
