import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { LabelkitStyles, LABELKIT_STYLE_HREF } from './LabelkitStyles.js';
import { LABELKIT_CSS } from './styles.js';

describe('LabelkitStyles', () => {
  it('hoists one copy of the stylesheet into <head> however often it renders', () => {
    const { container } = render(
      <div>
        <LabelkitStyles />
        <section>
          <LabelkitStyles />
        </section>
      </div>,
    );
    const styles = document.head.querySelectorAll(`style[data-href="${LABELKIT_STYLE_HREF}"]`);
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent).toBe(LABELKIT_CSS);
    expect(container.querySelector('style')).toBeNull();
  });
});
