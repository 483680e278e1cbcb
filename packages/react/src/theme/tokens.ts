/**
 * Design tokens of labelkit's shared styles, as CSS custom properties (`--lk-*`). Light and dark values
 * live here, once; `styles.ts` turns them into CSS and `tokens.test.ts` checks their contrast.
 */

/** Names of the colour tokens that change between light and dark themes. */
export type ColorTokenName =
  | 'surface'
  | 'surface-raised'
  | 'surface-hover'
  | 'text'
  | 'text-muted'
  | 'border'
  | 'border-strong'
  | 'accent'
  | 'accent-text'
  | 'accent-soft'
  | 'focus-ring'
  | 'danger'
  | 'danger-soft'
  | 'success'
  | 'success-soft'
  | 'suggestion'
  | 'suggestion-soft';

/** One theme: a hex colour (`#rrggbb`) per colour token. */
export type ColorTokens = Readonly<Record<ColorTokenName, string>>;

/** Light theme colours: text pairs meet WCAG AA (4.5:1), borders of inputs 3:1. */
export const LIGHT_COLORS: ColorTokens = {
  surface: '#ffffff',
  'surface-raised': '#f6f8fa',
  'surface-hover': '#eef1f4',
  text: '#1b1f24',
  'text-muted': '#57606a',
  border: '#d0d7de',
  'border-strong': '#6e7781',
  accent: '#0b5cd5',
  'accent-text': '#ffffff',
  'accent-soft': '#dde9fc',
  'focus-ring': '#0b5cd5',
  danger: '#b42318',
  'danger-soft': '#fde8e6',
  success: '#1a7f37',
  'success-soft': '#e3f5e8',
  suggestion: '#7a3fd1',
  'suggestion-soft': '#f0e8fc',
};

/** Dark theme colours, same guarantees as {@link LIGHT_COLORS}. */
export const DARK_COLORS: ColorTokens = {
  surface: '#1b1e23',
  'surface-raised': '#23272e',
  'surface-hover': '#2c313a',
  text: '#e6e8eb',
  'text-muted': '#a3acb7',
  border: '#3b424c',
  'border-strong': '#8b949e',
  accent: '#77adff',
  'accent-text': '#0b1220',
  'accent-soft': '#1e3558',
  'focus-ring': '#77adff',
  danger: '#ff8f85',
  'danger-soft': '#44201e',
  success: '#5fd57a',
  'success-soft': '#173322',
  suggestion: '#c7a4ff',
  'suggestion-soft': '#33264a',
};

/** Tokens that are the same in both themes: type scale, spacing, radii, row height. */
export const SIZE_TOKENS = {
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  'font-family-mono': 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  'font-size-sm': '12px',
  'font-size': '14px',
  'font-size-lg': '16px',
  'line-height': '1.4',
  'space-1': '4px',
  'space-2': '8px',
  'space-3': '12px',
  'space-4': '16px',
  radius: '6px',
  'radius-sm': '4px',
  'focus-ring-width': '2px',
} as const satisfies Record<string, string>;

/** The CSS variable for a token name, e.g. `cssVar('accent')` → `var(--lk-accent)`. */
export function cssVar(name: ColorTokenName | keyof typeof SIZE_TOKENS): string {
  return `var(--lk-${name})`;
}
