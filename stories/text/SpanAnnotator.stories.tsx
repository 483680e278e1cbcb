import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { defineSchema, sliceCodePoints, type Annotation, type SpanAnnotation } from '@labelkit/core';
import { SpanAnnotator } from '@labelkit/text';
import { NEWS_ARTICLE } from './news-article.js';
import { generateBigDocument } from './big-document.js';

const nerSchema = defineSchema({
  labels: [
    { id: 'person', name: 'Person', color: '#c2185b', hotkey: '1', kinds: ['span'] },
    {
      id: 'org',
      name: 'Organisation',
      color: '#1565c0',
      hotkey: '2',
      kinds: ['span'],
      attributes: [{ id: 'kb', name: 'Knowledge-base id', type: 'text', description: 'e.g. a Wikidata id, to tell Apple the company from the fruit' }],
    },
    { id: 'loc', name: 'Location', color: '#2e7d32', hotkey: '3', kinds: ['span'] },
    { id: 'date', name: 'Date', color: '#ef6c00', hotkey: '4', kinds: ['span'] },
    { id: 'misc', name: 'Misc', color: '#6a1b9a', hotkey: '5', kinds: ['span'] },
  ],
});

/** A span over the first occurrence of `needle` (after `from` code points) in `text`. */
function spanOf(text: string, needle: string, label: string, id: string, extra: Partial<SpanAnnotation> = {}, from = 0): SpanAnnotation {
  const chars = [...text];
  const n = [...needle];
  for (let i = from; i + n.length <= chars.length; i++) {
    if (chars.slice(i, i + n.length).join('') === needle) return { id, kind: 'span', label, start: i, end: i + n.length, text: needle, ...extra };
  }
  throw new Error(`"${needle}" not in text`);
}

const newsSpans: Annotation[] = [
  spanOf(NEWS_ARTICLE, 'LONDON', 'loc', 'n1'),
  spanOf(NEWS_ARTICLE, '3 March', 'date', 'n2'),
  spanOf(NEWS_ARTICLE, 'Bank of England', 'org', 'n3', { attributes: { kb: 'Q183350' } }),
  spanOf(NEWS_ARTICLE, 'England', 'loc', 'n4'),
  spanOf(NEWS_ARTICLE, 'Apple', 'org', 'n5', { attributes: { kb: 'Q312' } }),
  spanOf(NEWS_ARTICLE, 'Andrew Bailey', 'person', 'n6'),
];

const meta = {
  title: 'Text/SpanAnnotator',
  component: SpanAnnotator,
  args: {
    schema: nerSchema,
    text: NEWS_ARTICLE,
    onChange: fn(),
    onSelectionChange: fn(),
    onSuggestionDecision: fn(),
    onActiveLabelChange: fn(),
    'aria-label': 'News article',
  },
} satisfies Meta<typeof SpanAnnotator>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The annotator's focusable text surface. */
const surfaceOf = (canvas: HTMLElement) => within(canvas).getByRole('application');
const lastValue = (spy: unknown) => (spy as { mock: { lastCall?: [Annotation[]] } }).mock.lastCall?.[0] ?? [];

/** NER on a news article, with a nested span (Bank of England ⊃ England) and knowledge-base ids. */
export const NewsArticle: Story = {
  args: { defaultValue: newsSpans },
  play: async ({ canvasElement, args }) => {
    const surface = surfaceOf(canvasElement);
    surface.focus();
    // Keyboard only: caret to the start of "Thursday", select the word, press the Date hotkey.
    const thursday = spanOf(NEWS_ARTICLE, 'Thursday', 'date', 'x');
    await userEvent.keyboard('{Home}');
    for (let i = 0; i < thursday.start; i++) await userEvent.keyboard('{ArrowRight}');
    await userEvent.keyboard('{Control>}{Shift>}{ArrowRight}{/Shift}{/Control}4');
    await waitFor(() => expect(lastValue(args.onChange).at(-1)).toMatchObject({ label: 'date', start: thursday.start, end: thursday.end, text: 'Thursday' }));
    // Tab walks spans in reading order, nested ones included.
    await userEvent.keyboard('{Escape}{Home}{Tab}{Tab}{Tab}');
    await waitFor(() => expect(args.onSelectionChange).toHaveBeenLastCalledWith(['n3']));
    await userEvent.keyboard('{Tab}');
    await waitFor(() => expect(args.onSelectionChange).toHaveBeenLastCalledWith(['n4']));
    await expect(within(canvasElement).getByRole('region', { name: 'Selected span' })).toHaveTextContent('England');
  },
};

