import { DARK_COLORS, LIGHT_COLORS, SIZE_TOKENS, type ColorTokens } from './tokens.js';

/**
 * Class names of labelkit's shared styles. Annotators and hosts reuse them for a consistent look:
 * put `root` on the outermost element of a widget (it scopes the `--lk-*` variables and the theme),
 * `panel` on a surface with a border, `toolbar` on a row of `button`s, and so on.
 */
export const lkClass = {
  /** Scopes the `--lk-*` variables, font and text colour; theme follows `data-labelkit-theme` or the OS. */
  root: 'lk-root',
  /** A bordered surface with padding and the theme's background. */
  panel: 'lk-panel',
  /** A wrapping row of controls. */
  toolbar: 'lk-toolbar',
  /** A thin vertical divider inside a toolbar. */
  toolbarSeparator: 'lk-toolbar-separator',
  /** A button; `aria-pressed="true"` shows it as a pressed toggle. */
  button: 'lk-button',
  /** Modifier of `button`: the main action (filled with the accent colour). */
  buttonPrimary: 'lk-button--primary',
  /** Modifier of `button`: a destructive action. */
  buttonDanger: 'lk-button--danger',
  /** A keyboard key, e.g. a hotkey hint. */
  kbd: 'lk-kbd',
  /** Visually hidden, still read by screen readers. */
  srOnly: 'lk-sr-only',
  /** A small rounded tag, e.g. a count or a score. */
  badge: 'lk-badge',
  /** Modifier of `badge`: marks something as a model suggestion. */
  badgeSuggestion: 'lk-badge--suggestion',
  /** A text/number input or a select; `aria-invalid="true"` shows the error border. */
  input: 'lk-input',
} as const;

/** Row height of the label picker's list, in CSS pixels; fixed so that long lists can be windowed. */
export const PICKER_ROW_HEIGHT = 32;

const declarations = (colors: ColorTokens): string =>
  Object.entries(colors)
    .map(([k, v]) => `--lk-${k}:${v};`)
    .join('');

const sizes = Object.entries(SIZE_TOKENS)
  .map(([k, v]) => `--lk-${k}:${v};`)
  .join('');

const light = `${declarations(LIGHT_COLORS)}color-scheme:light;`;
const dark = `${declarations(DARK_COLORS)}color-scheme:dark;`;

// Every theme selector sits in :where() (specificity 0), so the last matching rule wins and hosts can
// override any token with a plain `.lk-root { --lk-accent: … }`. Order: OS preference, then an explicit
// ancestor/own `data-labelkit-theme`, then "light inside dark" so the nearer of two nested themes wins.
const themeCss = `
:where(.lk-root){${sizes}${light}font-family:var(--lk-font-family);font-size:var(--lk-font-size);line-height:var(--lk-line-height);color:var(--lk-text);}
@media (prefers-color-scheme: dark){:where(.lk-root){${dark}}}
:where([data-labelkit-theme="light"] .lk-root,.lk-root[data-labelkit-theme="light"]){${light}}
:where([data-labelkit-theme="dark"] .lk-root,.lk-root[data-labelkit-theme="dark"]){${dark}}
:where([data-labelkit-theme="dark"] [data-labelkit-theme="light"] .lk-root,[data-labelkit-theme="dark"] .lk-root[data-labelkit-theme="light"]){${light}}
`;

