import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { nextTabStop, tabbables } from './focus-trap.js';

/** Props of {@link Popover}. */
export interface PopoverProps {
  /** Accessible name of the dialog. */
  label: string;
  /** Class of the dialog element (placement and look). */
  className: string;
  /** Closes it: called on Escape (hosts also call it from their own close controls). */
  onClose(): void;
  /** Where focus goes back to when it closes: the element that had focus when it opened. */
  returnFocus: HTMLElement | null;
  children: ReactNode;
}

/**
 * A popover over the annotator (label picker, shortcut help) that keeps keyboard focus while open:
 * focus moves in when it opens (unless a control inside took it, e.g. an `autoFocus` search box),
 * Tab and Shift+Tab cycle through its controls, Escape closes it, and when it closes focus goes
 * back to `returnFocus` — unless the user has put focus somewhere else meanwhile.
 */
export function Popover({ label, className, onClose, returnFocus, children }: PopoverProps): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const returnRef = useRef(returnFocus);
  useLayoutEffect(() => {
    const el = ref.current;
    const back = returnRef.current;
    if (el && !el.contains(document.activeElement)) (tabbables(el)[0] ?? el).focus({ preventScroll: true });
    return () => {
      const active = document.activeElement;
      if (back?.isConnected && (!active || active === document.body || (el?.contains(active) ?? false))) back.focus({ preventScroll: true });
    };
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = ref.current;
    if (!el) return;
    if (e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      const stops = tabbables(el);
      const next = stops[nextTabStop(stops.length, stops.indexOf(document.activeElement as HTMLElement), e.shiftKey)];
      e.preventDefault();
      (next ?? el).focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      closeRef.current();
    }
  };
  return (
    <div ref={ref} role="dialog" aria-modal="true" aria-label={label} tabIndex={-1} className={className} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}
