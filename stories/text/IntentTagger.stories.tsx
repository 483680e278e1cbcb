import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { defineSchema, sliceCodePoints, type Annotation, type TagAnnotation } from '@labelkit/core';
import { IntentTagger, joinTurns } from '@labelkit/text';

const supportSchema = defineSchema({
  labels: [
    { id: 'account', name: 'Account', selectable: false, exclusive: true, description: 'One account intent per turn' },
    { id: 'reset_password', name: 'Reset password', parent: 'account', hotkey: 'r', kinds: ['tag'] },
    { id: 'close_account', name: 'Close account', parent: 'account', hotkey: 'c', kinds: ['tag'] },
    { id: 'travel', name: 'Travel', selectable: false },
    { id: 'book_flight', name: 'Book flight', parent: 'travel', hotkey: 'b', kinds: ['tag'] },
    { id: 'change_flight', name: 'Change flight', parent: 'travel', kinds: ['tag'] },
    { id: 'greeting', name: 'Greeting', hotkey: 'g', kinds: ['tag'] },
    { id: 'thanks', name: 'Thanks', hotkey: 't', kinds: ['tag'] },
    { id: 'destination', name: 'Destination', color: '#2e7d32', hotkey: 'd', kinds: ['span'] },
    { id: 'date', name: 'Date', color: '#ef6c00', hotkey: 'w', kinds: ['span'] },
  ],
});

const chat = [
  { speaker: 'Customer', text: 'Hi! I need to book a flight to Lisbon 🇵🇹 next Friday.' },
  { speaker: 'Agent', text: 'Happy to help. From which airport?' },
  { speaker: 'Customer', text: 'From Berlin. Also I forgot my password 😅' },
  { speaker: 'Agent', text: 'I have sent a reset link to your e-mail.' },
  { speaker: 'Customer', text: 'Great, thank you!' },
];
const joined = joinTurns(chat);
const at = (turn: number, needle: string) => {
  const r = joined.ranges[turn]!;
  const i = [...r.text].join('').indexOf(needle);
  const start = r.start + [...r.text.slice(0, i)].length;
  return { start, end: start + [...needle].length };
};

const meta = {
  title: 'Text/IntentTagger',
  component: IntentTagger,
  args: { schema: supportSchema, onChange: fn(), onSuggestionDecision: fn(), onSelectionChange: fn(), onActiveLabelChange: fn() },
} satisfies Meta<typeof IntentTagger>;
export default meta;
type Story = StoryObj<typeof meta>;

const lastValue = (spy: unknown) => (spy as { mock: { lastCall?: [Annotation[]] } }).mock.lastCall?.[0] ?? [];

/** A support chat: intents per turn by hotkey or search, and slots (Lisbon → destination) from the keyboard. */
export const SupportChat: Story = {
  args: { turns: chat, scope: 'turn', 'aria-label': 'Support chat' },
  play: async ({ canvasElement, args }) => {
    const surface = within(canvasElement).getByRole('application');
    surface.focus();
    await userEvent.keyboard('g');
    await waitFor(() => expect(lastValue(args.onChange)).toEqual([expect.objectContaining({ kind: 'tag', label: 'greeting', ...joined.ranges[0] && { start: joined.ranges[0].start, end: joined.ranges[0].end } })]));
    // Intent by search: "/" then type, Enter.
    await userEvent.keyboard('/');
    await userEvent.keyboard('flight'); // no hotkey on 'f', so the letters go to the search box
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(lastValue(args.onChange).map((a) => a.label)).toEqual(['greeting', 'book_flight']));
    // Slot: caret from the end of the turn, word by word back to "Lisbon".
    await userEvent.keyboard('{ArrowLeft}{Control>}{ArrowLeft}{ArrowLeft}{ArrowLeft}{/Control}{Control>}{Shift>}{ArrowRight}{/Shift}{/Control}d');
    const lisbon = at(0, 'Lisbon');
    await waitFor(() => expect(lastValue(args.onChange).at(-1)).toMatchObject({ kind: 'span', label: 'destination', ...lisbon, text: 'Lisbon' }));
    await expect(sliceCodePoints(joined.text, lisbon.start, lisbon.end)).toBe('Lisbon');
    // Turn 3: two account intents are exclusive, the second replaces the first.
    await userEvent.keyboard('{ArrowDown}{ArrowDown}rc');
    await waitFor(() => {
      const third = lastValue(args.onChange).filter((a): a is TagAnnotation => a.kind === 'tag' && a.start === joined.ranges[2]!.start);
      expect(third.map((t) => t.label)).toEqual(['close_account']);
    });
  },
};