const baseCss = `
.lk-root *,.lk-root *::before,.lk-root *::after{box-sizing:border-box;}
.lk-root :focus-visible,.lk-root:focus-visible{outline:var(--lk-focus-ring-width) solid var(--lk-focus-ring);outline-offset:2px;}
.lk-root input[type="checkbox"],.lk-root input[type="radio"]{accent-color:var(--lk-accent);width:16px;height:16px;margin:0;}
.lk-sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0;}
.lk-panel{background:var(--lk-surface);color:var(--lk-text);border:1px solid var(--lk-border);border-radius:var(--lk-radius);padding:var(--lk-space-3);}
.lk-toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:var(--lk-space-2);}
.lk-toolbar-separator{width:1px;align-self:stretch;background:var(--lk-border);}
.lk-button{appearance:none;display:inline-flex;align-items:center;gap:var(--lk-space-1);min-height:28px;padding:var(--lk-space-1) var(--lk-space-3);font:inherit;color:var(--lk-text);background:var(--lk-surface-raised);border:1px solid var(--lk-border-strong);border-radius:var(--lk-radius-sm);cursor:pointer;white-space:nowrap;}
.lk-button:hover:not(:disabled){background:var(--lk-surface-hover);}
.lk-button[aria-pressed="true"]{background:var(--lk-accent-soft);border-color:var(--lk-accent);box-shadow:inset 0 0 0 1px var(--lk-accent);}
.lk-button--primary,.lk-button--primary:hover:not(:disabled){background:var(--lk-accent);border-color:var(--lk-accent);color:var(--lk-accent-text);}
.lk-button--danger{color:var(--lk-danger);border-color:var(--lk-danger);}
.lk-button:disabled{opacity:.5;cursor:not-allowed;}
.lk-kbd{display:inline-block;min-width:1.6em;padding:0 var(--lk-space-1);font-family:var(--lk-font-family-mono);font-size:var(--lk-font-size-sm);line-height:1.5;text-align:center;color:var(--lk-text);background:var(--lk-surface-raised);border:1px solid var(--lk-border-strong);border-bottom-width:2px;border-radius:var(--lk-radius-sm);}
.lk-badge{display:inline-block;padding:0 var(--lk-space-2);font-size:var(--lk-font-size-sm);line-height:1.6;color:var(--lk-text);background:var(--lk-surface-hover);border:1px solid var(--lk-border);border-radius:999px;white-space:nowrap;}
.lk-badge--suggestion{background:var(--lk-suggestion-soft);border-color:var(--lk-suggestion);}
.lk-input{min-height:28px;padding:var(--lk-space-1) var(--lk-space-2);font:inherit;color:var(--lk-text);background:var(--lk-surface);border:1px solid var(--lk-border-strong);border-radius:var(--lk-radius-sm);}
.lk-field>.lk-input{max-width:100%;}
.lk-input::placeholder{color:var(--lk-text-muted);opacity:1;}
.lk-input[aria-invalid="true"]{border-color:var(--lk-danger);box-shadow:inset 0 0 0 1px var(--lk-danger);}
.lk-input:disabled{opacity:.6;}
`;

const pickerCss = `
.lk-picker{display:flex;flex-direction:column;gap:var(--lk-space-2);min-width:240px;}
.lk-picker-search{width:100%;}
.lk-picker-list{position:relative;overflow-y:auto;margin:0;padding:0;background:var(--lk-surface);border:1px solid var(--lk-border);border-radius:var(--lk-radius-sm);}
.lk-picker-row{position:absolute;left:0;right:0;height:${PICKER_ROW_HEIGHT}px;display:flex;align-items:center;gap:var(--lk-space-2);padding-right:var(--lk-space-2);white-space:nowrap;overflow:hidden;}
.lk-picker-option{cursor:pointer;}
.lk-picker-option[data-active="true"]{background:var(--lk-accent-soft);box-shadow:inset 3px 0 0 var(--lk-accent);}
.lk-picker-option[aria-selected="true"] .lk-picker-name{font-weight:600;}
.lk-picker-check{flex:none;width:1em;color:var(--lk-accent);font-weight:700;}
.lk-picker-header{font-size:var(--lk-font-size-sm);font-weight:600;color:var(--lk-text-muted);}
.lk-picker-swatch{flex:none;width:12px;height:12px;border-radius:3px;box-shadow:inset 0 0 0 1px rgba(0,0,0,.3);}
.lk-picker-name{flex:0 1 auto;min-width:0;overflow:hidden;text-overflow:ellipsis;}
.lk-picker-desc{flex:1 1 0;min-width:0;overflow:hidden;text-overflow:ellipsis;color:var(--lk-text-muted);font-size:var(--lk-font-size-sm);}
.lk-picker-hotkey{flex:none;margin-left:auto;}
.lk-picker-status{margin:0;font-size:var(--lk-font-size-sm);color:var(--lk-text-muted);}
`;

const attributeCss = `
.lk-attr-editor{display:flex;flex-direction:column;gap:var(--lk-space-3);}
.lk-field{display:flex;flex-direction:column;align-items:flex-start;gap:var(--lk-space-1);min-width:0;margin:0;padding:0;border:0;}
.lk-field-label{font-weight:600;padding:0;}
.lk-field-inline{display:flex;flex-direction:row;align-items:center;gap:var(--lk-space-2);}
.lk-field-required{color:var(--lk-danger);margin-left:2px;}
.lk-field-help{margin:0;font-size:var(--lk-font-size-sm);color:var(--lk-text-muted);}
.lk-field-error{margin:0;font-size:var(--lk-font-size-sm);color:var(--lk-danger);}
.lk-field-choices{display:flex;flex-wrap:wrap;gap:var(--lk-space-1) var(--lk-space-3);}
.lk-choice{display:inline-flex;align-items:center;gap:var(--lk-space-1);cursor:pointer;}
.lk-attr-empty{margin:0;color:var(--lk-text-muted);}
`;

