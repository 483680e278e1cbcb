/** labelkit's shared theme: tokens, the base stylesheet and the component that renders it. */
export { LIGHT_COLORS, DARK_COLORS, SIZE_TOKENS, cssVar, type ColorTokenName, type ColorTokens } from './tokens.js';
export { LABELKIT_CSS, lkClass, PICKER_ROW_HEIGHT } from './styles.js';
export { LabelkitStyles, LABELKIT_STYLE_HREF } from './LabelkitStyles.js';
export { useStyleSheet } from './use-style-sheet.js';
export { contrastRatio, relativeLuminance, parseHexColor, readableTextColor } from './contrast.js';