const MIXED = `👨🏻‍🚒 firemen drive firetrucks in 🇯🇵 Tokyo.\r\n東京都の消防士は毎日訓練しています。\nقال أحمد إن القاهرة مدينة جميلة.\nשלום ירושלים\tand Café Zürich (e\u0301 kept intact).`;

/** Emoji ZWJ sequences, flags, CJK word snapping, Arabic and Hebrew paragraphs that read right to left, CRLF and a tab. */
export const MixedScripts: Story = {
  args: { text: MIXED, snap: 'word', 'aria-label': 'Mixed-script text', defaultValue: [spanOf(MIXED, 'القاهرة', 'loc', 'm1'), spanOf(MIXED, 'ירושלים', 'loc', 'm2')] },
  play: async ({ canvasElement, args }) => {
    const surface = surfaceOf(canvasElement);
    const paras = [...canvasElement.querySelectorAll('.lk-text-para')];
    await expect(paras.map((p) => p.textContent).join('')).toBe(MIXED);
    await expect(getComputedStyle(paras[2] as Element).direction).toBe('rtl');
    surface.focus();
    // "firetrucks" by keyboard: Ctrl+ArrowRight three times lands after it; Ctrl+Shift+ArrowLeft selects it.
    await userEvent.keyboard('{Home}{Control>}{ArrowRight}{ArrowRight}{ArrowRight}{Shift>}{ArrowLeft}{/Shift}{/Control}3');
    await waitFor(() => expect(lastValue(args.onChange).at(-1)).toMatchObject({ start: 19, end: 29, text: 'firetrucks' }));
    // Word snapping in Japanese: one Shift+ArrowRight inside 東京都 grows to the whole word.
    await userEvent.keyboard('{ArrowDown}{Shift>}{ArrowRight}{/Shift}3');
    await waitFor(() => {
      const s = lastValue(args.onChange).at(-1) as SpanAnnotation;
      expect(s.text.startsWith('東京')).toBe(true);
      expect(sliceCodePoints(MIXED, s.start, s.end)).toBe(s.text);
    });
  },
};

const big = generateBigDocument();

/** The benchmark's ~1 MB document (about 190,000 words) with 10,000 spans, virtualised. */
export const MegabyteDocument: Story = {
  args: { text: big.text, defaultValue: big.spans, 'aria-label': 'One-megabyte document', height: 520 },
  play: async ({ canvasElement, args }) => {
    const paras = canvasElement.querySelectorAll('.lk-text-para');
    await expect(paras.length).toBeLessThan(80);
    const surface = surfaceOf(canvasElement);
    surface.focus();
    await userEvent.keyboard('{Home}{Control>}{Shift>}{ArrowRight}{/Shift}{/Control}5');
    await waitFor(() => {
      const added = lastValue(args.onChange).at(-1) as SpanAnnotation;
      expect(added).toMatchObject({ label: 'misc', start: 0 });
      expect(sliceCodePoints(big.text.slice(0, 200), added.start, added.end)).toBe(added.text);
    });
    await expect(lastValue(args.onChange)).toHaveLength(big.spans.length + 1);
  },
};

const suggestionText = 'Angela Merkel met Emmanuel Macron in Paris on Tuesday to discuss the Airbus contract.';
const suggestions: Annotation[] = [
  spanOf(suggestionText, 'Angela Merkel', 'person', 'g1', { score: 0.97, source: 'model' }),
  spanOf(suggestionText, 'Emmanuel Macron', 'person', 'g2', { score: 0.93, source: 'model' }),
  spanOf(suggestionText, 'Paris', 'loc', 'g3', { score: 0.88, source: 'model' }),
  spanOf(suggestionText, 'Tuesday', 'date', 'g4', { score: 0.41, source: 'model' }),
  spanOf(suggestionText, 'Airbus', 'misc', 'g5', { score: 0.35, source: 'model' }),
];

