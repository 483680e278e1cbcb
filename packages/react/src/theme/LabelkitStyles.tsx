import { LABELKIT_CSS } from './styles.js';
import { useStyleSheet } from './use-style-sheet.js';

/** The id of labelkit's base stylesheet in `<head>` (`<style data-labelkit-style="labelkit-base">`). */
export const LABELKIT_STYLE_HREF = 'labelkit-base';

/**
 * Puts labelkit's base stylesheet ({@link LABELKIT_CSS}) into `<head>`, one copy however many widgets
 * render it (React 18 and 19), so every labelkit widget renders it itself and hosts need no CSS import.
 * Renders nothing where it stands.
 */
export function LabelkitStyles(): null {
  useStyleSheet(LABELKIT_STYLE_HREF, LABELKIT_CSS, 0);
  return null;
}