/** Model suggestions with confidence: intents and slots, reviewed from the keyboard. */
export const SuggestedIntents: Story = {
  args: {
    turns: chat,
    'aria-label': 'Support chat with suggestions',
    suggestions: [
      { id: 'i1', kind: 'tag', label: 'book_flight', ...joined.ranges[0] && { start: joined.ranges[0].start, end: joined.ranges[0].end }, score: 0.94, source: 'model' },
      { id: 'i2', kind: 'span', label: 'destination', ...at(0, 'Lisbon'), text: 'Lisbon', score: 0.9, source: 'model' },
      { id: 'i3', kind: 'tag', label: 'reset_password', start: joined.ranges[2]!.start, end: joined.ranges[2]!.end, score: 0.71, source: 'model' },
      { id: 'i4', kind: 'tag', label: 'thanks', start: joined.ranges[4]!.start, end: joined.ranges[4]!.end, score: 0.55, source: 'model' },
    ],
  },
  play: async ({ canvasElement, args }) => {
    within(canvasElement).getByRole('application').focus();
    await userEvent.keyboard('n{Enter}');
    await waitFor(() => expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'i1', decision: 'accepted' }));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'i2', decision: 'accepted' }));
    await userEvent.keyboard('{Shift>}{Delete}{/Shift}');
    await waitFor(() => expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'i3', decision: 'rejected' }));
    // A rejection is undoable: Mod+Z puts the suggested intent back in review, Mod+Shift+Z rejects it again.
    const chips = () => canvasElement.querySelectorAll('[data-suggested]').length;
    const before = chips();
    await userEvent.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'i3', decision: 'undone' }));
    await waitFor(() => expect(chips()).toBe(before + 1));
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'i3', decision: 'rejected' }));
    await waitFor(() => expect(chips()).toBe(before));
    await expect(lastValue(args.onChange).map((a) => a.id)).toEqual(['i1', 'i2']);
  },
};

const manySchema = defineSchema({
  labels: [
    ...Array.from({ length: 25 }, (_, g) => ({ id: `domain_${g}`, name: `Domain ${g + 1}`, selectable: false })),
    ...Array.from({ length: 1000 }, (_, i) => ({ id: `intent_${i}`, name: `${['Ask', 'Change', 'Cancel', 'Report', 'Check'][i % 5]} ${['order', 'delivery', 'invoice', 'plan', 'device', 'address', 'card', 'booking'][i % 8]} ${i}`, parent: `domain_${i % 25}`, kinds: ['tag' as const] })),
  ],
});

/** Sentence-level tagging with 1,000 hierarchical intents: type-to-search stays instant. */
export const ThousandIntents: Story = {
  args: { schema: manySchema, scope: 'sentence', text: 'My card was charged twice for the same order. Please cancel the second payment. Thanks!', 'aria-label': 'Customer e-mail' },
  play: async ({ canvasElement, args }) => {
    within(canvasElement).getByRole('application').focus();
    await userEvent.keyboard('{ArrowDown}/');
    const search = within(canvasElement).getByRole('combobox');
    await userEvent.type(search, 'cancel invoice 882');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(lastValue(args.onChange)).toEqual([expect.objectContaining({ label: 'intent_882', start: 46, end: 79 })]));
  },
};