const suggestionCss = `
.lk-suggestion-bar{border-color:var(--lk-suggestion);padding:var(--lk-space-2);}
.lk-suggestion-count{font-weight:600;}
.lk-suggestion-current{color:var(--lk-text-muted);font-size:var(--lk-font-size-sm);}
.lk-suggestion-threshold{width:5.5em;}
.lk-suggestion-threshold-label{display:inline-flex;align-items:center;gap:var(--lk-space-1);}
`;

const reviewCss = `
.lk-review-panel{display:flex;flex-direction:column;gap:var(--lk-space-3);min-width:280px;}
.lk-review-labellers{display:flex;flex-direction:column;gap:var(--lk-space-1);margin:0;padding:0;list-style:none;}
.lk-review-labeller{display:flex;align-items:center;gap:var(--lk-space-2);}
.lk-review-side{font-family:var(--lk-font-family-mono);font-weight:700;}
.lk-review-swatch{display:inline-block;flex:none;width:12px;height:12px;margin-right:var(--lk-space-1);border-radius:3px;box-shadow:inset 0 0 0 1px rgba(0,0,0,.3);vertical-align:middle;}
.lk-review-name{font-weight:600;}
.lk-review-count,.lk-review-progress{color:var(--lk-text-muted);font-size:var(--lk-font-size-sm);}
.lk-review-scores{display:flex;flex-wrap:wrap;gap:var(--lk-space-3);margin:0;}
.lk-review-scores dt{font-size:var(--lk-font-size-sm);color:var(--lk-text-muted);}
.lk-review-scores dd{margin:0;font-weight:600;}
.lk-review-list-header{display:flex;justify-content:space-between;align-items:baseline;gap:var(--lk-space-2);}
.lk-review-list-title{font-weight:600;}
.lk-review-list{max-height:320px;overflow-y:auto;border:1px solid var(--lk-border);border-radius:var(--lk-radius-sm);}
.lk-review-conflict{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 var(--lk-space-2);padding:var(--lk-space-1) var(--lk-space-2);cursor:pointer;border-bottom:1px solid var(--lk-border);}
.lk-review-conflict:last-child{border-bottom:0;}
.lk-review-conflict[aria-selected="true"]{background:var(--lk-accent-soft);box-shadow:inset 3px 0 0 var(--lk-accent);}
.lk-review-list:focus-visible .lk-review-conflict[aria-selected="true"]{outline:var(--lk-focus-ring-width) solid var(--lk-focus-ring);outline-offset:-2px;}
.lk-review-conflict-title{font-weight:600;}
.lk-review-conflict[data-type="missing"] .lk-review-conflict-title,.lk-review-conflict[data-type="extra"] .lk-review-conflict-title{color:var(--lk-danger);}
.lk-review-conflict-detail{color:var(--lk-text-muted);font-size:var(--lk-font-size-sm);}
.lk-review-conflict[data-decision] .lk-review-conflict-title{text-decoration:line-through;}
.lk-review-decision{margin-left:auto;background:var(--lk-success-soft);border-color:var(--lk-success);}
.lk-agreement-table{border-collapse:collapse;font-variant-numeric:tabular-nums;}
.lk-agreement-caption{text-align:left;font-weight:600;padding-bottom:var(--lk-space-2);}
.lk-agreement-table th,.lk-agreement-table td{padding:var(--lk-space-1) var(--lk-space-2);border-bottom:1px solid var(--lk-border);text-align:right;}
.lk-agreement-table th[scope="row"],.lk-agreement-table thead th:first-child{text-align:left;}
.lk-agreement-table thead th{font-size:var(--lk-font-size-sm);color:var(--lk-text-muted);}
.lk-agreement-table tfoot th,.lk-agreement-table tfoot td{font-weight:600;border-bottom:0;}
.lk-agreement-empty{color:var(--lk-text-muted);text-align:left;}
`;

/**
 * labelkit's base stylesheet: theme tokens (`--lk-*`, light and dark) and the styles of the shared classes
 * ({@link lkClass}) and widgets. Rendered by `<LabelkitStyles />`; exported for hosts that prefer to
 * inject CSS themselves (e.g. into a shadow root).
 */
export const LABELKIT_CSS: string = (themeCss + baseCss + pickerCss + attributeCss + suggestionCss + reviewCss).trim();
