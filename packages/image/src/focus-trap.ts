/** Elements that take focus with Tab (when not disabled and not `tabindex="-1"`). */
const TABBABLE = 'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]';

/** The elements inside `container` that Tab reaches, in document order (visible, enabled, tabIndex ≥ 0). */
export function tabbables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !(el instanceof HTMLInputElement && el.type === 'hidden') && el.getClientRects().length > 0,
  );
}

/**
 * Where Tab (or Shift+Tab, `backwards`) goes among `count` tab stops from the one at `current`
 * (-1: focus is on none of them): the next one, wrapping around at either end, so focus cycles
 * inside a popover. -1 when there is none.
 */
export function nextTabStop(count: number, current: number, backwards: boolean): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}
