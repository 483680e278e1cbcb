import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SuggestionBar } from './SuggestionBar.js';

const handlers = () => ({
  onAccept: vi.fn(),
  onReject: vi.fn(),
  onAcceptAll: vi.fn(),
  onRejectAll: vi.fn(),
  onAcceptAtOrAbove: vi.fn(),
  onNext: vi.fn(),
  onPrevious: vi.fn(),
});

describe('SuggestionBar', () => {
  it('shows counts and the current suggestion, and calls back on each button', async () => {
    const user = userEvent.setup();
    const h = handlers();
    render(<SuggestionBar pending={3} total={5} current={{ label: 'Car', score: 0.923, position: 1 }} {...h} hotkeys={{ accept: 'A', next: 'Mod+ArrowRight' }} />);
    expect(screen.getByRole('group', { name: 'Suggestions' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('3 of 5 pending');
    expect(screen.getByText('#1 · Car · score 0.92')).toBeTruthy();
    for (const [name, fn] of [
      ['Accept', h.onAccept],
      ['Reject', h.onReject],
      ['Accept all', h.onAcceptAll],
      ['Reject all', h.onRejectAll],
      ['Next', h.onNext],
      ['Previous', h.onPrevious],
    ] as const) {
      await user.click(screen.getByRole('button', { name }));
      expect(fn).toHaveBeenCalledOnce();
    }
    const accept = screen.getByRole('button', { name: 'Accept' });
    expect(accept.getAttribute('aria-keyshortcuts')).toBe('A');
    expect(screen.getByRole('button', { name: /^Next/ }).getAttribute('aria-keyshortcuts')).toMatch(/^(Control|Meta)\+ArrowRight$/);
  });

  it('accepts at or above a typed threshold with Enter, and refuses a bad one', async () => {
    const user = userEvent.setup();
    const h = handlers();
    const onThresholdChange = vi.fn();
    render(<SuggestionBar pending={4} {...h} countAtOrAbove={(t) => (t >= 0.9 ? 1 : 3)} onThresholdChange={onThresholdChange} />);
    const box = screen.getByLabelText('Min. score') as HTMLInputElement;
    expect(box.value).toBe('0.8');
    expect(screen.getByRole('button', { name: 'Accept ≥ 0.80 (3)' })).toBeTruthy();
    await user.clear(box);
    await user.type(box, '0.95{Enter}');
    expect(onThresholdChange).toHaveBeenLastCalledWith(0.95);
    expect(h.onAcceptAtOrAbove).toHaveBeenCalledExactlyOnceWith(0.95);
    expect(screen.getByRole('button', { name: 'Accept ≥ 0.95 (1)' })).toBeTruthy();
    await user.clear(box);
    await user.type(box, '1.5');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('button', { name: /^Accept ≥/ }) as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(h.onAcceptAtOrAbove).toHaveBeenCalledOnce();
  });

  it('disables actions when nothing is pending or nothing is current', () => {
    const h = handlers();
    const { rerender } = render(<SuggestionBar pending={2} {...h} />);
    expect((screen.getByRole('button', { name: 'Accept' }) as HTMLButtonElement).disabled).toBe(true); // no current
    expect((screen.getByRole('button', { name: 'Accept all' }) as HTMLButtonElement).disabled).toBe(false);
    rerender(<SuggestionBar pending={0} {...h} current={{ label: 'Car' }} />);
    for (const b of screen.getAllByRole('button')) expect((b as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('0 pending');
  });

  it('shows only the actions it is given', () => {
    render(<SuggestionBar pending={1} current={{}} onAccept={() => {}} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Accept']);
    expect(screen.queryByLabelText('Min. score')).toBeNull();
  });
});
