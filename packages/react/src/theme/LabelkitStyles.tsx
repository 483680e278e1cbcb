import { LABELKIT_CSS } from './styles.js';

/** The `href` React uses to deduplicate labelkit's stylesheet, however many widgets render it. */
export const LABELKIT_STYLE_HREF = 'labelkit-base';

/**
 * Renders labelkit's base stylesheet ({@link LABELKIT_CSS}). React 19 hoists it into `<head>` and keeps
 * one copy however many times it is rendered, so every labelkit widget renders it itself and hosts need
 * no CSS import. Hosts that render their own stylesheet may still place it once near the root.
 */
export function LabelkitStyles(): React.JSX.Element {
  return (
    <style href={LABELKIT_STYLE_HREF} precedence="default">
      {LABELKIT_CSS}
    </style>
  );
}
