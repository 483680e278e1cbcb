import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast.js';
import { LABELKIT_CSS } from './styles.js';
import { DARK_COLORS, LIGHT_COLORS, SIZE_TOKENS, type ColorTokenName, type ColorTokens } from './tokens.js';

// [foreground, background, minimum ratio]: every text colour on every surface it is drawn on (WCAG AA
// 4.5:1), and non-text UI (input borders, focus ring) at 3:1.
const PAIRS: [ColorTokenName, ColorTokenName, number][] = [
  ...(['surface', 'surface-raised', 'surface-hover', 'accent-soft', 'suggestion-soft', 'danger-soft', 'success-soft'] as const).map(
    (bg): [ColorTokenName, ColorTokenName, number] => ['text', bg, 4.5],
  ),
  ...(['surface', 'surface-raised', 'surface-hover', 'accent-soft'] as const).map(
    (bg): [ColorTokenName, ColorTokenName, number] => ['text-muted', bg, 4.5],
  ),
  ['accent-text', 'accent', 4.5],
  ['accent', 'surface', 4.5],
  ['accent', 'accent-soft', 3],
  ['danger', 'surface', 4.5],
  ['danger', 'surface-raised', 4.5],
  ['danger', 'surface-hover', 4.5],
  ['success', 'surface', 4.5],
  ['suggestion', 'surface', 3],
  ['border-strong', 'surface', 3],
  ['focus-ring', 'surface', 3],
  ['focus-ring', 'surface-raised', 3],
];

describe.each([
  ['light', LIGHT_COLORS],
  ['dark', DARK_COLORS],
] as [string, ColorTokens][])('%s theme', (_name, colors) => {
  it.each(PAIRS)('%s on %s reaches %s:1', (fg, bg, min) => {
    expect(contrastRatio(colors[fg], colors[bg])).toBeGreaterThanOrEqual(min);
  });
});

describe('LABELKIT_CSS', () => {
  it('declares every token for both themes', () => {
    for (const [k, v] of Object.entries(LIGHT_COLORS)) expect(LABELKIT_CSS).toContain(`--lk-${k}:${v};`);
    for (const [k, v] of Object.entries(DARK_COLORS)) expect(LABELKIT_CSS).toContain(`--lk-${k}:${v};`);
    for (const k of Object.keys(SIZE_TOKENS)) expect(LABELKIT_CSS).toContain(`--lk-${k}:`);
  });

  it('uses only variables it declares (a typo would silently fall back)', () => {
    const declared = new Set([...LABELKIT_CSS.matchAll(/(--lk-[a-z0-9-]+):/g)].map((m) => m[1]));
    const used = new Set([...LABELKIT_CSS.matchAll(/var\((--lk-[a-z0-9-]+)/g)].map((m) => m[1]));
    expect([...used].filter((u) => !declared.has(u))).toEqual([]);
  });

  it('switches to dark by attribute and by OS preference, and keeps braces balanced', () => {
    expect(LABELKIT_CSS).toMatch(/\[data-labelkit-theme="dark"\] \.lk-root/);
    expect(LABELKIT_CSS).toMatch(/@media \(prefers-color-scheme: dark\)\{:where\(\.lk-root\)\{[^}]*--lk-surface:#1b1e23;/);
    expect(LABELKIT_CSS.split('{').length).toBe(LABELKIT_CSS.split('}').length);
  });

  it('gives the shared classes and a visible focus ring', () => {
    for (const cls of ['lk-root', 'lk-panel', 'lk-toolbar', 'lk-button', 'lk-kbd', 'lk-sr-only', 'lk-badge', 'lk-input']) {
      expect(LABELKIT_CSS).toMatch(new RegExp(`\\.${cls}[\\s{:,.\\[)]`));
    }
    expect(LABELKIT_CSS).toMatch(/:focus-visible[^{]*\{outline:var\(--lk-focus-ring-width\) solid var\(--lk-focus-ring\)/);
    expect(LABELKIT_CSS).toContain('.lk-button[aria-pressed="true"]');
  });
});
