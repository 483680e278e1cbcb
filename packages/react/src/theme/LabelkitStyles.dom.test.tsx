import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { LabelkitStyles, LABELKIT_STYLE_HREF } from './LabelkitStyles.js';
import { LABELKIT_CSS } from './styles.js';
import { useStyleSheet } from './use-style-sheet.js';

function PackageStyles() {
  useStyleSheet('labelkit-test-package', '.x{color:red}');
  return null;
}

describe('LabelkitStyles', () => {
  it('puts one copy of the stylesheet into <head> however often it renders, base sheet first, and takes it out with the last user', () => {
    const view = render(
      <div>
        <PackageStyles />
        <LabelkitStyles />
        <section>
          <LabelkitStyles />
        </section>
      </div>,
    );
    const styles = document.head.querySelectorAll(`style[data-labelkit-style="${LABELKIT_STYLE_HREF}"]`);
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent).toBe(LABELKIT_CSS);
    expect(view.container.querySelector('style')).toBeNull();
    // The base sheet comes before a package's, whichever mounted first.
    expect([...document.head.querySelectorAll('style[data-labelkit-style]')].map((s) => s.getAttribute('data-labelkit-style'))).toEqual([LABELKIT_STYLE_HREF, 'labelkit-test-package']);
    view.rerender(
      <div>
        <LabelkitStyles />
      </div>,
    );
    expect(document.head.querySelectorAll(`style[data-labelkit-style="${LABELKIT_STYLE_HREF}"]`)).toHaveLength(1);
    expect(document.head.querySelector('style[data-labelkit-style="labelkit-test-package"]')).toBeNull();
    view.unmount();
    expect(document.head.querySelector('style[data-labelkit-style]')).toBeNull();
  });
});
