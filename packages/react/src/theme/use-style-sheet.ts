import { useInsertionEffect } from 'react';

/** How many mounted components use each sheet, by id: the `<style>` goes when the last one unmounts. */
const users = new Map<string, number>();

/**
 * Puts `css` into the document's `<head>` once, as `<style data-labelkit-style="{id}">`, while any
 * component that calls this with `id` is mounted — in React 18 and 19 alike (React 19's hoisted
 * `<style href precedence>` does not exist in 18). `order` places sheets among labelkit's own: the
 * base sheet (0) before each package's (1), so a package's rules win at equal specificity. The text is
 * labelkit's own CSS, set with `textContent`, never from host input.
 */
export function useStyleSheet(id: string, css: string, order = 1): void {
  useInsertionEffect(() => {
    const count = users.get(id) ?? 0;
    users.set(id, count + 1);
    if (count === 0 && !document.head.querySelector(`style[data-labelkit-style="${id}"]`)) {
      const style = document.createElement('style');
      style.dataset.labelkitStyle = id;
      style.dataset.labelkitOrder = String(order);
      style.textContent = css;
      const later = [...document.head.querySelectorAll<HTMLStyleElement>('style[data-labelkit-order]')].find((s) => Number(s.dataset.labelkitOrder) > order);
      document.head.insertBefore(style, later ?? null);
    }
    return () => {
      const left = (users.get(id) ?? 1) - 1;
      if (left > 0) return void users.set(id, left);
      users.delete(id);
      document.head.querySelector(`style[data-labelkit-style="${id}"]`)?.remove();
    };
  }, [id, css, order]);
}