/** Model pre-labels drawn dashed with their score, with the suggestion bar: walk with N, accept with Enter, reject with Shift+Delete (Mod+Z undoes it), "Accept ≥ 0.80" from the bar, Mod+Shift+Enter accepts all pending. */
export const SuggestionsReview: Story = {
  args: { text: suggestionText, suggestions, suggestionThreshold: 0.8, 'aria-label': 'Sentence with model suggestions' },
  play: async ({ canvasElement, args }) => {
    const surface = surfaceOf(canvasElement);
    await expect(canvasElement.querySelector('[data-lk-end="0.97"]')).not.toBeNull();
    surface.focus();
    await userEvent.keyboard('{Shift>}n{/Shift}'); // last in reading order: Airbus
    await userEvent.keyboard('{Shift>}{Delete}{/Shift}');
    await waitFor(() => expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'g5', decision: 'rejected' }));
    await expect(canvasElement.querySelector('[data-lk-end="0.35"]')).toBeNull();
    // A rejection is undoable: Mod+Z puts Airbus back in review, Mod+Shift+Z rejects it again.
    await userEvent.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'g5', decision: 'undone' }));
    await waitFor(() => expect(canvasElement.querySelector('[data-lk-end="0.35"]')).not.toBeNull());
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'g5', decision: 'rejected' }));
    // The suggestion bar's "Accept ≥ 0.80" (suggestionThreshold) takes the three scored that high.
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Accept ≥ 0.80 (3)' }));
    await waitFor(() => expect(lastValue(args.onChange).map((a) => a.id).sort()).toEqual(['g1', 'g2', 'g3']));
    surface.focus();
    await userEvent.keyboard('n{Enter}');
    await waitFor(() => expect(args.onSuggestionDecision).toHaveBeenLastCalledWith({ id: 'g4', decision: 'accepted' }));
    await waitFor(() => expect(within(canvasElement).getByRole('group', { name: 'Suggestions' }).textContent).toContain('0 of 5 pending'));
  },
};

const nestedText = 'The University of California Berkeley School of Law Library Reading Room opened today.';
const nestedWords = ['The University of California Berkeley School of Law Library Reading Room', 'University of California Berkeley School of Law Library Reading Room', 'University of California Berkeley School of Law Library', 'University of California Berkeley School of Law', 'University of California Berkeley', 'University of California', 'California Berkeley', 'California'];
/** Eight nested spans stay legible as stacked underlines; click again on "California" to reach the next one under it. */
export const NestedEightDeep: Story = {
  args: {
    text: nestedText,
    'aria-label': 'Deeply nested entities',
    defaultValue: nestedWords.map((w, i) => spanOf(nestedText, w, ['org', 'loc', 'misc', 'person'][i % 4] as string, `d${i}`)),
  },
  play: async ({ canvasElement, args }) => {
    const frag = [...canvasElement.querySelectorAll<HTMLElement>('.lk-text-frag')].find((f) => f.textContent === 'California')!;
    const underlines = frag.style.backgroundPosition.split(',').map((s) => s.trim()).filter((p) => !/^0(px)? 0(px)?$/.test(p));
    await expect(new Set(underlines).size).toBe(8);
    await userEvent.click(frag);
    await waitFor(() => expect(args.onSelectionChange).toHaveBeenLastCalledWith(['d7']));
    await userEvent.click(frag);
    await waitFor(() => expect(args.onSelectionChange).toHaveBeenLastCalledWith(['d6']));
  },
};

/** Read-only review look: label names at span ends, no handles, no edits. */
export const ReadOnlyReview: Story = {
  args: { defaultValue: newsSpans, readOnly: true, appearance: 'review', 'aria-label': 'Reviewed news article' },
  play: async ({ canvasElement, args }) => {
    await expect(canvasElement.querySelector('[data-lk-end="Organisation"]')).not.toBeNull();
    const surface = surfaceOf(canvasElement);
    surface.focus();
    await userEvent.keyboard('{Home}{Control>}{Shift>}{ArrowRight}{/Shift}{/Control}1{Home}{Tab}{Delete}');
    await expect(args.onChange).not.toHaveBeenCalled();
    await waitFor(() => expect(args.onSelectionChange).toHaveBeenLastCalledWith(['n1']));
  },
};
